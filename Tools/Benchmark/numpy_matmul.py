"""OpenBLAS (through numpy) GFLOP/s at the W-MATMUL shapes (Tools/Benchmark/MatmulWorkload.swift), for comparison.

Run it right after the benchmark executable, on the same machine state, with the OpenBLAS overrides of this machine
unset for this command alone (they select a slower kernel):

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=2 python3 Tools/Benchmark/numpy_matmul.py

Prints one JSON object: {"openblas_gflops": {"64x64x64": ..., ...}, "threads": 2, "kernel": "..."}.
"""
import json
import os
import time

import numpy as np

SHAPES = [(64, 64, 64), (256, 256, 256), (512, 512, 512), (64, 192, 64)]


def gflops(m, k, n, repeats=9):
    rng = np.random.default_rng(7)
    a = rng.uniform(-1, 1, (m, k)).astype(np.float32)
    b = rng.uniform(-1, 1, (k, n)).astype(np.float32)
    c = np.empty((m, n), dtype=np.float32)
    flop = 2.0 * m * k * n
    calls = max(1, int(4e8 / flop))
    np.matmul(a, b, out=c)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            np.matmul(a, b, out=c)
        times.append(time.perf_counter() - start)
    times.sort()
    return flop * calls / times[len(times) // 2] / 1e9


def kernel_name():
    try:
        from threadpoolctl import threadpool_info
        info = [p for p in threadpool_info() if p.get("internal_api") == "openblas"]
        return f'{info[0]["architecture"]}, {info[0]["num_threads"]} threads' if info else "unknown"
    except ImportError:
        return "unknown (threadpoolctl not installed)"


if __name__ == "__main__":
    result = {f"{m}x{k}x{n}": round(gflops(m, k, n), 3) for m, k, n in SHAPES}
    print(json.dumps({"openblas_gflops": result,
                      "threads": int(os.environ.get("OPENBLAS_NUM_THREADS", "0")) or os.cpu_count(),
                      "kernel": kernel_name()}))
