#!/usr/bin/env python3
"""scikit-learn twin of `DeepClustering.Benchmarks kmeans`: k-means on the full MNIST (70,000 × 784, [0, 1]).

Run with Debian's scikit-learn 1.2.1 (NOT the pyenv python3 on PATH):

    /usr/bin/python3 benchmarks/reference/sklearn_kmeans.py [--data data/mnist] [--k 10] [--seed 0] [--threads 2]

KMeans(n_clusters=k, n_init=1, init="k-means++", random_state=seed), under threadpoolctl limits of `threads`
threads. Prints one JSON object on its last line with the same keys as the C# command: seconds (the fit alone),
iterations, seconds_per_iteration, cpu_seconds (the process's CPU time during the fit), inertia and acc
(Hungarian-matched accuracy against the digit labels).
"""
import argparse
import gzip
import json
import os
import time

import numpy as np


def load_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load_mnist(folder):
    images, labels = [], []
    for prefix in ("train", "t10k"):
        images.append(load_idx(os.path.join(folder, f"{prefix}-images-idx3-ubyte.gz")))
        labels.append(load_idx(os.path.join(folder, f"{prefix}-labels-idx1-ubyte.gz")))
    x = np.concatenate(images).reshape(-1, 784).astype(np.float32) / np.float32(255.0)
    return x, np.concatenate(labels).astype(np.int64)


def accuracy(truth, predicted):
    from scipy.optimize import linear_sum_assignment

    size = max(truth.max(), predicted.max()) + 1
    counts = np.zeros((size, size), dtype=np.int64)
    np.add.at(counts, (predicted, truth), 1)
    rows, cols = linear_sum_assignment(-counts)
    return counts[rows, cols].sum() / len(truth)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/mnist")
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # fall back to the OpenMP variable, read when scikit-learn loads its runtime
        threadpool_limits = None
        os.environ["OMP_NUM_THREADS"] = str(args.threads)
    import sklearn
    from sklearn.cluster import KMeans

    x, labels = load_mnist(args.data)
    kmeans = KMeans(n_clusters=args.k, n_init=1, init="k-means++", random_state=args.seed)
    if threadpool_limits is not None:
        with threadpool_limits(limits=args.threads):
            start, cpu_start = time.perf_counter(), time.process_time()
            kmeans.fit(x)
            seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    else:
        start, cpu_start = time.perf_counter(), time.process_time()
        kmeans.fit(x)
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start

    print(json.dumps({
        "engine": f"scikit-learn {sklearn.__version__}",
        "command": "kmeans",
        "rows": int(x.shape[0]),
        "columns": int(x.shape[1]),
        "k": args.k,
        "threads": args.threads,
        "seed": args.seed,
        "seconds": seconds,
        "iterations": int(kmeans.n_iter_),
        "seconds_per_iteration": seconds / kmeans.n_iter_,
        "cpu_seconds": cpu_seconds,
        "inertia": float(kmeans.inertia_),
        "acc": float(accuracy(labels, kmeans.labels_)),
    }))


if __name__ == "__main__":
    main()
