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
REFERENCE = os.path.join(ROOT, "benchmarks", "reference")


def engine_cases(_):
    torch = os.path.join(REFERENCE, "torch_benchmark.py")
    return [
        ("train", {"model": "dense", "batches": "20"}, torch, ["train"], "samples_per_second", "higher",
         "Dense AE 784-500-500-2000-10 training, samples/s"),
        ("train", {"model": "conv", "batches": "10"}, torch, ["train"], "samples_per_second", "higher",
         "Conv AE (DCEC/DEKM) training, samples/s"),
        ("gemm", {"m": "256", "n": "500", "k": "784"}, torch, ["gemm"], "gflops", "higher", "SGEMM 256×784 · 784×500, GFLOP/s"),
        ("gemm", {"m": "1024", "n": "1024", "k": "1024"}, torch, ["gemm"], "gflops", "higher", "SGEMM 1024³, GFLOP/s"),
    ]


def clustering_cases(data):
    mnist = os.path.join(data, "mnist")
    points = "/tmp/deepclustering-bench-points-70k.bin"
    blobs = "/tmp/deepclustering-bench-blobs-20k.bin"
    ref = lambda name: os.path.join(REFERENCE, f"sklearn_{name}.py")
    return [
        ("kmeans", {"data": mnist, "k": "10", "seed": "0"}, ref("kmeans"), [], "seconds_per_iteration", "lower",
         "k-means, MNIST 70k × 784, k=10, one k-means++ init: seconds per iteration"),
        ("tsne", {"data": mnist, "count": "10000", "pca": "30", "seed": "0"}, ref("tsne"), [], "seconds", "lower",
         "PCA(30) + Barnes-Hut t-SNE, 10,000 MNIST images: seconds"),
        ("silhouette", {"data": mnist, "n": "10000"}, ref("silhouette"), [], "seconds", "lower",
         "exact silhouette, 10,000 MNIST images × 784: seconds"),
        ("dbscan", {"data": points, "rows": "70000", "eps": "0.5", "min-points": "10"}, ref("dbscan"), [], "seconds", "lower",
         "DBSCAN, 70,000 2-D points: seconds"),
        ("agglomerative", {"data": blobs, "rows": "20000", "columns": "10", "linkage": "ward", "clusters": "10"},
         ref("agglomerative"), [], "seconds", "lower", "Ward agglomerative, 20,000 × 10: seconds"),
    ]


SUITES = {"engine": engine_cases, "clustering": clustering_cases}


def run(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip().splitlines()
    return json.loads(out[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out", default="")
    parser.add_argument("--suite", default="engine", choices=sorted(SUITES))
    parser.add_argument("--data", default=os.path.join(ROOT, "data"), help="folder filled by scripts/fetch-data.sh")
    args = parser.parse_args()
    cases = SUITES[args.suite](args.data)
    results = {i: {"ours": [], "reference": []} for i in range(len(cases))}
    details = {}
    for r in range(args.rounds):
        for i, (cmd, opts, script, script_args, metric, _, title) in enumerate(cases):
            flags = [x for k, v in opts.items() for x in ("--" + k, v)] + ["--threads", str(args.threads)]
            ours = [DOTNET_BENCH, cmd] + flags
            theirs = [sys.executable, script] + script_args + flags
            order = [("ours", ours), ("reference", theirs)] if r % 2 == 0 else [("reference", theirs), ("ours", ours)]
            for name, command in order:
                res = run(command)
                results[i][name].append(res[metric])
                details[(i, name)] = res
            print(f"round {r + 1}: {title}: ours {results[i]['ours'][-1]:.4g}, reference {results[i]['reference'][-1]:.4g}",
                  file=sys.stderr)

    reference_engine = details[(0, "reference")]["engine"]
    lines = [
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} logical CPUs; threads: {args.threads}; "
        f"rounds: {args.rounds} (median, with min–max).",
        f"Reference: {reference_engine}" + (f", BLAS {details[(0, 'reference')]['blas']}." if "blas" in details[(0, "reference")] else "."),
        f"Ours: DeepClustering" + (f", {details[(0, 'ours')]['backend']}." if "backend" in details[(0, "ours")] else "."),
        "",
        "| benchmark | DeepClustering | reference | ours vs reference |",
        "|---|---|---|---|",
    ]
    for i, (_, _, _, _, _, better, title) in enumerate(cases):
        ours, theirs = results[i]["ours"], results[i]["reference"]
        mo, mt = statistics.median(ours), statistics.median(theirs)
        ratio = mo / mt if better == "higher" else mt / mo
        word = "as fast" if better == "higher" else "faster"
        lines.append(f"| {title} | {mo:.4g} ({min(ours):.4g}–{max(ours):.4g}) | {mt:.4g} ({min(theirs):.4g}–{max(theirs):.4g}) "
                     f"| {ratio:.2f}× {word} |")
    lines.append("")
    lines.append("Last run's other figures (ours / reference):")
    for i, (cmd, _, _, _, metric, _, title) in enumerate(cases):
        o, t = details[(i, "ours")], details[(i, "reference")]
        keys = [k for k in o if k in t and k not in (metric, "engine", "backend", "command", "blas") and isinstance(o[k], (int, float))]
        lines.append(f"- {cmd}: " + ", ".join(f"{k} {o[k]:.6g} / {t[k]:.6g}" for k in keys))
    table = "\n".join(lines)
    print(table)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(table + "\n")


if __name__ == "__main__":
    main()
