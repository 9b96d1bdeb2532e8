#!/usr/bin/env python3
"""scikit-learn 1.2.1's quality on MNIST-70k for the classical pipelines the CLI's `cluster` command runs.

    /usr/bin/python3 benchmarks/reference/sklearn_quality.py --data data/mnist --method pca-kmeans --seed 0

Same input as `deepclustering-cli cluster --data mnist --data-dir data`: the 60,000 training then the 10,000 test
images, pixels / 255 as float32. k-means: KMeans(n_clusters=10, init="k-means++", n_init=1, random_state=seed);
pca-kmeans: PCA(30) first (svd_solver="full"). Prints one JSON object with ACC (Hungarian), NMI (arithmetic), ARI.
"""
import argparse
import gzip
import json
import os
import struct
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    shape = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


def accuracy(truth, predicted):
    k = max(truth.max(), predicted.max()) + 1
    table = np.zeros((k, k), dtype=np.int64)
    np.add.at(table, (predicted, truth), 1)
    rows, cols = linear_sum_assignment(-table)
    return table[rows, cols].sum() / truth.size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/mnist")
    parser.add_argument("--method", default="kmeans", choices=["kmeans", "pca-kmeans"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--components", type=int, default=30)
    args = parser.parse_args()
    x = np.concatenate([read_idx(os.path.join(args.data, f"{s}-images-idx3-ubyte.gz")) for s in ("train", "t10k")])
    y = np.concatenate([read_idx(os.path.join(args.data, f"{s}-labels-idx1-ubyte.gz")) for s in ("train", "t10k")]).astype(np.int64)
    x = (x.reshape(len(x), -1) / np.float32(255)).astype(np.float32)
    start = time.perf_counter()
    if args.method == "pca-kmeans":
        x = PCA(n_components=args.components, svd_solver="full").fit_transform(x)
    model = KMeans(n_clusters=10, init="k-means++", n_init=1, random_state=args.seed).fit(x)
    seconds = time.perf_counter() - start
    labels = model.labels_.astype(np.int64)
    print(json.dumps(dict(engine="scikit-learn", method=args.method, seed=args.seed, seconds=seconds,
                          acc=float(accuracy(y, labels)), nmi=float(normalized_mutual_info_score(y, labels)),
                          ari=float(adjusted_rand_score(y, labels)), inertia=float(model.inertia_))))


if __name__ == "__main__":
    main()
