#!/usr/bin/env python3
"""scikit-learn twin of `DeepClustering.Benchmarks silhouette`: the exact silhouette score of the first N MNIST
training images (784 pixels scaled to [0, 1], float32) labelled with their true digits.

Run with Debian's scikit-learn 1.2.1 (the system Python, not a virtual environment):
    /usr/bin/python3 benchmarks/reference/sklearn_silhouette.py --data data/mnist --n 10000 --threads 2
Prints one JSON object on its last line with the same keys as the .NET command: `seconds` (best of --repeats
timed runs) and `silhouette`.
"""
import argparse
import gzip
import json
import os
import time

import numpy as np
import sklearn
from sklearn.metrics import silhouette_score
from threadpoolctl import threadpool_limits


def read_idx(path):
    with gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims))
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find(folder, stem):
    for name in (stem + ".gz", stem):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            return path
    raise FileNotFoundError(os.path.join(folder, stem))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/mnist")
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    images = read_idx(find(args.data, "train-images-idx3-ubyte"))[: args.n]
    labels = read_idx(find(args.data, "train-labels-idx1-ubyte"))[: args.n].astype(np.int64)
    x = images.reshape(len(images), -1).astype(np.float32) / np.float32(255)
    best, value = float("inf"), None
    with threadpool_limits(limits=args.threads):
        for _ in range(args.repeats):
            start = time.perf_counter()
            value = float(silhouette_score(x, labels))
            best = min(best, time.perf_counter() - start)
    print(json.dumps({"engine": "scikit-learn " + sklearn.__version__, "command": "silhouette", "n": int(x.shape[0]),
                      "d": int(x.shape[1]), "threads": args.threads, "seconds": best, "silhouette": value}))


if __name__ == "__main__":
    main()
