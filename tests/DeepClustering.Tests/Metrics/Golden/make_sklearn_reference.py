#!/usr/bin/python3
"""Writes the scikit-learn reference values ("golden file") of the metric tests: metrics.json, next to this script.

How to run (from the repository root; CI never runs this, the file it writes is committed):

    /usr/bin/python3 tests/DeepClustering.Tests/Metrics/Golden/make_sklearn_reference.py

Use Debian's interpreter /usr/bin/python3 with python3-sklearn 1.2.1 (scipy 1.10, numpy 1.24); the versions are
written into the file. It runs in a few seconds.

External scores (labels only)
-----------------------------
Each case stores its two label vectors (drawn with numpy's RandomState and the seed given in the case) and
scikit-learn's mutual_info_score, normalized_mutual_info_score for every average_method, adjusted_rand_score,
its contingency_matrix, purity computed from that matrix (sum of column maxima / n; not in scikit-learn), and
the clustering accuracy (ACC) twice: through scipy's linear_sum_assignment on the contingency matrix padded with
zeros to a square, and, where the padded side is at most 8, by brute force over every permutation. The script
stops if the two disagree. Cases cover non-contiguous and negative labels, noise (-1), more clusters than
classes, fewer, a single cluster, all singletons, one sample.

Internal scores (data and labels)
---------------------------------
No data are stored: each data set is generated bit for bit by the C# tests from the generator of the parity
tests (tests/DeepClustering.Tensors.Tests/Parity/ParityData.cs, DeterministicValues.Uniform): with u the
generated values of the given seed (n*d of them, row-major) and g the generating group of each row,

    x[i, j] = float32(float32(u[i*d + j] * scale) + centres[g[i]][j])

(two float32 operations, each rounded once; centres are float32 values stored in the file). scikit-learn gets
the same values as float64, so it computes in double, as the C# metrics do. For each labelling the file holds
silhouette_score, silhouette_samples, calinski_harabasz_score and davies_bouldin_score, and
davies_bouldin_exact: the same index with distances taken as differences (see davies_bouldin_exact below). The
two agree to 1e-15 except for the labelling with one-member clusters, where scikit-learn's expansion leaves a
spread near 1e-8 instead of 0 and the indices differ by 2e-8; the tests hold the C# value to the exact one there.
"""
import itertools
import json
import os

import numpy as np
import scipy
import sklearn
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import (adjusted_rand_score, calinski_harabasz_score, davies_bouldin_score,
                             mutual_info_score, normalized_mutual_info_score, silhouette_samples,
                             silhouette_score)
from sklearn.metrics.cluster import contingency_matrix

HERE = os.path.dirname(os.path.abspath(__file__))
M32 = 0xFFFFFFFF


def _fmix32(x):
    x = x ^ (x >> np.uint64(16))
    x = (x * np.uint64(0x85EBCA6B)) & np.uint64(M32)
    x = x ^ (x >> np.uint64(13))
    x = (x * np.uint64(0xC2B2AE35)) & np.uint64(M32)
    x = x ^ (x >> np.uint64(16))
    return x


def uniform(seed, count):
    """count float32 values in [-1, 1), multiples of 2^-23 (DeterministicValues.Uniform)."""
    key = _fmix32(np.array([(seed * 0x9E3779B9 + 0x7F4A7C15) & M32], dtype=np.uint64))[0]
    index = np.arange(count, dtype=np.uint64)
    h = _fmix32(key ^ ((index * np.uint64(0x27D4EB2F)) & np.uint64(M32)))
    return (h >> np.uint64(8)).astype(np.float32) * np.float32(2.0 ** -23) - np.float32(1.0)


# ----------------------------------------------------------------------------------------------------------
# External scores
# ----------------------------------------------------------------------------------------------------------
def accuracy_scipy(table):
    size = max(table.shape)
    padded = np.zeros((size, size), dtype=np.int64)
    padded[: table.shape[0], : table.shape[1]] = table
    rows, cols = linear_sum_assignment(-padded)
    return padded[rows, cols].sum() / table.sum()


def accuracy_brute_force(table):
    size = max(table.shape)
    padded = np.zeros((size, size), dtype=np.int64)
    padded[: table.shape[0], : table.shape[1]] = table
    best = max(sum(padded[r, p[r]] for r in range(size)) for p in itertools.permutations(range(size)))
    return best / table.sum()


def external_case(name, seed, labels_true, labels_pred):
    labels_true = np.asarray(labels_true, dtype=np.int64)
    labels_pred = np.asarray(labels_pred, dtype=np.int64)
    table = contingency_matrix(labels_true, labels_pred)
    acc = accuracy_scipy(table)
    case = {
        "name": name,
        "seed": seed,
        "labels_true": labels_true.tolist(),
        "labels_pred": labels_pred.tolist(),
        "classes": np.unique(labels_true).tolist(),
        "clusters": np.unique(labels_pred).tolist(),
        "contingency": table.tolist() if table.size <= 400 else None,
        "acc": acc,
        "acc_method": "linear_sum_assignment",
        "mi": mutual_info_score(labels_true, labels_pred),
        "nmi_min": normalized_mutual_info_score(labels_true, labels_pred, average_method="min"),
        "nmi_geometric": normalized_mutual_info_score(labels_true, labels_pred, average_method="geometric"),
        "nmi_arithmetic": normalized_mutual_info_score(labels_true, labels_pred, average_method="arithmetic"),
        "nmi_max": normalized_mutual_info_score(labels_true, labels_pred, average_method="max"),
        "ari": adjusted_rand_score(labels_true, labels_pred),
        "purity": table.max(axis=0).sum() / table.sum(),
    }
    if max(table.shape) <= 8:
        brute = accuracy_brute_force(table)
        if abs(brute - acc) > 1e-15:
            raise SystemExit(f"{name}: linear_sum_assignment ACC {acc} differs from brute force {brute}")
        case["acc_method"] = "linear_sum_assignment, equal to brute force over permutations"
    return case


def noisy(rng, labels, fraction, values):
    labels = labels.copy()
    flip = rng.random_sample(len(labels)) < fraction
    labels[flip] = rng.choice(values, size=flip.sum())
    return labels


def external_cases():
    cases = []
    rng = np.random.RandomState(1)
    t = rng.randint(0, 5, size=200)
    p = noisy(rng, np.array([3, 0, 4, 1, 2])[t], 0.3, np.arange(5))
    cases.append(external_case("same_k_noisy_permuted", 1, t, p))

    rng = np.random.RandomState(2)
    t = rng.choice([-3, 5, 17], size=150)
    p = noisy(rng, np.select([t == -3, t == 5, t == 17], [100, 7, 9]), 0.25, np.array([100, -1, 7, 9]))
    cases.append(external_case("noncontiguous_and_negative", 2, t, p))

    rng = np.random.RandomState(3)
    t = rng.randint(0, 4, size=180)
    p = t.copy()
    p[rng.random_sample(len(p)) < 0.35] = -1
    cases.append(external_case("noise_minus_one", 3, t, p))

    rng = np.random.RandomState(4)
    t = rng.randint(0, 3, size=160)
    p = noisy(rng, t * 2 + rng.randint(0, 2, size=160) + (rng.random_sample(160) < 0.1) * 6, 0.1, np.arange(8))
    cases.append(external_case("more_clusters_than_classes", 4, t, p))

    rng = np.random.RandomState(5)
    t = rng.randint(0, 6, size=120)
    p = noisy(rng, t // 3, 0.2, np.array([0, 1]))
    cases.append(external_case("fewer_clusters_than_classes", 5, t, p))

    rng = np.random.RandomState(6)
    t = rng.randint(0, 7, size=90)
    perm = rng.permutation(7) + 10
    cases.append(external_case("perfect_permuted", 6, t, perm[t]))

    rng = np.random.RandomState(7)
    t = rng.randint(0, 3, size=40)
    cases.append(external_case("single_cluster_predicted", 7, t, np.full(40, 4)))
    cases.append(external_case("both_single", 0, np.full(12, 2), np.full(12, -1)))

    rng = np.random.RandomState(8)
    t = rng.randint(0, 4, size=30)
    cases.append(external_case("all_singletons", 8, t, np.arange(30)[::-1]))

    cases.append(external_case("one_sample", 0, [3], [5]))
    cases.append(external_case("two_samples", 0, [0, 1], [1, 1]))

    rng = np.random.RandomState(9)
    t = rng.randint(0, 10, size=5000)
    p = noisy(rng, rng.permutation(12)[t], 0.4, np.arange(12))
    cases.append(external_case("large_k10_vs_k12", 9, t, p))
    return cases


# ----------------------------------------------------------------------------------------------------------
# Internal scores
# ----------------------------------------------------------------------------------------------------------
def make_data(seed, groups, d, scale, centres):
    groups = np.asarray(groups)
    centres = np.asarray(centres, dtype=np.float32)
    u = uniform(seed, len(groups) * d).reshape(len(groups), d)
    x = (u * np.float32(scale)).astype(np.float32) + centres[groups]
    return x.astype(np.float32)


def davies_bouldin_exact(x, labels):
    """Davies-Bouldin with every distance taken as a difference, ||x - c||, not through the expansion
    ||x||^2 - 2 x.c + ||c||^2 that scikit-learn uses; they differ where the expansion cancels, chiefly for
    one-member clusters, whose spread is exactly 0 but comes out near 1e-8 * ||x|| from the expansion."""
    values = np.unique(labels)
    centroids = np.array([x[labels == v].mean(axis=0) for v in values])
    spread = np.array([np.sqrt(((x[labels == v] - centroids[i]) ** 2).sum(axis=1)).mean() for i, v in enumerate(values)])
    separation = np.sqrt(((centroids[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=-1))
    if np.allclose(spread, 0) or np.allclose(separation, 0):
        return 0.0
    separation[separation == 0] = np.inf
    return float(np.mean(np.max((spread[:, None] + spread[None, :]) / separation, axis=1)))


def internal_labelling(name, x64, labels):
    labels = np.asarray(labels, dtype=np.int64)
    return {
        "name": name,
        "labels": labels.tolist(),
        "silhouette": silhouette_score(x64, labels),
        "silhouette_samples": silhouette_samples(x64, labels).tolist(),
        "calinski_harabasz": calinski_harabasz_score(x64, labels),
        "davies_bouldin": davies_bouldin_score(x64, labels),
        "davies_bouldin_exact": davies_bouldin_exact(x64, labels),
    }


def data_set(name, seed, groups, d, scale, centres, labellings):
    x = make_data(seed, groups, d, scale, centres)
    x64 = x.astype(np.float64)
    return {
        "name": name,
        "seed": seed,
        "rows": len(groups),
        "columns": d,
        "scale": float(np.float32(scale)),
        "centres": np.asarray(centres, dtype=np.float32).astype(np.float64).tolist(),
        "groups": np.asarray(groups).tolist(),
        "checksum": float(x64.sum()),
        "labellings": [internal_labelling(n, x64, l) for n, l in labellings(x)],
    }


def internal_sets():
    sets = []
    rng = np.random.RandomState(11)
    groups = rng.randint(0, 4, size=300)
    centres = (rng.uniform(-4, 4, size=(4, 5))).astype(np.float32)

    def blob_labellings(x):
        r = np.random.RandomState(12)
        yield "truth", groups
        yield "noisy", noisy(r, groups, 0.15, np.arange(4))
        yield "noncontiguous", np.array([-7, 3, 42, 1000])[groups]
        noise = groups.copy()
        noise[r.random_sample(len(noise)) < 0.1] = -1
        yield "noise_minus_one", noise
        yield "more_clusters_than_groups", groups * 2 + (x[:, 0] > np.median(x[:, 0])) - 0
        single = groups.copy()
        single[[5, 77, 150]] = [20, 21, 22]
        yield "three_singletons", single
        yield "random", r.randint(0, 5, size=len(groups))

    sets.append(data_set("blobs_300x5", 101, groups, 5, 1.5, centres, blob_labellings))

    rng = np.random.RandomState(13)
    groups = np.concatenate([np.zeros(600, int), np.ones(300, int), np.full(100, 2)])
    groups = groups[rng.permutation(len(groups))]
    centres = rng.uniform(-1, 1, size=(3, 50)).astype(np.float32)

    def wide_labellings(x):
        r = np.random.RandomState(14)
        yield "truth", groups
        yield "noisy", noisy(r, groups, 0.3, np.arange(4))

    sets.append(data_set("wide_1000x50", 102, groups, 50, 1.0, centres, wide_labellings))

    rng = np.random.RandomState(15)
    groups = rng.randint(0, 3, size=200)
    centres = (1000 + rng.uniform(-3, 3, size=(3, 3))).astype(np.float32)

    def offset_labellings(x):
        yield "truth", groups

    sets.append(data_set("offset_200x3", 103, groups, 3, 1.0, centres, offset_labellings))
    return sets


def main():
    reference = {
        "generator": "make_sklearn_reference.py",
        "sklearn": sklearn.__version__,
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "external": external_cases(),
        "internal": internal_sets(),
    }
    path = os.path.join(HERE, "metrics.json")
    with open(path, "w") as f:
        json.dump(reference, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
