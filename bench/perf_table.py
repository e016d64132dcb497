#!/usr/bin/env python3
"""Measures every performance target of DLN Explorer in one run and prints the README's table.

    mvn -B -q package -DskipTests
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/perf_table.py [--out /tmp/perf] [--accuracy]

One run, in this order, same jar, same shell:
  1. the numpy/scipy peer (../shared/bench/numpy_peer.py --init product --skip-rk4, BLAS on one thread),
     which also dumps its problems (T, W0, final W_eff) so that our side integrates the identical ones;
  2. ours on the peer's problems (and 2b. the stiff runs of bench/stiff_table.py, alone with --stiff): `bench --peer-config LxN --peer-dump DIR` as the contract's plain
     `java -jar` (which runs the SIMD kernels: it re-runs itself with the Vector API module), and once more
     with `-Ddln.relaunch=false` (the scalar fallback of a runtime without the module); depth 8 width 64 on
     one thread (-Ddln.trajectoryThreads=1) like the peer, and 2c. on both cores against the peer with
     OpenBLAS on two threads (bench/cores_table.py, alone with --cores);
  3. every bundled lecture preset: `bench PRESET` (all compare members, all observables, theory overlay);
  4. the 41 × 41 phase-diagram sweep of the two-layer lecture network on both cores: `bench --sweep`;
  5. the in-app latency probe, headless: `bench --app PRESET --headless` (the step latency and, issue 19 part 2,
     the drag: complete pictures per second, their age, and the CPU per picture by thread group), on six presets
     or, with --app-presets all, every bundled one (--app-only: only these rows).
Everything each command printed is kept in OUT/results.jsonl; the table goes to stdout and OUT/table.md.
Times are wall-clock medians (run it on an otherwise idle machine: the load average is printed with it).
"""
import argparse
import json
import os
import subprocess
import sys
import time

import cores_table
import stiff_table

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CONFIGS = ["2x4", "4x16", "8x64"]
TARGET_RATIO = {"2x4": 10.0, "4x16": 3.0, "8x64": 1.0}
FRAME_BUDGET_MS = 16.0
SWEEP_BUDGET_MS = 2000.0
LATENCY_BUDGET_MS = 50.0
DRAG_PICTURES_PER_S = 50.0   # issue 19 part 2: complete pictures per second while a slider is dragged
DRAG_AGE_P95_MS = 33.0       # ... and their age (change → picture) at the 95th percentile
SWEEP_PRESET = "presets/lazy-rich-lambda-balanced.json"
APP_PRESETS = ["saxe-two-modes", "single-neuron-delta-sweep", "lazy-rich-lambda-balanced",
               "conservation-gradient-descent", "marion-chizat-small-scale", "edge-of-stability"]
SCALAR = ["-Ddln.relaunch=false"]


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--jar", default=os.path.join(ROOT, "target", "dln-explorer.jar"))
    p.add_argument("--peer", default=os.path.join(ROOT, "..", "shared", "bench", "numpy_peer.py"))
    p.add_argument("--out", default="/tmp/dln-perf")
    p.add_argument("--peer-repeats", type=int, default=5)
    p.add_argument("--accuracy", action="store_true",
                   help="also integrate the peer problems at rtol = atol = 1e-12 and report both sides' error")
    p.add_argument("--skip-app", action="store_true")
    p.add_argument("--app-presets", choices=["six", "all"], default="six",
                   help="the in-app rows: the six presets of the first table (default) or every bundled preset "
                        "(presets/index.txt; the ReLU presets are listed apart)")
    p.add_argument("--app-only", action="store_true", help="only the in-app rows (the drag table)")
    p.add_argument("--stiff", action="store_true", help="only the stiff-run targets (bench/stiff_table.py)")
    p.add_argument("--cores", action="store_true", help="only the both-cores target (bench/cores_table.py)")
    return p.parse_args()


ARGS = parse_args()
os.makedirs(ARGS.out, exist_ok=True)
LOG = open(os.path.join(ARGS.out, "results.jsonl"), "w")


def log(kind, obj):
    LOG.write(json.dumps({"kind": kind, **obj}) + "\n")
    LOG.flush()


def java(jvm, args, timeout=1800):
    cmd = ["java"] + jvm + ["-jar", ARGS.jar] + args
    print("$ " + " ".join(cmd), file=sys.stderr, flush=True)
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError("failed (%d): %s\n%s" % (r.returncode, " ".join(cmd), r.stderr.strip()[-2000:]))
    return json.loads(r.stdout.strip().splitlines()[-1])


def load():
    return os.getloadavg()[0]


def measured(started, load0, load1, medians=True):
    """the line that opens every table: when, and the load it was taken under"""
    return "Measured %s, load average %.2f at the start and %.2f at the end (2 cores)%s." % (
        started, load0, load1, "; wall-clock medians" if medians else "")


def publish(lines):
    """the table to stdout and OUT/table.md"""
    table = "\n".join(lines)
    print(table)
    open(os.path.join(ARGS.out, "table.md"), "w").write(table + "\n")


def main():
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load0 = load()
    if ARGS.stiff:
        stiff = stiff_table.measure(java, ARGS.peer, ARGS.out, log, ARGS.peer_repeats)
        publish([measured(started, load0, load()), "", "| target | ours | peer (scipy, OpenBLAS, 1 thread) | ratio | met? |",
                 "|---|---|---|---|---|"] + stiff_table.rows(stiff))
        return
    if ARGS.app_only:
        app = measure_app()
        publish([measured(started, load0, load(), medians=False), ""] + drag_rows(app))
        return
    if ARGS.cores:
        cores = cores_table.measure(java, ARGS.peer, ARGS.out, log, ARGS.peer_repeats)
        publish([measured(started, load0, load()), "", "| target | ours | peer (scipy RK45, OpenBLAS) | ratio | met? |",
                 "|---|---|---|---|---|"] + cores_table.rows(cores))
        return
    # 1. the peer
    peer_dir = os.path.join(ARGS.out, "peer")
    peer_json = os.path.join(peer_dir, "peer.json")
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    cmd = [sys.executable, ARGS.peer, "--init", "product", "--configs", ",".join(CONFIGS), "--skip-rk4",
           "--repeats", str(ARGS.peer_repeats), "--dump", peer_dir, "--json", peer_json]
    print("$ " + " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True, env=env, capture_output=True, text=True)
    peer_rows = json.load(open(peer_json))
    peer = {}
    for row in peer_rows["runs"]:
        if row.get("method") == "RK45" and row.get("init") == "product":
            peer["%dx%d" % (row["L"], row["n"])] = row
    log("peer", {"results": peer})

    # 2. ours on the peer's problems
    ours = {}
    for c in CONFIGS:
        repeat = "5" if c == "8x64" else "21"
        common = ["bench", "--peer-config", c, "--peer-dump", peer_dir, "--repeat", repeat]
        # like the peer (BLAS on one thread): one thread; the smaller two stay on one thread by themselves
        one = cores_table.ONE_THREAD if c == cores_table.CONFIG else []
        vector = java(one, common + (["--accuracy"] if ARGS.accuracy else []))
        scalar = java(SCALAR + one, common)
        assert vector["kernels"] == "vector" and scalar["kernels"] == "scalar", (vector["kernels"], scalar["kernels"])
        ours[c] = {"scalar": scalar, "vector": vector}
        log("peer-config", {"config": c, "scalar": scalar, "vector": vector})

    # 2b. the stiff runs
    stiff = stiff_table.measure(java, ARGS.peer, ARGS.out, log, ARGS.peer_repeats)

    # 2c. both cores
    cores = cores_table.measure(java, ARGS.peer, ARGS.out, log, ARGS.peer_repeats, peer_dir=peer_dir,
                                peer_one=peer.get(cores_table.CONFIG), ours_one=ours[cores_table.CONFIG]["vector"])

    # 3. lecture presets (the contract's plain java -jar)
    presets = []
    for name in open(os.path.join(ROOT, "presets", "index.txt")).read().split():
        r = java([], ["bench", "presets/" + name, "--repeat", "21"])
        presets.append(r)
        log("preset", r)

    # 4. the sweep
    sweep = java([], ["bench", SWEEP_PRESET, "--sweep", "--repeat", "5"])
    log("sweep", sweep)

    # 5. the app
    app = [] if ARGS.skip_app else measure_app()
    load1 = load()

    publish([render(started, load0, load1, peer, ours, presets, sweep, app, stiff, cores)])


def app_presets():
    if ARGS.app_presets == "six":
        return APP_PRESETS
    return [n.replace(".json", "") for n in open(os.path.join(ROOT, "presets", "index.txt")).read().split()]


def measure_app():
    app = []
    for name in app_presets():
        try:
            r = java([], ["bench", "--app", "presets/%s.json" % name, "--headless", "--changes", "40"], timeout=600)
        except Exception as e:  # reported, not hidden
            r = {"preset": "presets/%s.json" % name, "error": str(e).splitlines()[0]}
        app.append(r)
        log("app", r)
    return app


def drag_met(a):
    return a["dragCompletePerSecond"] >= DRAG_PICTURES_PER_S and a["dragLatencyMillis"]["p95"] is not None \
        and a["dragLatencyMillis"]["p95"] <= DRAG_AGE_P95_MS


def drag_rows(app):
    """The drag target per preset (lecture presets first, the heavier ReLU sweeps apart), with where a picture's CPU goes."""
    ok = [a for a in app if "error" not in a]
    lines = ["| app while dragging: ≥ %g complete pictures/s, their age p95 ≤ %g ms (headless) | pictures/s | age p50 / p95 "
             "| CPU per picture: simulation / painters / FX / render / sweep / other (ms) | met? |"
             % (DRAG_PICTURES_PER_S, DRAG_AGE_P95_MS), "|---|---|---|---|---|"]
    for relu in (False, True):
        for a in ok:
            name = os.path.basename(a["preset"]).replace(".json", "")
            if name.startswith("relu-") != relu:
                continue
            cpu = a.get("dragCpuMillisPerPicture") or {}
            lines.append("| %s%s (%s) | %.1f | %s / %s | %s | %s |" % (
                "ReLU sweep: " if relu else "", name, a["parameter"], a["dragCompletePerSecond"],
                ms(a["dragLatencyMillis"]["p50"]) if a["dragLatencyMillis"]["p50"] is not None else "—",
                ms(a["dragLatencyMillis"]["p95"]) if a["dragLatencyMillis"]["p95"] is not None else "—",
                " / ".join("%.1f" % cpu[g] if g in cpu else "—" for g in ("simulation", "painters", "fx", "render", "sweep", "other")),
                "yes" if drag_met(a) else "no"))
    for a in app:
        if "error" in a:
            lines.append("| %s | not measured: %s | — | — | — |" % (os.path.basename(a["preset"]), a["error"]))
    return lines


def ms(x):
    return "%.3g ms" % x if x < 1000 else "%.3g s" % (x / 1000)


def render(started, load0, load1, peer, ours, presets, sweep, app, stiff, cores):
    lines = [measured(started, load0, load1), "",
             "| target | ours | peer (scipy RK45, OpenBLAS, 1 thread unless stated) | ratio | met? |", "|---|---|---|---|---|"]
    for c in CONFIGS:
        p = peer.get(c)
        pm = p["median_s"] * 1000 if p else float("nan")
        v, s = ours[c]["vector"], ours[c]["scalar"]
        rv, rs = pm / v["medianMillis"], pm / s["medianMillis"]
        want = TARGET_RATIO[c]
        goal = "as fast as the peer" if want == 1 else "≥ %g× faster" % want
        threads = "one thread" if c == cores_table.CONFIG else (
            "one thread by itself" if v.get("secondCoreChunks", 0) == 0 else "second core used")
        lines.append("| %s, depth %s width %s (rtol = atol = 1e−6, t ∈ [0, 20]) | **%s** (SIMD, %s); %s scalar fallback "
                     "| %s (%s steps, %s evaluations; ours %s steps%s) | **%.1f×**; %.1f× scalar | %s |"
                     % (goal, c.split("x")[0], c.split("x")[1], ms(v["medianMillis"]), threads, ms(s["medianMillis"]),
                        ms(pm), p["steps"] if p else "?", p["nfev"] if p else "?", v["steps"],
                        (", %d evaluations; W_eff error vs rtol 1e−12: ours %.1e, peer %.1e" % (v["evaluations"], v["weffErrorVsReference"], v["peerWeffErrorVsReference"])) if "evaluations" in v else "", rv, rs,
                        "yes" if rv >= want else "no"))
    lines.extend(cores_table.rows(cores))
    lines.extend(stiff_table.rows(stiff))
    over = [r for r in presets if r["medianMillis"] > FRAME_BUDGET_MS]
    worst = max(presets, key=lambda r: r["medianMillis"])
    per_run = max(r["medianMillis"] / r["runs"] for r in presets)
    lines.append("| lecture presets: a whole trajectory ≤ 16 ms | every compare set of the %d presets: max %s (%s, %d runs); "
                 "per trajectory max %s%s | — | — | %s |"
                 % (len(presets), ms(worst["medianMillis"]), os.path.basename(worst["preset"]), worst["runs"],
                    ms(per_run), "" if not over else "; over 16 ms per set: " + ", ".join(
                        "%s %s" % (os.path.basename(r["preset"]).replace(".json", ""), ms(r["medianMillis"])) for r in over),
                    "yes" if per_run <= FRAME_BUDGET_MS else "no"))
    lines.append("| 41 × 41 phase-diagram sweep ≤ 2 s on both cores | %s (%d cells, %.0f cells/s, %s threads) | — | — | %s |"
                 % (ms(sweep["medianMillis"]), sweep["cells"], sweep["cellsPerSecond"], sweep.get("threads", "?"),
                    "yes" if sweep["medianMillis"] <= SWEEP_BUDGET_MS else "no"))
    ok = [a for a in app if "error" not in a]
    if ok:
        p95 = max(a["latencyMillis"]["p95"] for a in ok)
        p95lo = min(a["latencyMillis"]["p95"] for a in ok)
        p50lo = min(a["latencyMillis"]["p50"] for a in ok)
        p50hi = max(a["latencyMillis"]["p50"] for a in ok)
        worst_pulse = max(a.get("handlerCpuMillis", {}).get("max", float("nan")) for a in ok)
        over16 = sum(a.get("pulsesOver16ms", 0) for a in ok)
        lines.append("| app: slider change → views redrawn ≤ 50 ms (p95); no pulse > 16 ms from the app | latency p50 %s–%s, "
                     "p95 %s–%s over %d presets; our pulse handler max %s CPU, %d pulses over 16 ms (headless Monocle, "
                     "software rendering) | — | — | %s |"
                     % (ms(p50lo), ms(p50hi), ms(p95lo), ms(p95), len(ok), ms(worst_pulse), over16,
                        "yes" if p95 <= LATENCY_BUDGET_MS and over16 == 0 else "no"))
    elif app:
        lines.append("| app latency | not measured: %s | — | — | — |" % app[0]["error"])
    if app:
        met = sum(1 for a in ok if drag_met(a))
        lines.append("| app while dragging: ≥ %g complete pictures/s with their age p95 ≤ %g ms on every preset | %d of %d "
                     "presets (table below) | — | — | %s |" % (DRAG_PICTURES_PER_S, DRAG_AGE_P95_MS, met, len(app),
                                                              "yes" if ok and met == len(app) else "no"))
        lines.append("")
        lines.extend(drag_rows(app))
    lines.append("")
    lines.append("| preset | runs | frames | median | per trajectory |")
    lines.append("|---|---|---|---|---|")
    for r in presets:
        lines.append("| %s | %d | %d | %s | %s |" % (os.path.basename(r["preset"]).replace(".json", ""), r["runs"],
                                                  r["frames"], ms(r["medianMillis"]), ms(r["medianMillis"] / r["runs"])))
    return "\n".join(lines)


if __name__ == "__main__":
    main()
