#!/usr/bin/env python3
"""Writes the reference values of the embedded k-means (DEKM) equation tests (tests/DeepClustering.Tests/Deep/Refiners/EmbeddedKMeans).

Run from the repository root with Debian's python (numpy, scipy, torch 1.13):

    /usr/bin/python3 tests/DeepClustering.Tests/Deep/Refiners/EmbeddedKMeans/Golden/make_dekm_reference.py

Writes dekm_reference.json next to this script. The steps follow the DEKM authors' code (DEKM.py of
github.com/spdj2271/DEKM, TensorFlow 2.4), re-expressed in NumPy/PyTorch:
- S_w = sum_j (H[labels == j] - U[j])^T (H[labels == j] - U[j]), with the given centres U (not recomputed means);
- V: eigenvectors of S_w in ascending eigenvalue order (DEKM's sorted_eig: np.linalg.eig, then argsort). This
  script uses np.linalg.eigh, checks that sorted_eig gives the same eigenvalues and the same eigenvectors up to
  sign, then applies the library's sign convention (largest-magnitude component positive, first one on ties
  within 1e-9 relative) so that the C# V can be compared entry by entry;
- Y = H V, M = U V; targets = Y with the last column replaced by M[labels, -1] (y_true[i, -1] = U_vt[temp[i], -1]);
- the loss on a batch of perturbed embeddings F: per-row Keras mse, mean((F V - T)^2, axis=-1). DEKM.py calls
  tape.gradient on that length-B vector, which differentiates its sum; PyTorch's backward with a vector of ones
  does the same, so "sum_of_row_means" holds that value and gradient. "mean" is the mean over all B*d elements
  (what DEKM.py logs with np.mean(loss_value));
- the assignment matching: w[new, old] += 1, linear_sum_assignment(-w), relabel the old assignment through the
  matching, count np.sum(new != relabelled old).
All inputs are float32 values (stored exactly as doubles); every computation is in float64.
"""
import json
import os

import numpy as np
import scipy
import torch
from scipy.optimize import linear_sum_assignment

HERE = os.path.dirname(os.path.abspath(__file__))
TIE = 1e-9


def rows(a):
    return [[float(v) for v in r] for r in np.asarray(a)]


def sign_convention(v):
    """Turns each column so that its largest-magnitude component (first one on ties within TIE) is positive."""
    v = v.copy()
    for c in range(v.shape[1]):
        column = v[:, c]
        largest = np.max(np.abs(column))
        pivot = int(np.argmax(np.abs(column) >= largest * (1 - TIE)))
        if column[pivot] < 0:
            v[:, c] = -column
    return v


def sorted_eig(x):
    """DEKM.py's sorted_eig: np.linalg.eig, then ascending order."""
    values, vectors = np.linalg.eig(x)
    order = np.argsort(values)
    return values[order], vectors[:, order]


def scatter_case(name, seed, n, d, k, batch):
    rng = np.random.default_rng(seed)
    true_centres = rng.normal(0.0, 4.0, size=(k, d))
    labels = np.concatenate([np.arange(k), rng.integers(0, k, size=n - k)])
    rng.shuffle(labels)
    # Anisotropic noise so that the eigenvalues of S_w are well separated.
    scales = np.linspace(0.3, 1.5, d)
    h = (true_centres[labels] + rng.normal(size=(n, d)) * scales).astype(np.float32)
    # k-means centres: the cluster means, moved slightly (a k-means result is not exactly the final means).
    u = np.stack([h[labels == j].astype(np.float64).mean(axis=0) for j in range(k)])
    u = (u + rng.normal(0.0, 0.05, size=u.shape)).astype(np.float32)

    h64, u64 = h.astype(np.float64), u.astype(np.float64)
    s = np.zeros((d, d))
    for j in range(k):
        t = h64[labels == j] - u64[j]
        s += t.T @ t

    values, vectors = np.linalg.eigh(s)
    gaps = np.diff(values) / values[-1]
    assert gaps.min() > 1e-3, f"{name}: eigenvalues too close ({gaps.min()}) for a unique V"
    reference_values, reference_vectors = sorted_eig(s)
    assert np.allclose(reference_values.real, values, rtol=1e-12, atol=1e-12 * values[-1])
    assert np.allclose(np.abs(reference_vectors.real.T @ vectors), np.eye(d), atol=1e-9)
    v = sign_convention(vectors)

    y = h64 @ v
    m = u64 @ v
    targets = y.copy()
    targets[:, -1] = m[labels, -1]

    batch_rows = np.array(batch)
    f = (h[batch_rows] + rng.normal(0.0, 0.2, size=(len(batch_rows), d))).astype(np.float32)
    batch_targets = targets[batch_rows]

    losses = {}
    for reduction in ("sum_of_row_means", "mean"):
        z = torch.tensor(f.astype(np.float64), requires_grad=True)
        residual = z @ torch.tensor(v) - torch.tensor(batch_targets)
        if reduction == "sum_of_row_means":
            per_row = (residual ** 2).mean(dim=1)  # Keras losses.mse: mean over the last axis
            per_row.backward(torch.ones_like(per_row))  # tape.gradient of a vector: gradient of its sum
            value = per_row.sum().item()
        else:
            loss = (residual ** 2).mean()
            loss.backward()
            value = loss.item()
        losses[reduction] = {"value": value, "gradient": rows(z.grad.numpy())}

    return {
        "name": name, "rows": n, "dimension": d, "clusters": k,
        "embeddings": rows(h), "labels": labels.tolist(), "centres": rows(u),
        "scatter": rows(s),
        "eigenvalues": values.tolist(),
        "eigenvectors": rows(v),
        "rotated": rows(y), "rotated_centres": rows(m), "targets": rows(targets),
        "batch_rows": batch_rows.tolist(), "batch_embeddings": rows(f), "batch_targets": rows(batch_targets),
        "loss": losses,
    }


def dekm_changed_count(old, new, k):
    """DEKM.py's matching and count, on arrays of labels in [0, k)."""
    w = np.zeros((k, k), dtype=np.int64)
    for i in range(len(new)):
        w[new[i], old[i]] += 1
    ind = linear_sum_assignment(-w)
    relabelled = np.array(old)
    for i in range(k):
        relabelled[old == ind[1][i]] = i
    return int(np.sum(new != relabelled))


def matching_case(name, seed, n, k, changes, empty_cluster=False):
    rng = np.random.default_rng(seed)
    old = rng.integers(0, k - 1 if empty_cluster else k, size=n)
    permutation = rng.permutation(k)
    new = permutation[old]
    moved = rng.choice(n, size=changes, replace=False)
    new[moved] = (new[moved] + 1 + rng.integers(0, k - 1, size=changes)) % k
    changed = dekm_changed_count(old, new, k)
    assert changed == changes, f"{name}: the moved samples should be exactly the changed ones"
    return {"name": name, "clusters": k, "previous": old.tolist(), "current": new.tolist(),
            "current_of_previous": [int(p) for p in permutation], "changed": changed}


def main():
    payload = {
        "generator": f"make_dekm_reference.py, numpy {np.__version__}, scipy {scipy.__version__}, torch {torch.__version__}",
        "sign_tie_tolerance": TIE,
        "scatter_cases": [
            scatter_case("small", 20211001, n=14, d=4, k=3, batch=[3, 0, 11, 7, 5]),
            scatter_case("dekm_shape", 15149, n=60, d=10, k=5, batch=[59, 2, 17, 31, 8, 44, 23, 0]),
        ],
        "matching_cases": [
            matching_case("permuted_with_changes", 7, n=200, k=6, changes=9),
            matching_case("one_cluster_left_empty", 8, n=120, k=5, changes=4, empty_cluster=True),
        ],
    }
    with open(os.path.join(HERE, "dekm_reference.json"), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
