#!/usr/bin/env bash
# Resident memory over 100 epochs of training through the seam (2,560 random rows, batch 256, Adam, a head on the
# embedding), each backend and autoencoder in a process of its own. Writes one JSON line per run.
# Usage, from the repository root: dotnet build benchmarks/DeepClustering.Benchmarks -c Release && bash benchmarks/networks/memory.sh [out.jsonl]
set -euo pipefail
out=${1:-benchmarks/networks/results/memory.jsonl}
bench=benchmarks/DeepClustering.Benchmarks/bin/Release/net10.0/DeepClustering.Benchmarks
: > "$out"
for model in dense conv; do
  for backend in torchsharp managed; do
    "$bench" train-memory --backend "$backend" --model "$model" --epochs 100 --threads 2 | tail -1 | tee -a "$out"
  done
done
