#!/usr/bin/env python3
"""Reference results for the k-means, spherical k-means and Gaussian mixture tests.

Run with Debian's scikit-learn 1.2.1 (NOT the pyenv python3 on PATH), from the repository root:

    /usr/bin/python3 tests/DeepClustering.Tests/Clustering/Golden/make_kmeans_mixture_reference.py

It writes kmeans_reference.json and gaussian_mixture_reference.json beside itself. Every input is stored in the
files (the data as float32 values, since DataMatrix is float32), so the tests need neither NumPy nor a seed that
means the same thing in C#.

- k-means: scikit-learn's KMeans (Lloyd, n_init=1) on float32 data from given initial centres: labels, inertia,
  n_iter and centres. The C# k-means from the same centres must give the same labels and iteration count and the
  same inertia within 1e-5 relative. One dataset has two identical initial centres and one a centre far from every
  row, so a cluster is empty after the first assignment and scikit-learn relocates it to the farthest row.
- k-means++: its random draws cannot be reproduced, so for several seeds the script stores the potential
  (sum of squared distances to the nearest seed) of scikit-learn's kmeans_plusplus and the final inertia of
  KMeans(init="k-means++", n_init=1); the tests compare their means with the C# seeding's over its own seeds.
- spherical k-means: scikit-learn has none, so `spherical_kmeans` below is a NumPy reference of the same
  procedure (unit rows, most similar centre, normalised sums, scikit-learn's stopping and relocation rules).
- Gaussian mixtures: scikit-learn's GaussianMixture from given weights, means and precisions (float64 on the
  float32 data), for each covariance type: score(X), lower_bound_, n_iter_, converged_, labels, weights, means,
  covariances, bic, aic and predict_proba of a few rows. The C# mixture must reach the same mean log-likelihood
  within 1e-6 and the same labels.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import KMeans, kmeans_plusplus
from sklearn.datasets import make_blobs
from sklearn.mixture import GaussianMixture

HERE = os.path.dirname(os.path.abspath(__file__))


def f32(a):
    return np.asarray(a, dtype=np.float32)


def floats(a):
    """float64 values as Python floats: JSON keeps every digit of the double."""
    return np.asarray(a, dtype=np.float64).tolist()


def float32s(a):
    """float32 values by their shortest decimal form, which a float32 parser reads back exactly."""
    return [[float(np.format_float_positional(np.float32(v), unique=True)) for v in row] for row in f32(a)]


DATASETS = {}


def dataset(name, X):
    """Stores X (float32) once under `name`; cases refer to it by name."""
    DATASETS[name] = float32s(X)
    return name


def kmeans_case(name, data, X, init, tol=1e-4, max_iter=300):
    X = f32(X)
    init = f32(init)
    km = KMeans(n_clusters=init.shape[0], init=init, n_init=1, tol=tol, max_iter=max_iter, algorithm="lloyd").fit(X)
    return {
        "name": name,
        "data": data,
        "initial_centers": float32s(init),
        "tolerance": tol,
        "max_iterations": max_iter,
        "labels": km.labels_.tolist(),
        "inertia": float(km.inertia_),
        "iterations": int(km.n_iter_),
        "centers": floats(km.cluster_centers_),
    }


def potential(X, centers):
    X = np.asarray(X, dtype=np.float64)
    centers = np.asarray(centers, dtype=np.float64)
    d = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
    return float(d.min(axis=1).sum())


def plusplus_case(name, X, k, seeds):
    X = f32(X)
    potentials, inertias = [], []
    for seed in seeds:
        centers, _ = kmeans_plusplus(X, n_clusters=k, random_state=seed)
        potentials.append(potential(X, centers))
        km = KMeans(n_clusters=k, init="k-means++", n_init=1, random_state=seed).fit(X)
        inertias.append(float(km.inertia_))
    return {"name": name, "data": name, "k": k, "seeds": list(seeds),
            "seeding_potentials": potentials, "final_inertias": inertias}


def unit_rows(X):
    X = np.asarray(X, dtype=np.float64)
    norms = np.sqrt((X ** 2).sum(axis=1, keepdims=True))
    return np.divide(X, norms, out=np.zeros_like(X), where=norms > 0)


def spherical_kmeans(X, init, tol=1e-4, max_iter=300):
    """The procedure of DeepClustering's SphericalKMeans in float64 NumPy."""
    Xn = unit_rows(X)
    C = unit_rows(init)
    k = C.shape[0]
    tol_abs = tol * np.mean(np.var(Xn, axis=0))
    labels_old = np.full(Xn.shape[0], -1)
    strict = False
    for iteration in range(1, max_iter + 1):
        labels = np.argmax(Xn @ C.T, axis=1)
        sums = np.zeros_like(C)
        counts = np.zeros(k, dtype=np.int64)
        for c in range(k):
            sums[c] = Xn[labels == c].sum(axis=0)
            counts[c] = (labels == c).sum()
        empty = np.where(counts == 0)[0]
        if len(empty) > 0:
            dist = ((Xn - C[labels]) ** 2).sum(axis=1)
            far = np.argsort(-dist, kind="stable")[: len(empty)]
            for target, row in zip(empty, far):
                sums[labels[row]] -= Xn[row]
                sums[target] = Xn[row]
                counts[labels[row]] -= 1
                counts[target] = 1
        norms = np.sqrt((sums ** 2).sum(axis=1, keepdims=True))
        new_C = np.where(norms > 0, sums / np.where(norms > 0, norms, 1), C)
        shift = ((new_C - C) ** 2).sum()
        C = new_C
        if np.array_equal(labels, labels_old):
            strict = True
            break
        if shift <= tol_abs:
            break
        labels_old = labels
    if not strict:
        labels = np.argmax(Xn @ C.T, axis=1)
    objective = float((Xn * C[labels]).sum())
    return labels, objective, iteration, C


def spherical_case(name, data, X, init):
    X = f32(X)
    init = f32(init)
    labels, objective, iterations, C = spherical_kmeans(X, init)
    return {"name": name, "data": data, "initial_centers": float32s(init), "labels": labels.tolist(),
            "objective": objective, "iterations": iterations, "centers": floats(C)}


def mixture_data(rng, means, covariances, counts):
    parts = [rng.multivariate_normal(m, c, size=n) for m, c, n in zip(means, covariances, counts)]
    return f32(np.concatenate(parts))


def initial_precisions(X, k, covariance_type, scale):
    var = np.var(X, axis=0) * scale
    if covariance_type == "full":
        cov = np.cov(X.T, bias=True) * scale
        return np.array([np.linalg.inv(cov)] * k)
    if covariance_type == "diag":
        return np.array([1.0 / var] * k)
    return np.array([1.0 / var.mean()] * k)


def mixture_case(name, data, X, initial_means, covariance_type):
    X32 = f32(X)
    X64 = X32.astype(np.float64)
    k = len(initial_means)
    weights = np.full(k, 1.0 / k)
    precisions = initial_precisions(X64, k, covariance_type, 0.25)
    gm = GaussianMixture(n_components=k, covariance_type=covariance_type, tol=1e-3, reg_covar=1e-6, max_iter=100,
                         n_init=1, weights_init=weights, means_init=np.asarray(initial_means, dtype=np.float64),
                         precisions_init=precisions, random_state=0).fit(X64)
    cov = gm.covariances_
    return {
        "name": name,
        "covariance_type": {"full": "Full", "diag": "Diagonal", "spherical": "Spherical"}[covariance_type],
        "data": data,
        "initial_weights": floats(weights),
        "initial_means": floats(initial_means),
        "initial_precisions": [floats(np.ravel(p)) for p in precisions],
        "log_likelihood": float(gm.score(X64)),
        "lower_bound": float(gm.lower_bound_),
        "iterations": int(gm.n_iter_),
        "converged": bool(gm.converged_),
        "labels": gm.predict(X64).tolist(),
        "weights": floats(gm.weights_),
        "means": floats(gm.means_),
        "covariances": [floats(np.ravel(c)) if covariance_type != "spherical" else [float(c)] for c in cov],
        "bic": float(gm.bic(X64)),
        "aic": float(gm.aic(X64)),
        "predict_proba_first_rows": floats(gm.predict_proba(X64[:5])),
    }


def main():
    rng = np.random.default_rng(20240311)

    cases = []
    X, _ = make_blobs(n_samples=300, n_features=4, centers=5, cluster_std=1.5, random_state=3)
    X = f32(X)
    cases.append(kmeans_case("blobs", dataset("blobs", X), X, X[rng.permutation(len(X))[:5]]))

    X2, _ = make_blobs(n_samples=600, n_features=8, centers=4, cluster_std=4.0, random_state=7)
    X2 = f32(X2)
    cases.append(kmeans_case("overlapping_strict", dataset("overlapping", X2), X2, X2[rng.permutation(len(X2))[:6]], tol=0.0))

    X3, _ = make_blobs(n_samples=1100, n_features=24, centers=8, cluster_std=6.0, random_state=11)
    X3 = f32(X3)
    cases.append(kmeans_case("wide_chunked", dataset("wide", X3), X3, X3[rng.permutation(len(X3))[:8]]))

    X4, _ = make_blobs(n_samples=400, n_features=3, centers=4, cluster_std=0.8, random_state=5)
    X4 = f32(X4 + 1000.0)
    cases.append(kmeans_case("offset_1000", dataset("offset_1000", X4), X4, X4[rng.permutation(len(X4))[:4]]))

    X5, _ = make_blobs(n_samples=200, n_features=2, centers=3, cluster_std=1.0, random_state=2)
    X5 = f32(X5)
    far = np.vstack([X5[rng.permutation(len(X5))[:2]], [[60.0, 60.0]]])
    cases.append(kmeans_case("empty_far_center", dataset("small2d", X5), X5, far))
    dup = X5[rng.permutation(len(X5))[:3]].copy()
    dup[2] = dup[1]
    cases.append(kmeans_case("empty_duplicate_center", "small2d", X5, dup))

    plusplus = [plusplus_case("blobs", X, 5, range(30)), plusplus_case("overlapping", X2, 6, range(30))]

    directions = unit_rows(rng.normal(size=(4, 6)))
    Xs = np.concatenate([d * rng.uniform(0.5, 3.0, size=(80, 1)) + rng.normal(scale=0.25, size=(80, 6)) for d in directions])
    Xs = f32(Xs)
    spherical = [spherical_case("directions", dataset("directions", Xs), Xs, Xs[rng.permutation(len(Xs))[:4]])]
    dup_s = Xs[rng.permutation(len(Xs))[:4]].copy()
    dup_s[3] = dup_s[0]
    spherical.append(spherical_case("directions_duplicate_center", "directions", Xs, dup_s))

    with open(os.path.join(HERE, "kmeans_reference.json"), "w") as f:
        json.dump({"sklearn_version": sklearn.__version__, "datasets": DATASETS, "kmeans": cases,
                   "kmeans_plusplus": plusplus, "spherical": spherical}, f)

    DATASETS.clear()
    mixtures = []
    G2 = mixture_data(rng, [[0, 0], [5, 1], [1, 6]],
                      [[[1.0, 0.6], [0.6, 1.5]], [[0.5, -0.2], [-0.2, 0.8]], [[2.0, 0.0], [0.0, 0.4]]], [150, 120, 130])
    G4 = mixture_data(rng, [[0, 0, 0, 0], [3, 3, 0, 1], [-2, 3, 2, 0], [1, -3, 3, 2]],
                      [np.diag([1.0, 2.0, 0.5, 1.0]), [[2, 0.5, 0, 0], [0.5, 1, 0.3, 0], [0, 0.3, 1, 0], [0, 0, 0, 0.5]],
                       np.eye(4) * 1.5, [[1, -0.4, 0, 0.2], [-0.4, 1, 0, 0], [0, 0, 2, 0], [0.2, 0, 0, 1]]],
                      [120, 150, 100, 130])
    for covariance_type in ["full", "diag", "spherical"]:
        mixtures.append(mixture_case("blobs2d_" + covariance_type, dataset("blobs2d", G2), G2, [[0.5, 0.5], [4.0, 0.0], [2.0, 5.0]], covariance_type))
        mixtures.append(mixture_case("blobs4d_" + covariance_type, dataset("blobs4d", G4), G4,
                                     [[0.5, 0, 0.5, 0], [2, 2, 0, 0], [-1, 2, 1, 1], [0, -2, 2, 1]], covariance_type))

    default_init = GaussianMixture(n_components=3, random_state=0).fit(G2.astype(np.float64))
    with open(os.path.join(HERE, "gaussian_mixture_reference.json"), "w") as f:
        json.dump({"sklearn_version": sklearn.__version__, "datasets": DATASETS, "mixtures": mixtures,
                   "kmeans_init_full_blobs2d_log_likelihood": float(default_init.score(G2.astype(np.float64)))}, f)


if __name__ == "__main__":
    main()
