"""W-PLOT in matplotlib (Agg), the reference for Tools/Benchmark/PlotWorkload.swift.

The same two charts, timed the same way (from data to a closed PNG file; one warm-up run,
then the median of 7 runs), printed as one JSON object:

    python3 Tools/Benchmark/reference_plot.py [folder]
    {"plot_scatter_ms": 180.2, "plot_heatmap_ms": 205.7, "matplotlib": "3.x"}
"""
import json
import os
import statistics
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def scatter(path, x, y, classes):
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)  # 800×600
    for c in range(10):
        mask = classes == c
        ax.scatter(x[mask], y[mask], s=30, alpha=0.8, label=f"class {c}")
    ax.set_title("2,000 points in 10 classes")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.grid(True, color="#e6e6e6")
    ax.legend(loc="best")
    fig.savefig(path)
    plt.close(fig)


def heatmap(path, values):
    fig, ax = plt.subplots(figsize=(8, 8), dpi=100)  # 800×800
    image = ax.imshow(values, cmap="viridis", interpolation="nearest")
    fig.colorbar(image, ax=ax)
    ax.set_title("196 × 196 heatmap")
    fig.savefig(path)
    plt.close(fig)


def median_ms(work, runs=7):
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "out/benchmark-plot-reference"
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(7)
    classes = np.arange(2000) % 10
    angle = 2 * np.pi * classes / 10
    x = 5 * np.cos(angle) + rng.standard_normal(2000)
    y = 5 * np.sin(angle) + rng.standard_normal(2000)
    values = rng.random((196, 196))
    result = {
        "plot_scatter_ms": round(median_ms(lambda: scatter(os.path.join(folder, "scatter.png"), x, y, classes)), 1),
        "plot_heatmap_ms": round(median_ms(lambda: heatmap(os.path.join(folder, "heatmap.png"), values)), 1),
        "matplotlib": matplotlib.__version__,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
