"""Reference values of the KL sparsity penalty (KlSparsityRegularizer) computed by PyTorch autograd in float64.

For activations a [n, units] (or [n, channels, h, w]), target rho and weight beta:
  rho_hat_j = mean of a over every axis but 1,
  penalty   = beta * sum_j [rho log(rho / rho_hat_j) + (1 - rho) log((1 - rho) / (1 - rho_hat_j))],
  gradient  = d(penalty + sum(a * upstream)) / da, by autograd (not by the closed form the C# code uses).
No mean activation here comes near the clamp, so the clamp plays no part.

Run from this folder: python3 make_kl_sparsity_reference.py  (writes Golden/kl_sparsity.json; torch 1.13, numpy).
"""
import json

import numpy as np
import torch


def case(name, shape, rho, beta, seed):
    rng = np.random.default_rng(seed)
    a = rng.uniform(0.05, 0.95, size=shape).astype(np.float32)
    upstream = rng.uniform(-1.0, 1.0, size=shape).astype(np.float32)
    x = torch.tensor(a.astype(np.float64), requires_grad=True)
    axes = [d for d in range(x.dim()) if d != 1]
    rho_hat = x.mean(dim=axes)
    kl = rho * torch.log(rho / rho_hat) + (1 - rho) * torch.log((1 - rho) / (1 - rho_hat))
    penalty = beta * kl.sum()
    objective = penalty + (x * torch.tensor(upstream.astype(np.float64))).sum()
    objective.backward()
    return {
        "name": name,
        "shape": list(shape),
        "rho": rho,
        "beta": beta,
        "activations": a.ravel().tolist(),
        "upstream": upstream.ravel().tolist(),
        "mean_activations": rho_hat.detach().numpy().tolist(),
        "divergences": kl.detach().numpy().tolist(),
        "penalty": penalty.item(),
        "input_gradient": x.grad.numpy().ravel().tolist(),
    }


cases = [
    case("dense_defaults", (6, 5), 0.05, 3.0, 1),
    case("dense_other_target", (4, 3), 0.2, 0.5, 2),
    case("channels", (2, 3, 2, 2), 0.1, 1.5, 3),
]
with open("Golden/kl_sparsity.json", "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
