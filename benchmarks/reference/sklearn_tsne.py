#!/usr/bin/env python3
"""scikit-learn twin of `DeepClustering.Benchmarks tsne`: the same input, the same measurements.

PCA of the first COUNT MNIST images (pixels scaled to [0, 1]) to 30 dimensions (exact, svd_solver="full"), then
TSNE(n_components=2, perplexity=30, init="pca", learning_rate="auto", random_state=seed, n_jobs=threads) on them
(Barnes-Hut, scikit-learn's default method). Run with Debian's scikit-learn 1.2.1:

    /usr/bin/python3 benchmarks/reference/sklearn_tsne.py --data data/mnist --count 10000 --threads 2

Prints one JSON object on its last line with the keys of the C# command.
"""
import argparse
import gzip
import json
import os
import sys
import time


def load_images(folder, split):
    prefix = "train" if split == "train" else "t10k"
    path = os.path.join(folder, f"{prefix}-images-idx3-ubyte.gz")
    opener = gzip.open if os.path.exists(path) else open
    if not os.path.exists(path):
        path = path[:-3]
    with opener(path, "rb") as f:
        raw = f.read()
    import numpy as np
    count, rows, columns = (int.from_bytes(raw[i:i + 4], "big") for i in (4, 8, 12))
    pixels = np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(count, rows * columns)
    return (pixels.astype(np.float32) / np.float32(255.0))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/mnist")
    parser.add_argument("--split", default="train", choices=["train", "test"])
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--pca", type=int, default=30)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--method", default="barnes-hut", choices=["barnes-hut", "exact"])
    parser.add_argument("--iterations", type=int, default=1000)
    args = parser.parse_args()
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(args.threads)

    import numpy as np
    import sklearn
    from sklearn.decomposition import PCA
    from sklearn.manifold import TSNE

    data = load_images(args.data, args.split)[: args.count]
    start = time.perf_counter()
    reduced = PCA(n_components=args.pca, svd_solver="full").fit_transform(data)
    pca_seconds = time.perf_counter() - start

    start = time.perf_counter()
    tsne = TSNE(n_components=2, perplexity=30.0, init="pca", learning_rate="auto", n_iter=args.iterations,
                random_state=args.seed, n_jobs=args.threads,
                method="exact" if args.method == "exact" else "barnes_hut")
    tsne.fit_transform(reduced)
    tsne_seconds = time.perf_counter() - start

    print(json.dumps({
        "engine": f"scikit-learn {sklearn.__version__}",
        "command": "tsne",
        "samples": int(data.shape[0]),
        "pca_components": args.pca,
        "threads": args.threads,
        "method": "exact" if args.method == "exact" else "barnes_hut",
        "seconds": pca_seconds + tsne_seconds,
        "pca_seconds": pca_seconds,
        "tsne_seconds": tsne_seconds,
        "kl_divergence": float(tsne.kl_divergence_),
        "iterations": int(tsne.n_iter_) + 1,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
