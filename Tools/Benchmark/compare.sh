#!/usr/bin/env bash
# Runs the AlignFuse benchmark beside its references, interleaved, several rounds, on this machine:
#   numpy/OpenBLAS matmul, PyTorch eager W-CLIP/W-VQA (if torch is installed), matplotlib W-PLOT
#   (if matplotlib is installed), and the benchmark executable.
# Each round's JSON lines go to out/benchmark/round-N.jsonl; at the end, summarize.py prints the medians
# across the rounds and their ratios as one Markdown table.
#
#   bash Tools/Benchmark/compare.sh [rounds] [extra swift build flags...]
#   bash Tools/Benchmark/compare.sh 3 --scratch-path .build-perf
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-3}"
shift || true
swift build -c release --product benchmark "$@" >&2
bin="$(swift build -c release --product benchmark --show-bin-path "$@")/benchmark"
mkdir -p out/benchmark
files=()
# OpenBLAS overrides of this machine pick a slower kernel: unset them for the references alone.
reference() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=2 python3 "$@"; }
for round in $(seq 1 "$rounds"); do
    file="out/benchmark/round-$round.jsonl"
    : > "$file"
    reference Tools/Benchmark/numpy_matmul.py >> "$file"
    "$bin" --only matmul >> "$file"
    if python3 -c "import torch" 2>/dev/null; then reference Tools/Benchmark/torch_reference.py >> "$file"; fi
    "$bin" --only clip,vqa >> "$file"
    if python3 -c "import matplotlib" 2>/dev/null; then reference Tools/Benchmark/reference_plot.py >> "$file"; fi
    "$bin" --only plot,data >> "$file"
    echo "round $round:" >&2
    cat "$file"
    files+=("$file")
done
echo >&2
python3 Tools/Benchmark/summarize.py "${files[@]}"
