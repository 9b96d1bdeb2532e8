#!/usr/bin/env python3
"""Runs DeepClustering's engine and PyTorch side by side on this machine and prints a Markdown table of ratios.

Usage (from the repository root, after `apt-get install python3-torch libopenblas0-pthread`):
    dotnet build benchmarks/DeepClustering.Benchmarks -c Release
    /usr/bin/python3 benchmarks/side_by_side.py [--rounds 5] [--threads 2] [--out docs/benchmarks/engine.md]

Each round runs every case once in each engine, alternating which goes first, so that both see the same
machine state; the table reports the median over rounds (and the range). Training: batch 256, Adam (lr 1e-3),
MSE reconstruction loss, random 28×28 inputs. GEMM: best of five timed blocks per run.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOTNET_BENCH = os.path.join(ROOT, "benchmarks", "DeepClustering.Benchmarks", "bin", "Release", "net10.0",
                            "DeepClustering.Benchmarks")
TORCH_BENCH = os.path.join(ROOT, "benchmarks", "reference", "torch_benchmark.py")

CASES = [
    ("train", {"model": "dense", "batches": "20"}, "samples_per_second", "Dense AE 784-500-500-2000-10 training, samples/s"),
    ("train", {"model": "conv", "batches": "10"}, "samples_per_second", "Conv AE (DCEC/DEKM) training, samples/s"),
    ("gemm", {"m": "256", "n": "500", "k": "784"}, "gflops", "SGEMM 256×784 · 784×500, GFLOP/s"),
    ("gemm", {"m": "1024", "n": "1024", "k": "1024"}, "gflops", "SGEMM 1024³, GFLOP/s"),
]


def run(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip().splitlines()
    return json.loads(out[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out", default="")
    args = parser.parse_args()
    results = {i: {"ours": [], "torch": []} for i in range(len(CASES))}
    details = {}
    for r in range(args.rounds):
        for i, (cmd, opts, metric, _) in enumerate(CASES):
            flags = [x for k, v in opts.items() for x in ("--" + k, v)] + ["--threads", str(args.threads)]
            ours = [DOTNET_BENCH, cmd] + flags
            theirs = [sys.executable, TORCH_BENCH, cmd] + flags
            order = [("ours", ours), ("torch", theirs)] if r % 2 == 0 else [("torch", theirs), ("ours", ours)]
            for name, command in order:
                res = run(command)
                results[i][name].append(res[metric])
                details[(i, name)] = res
            print(f"round {r + 1}: {CASES[i][3]}: ours {results[i]['ours'][-1]:.1f}, torch {results[i]['torch'][-1]:.1f}",
                  file=sys.stderr)

    lines = [
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} logical CPUs; threads: {args.threads}; "
        f"rounds: {args.rounds} (median, with min–max).",
        f"Reference: {details[(0, 'torch')]['engine']}, BLAS {details[(0, 'torch')].get('blas', '?')}.",
        f"Ours: {details[(0, 'ours')]['backend']}.",
        "",
        "| benchmark | DeepClustering | PyTorch | ratio |",
        "|---|---|---|---|",
    ]
    for i, (_, _, _, title) in enumerate(CASES):
        ours, theirs = results[i]["ours"], results[i]["torch"]
        mo, mt = statistics.median(ours), statistics.median(theirs)
        lines.append(f"| {title} | {mo:.1f} ({min(ours):.1f}–{max(ours):.1f}) | {mt:.1f} ({min(theirs):.1f}–{max(theirs):.1f}) | {mo / mt:.2f}× |")
    for model_case in (0, 1):
        o, t = details[(model_case, "ours")], details[(model_case, "torch")]
        lines.append("")
        lines.append(f"{CASES[model_case][3].split(',')[0]}: peak working set {o['peak_working_set_mb']:.0f} MB (ours) vs "
                     f"{t['peak_working_set_mb']:.0f} MB max RSS (PyTorch); bytes allocated per batch (ours): "
                     f"{o['bytes_allocated_per_batch']:.0f}.")
    table = "\n".join(lines)
    print(table)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(table + "\n")


if __name__ == "__main__":
    main()
