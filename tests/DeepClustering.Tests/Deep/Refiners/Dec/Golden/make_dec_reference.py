#!/usr/bin/env python3
"""Writes the PyTorch reference values of the DEC clustering-loss tests (tests/DeepClustering.Tests/Deep/Refiners/Dec).

Run from the repository root with Debian's python (PyTorch 1.13, NumPy):

    /usr/bin/python3 tests/DeepClustering.Tests/Deep/Refiners/Dec/Golden/make_dec_reference.py

Writes dec_reference.json next to this script. Every case holds seeded embeddings z [n, d] and centres mu [k, d]
(rounded to float32, so the C# test reads exactly the same inputs) and, computed in float64:
- q: the Student-t soft assignment of DEC eq. 1, written the way DEC-keras' ClusteringLayer.call writes it
  (q = 1 / (1 + ||z - mu||^2 / alpha); q **= (alpha + 1) / 2; rows normalised);
- p: DEC-keras' target_distribution(q) (DEC eq. 3): weight = q**2 / q.sum(0); rows of weight normalised;
- target: the target distribution of a stale embedding z + 0.3 * noise (a DEC batch trains against the P of the
  last refresh, not of its own Q), and against it
- loss: KL(target || q(z, mu)) with the Keras 'kld' reduction, sum over clusters then mean over rows
  (torch.nn.functional.kl_div(q.log(), target, reduction="batchmean"); Keras clips both arguments to
  [1e-7, 1], which changes nothing here since every q and target entry exceeds 1e-7, checked below);
- grad_z, grad_mu: autograd gradients of that loss with respect to z and mu (target held constant).
The script also checks autograd against DEC eqs. 4 and 5 divided by n, so a sign slip in the closed form shows here.
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


def soft_assignment(z, mu, alpha):
    q = 1.0 / (1.0 + torch.sum((z.unsqueeze(1) - mu) ** 2, dim=2) / alpha)
    q = q ** ((alpha + 1.0) / 2.0)
    return (q.t() / q.sum(1)).t()


def target_distribution(q):
    weight = q ** 2 / q.sum(0)
    return (weight.t() / weight.sum(1)).t()


def closed_form_gradients(z, mu, alpha, p, q):
    """DEC eqs. 4 and 5, times 1/n for the batch mean."""
    diff = z.unsqueeze(1) - mu                                      # [n, k, d]
    w = 1.0 / (1.0 + (diff ** 2).sum(2) / alpha)                     # [n, k]
    c = (alpha + 1.0) / alpha * w * (p - q) / z.shape[0]             # [n, k]
    return (c.unsqueeze(2) * diff).sum(1), -(c.unsqueeze(2) * diff).sum(0)


def case(seed, n, k, d, alpha, spread):
    rng = np.random.default_rng(seed)
    z32 = rng.normal(size=(n, d)).astype(np.float32)
    mu32 = (spread * rng.normal(size=(k, d))).astype(np.float32)
    stale32 = (z32 + 0.3 * rng.normal(size=(n, d))).astype(np.float32)
    z = torch.tensor(z32, dtype=torch.float64, requires_grad=True)
    mu = torch.tensor(mu32, dtype=torch.float64, requires_grad=True)
    stale = torch.tensor(stale32, dtype=torch.float64)

    q = soft_assignment(z, mu, alpha)
    p = target_distribution(q.detach())
    target = target_distribution(soft_assignment(stale, mu.detach(), alpha))
    loss = F.kl_div(q.log(), target, reduction="batchmean")
    by_hand = (target * (target.log() - q.log())).sum(1).mean()
    assert abs(loss.item() - by_hand.item()) < 1e-14
    assert q.min().item() > 1e-7 and target.min().item() > 1e-7, "Keras' clipping would change the reference"
    loss.backward()

    closed_z, closed_mu = closed_form_gradients(z.detach(), mu.detach(), alpha, target, q.detach())
    assert torch.allclose(closed_z, z.grad, rtol=1e-10, atol=1e-14)
    assert torch.allclose(closed_mu, mu.grad, rtol=1e-10, atol=1e-14)

    return {
        "alpha": alpha, "n": n, "k": k, "d": d,
        "z": z32.tolist(), "mu": mu32.tolist(),
        "q": q.detach().tolist(), "p": p.tolist(), "target": target.tolist(),
        "loss": loss.item(), "grad_z": z.grad.tolist(), "grad_mu": mu.grad.tolist(),
    }


def main():
    cases = [
        case(seed=1, n=6, k=3, d=4, alpha=1.0, spread=1.5),
        case(seed=2, n=6, k=3, d=4, alpha=0.5, spread=1.5),
        case(seed=3, n=6, k=3, d=4, alpha=2.0, spread=1.5),
        case(seed=4, n=40, k=5, d=3, alpha=1.0, spread=2.0),
    ]
    payload = {
        "generator": f"make_dec_reference.py, torch {torch.__version__}, numpy {np.__version__}",
        "reduction": "sum over clusters, mean over rows (Keras kld under Model.compile, = kl_div batchmean)",
        "cases": cases,
    }
    with open(os.path.join(HERE, "dec_reference.json"), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
