#!/usr/bin/env python3
"""Times the numpy/scipy peer's RK45 workload (../shared/bench/numpy_peer.py, imported unchanged) by
wall clock AND by process CPU time, so that it can be compared with `bench` on a busy shared machine.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/peer_cpu.py /work/shared/bench/numpy_peer.py \
        --configs 2x4,4x16,8x64 --repeats 3

Prints one JSON object per config: wall and CPU medians (seconds), steps, nfev. BLAS is pinned to one
thread by the peer module itself (before numpy is imported), so process CPU time is one core's work.
"""
import importlib.util
import json
import statistics
import sys
import time

peer_path = sys.argv[1]
rest = sys.argv[2:]
configs = "2x4,4x16,8x64"
repeats = 3
if "--configs" in rest:
    configs = rest[rest.index("--configs") + 1]
if "--repeats" in rest:
    repeats = int(rest[rest.index("--repeats") + 1])
# the peer parses its own arguments at import time
sys.argv = [peer_path, "--init", "product", "--configs", configs, "--skip-rk4", "--repeats", str(repeats)]
spec = importlib.util.spec_from_file_location("numpy_peer", peer_path)
peer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peer)
a = peer.ARGS
for tok in configs.split(","):
    L, n = (int(x) for x in tok.lower().split("x"))
    T, W0 = peer.make_problem(L, n, "product", a.init_scale, a.seed)
    walls, cpus, res = [], [], None
    for _ in range(repeats):
        w0, c0 = time.perf_counter(), time.process_time()
        res = peer.run_rk45(W0, T, a.t_end, a.rtol, a.atol)
        cpus.append(time.process_time() - c0)
        walls.append(time.perf_counter() - w0)
    _, steps, nfev = res
    print(json.dumps({"config": tok, "wallMedianSeconds": statistics.median(walls),
                      "cpuMedianSeconds": statistics.median(cpus), "steps": steps, "nfev": nfev,
                      "finalLoss": peer.loss(res[0], T)}), flush=True)
