#!/usr/bin/env python3
"""Writes umap-learn's reference values for the UMAP tests (tests/DeepClustering.Tests/Manifold).

Run from the repository root with Debian's umap-learn 0.5.3 (apt-get install umap-learn; not a pyenv python):

    /usr/bin/python3 tests/DeepClustering.Tests/Manifold/Golden/make_umap_reference.py

Writes umap.json next to this script:
- curve: find_ab_params(spread, min_dist) for a few pairs.
- smooth: seeded float32 points (stored), their exact 10 nearest neighbours counting the point itself (distances
  stored), and smooth_knn_dist of those distances for local_connectivity 1, 1.5 and 0.
- graph: 300 seeded float32 points in three blobs (stored) and fuzzy_simplicial_set with n_neighbors 12 on the
  exact neighbours (passed in as knn_indices/knn_dists, so the graph is umap-learn's construction on the same
  neighbours), as sorted (row, column, value) triples; once with set_op_mix_ratio 1 and once with 0.5.
"""
import json
import os

import numpy as np
import umap
from sklearn.neighbors import NearestNeighbors
from umap.umap_ import find_ab_params, fuzzy_simplicial_set, smooth_knn_dist

HERE = os.path.dirname(os.path.abspath(__file__))


def exact_neighbours(x, k):
    nn = NearestNeighbors(n_neighbors=k, algorithm="brute").fit(x.astype(np.float64))
    distances, indices = nn.kneighbors(x.astype(np.float64))
    return indices.astype(np.int64), distances.astype(np.float32)


def main():
    out = {"umap_version": umap.__version__}
    out["curve"] = [
        {"spread": s, "min_dist": m, "a": float(a), "b": float(b)}
        for s, m in [(1.0, 0.1), (1.0, 0.0), (1.0, 0.5), (2.0, 0.3), (0.5, 0.05)]
        for a, b in [find_ab_params(s, m)]
    ]

    rng = np.random.default_rng(7)
    points = rng.normal(size=(60, 5)).astype(np.float32)
    indices, distances = exact_neighbours(points, 10)
    smooth = {"points": points.tolist(), "indices": indices.tolist(), "distances": distances.astype(np.float64).tolist(), "runs": []}
    for connectivity in [1.0, 1.5, 0.0]:
        sigmas, rhos = smooth_knn_dist(distances, 10.0, local_connectivity=connectivity)
        smooth["runs"].append({"local_connectivity": connectivity, "sigmas": sigmas.astype(np.float64).tolist(), "rhos": rhos.astype(np.float64).tolist()})
    out["smooth"] = smooth

    centres = rng.normal(scale=4.0, size=(3, 8))
    blobs = np.vstack([c + rng.normal(size=(100, 8)) for c in centres]).astype(np.float32)
    indices, distances = exact_neighbours(blobs, 12)
    graph = {"points": blobs.tolist(), "n_neighbors": 12, "runs": []}
    for mix in [1.0, 0.5]:
        matrix, _, _ = fuzzy_simplicial_set(blobs, 12, np.random.RandomState(0), "euclidean",
                                            knn_indices=indices, knn_dists=distances, set_op_mix_ratio=mix)
        coo = matrix.tocoo()
        order = np.lexsort((coo.col, coo.row))
        graph["runs"].append({"set_op_mix_ratio": mix, "rows": coo.row[order].tolist(), "columns": coo.col[order].tolist(),
                              "values": coo.data[order].astype(np.float64).tolist()})
    out["graph"] = graph

    with open(os.path.join(HERE, "umap.json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
