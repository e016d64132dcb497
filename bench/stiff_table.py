"""The stiff-run targets of issue 19 (imported by perf_table.py; `perf_table.py --stiff` runs these alone).

  1. the numpy peer's stiff workload: depth 4, width 8, product init scaled 30, t in [0, 50], rtol = atol = 1e-6.
     scipy's stiff solvers (LSODA, BDF, Radau) and RK45 time it; ours replays the identical problem from the
     peer's dump, once as shipped (automatic switch to Radau IIA) and once with -Ddln.stiffSwitching=false
     (the explicit Dormand-Prince alone: the code before the switch). Targets: >= 10x faster than the explicit
     run and faster than scipy's best stiff method.
  2. issue 18's 9-minute case (bench/presets/stiff-wide-network.json: widths 3-32x7-3, tau = 4, T = 200):
     under 10 s.
"""
import json
import os
import subprocess
import sys

STIFF_CONFIG = "4x8"
STIFF_SCALE = "30"
STIFF_T_END = "50"
STIFF_METHODS = "RK45,LSODA,BDF,Radau"
STIFF_RATIO = 10.0
WIDE_PRESET = "bench/presets/stiff-wide-network.json"
WIDE_BUDGET_MS = 10000.0


def measure(java, peer_script, out_dir, log, repeats):
    peer_dir = os.path.join(out_dir, "stiff-peer")
    peer_json = os.path.join(peer_dir, "peer.json")
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    cmd = [sys.executable, peer_script, "--init", "product", "--configs", STIFF_CONFIG, "--init-scale", STIFF_SCALE,
           "--t-end", STIFF_T_END, "--methods", STIFF_METHODS, "--skip-rk4", "--repeats", str(repeats),
           "--dump", peer_dir, "--json", peer_json]
    print("$ " + " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True, env=env, capture_output=True, text=True)
    peer = {}
    for row in json.load(open(peer_json))["runs"]:
        if row.get("init") == "product":
            peer[row["method"]] = row
    log("stiff-peer", {"results": peer})
    common = ["bench", "--peer-config", STIFF_CONFIG, "--peer-scale", STIFF_SCALE, "--peer-t-end", STIFF_T_END,
              "--peer-dump", peer_dir]
    ours = java([], common + ["--repeat", "21"])
    explicit = java(["-Ddln.stiffSwitching=false"], common + ["--repeat", "5"])
    wide = java([], ["bench", WIDE_PRESET, "--repeat", "3"])
    log("stiff", {"ours": ours, "explicit": explicit, "wide": wide})
    return {"peer": peer, "ours": ours, "explicit": explicit, "wide": wide}


def ms(x):
    return "%.3g ms" % x if x < 1000 else "%.3g s" % (x / 1000)


def rows(r):
    peer, ours, explicit, wide = r["peer"], r["ours"], r["explicit"], r["wide"]
    stiff = [m for m in ("LSODA", "BDF", "Radau") if m in peer]
    best = min(stiff, key=lambda m: peer[m]["median_s"]) if stiff else None
    best_ms = peer[best]["median_s"] * 1000 if best else float("nan")
    vs_today = explicit["medianMillis"] / ours["medianMillis"]
    vs_peer = best_ms / ours["medianMillis"]
    cpu = explicit.get("cpuMedianMillis", float("nan")) / ours.get("cpuMedianMillis", float("nan"))
    scipy = "; ".join("%s %s (%d steps)" % (m, ms(peer[m]["median_s"] * 1000), peer[m]["steps"])
                      for m in ["RK45"] + stiff if m in peer)
    out = ["| stiff: depth 4 width 8, product init 30, t in [0, 50], rtol = atol = 1e-6: >= 10x faster than the "
           "explicit run and faster than scipy's best stiff method | **%s** (%d steps; CPU %s) vs explicit DP5 alone "
           "%s (%d steps; CPU %s) | %s | **%.1fx** vs explicit (CPU %.1fx); **%.1fx** vs %s | %s |"
           % (ms(ours["medianMillis"]), ours["steps"], ms(ours.get("cpuMedianMillis", float("nan"))),
              ms(explicit["medianMillis"]), explicit["steps"], ms(explicit.get("cpuMedianMillis", float("nan"))),
              scipy, vs_today, cpu, vs_peer, best,
              "yes" if vs_today >= STIFF_RATIO and vs_peer > 1 else "no")]
    out.append("| stiff: widths 3-32x7-3, tau = 4, T = 200 (issue 18: 9 min, 883,216 steps) under 10 s | **%s** "
               "(%d steps; CPU %s) | — | **%.0fx** under the budget | %s |"
               % (ms(wide["medianMillis"]), wide["steps"], ms(wide.get("cpuMedianMillis", float("nan"))),
                  WIDE_BUDGET_MS / wide["medianMillis"], "yes" if wide["medianMillis"] < WIDE_BUDGET_MS else "no"))
    return out
