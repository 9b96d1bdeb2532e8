#!/usr/bin/env python3
"""scikit-learn 1.2.1 / scipy reference values for the DBSCAN and agglomerative clustering tests.

Run with Debian's scikit-learn (NOT the pyenv python3 on PATH), from this folder:
    /usr/bin/python3 make_sklearn_density_hierarchical.py
It writes dbscan.json and agglomerative.json next to itself. Every input is generated here from a fixed seed
with scikit-learn's make_blobs / make_moons (plus uniform noise points), rounded to float32 (the precision of
DeepClustering's DataMatrix) and stored in the JSON, so the tests read exactly the values scikit-learn saw.

DBSCAN cases: sklearn.cluster.DBSCAN(eps, min_samples) labels_ and core_sample_indices_. The script checks
that no pair of points lies within 1e-9 (relative) of eps, so the boundary rule cannot be decided by rounding.
Agglomerative cases: AgglomerativeClustering(n_clusters or distance_threshold, linkage, compute_distances=True)
labels_, and per dataset and linkage the full tree: children_ (scikit-learn's node order) and
scipy.cluster.hierarchy.linkage(X, method) (whose distances the script checks equal scikit-learn's distances_).
The script checks that the pairwise distances have no ties.
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy.cluster.hierarchy import linkage
from scipy.spatial.distance import pdist
from sklearn.cluster import DBSCAN, AgglomerativeClustering
from sklearn.datasets import make_blobs, make_moons

HERE = os.path.dirname(os.path.abspath(__file__))


def as_float32(x):
    return np.asarray(x, dtype=np.float32)


def with_noise(x, count, seed):
    rng = np.random.RandomState(seed)
    low, high = x.min(axis=0), x.max(axis=0)
    noise = rng.uniform(low, high, size=(count, x.shape[1]))
    return np.vstack([x, noise])


def rows(x):
    # The shortest text that reads back as the same float32 (the tests parse it as float32).
    return [[float(str(np.float32(v))) for v in row] for row in x]


def dbscan_datasets():
    blobs, _ = make_blobs(n_samples=300, centers=4, cluster_std=0.6, random_state=0)
    moons, _ = make_moons(n_samples=400, noise=0.08, random_state=1)
    blobs5, _ = make_blobs(n_samples=300, n_features=5, centers=3, cluster_std=1.0, random_state=2)
    large, _ = make_blobs(n_samples=3000, centers=6, cluster_std=0.8, random_state=3)
    return {
        "blobs": as_float32(with_noise(blobs, 30, 10)),
        "moons": as_float32(with_noise(moons, 40, 11)),
        "blobs5d": as_float32(with_noise(blobs5, 30, 12)),
        "large2d": as_float32(with_noise(large, 300, 13)),
    }


DBSCAN_CASES = [
    ("blobs", 0.5, 5), ("blobs", 0.3, 10), ("blobs", 0.8, 1),
    ("moons", 0.15, 5), ("moons", 0.1, 3), ("moons", 0.25, 20),
    ("blobs5d", 1.5, 8), ("blobs5d", 2.5, 5),
    ("large2d", 0.3, 10), ("large2d", 0.15, 4),
]


def check_no_boundary(x, eps):
    d = pdist(x.astype(np.float64))
    close = np.abs(d - eps) <= 1e-9 * eps
    assert not close.any(), f"a pair lies at distance eps={eps}"


def make_dbscan():
    data = dbscan_datasets()
    cases = []
    for name, eps, min_samples in DBSCAN_CASES:
        x = data[name]
        check_no_boundary(x, eps)
        model = DBSCAN(eps=eps, min_samples=min_samples).fit(x)
        labels = model.labels_
        cases.append({
            "data": name, "eps": eps, "min_samples": min_samples,
            "labels": [int(v) for v in labels],
            "core_sample_indices": [int(v) for v in model.core_sample_indices_],
            "clusters": int(labels.max() + 1), "noise": int((labels == -1).sum()),
        })
    return {"sklearn": sklearn.__version__, "datasets": {k: rows(v) for k, v in data.items()}, "cases": cases}


def agglomerative_datasets():
    blobs2, _ = make_blobs(n_samples=120, centers=3, cluster_std=1.0, random_state=4)
    blobs10, _ = make_blobs(n_samples=150, n_features=10, centers=4, cluster_std=2.0, random_state=5)
    moons, _ = make_moons(n_samples=100, noise=0.1, random_state=6)
    wide, _ = make_blobs(n_samples=80, n_features=70, centers=3, cluster_std=3.0, random_state=7)
    return {
        "blobs2d": as_float32(blobs2),
        "blobs10d": as_float32(blobs10),
        "moons": as_float32(moons),
        "wide70d": as_float32(wide),
    }


AGGLOMERATIVE_CASES = [
    (data, link, k, None)
    for data in ["blobs2d", "blobs10d", "moons", "wide70d"]
    for link in ["ward", "complete", "average", "single"]
    for k in [2, 3, 7]
] + [
    ("blobs2d", "ward", None, 5.0), ("moons", "single", None, 0.2), ("blobs10d", "average", None, 6.0),
    ("moons", "complete", None, 0.9),
]


def check_no_ties(x):
    d = np.sort(pdist(x.astype(np.float64)))
    gaps = np.diff(d)
    assert (gaps > 1e-9 * d[1:]).all(), "the data have (nearly) equal pairwise distances"


def make_agglomerative():
    data = agglomerative_datasets()
    for x in data.values():
        check_no_ties(x)
    trees = {}
    for name, x in data.items():
        for link in ["ward", "complete", "average", "single"]:
            z = linkage(x.astype(np.float64), method=link)
            full = AgglomerativeClustering(n_clusters=1, linkage=link, compute_distances=True).fit(x.astype(np.float64))
            assert np.allclose(full.distances_, z[:, 2], rtol=1e-12, atol=0)
            trees[f"{name}/{link}"] = {
                "scipy_linkage": [[int(r[0]), int(r[1]), float(r[2]), int(r[3])] for r in z],
                "sklearn_children": [[int(a), int(b)] for a, b in full.children_],
            }
    cases = []
    for name, link, k, threshold in AGGLOMERATIVE_CASES:
        x = data[name].astype(np.float64)
        model = AgglomerativeClustering(n_clusters=k, linkage=link, distance_threshold=threshold,
                                        compute_distances=True).fit(x)
        cases.append({
            "data": name, "linkage": link, "n_clusters": k, "distance_threshold": threshold,
            "labels": [int(v) for v in model.labels_], "n_clusters_": int(model.n_clusters_),
        })
        tree = trees[f"{name}/{link}"]
        assert tree["sklearn_children"] == [[int(a), int(b)] for a, b in model.children_]
    return {"sklearn": sklearn.__version__, "scipy": scipy.__version__,
            "datasets": {k: rows(v) for k, v in data.items()}, "trees": trees, "cases": cases}


def write(name, value):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(value, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    write("dbscan.json", make_dbscan())
    write("agglomerative.json", make_agglomerative())
