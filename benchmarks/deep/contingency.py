"""Prints which digits each cluster of a full-size MNIST run holds: the clusters × classes count table.

Usage: python3 benchmarks/deep/contingency.py RUN [DATA]

RUN is a run folder with the labels.txt that `deepclustering-cli cluster --data mnist` wrote (one label a line, the
60,000 training images first, then the 10,000 test images, as the CLI loads them); DATA is the data folder filled by
scripts/fetch-data.sh (default data/). Each row is a cluster with its size and the classes that fill at least 1% of
it. Only the Python standard library is used.
"""

import collections
import gzip
import pathlib
import sys

LABEL_HEADER_BYTES = 8  # IDX label files: magic number and count, 4 bytes each
SHOWN_SHARE = 0.01


def idx_labels(path):
    with gzip.open(path) as stream:
        return list(stream.read()[LABEL_HEADER_BYTES:])


def main(run, data):
    mnist = pathlib.Path(data) / "mnist"
    truth = idx_labels(mnist / "train-labels-idx1-ubyte.gz") + idx_labels(mnist / "t10k-labels-idx1-ubyte.gz")
    predicted = [int(line) for line in (pathlib.Path(run) / "labels.txt").read_text().split()]
    if len(predicted) != len(truth):
        sys.exit(f"{run}/labels.txt has {len(predicted)} labels; MNIST has {len(truth)} images")
    counts = collections.Counter(zip(predicted, truth))
    print("| cluster | size | classes (count) |")
    print("|---|---|---|")
    for cluster in sorted(set(predicted)):
        row = {c: n for (k, c), n in counts.items() if k == cluster}
        size = sum(row.values())
        shown = ", ".join(f"{c} ({n})" for c, n in sorted(row.items(), key=lambda item: -item[1])
                          if n >= SHOWN_SHARE * size)
        print(f"| {cluster} | {size} | {shown} |")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else "data")
