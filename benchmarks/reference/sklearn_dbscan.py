#!/usr/bin/env python3
"""scikit-learn twin of `DeepClustering.Benchmarks dbscan`: DBSCAN on 70,000 two-dimensional points.

    /usr/bin/python3 benchmarks/reference/sklearn_dbscan.py --data /tmp/dbscan_blobs.bin [--eps 0.5] [--min-points 10] \
        [--threads 2] [--repeats 3]

The points live in a small binary file shared with the C# command (int32 rows, int32 columns, then float32
values row-major, little-endian). If the file does not exist yet, this script writes it (10 Gaussian blobs with
standard deviation 2 and centres uniform in [-40, 40]², as a t-SNE embedding of MNIST looks, plus 5 % uniform
noise); whichever side runs first writes it and the other reads it, so both cluster the same points. Any other
embedding in that format works too (for example a t-SNE of MNIST). `seconds` is the best of the repeated fits,
`first_seconds` the first. Prints one JSON object on its last line.
"""
import argparse
import json
import os
import resource
import time

import numpy as np


def blobs(rows, columns, seed, spread=40.0, std=2.0, centres=10, noise=0.05):
    rng = np.random.RandomState(seed)
    noisy = int(round(rows * noise))
    centre = rng.uniform(-spread, spread, size=(centres, columns))
    which = rng.randint(centres, size=rows - noisy)
    points = centre[which] + std * rng.standard_normal(size=(rows - noisy, columns))
    low, high = points.min(axis=0), points.max(axis=0)
    return np.vstack([points, rng.uniform(low, high, size=(noisy, columns))]).astype(np.float32)


def read_points(path):
    header = np.fromfile(path, dtype="<i4", count=2)
    values = np.fromfile(path, dtype="<f4", offset=8)
    return values.reshape(int(header[0]), int(header[1]))


def write_points(path, x):
    with open(path, "wb") as f:
        np.asarray(x.shape, dtype="<i4").tofile(f)
        np.ascontiguousarray(x, dtype="<f4").tofile(f)


def load_or_make(path, rows, columns, seed, **recipe):
    if path and os.path.exists(path):
        return read_points(path)
    x = blobs(rows, columns, seed, **recipe)
    if path:
        write_points(path, x)
    return x


def label_checksum(labels):
    """Σ (i + 1)·(label + 2) mod 2³¹ − 1: equal labels give equal checksums on both sides."""
    labels = np.asarray(labels, dtype=np.int64)
    return int(np.sum((np.arange(1, len(labels) + 1, dtype=np.int64) * (labels + 2)) % 2147483647) % 2147483647)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="")
    parser.add_argument("--rows", type=int, default=70000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--eps", type=float, default=0.5)
    parser.add_argument("--min-points", type=int, default=10)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    from sklearn.cluster import DBSCAN
    import sklearn

    x = load_or_make(args.data, args.rows, 2, args.seed)
    times = []
    for _ in range(max(1, args.repeats)):
        start = time.perf_counter()
        model = DBSCAN(eps=args.eps, min_samples=args.min_points, n_jobs=args.threads).fit(x)
        times.append(time.perf_counter() - start)
    seconds = min(times)
    labels = model.labels_
    print(json.dumps(dict(
        engine=f"scikit-learn {sklearn.__version__}", command="dbscan", rows=int(x.shape[0]), columns=int(x.shape[1]),
        eps=args.eps, min_points=args.min_points, threads=args.threads, seconds=seconds, first_seconds=times[0],
        clusters=int(labels.max() + 1), noise=int((labels == -1).sum()), core_samples=int(len(model.core_sample_indices_)),
        label_checksum=label_checksum(labels),
        peak_working_set_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0)))


if __name__ == "__main__":
    main()
