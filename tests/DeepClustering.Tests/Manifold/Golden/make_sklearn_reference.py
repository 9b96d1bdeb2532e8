#!/usr/bin/env python3
"""Writes the scikit-learn reference values of the PCA and t-SNE tests (tests/DeepClustering.Tests/Embeddings).

Run from the repository root with Debian's scikit-learn 1.2.1 (not a pyenv python):

    /usr/bin/python3 tests/DeepClustering.Tests/Embeddings/Golden/make_sklearn_reference.py

Writes, next to this script:
- pca.json: seeded float32 data (stored), PCA(svd_solver="full") of it: components_, explained_variance_,
  explained_variance_ratio_, singular_values_, mean_, transform, inverse_transform, whitened transform.
- tsne_equations.json: tiny seeded inputs (stored) and scikit-learn's private t-SNE functions on them:
  _binary_search_perplexity, _joint_probabilities, _kl_divergence (exact) and, with the nearest-neighbour
  affinities of _joint_probabilities_nn, _kl_divergence_bh at angle 0 (no approximation).
- tsne_mnist.json: indices of 500 images of the shipped MNIST test split (samples/data/mnist), their PCA to 30
  dimensions (explained variance stored), and the final kl_divergence_ of TSNE on that input, exact and
  Barnes-Hut, init="pca", learning_rate="auto", random_state=0. The pixels are not stored: the test loads them.
"""
import gzip
import json
import os

import numpy as np
import sklearn
from scipy.sparse import csr_matrix
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE, _t_sne
from sklearn.manifold._utils import _binary_search_perplexity
from sklearn.neighbors import NearestNeighbors

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))


def write(name, payload):
    payload = {"generator": f"make_sklearn_reference.py, scikit-learn {sklearn.__version__}, numpy {np.__version__}", **payload}
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


def rows(a):
    return [[float(v) for v in r] for r in np.asarray(a)]


def pca_case(x, k):
    x64 = x.astype(np.float64)
    model = PCA(n_components=k, svd_solver="full").fit(x64)
    scores = model.transform(x64)
    white = PCA(n_components=k, svd_solver="full", whiten=True).fit(x64)
    return {
        "rows": x.shape[0], "columns": x.shape[1], "components": k,
        "data": rows(x),
        "components_": rows(model.components_),
        "explained_variance_": model.explained_variance_.tolist(),
        "explained_variance_ratio_": model.explained_variance_ratio_.tolist(),
        "singular_values_": model.singular_values_.tolist(),
        "mean_": model.mean_.tolist(),
        "transform": rows(scores),
        "inverse_transform": rows(model.inverse_transform(scores)),
        "whitened_transform": rows(white.transform(x64)),
    }


def make_pca():
    rng = np.random.default_rng(7)
    latent = rng.normal(size=(150, 3)) * np.array([5.0, 2.0, 1.0])
    mixing = rng.normal(size=(3, 8))
    tall = (latent @ mixing + 0.3 * rng.normal(size=(150, 8)) + rng.normal(size=8) * 4).astype(np.float32)
    wide = rng.normal(size=(8, 12)).astype(np.float32)
    write("pca.json", {"tall": pca_case(tall, 5), "wide": pca_case(wide, 5)})


def make_equations():
    rng = np.random.default_rng(11)
    # Perplexity search on 6 points' squared distances to 5 neighbours.
    neighbour_distances = (rng.uniform(0.5, 6.0, size=(6, 5)) ** 2).astype(np.float32)
    conditional = _binary_search_perplexity(neighbour_distances, 3.0, 0)

    # Dense joint affinities and the exact objective of 12 points in 4-D, embedded in 2-D.
    x = rng.normal(size=(12, 4)).astype(np.float32)
    distances = ((x[:, None, :].astype(np.float64) - x[None, :, :]) ** 2).sum(-1)
    p_condensed = _t_sne._joint_probabilities(distances, 4.0, 0)
    embedding = rng.normal(size=(12, 2)).astype(np.float64)
    kl, gradient = _t_sne._kl_divergence(embedding.ravel().copy(), p_condensed, 1, 12, 2)
    kl_exaggerated, gradient_exaggerated = _t_sne._kl_divergence(embedding.ravel().copy(), 12.0 * p_condensed, 1, 12, 2)

    # Sparse (nearest-neighbour) joint affinities and the Barnes-Hut objective at angle 0 (exact repulsion).
    k = min(12 - 1, int(3.0 * 2.0 + 1))
    graph = NearestNeighbors(n_neighbors=k).fit(x).kneighbors_graph(mode="distance")
    graph.data **= 2
    p_sparse = _t_sne._joint_probabilities_nn(graph, 2.0, 0)
    embedding32 = embedding.astype(np.float32)
    kl_bh, gradient_bh = _t_sne._kl_divergence_bh(embedding32.ravel().copy(), p_sparse, 1, 12, 2, angle=0.0)

    write("tsne_equations.json", {
        "perplexity_search": {
            "perplexity": 3.0,
            "squared_distances": rows(neighbour_distances),
            "conditional": rows(conditional),
        },
        "exact": {
            "perplexity": 4.0,
            "data": rows(x),
            "joint_condensed": p_condensed.tolist(),
            "embedding": rows(embedding),
            "kl_divergence": float(kl),
            "gradient": gradient.tolist(),
            "kl_divergence_exaggerated_12": float(kl_exaggerated),
            "gradient_exaggerated_12": gradient_exaggerated.tolist(),
        },
        "barnes_hut": {
            "perplexity": 2.0,
            "neighbors": k,
            "joint_dense": rows(p_sparse.toarray()),
            "embedding_float32": rows(embedding32),
            "kl_divergence": float(kl_bh),
            "gradient": gradient_bh.tolist(),
        },
    })


def load_mnist_test():
    folder = os.path.join(ROOT, "samples", "data", "mnist")
    with gzip.open(os.path.join(folder, "t10k-images-idx3-ubyte.gz"), "rb") as f:
        raw = f.read()
    pixels = np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(-1, 784)
    with gzip.open(os.path.join(folder, "t10k-labels-idx1-ubyte.gz"), "rb") as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    return pixels.astype(np.float32) / np.float32(255.0), labels


def make_mnist():
    pixels, labels = load_mnist_test()
    indices = np.sort(np.random.default_rng(0).choice(pixels.shape[0], 500, replace=False))
    x = pixels[indices]
    pca = PCA(n_components=30, svd_solver="full").fit(x.astype(np.float64))
    reduced = pca.transform(x.astype(np.float64))
    runs = {}
    for method in ("exact", "barnes_hut"):
        tsne = TSNE(n_components=2, perplexity=30.0, init="pca", learning_rate="auto", random_state=0, method=method)
        tsne.fit_transform(reduced)
        runs[method] = {"kl_divergence": float(tsne.kl_divergence_), "n_iter": int(tsne.n_iter_),
                        "learning_rate": float(tsne.learning_rate_)}
    write("tsne_mnist.json", {
        "source": "samples/data/mnist t10k, pixels / 255 as float32",
        "indices": indices.tolist(),
        "labels": labels[indices].tolist(),
        "pca_components": 30,
        "pca_explained_variance_": pca.explained_variance_.tolist(),
        "tsne": runs,
    })


if __name__ == "__main__":
    make_pca()
    make_equations()
    make_mnist()
