#!/usr/bin/env python3
"""scikit-learn twin of `DeepClustering.Benchmarks agglomerative`: Ward clustering of 20,000 points in 10-D.

    /usr/bin/python3 benchmarks/reference/sklearn_agglomerative.py --data /tmp/agglomerative_blobs.bin \
        [--rows 20000] [--columns 10] [--linkage ward] [--clusters 10] [--threads 2]

Data as in sklearn_dbscan.py (the same file format; whichever side runs first writes the file): 10 Gaussian
blobs, standard deviation 1, centres uniform in [-10, 10]^columns, no noise. Prints one JSON object on its last
line; `label_checksum` is equal on both sides exactly when the labels are.
"""
import argparse
import json
import os
import resource
import time

import numpy as np

from sklearn_dbscan import label_checksum, load_or_make


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="")
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--columns", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--linkage", default="ward", choices=["ward", "complete", "average", "single"])
    parser.add_argument("--clusters", type=int, default=10)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    from sklearn.cluster import AgglomerativeClustering
    import sklearn

    x = load_or_make(args.data, args.rows, args.columns, args.seed, spread=10.0, std=1.0, noise=0.0)
    start = time.perf_counter()
    model = AgglomerativeClustering(n_clusters=args.clusters, linkage=args.linkage, compute_distances=True).fit(x)
    seconds = time.perf_counter() - start
    labels = model.labels_
    print(json.dumps(dict(
        engine=f"scikit-learn {sklearn.__version__}", command="agglomerative", rows=int(x.shape[0]),
        columns=int(x.shape[1]), linkage=args.linkage, threads=args.threads, seconds=seconds,
        clusters=int(labels.max() + 1), cluster_sizes=sorted(np.bincount(labels).tolist(), reverse=True),
        last_merge_distance=float(model.distances_[-1]), label_checksum=label_checksum(labels),
        peak_working_set_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0)))


if __name__ == "__main__":
    main()
