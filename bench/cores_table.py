"""The both-cores target of issue 19 (imported by perf_table.py; `perf_table.py --cores` runs it alone).

The peer's depth-8 width-64 trajectory (rtol = atol = 1e-6, t in [0, 20]) with -Ddln.trajectoryThreads=2,
which gives a trajectory this large the second core (the gradient pass and the integrator's elementwise loops
on two threads; opt-in, the default stays on one thread), against the same run on one thread
(-Ddln.trajectoryThreads=1). Target: >= 1.8x. Beside
it the numpy/scipy peer with OpenBLAS on two threads as well as on one (--threads 2 / 1 of numpy_peer.py).
"""
import json
import os
import subprocess
import sys

CONFIG = "8x64"
RATIO = 1.8
ONE_THREAD = ["-Ddln.trajectoryThreads=1"]
TWO_THREADS = ["-Ddln.trajectoryThreads=2"]   # opt-in: the default keeps one thread


def peer_run(peer_script, out_dir, threads, repeats, dump=None):
    """numpy_peer.py on CONFIG with BLAS on `threads` threads; its RK45 product-init row"""
    path = os.path.join(out_dir, "peer-%dthreads.json" % threads)
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    cmd = [sys.executable, peer_script, "--init", "product", "--configs", CONFIG, "--skip-rk4", "--threads",
           str(threads), "--repeats", str(repeats), "--json", path] + (["--dump", dump] if dump else [])
    print("$ " + " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True, env=env, capture_output=True, text=True)
    for row in json.load(open(path))["runs"]:
        if row.get("method") == "RK45" and row.get("init") == "product":
            return row
    raise RuntimeError("numpy_peer.py gave no RK45 product row for " + CONFIG)


def measure(java, peer_script, out_dir, log, repeats, peer_dir=None, peer_one=None, ours_one=None):
    """
    Both sides on two threads and on one. The one-thread figures of the full table (peer_one: the peer's row,
    ours_one: our `bench` JSON with -Ddln.trajectoryThreads=1, both from the peer's dump in peer_dir) are reused
    when given; alone, this runs them too.
    """
    if peer_dir is None:
        peer_dir = os.path.join(out_dir, "cores-peer")
    if peer_one is None:
        peer_one = peer_run(peer_script, out_dir, 1, repeats, dump=peer_dir)
    peer_two = peer_run(peer_script, out_dir, 2, repeats)
    common = ["bench", "--peer-config", CONFIG, "--peer-dump", peer_dir, "--repeat", "5"]
    if ours_one is None:
        ours_one = java(ONE_THREAD, common)
    ours_two = java(TWO_THREADS, common)
    r = {"peer_one": peer_one, "peer_two": peer_two, "ours_one": ours_one, "ours_two": ours_two}
    log("cores", r)
    return r


def ms(x):
    return "%.3g ms" % x if x < 1000 else "%.3g s" % (x / 1000)


def rows(r):
    one, two = r["ours_one"]["medianMillis"], r["ours_two"]["medianMillis"]
    p1, p2 = r["peer_one"]["median_s"] * 1000, r["peer_two"]["median_s"] * 1000
    ratio = one / two
    return ["| both cores, depth 8 width 64: ≥ %g× one thread | **%s** on both cores (second core: %d chunks); %s on "
            "one thread (%d steps) | %s with OpenBLAS on 2 threads; %s on 1 | **%.2f×** one thread; %.1f× the peer "
            "on 2 threads | %s |"
            % (RATIO, ms(two), r["ours_two"].get("secondCoreChunks", 0), ms(one), r["ours_two"]["steps"], ms(p2),
               ms(p1), ratio, p2 / two, "yes" if ratio >= RATIO else "no")]
