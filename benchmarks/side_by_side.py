#!/usr/bin/env python3
"""Runs DeepClustering's engine and PyTorch side by side on this machine and prints a Markdown table of ratios.

Usage (from the repository root, after `apt-get install python3-torch libopenblas0-pthread`):
    dotnet build benchmarks/DeepClustering.Benchmarks -c Release
    /usr/bin/python3 benchmarks/side_by_side.py [--suite engine|networks|clustering] [--rounds 5] [--threads 2] [--out FILE]

Each round runs every case once in each contender, rotating which goes first, so that all see the same
machine state; the table reports the median over rounds (and the range). Training: batch 256, Adam (lr 1e-3),
MSE reconstruction loss, random 28×28 inputs. GEMM: best of five timed blocks per run.

The PyTorch reference runs with the best OpenBLAS kernels for this CPU: Debian 12's OpenBLAS 0.3.21 does not
recognise some CPUs (a 2-core AVX-512 Xeon among them) and falls back to its SSE3 "Prescott" kernels. Before the
rounds, every kernel set the CPU's flags allow (OPENBLAS_CORETYPE) is tried on both training cases; the fastest is
used for all reference runs, and the calibration, with each kernel set's losses, is printed with the table.

The networks suite races the two autoencoders' training on the managed engine and the TorchSharp backend (both
through the library's seam, as pretraining and the refiners drive them), a bare TorchSharp loop of the same network
(the yardstick of the seam's cost), and PyTorch.
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

NETWORK_CONTENDERS = [
    ("managed engine (seam)", lambda model, threads: [DOTNET_BENCH, "train-seam", "--backend", "managed", "--model", model]),
    ("TorchSharp backend (seam)", lambda model, threads: [DOTNET_BENCH, "train-seam", "--backend", "torchsharp", "--model", model]),
    ("TorchSharp, bare loop", lambda model, threads: [DOTNET_BENCH, "train-torchsharp", "--model", model]),
    ("PyTorch", lambda model, threads: [sys.executable, os.path.join(REFERENCE, "torch_benchmark.py"), "train", "--model", model]),
]

NETWORK_MODELS = [("dense", "20", "Dense AE 784-500-500-2000-10"), ("conv", "10", "Conv AE (DCEC/DEKM)")]


def cpu_flags():
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("flags"):
                return set(line.split(":", 1)[1].split())
    return set()


def openblas_candidates():
    """OPENBLAS_CORETYPE values this CPU can run ("" is OpenBLAS's own choice), best-equipped last."""
    flags = cpu_flags()
    candidates = ["", "Prescott"]
    if {"avx", "sse4_2"} <= flags:
        candidates.append("Sandybridge")
    if {"avx2", "fma"} <= flags:
        candidates.append("Haswell")
    if {"avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd"} <= flags:
        candidates.append("SkylakeX")
        if "avx512_bf16" in flags:
            candidates.append("Cooperlake")
    return candidates


def calibrate_openblas(threads):
    """Trains both autoencoders briefly with each kernel set; returns the fastest setting and the printed calibration."""
    torch_script = os.path.join(REFERENCE, "torch_benchmark.py")
    rows, best, best_score = [], "", -1.0
    for core in openblas_candidates():
        env = dict(os.environ)
        env.pop("OPENBLAS_CORETYPE", None)
        if core:
            env["OPENBLAS_CORETYPE"] = core
        results = [run([sys.executable, torch_script, "train", "--model", model, "--batches", "5", "--threads", str(threads)], env)
                   for model, _, _ in NETWORK_MODELS]
        score = statistics.geometric_mean([r["samples_per_second"] for r in results])
        rows.append(f"  OPENBLAS_CORETYPE={core or '(unset)'}: ran {results[0]['openblas_core'].split(' (')[0]}; "
                    + ", ".join(f"{m} {r['samples_per_second']:.0f} samples/s (loss {r['final_loss']:.6f})"
                                for (m, _, _), r in zip(NETWORK_MODELS, results)))
        if score > best_score:
            best, best_score = core, score
    return best, "\n".join(["OpenBLAS calibration of the reference (5 training batches each):"] + rows)


def reference_environment(core):
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    if core:
        env["OPENBLAS_CORETYPE"] = core
    return env


def networks_suite(args, core, calibration):
    results = {(m, c): [] for m, _, _ in NETWORK_MODELS for c, _ in NETWORK_CONTENDERS}
    details = {}
    reference_env = reference_environment(core)
    for r in range(args.rounds):
        for model, batches, title in NETWORK_MODELS:
            order = NETWORK_CONTENDERS[r % len(NETWORK_CONTENDERS):] + NETWORK_CONTENDERS[:r % len(NETWORK_CONTENDERS)]
            for name, make in order:
                command = make(model, args.threads) + ["--batches", batches, "--threads", str(args.threads)]
                res = run(command, reference_env if name == "PyTorch" else None)
                results[(model, name)].append(res["samples_per_second"])
                details[(model, name)] = res
            print(f"round {r + 1}: {title}: " + ", ".join(f"{n} {results[(model, n)][-1]:.0f}" for n, _ in NETWORK_CONTENDERS),
                  file=sys.stderr)
    names = [n for n, _ in NETWORK_CONTENDERS]
    torch_detail = details[(NETWORK_MODELS[0][0], "PyTorch")]
    lines = [
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} logical CPUs; threads: {args.threads}; "
        f"rounds: {args.rounds} (median samples/s, with min–max); batch 256, Adam, MSE, random inputs.",
        f"Reference: {torch_detail['engine']}, OpenBLAS kernels {torch_detail['openblas_core']}"
        f" (OPENBLAS_CORETYPE={core or 'unset'}).",
        calibration,
        "",
        "| model | " + " | ".join(names) + " | managed / PyTorch | TorchSharp backend / PyTorch | seam cost (backend / bare loop) |",
        "|---|" + "---|" * (len(names) + 3),
    ]
    for model, _, title in NETWORK_MODELS:
        med = {n: statistics.median(results[(model, n)]) for n in names}
        cells = [f"{med[n]:.0f} ({min(results[(model, n)]):.0f}–{max(results[(model, n)]):.0f})" for n in names]
        lines.append(f"| {title} | " + " | ".join(cells)
                     + f" | {med[names[0]] / med['PyTorch']:.2f}× | {med[names[1]] / med['PyTorch']:.2f}×"
                     + f" | {med[names[1]] / med[names[2]]:.3f}× |")
    lines.append("")
    lines.append("Peak resident memory of the last round, MB: " + "; ".join(
        f"{model}: " + ", ".join(f"{n} {details[(model, n)]['peak_working_set_mb']:.0f}" for n in names)
        for model, _, _ in NETWORK_MODELS))
    lines.append("Final losses of the last round: " + "; ".join(
        f"{model}: " + ", ".join(f"{n} {details[(model, n)]['final_loss']:.6f}" for n in names)
        for model, _, _ in NETWORK_MODELS))
    return "\n".join(lines)


def run(command, env=None):
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout.strip().splitlines()
    return json.loads(out[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out", default="")
    parser.add_argument("--suite", default="engine", choices=sorted(SUITES) + ["networks"])
    parser.add_argument("--data", default=os.path.join(ROOT, "data"), help="folder filled by scripts/fetch-data.sh")
    args = parser.parse_args()
    core, calibration = calibrate_openblas(args.threads)
    print(calibration, file=sys.stderr)
    if args.suite == "networks":
        table = networks_suite(args, core, calibration)
        print(table)
        if args.out:
            with open(args.out, "w", encoding="utf-8") as f:
                f.write(table + "\n")
        return
    reference_env = reference_environment(core)
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
                res = run(command, reference_env if name == "reference" else None)
                results[i][name].append(res[metric])
                details[(i, name)] = res
            print(f"round {r + 1}: {title}: ours {results[i]['ours'][-1]:.4g}, reference {results[i]['reference'][-1]:.4g}",
                  file=sys.stderr)

    reference_engine = details[(0, "reference")]["engine"]
    lines = [
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} logical CPUs; threads: {args.threads}; "
        f"rounds: {args.rounds} (median, with min–max).",
        f"Reference: {reference_engine}" + (f", BLAS {details[(0, 'reference')]['blas']}, OpenBLAS kernels "
                                            f"{details[(0, 'reference')].get('openblas_core', 'not reported')} (OPENBLAS_CORETYPE={core or 'unset'})."
                                            if "blas" in details[(0, "reference")] else "."),
        calibration,
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
