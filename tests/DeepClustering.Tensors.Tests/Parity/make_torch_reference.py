#!/usr/bin/python3
"""Generates the PyTorch reference values ("golden files") of the engine's parity tests.

How to run (from the repository root; CI never runs this, the files it writes are committed):

    /usr/bin/python3 tests/DeepClustering.Tensors.Tests/Parity/make_torch_reference.py

Use Debian's interpreter /usr/bin/python3 with the python3-torch package (PyTorch 1.13, CPU) and
python3-numpy; the values committed were made with torch 1.13.0a0 and numpy 1.24.2 (the versions are also
written into the files). The run takes a few seconds and rewrites:

    tests/DeepClustering.Tensors.Tests/Parity/Golden/layers.json   index, inputs, scalar results
    tests/DeepClustering.Tensors.Tests/Parity/Golden/layers.bin    float32 little-endian tensor results
    tests/DeepClustering.Tests/Parity/Golden/autoencoders.json     one Adam step of each autoencoder

Inputs and initial weights
--------------------------
No input is stored: every input, weight, upstream gradient dY and target is a "generated tensor", described
in the JSON by {seed, scale, offset, shape, overrides} and recomputed bit for bit by the C# tests
(ParityData.cs, DeterministicValues). Element i of a generated tensor is

    key = fmix32(seed * 0x9E3779B9 + 0x7F4A7C15)              (uint32 arithmetic, wrapping)
    h   = fmix32(key XOR (i * 0x27D4EB2F))
    u   = float32(h >> 8) * 2^-23 - 1                          (exact: a multiple of 2^-23 in [-1, 1))
    v   = float32(u * scale) + offset                          (two float32 operations, each rounded once)

with fmix32 the MurmurHash3 finaliser, then v[index] = value for each (index, value) in overrides. Only
integer arithmetic and correctly rounded float32 operations are involved, so numpy and .NET agree exactly;
scale and offset are float32 values. Weights use scale = float32(1/sqrt(fan_in)), the bound of PyTorch's
default initialisation (fan_in = size(1) * k * k, so [in, out, k, k] for ConvTranspose2d, as in PyTorch).
The file layers.json holds a short generated vector that the C# tests check bit for bit, and
autoencoders.json the sum of every initial parameter, so a generator mismatch shows up by itself.

How the reference values are computed
-------------------------------------
Every case runs twice in PyTorch on the same float32-exact inputs: in float64, whose results are stored
(rounded to float32 in layers.bin; float32-rounded or float64 in the JSON), and in float32, which is not stored
but is checked against the float64 results with the tolerance of the C# tests. So the stored values are
PyTorch's answers without float32 rounding noise, and the tolerance is demonstrably met by PyTorch's own
float32 kernels (the run aborts otherwise and prints, per case, the worst error as a fraction of the
tolerance).

Tolerance (the same in the C# tests, ParityAssert)
--------------------------------------------------
An element a of the engine passes against the reference b when

    |a - b| <= 1e-4 * max(|b|, s),   s = 1e-2 * max_j |b_j|  (max over the whole reference tensor).

1e-4 relative is the issue's requirement. The floor s exists because float32 dot products and reductions of
length K carry absolute errors of order eps32 * sqrt(K) * |terms| (eps32 = 6e-8), that is about 1e-7 to 1e-6
of the tensor's magnitude, regardless of how close to zero the exact sum lands; elements that nearly cancel
(and saturated sigmoid/tanh gradients such as 1 - tanh(30)^2 = 4e-26, which float32 rounds to 0) cannot be
held to a relative bound. The floor makes their bound 1e-6 of the tensor's largest element: still orders of
magnitude below what a wrong sign, a transposed weight or a shifted index produces. Scalars (losses) use
|a - b| <= 1e-4 * |b|.

Parameters after the autoencoders' Adam step get one more term. A first Adam step moves theta by
lr * g / (|g| + eps) (the bias corrections cancel), whose derivative in g is lr * eps / (|g| + eps)^2: for
the elements whose gradient is comparable to eps = 1e-8, a gradient error far inside the gradient's own
tolerance is amplified into the parameter (PyTorch's own float32 step misses the plain bound by up to 9x
there). So the bound after the step is the plain one plus the gradient's tolerance carried through the step:

    tol_i = 1e-4 * max(|b_i|, s) + lr * eps * tg_i / (max(|g_i| - tg_i, 0) + eps)^2,
    tg_i  = 1e-4 * max(|g_i|, s_g),  s_g = 1e-2 * max_j |g_j|,  g the reference gradient.

The extra term is negligible unless |g_i| is within a few decades of eps. Summaries of a tensor of n
elements are held to the sum of the element bounds: sum, signed checksum and sum of |x| within
1e-4 * (sum|b| + n*s), sum of squares within 2e-4 * (sum b^2 + 2*s*sum|b| + n*s^2), max |x| within
1e-4 * (max|b| + s) (sums of many parameters are barely affected by the few amplified elements).

Cases (layers.json, one entry per case; "kind" selects the C# test)
-------------------------------------------------------------------
For every layer: forward output y, and for the upstream gradient dY the input gradient dx and the parameter
gradients (grad.weight, grad.bias), in PyTorch's layouts (Linear [out, in], Conv2d [out, in, k, k],
ConvTranspose2d [in, out, k, k]).
  linear_*          Linear with and without bias, small and wide (GEMM edge and blocked paths).
  conv2d_ae1..3     the three convolutions of the convolutional autoencoder: 1->32 5x5/2 pad 2 on 28x28,
                    32->64 5x5/2 pad 2 on 14x14, 64->128 3x3/2 pad 0 on 7x7 (batch 2).
  conv2d_odd*       cIn=3, 3x3, stride 1, pad 1 on a non-square 5x7 input; and a bias-free 4x4 stride 3
                    pad 1 convolution on 9x6.
  conv_transpose2d_ae1..3   the decoder's 128->64 3x3/2 pad 0 on 3x3, 64->32 5x5/2 pad 2 output_padding 1
                    on 7x7, 32->1 the same on 14x14.
  conv_transpose2d_odd      3->2, 4x4, stride 3, pad 1, output_padding 2 on a non-square 4x5 input, no bias.
  relu, leaky_relu_0.01, leaky_relu_0.2, sigmoid, tanh   inputs in [-6, 6) with exact zeros and +-30.
  flatten, reshape  [2,3,4,5] -> [2,60] and back; dropout_eval  Dropout(0.5) in eval mode (identity).
  mse, bce_logits, bce_logits_large   loss value (mean reduction) and gradient with respect to the
                    prediction; the last one with logits up to |40| and exactly +-30.
  sgd_*             two consecutive SGD steps (lr 0.1, momentum 0.9, weight decay 1e-4, with and without
                    Nesterov; plus plain SGD and a strong-decay Nesterov case, so the decay term is visible
                    at 1e-4) on a [3, 13] parameter; gradients of mixed magnitudes (1 down to 1e-8, zeros).
  adam_*            two consecutive Adam steps (lr 0.05, betas (0.9, 0.999), eps 1e-8): no decay, L2 decay
                    0.1 (torch.optim.Adam weight_decay) and decoupled decay 0.1 (torch.optim.AdamW).
Results after each step are after1 and after2.

Autoencoders (autoencoders.json)
--------------------------------
dense: 784-500-500-2000-10-2000-500-500-784 with ReLU between layers and linear embedding and output
(DenseAutoencoder.CreateDec); conv: ConvolutionalAutoencoder.Create(channels 1, embedding 10). Both are built
as nn.Module with nn.Sequential "encoder" and "decoder", so parameter names (encoder.0.weight, ...) match
Module.NamedParameters() in C#. A batch of 8 inputs in [0, 1) is reconstructed under MSELoss (mean); one
torch.optim.Adam step (lr 1e-3, betas (0.9, 0.999), eps 1e-8, no decay) follows the backward pass, and a
second forward gives the loss after the step. Stored: loss before and after; per parameter its generator
(seed, scale), the sum of its initial values, and for its gradient and its value after the step a summary:
sum, sum of |x|, sum of squares, max |x|, a signed checksum sum_i r_i x_i with r_i = +1 when
generated(seed 777)[i] >= 0 else -1 (sensitive to misplaced elements), and 256 sampled elements with their
flat indices (plus the first and the last element).
"""

import json
import math
import os
import platform
import sys

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
LAYER_DIR = os.path.join(HERE, "Golden")
AUTOENCODER_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "DeepClustering.Tests", "Parity", "Golden"))

RELATIVE = 1e-4
FLOOR_FRACTION = 1e-2
SAMPLES = 256
CHECKSUM_SEED = 777

# ---------------------------------------------------------------------------------------------------------
# Deterministic inputs
# ---------------------------------------------------------------------------------------------------------
M32 = 0xFFFFFFFF


def _fmix32(x):
    """MurmurHash3's 32-bit finaliser on uint64 arrays holding 32-bit values."""
    x = x ^ (x >> np.uint64(16))
    x = (x * np.uint64(0x85EBCA6B)) & np.uint64(M32)
    x = x ^ (x >> np.uint64(13))
    x = (x * np.uint64(0xC2B2AE35)) & np.uint64(M32)
    x = x ^ (x >> np.uint64(16))
    return x


def uniform(seed, count):
    """count float32 values in [-1, 1), multiples of 2^-23, from the seed (see the header)."""
    key = _fmix32(np.array([(seed * 0x9E3779B9 + 0x7F4A7C15) & M32], dtype=np.uint64))[0]
    index = np.arange(count, dtype=np.uint64)
    h = _fmix32(key ^ ((index * np.uint64(0x27D4EB2F)) & np.uint64(M32)))
    return (h >> np.uint64(8)).astype(np.float32) * np.float32(2.0 ** -23) - np.float32(1.0)


def f32(value):
    """A Python float holding exactly the float32 nearest to value."""
    return float(np.float32(value))


class Generator:
    """Hands out distinct seeds and builds generated tensors with their JSON descriptions."""

    def __init__(self, first_seed):
        self.next_seed = first_seed

    def spec(self, shape, scale=1.0, offset=0.0, overrides=None):
        seed = self.next_seed
        self.next_seed += 1
        return {
            "seed": seed,
            "scale": f32(scale),
            "offset": f32(offset),
            "shape": list(shape),
            "overrides": [[int(i), f32(v)] for i, v in (overrides or [])],
        }


def materialize(spec):
    count = int(np.prod(spec["shape"]))
    values = uniform(spec["seed"], count) * np.float32(spec["scale"])
    values = values + np.float32(spec["offset"])
    for index, value in spec["overrides"]:
        values[index] = np.float32(value)
    return values.reshape(spec["shape"])


# The autoencoders' Adam step: torch.optim.Adam's defaults.
ADAM_LR = f32(1e-3)
ADAM_EPS = f32(1e-8)


def bound(fan_in):
    return f32(1.0 / math.sqrt(fan_in))


# ---------------------------------------------------------------------------------------------------------
# Tolerance (mirrors ParityAssert in C#)
# ---------------------------------------------------------------------------------------------------------
def element_tolerance(reference):
    """RELATIVE * max(|b|, s) with s = FLOOR_FRACTION * max |b|, per element."""
    reference = np.asarray(reference, dtype=np.float64).ravel()
    floor = FLOOR_FRACTION * np.max(np.abs(reference)) if reference.size else 0.0
    return RELATIVE * np.maximum(np.abs(reference), floor)


def adam_first_step_tolerance(after, gradient, lr, eps):
    """Tolerance of a parameter after a first Adam step: its own, plus the gradient's propagated (see header)."""
    gradient = np.asarray(gradient, dtype=np.float64).ravel()
    gradient_tolerance = element_tolerance(gradient)
    slack = np.maximum(np.abs(gradient) - gradient_tolerance, 0.0) + eps
    return element_tolerance(after) + lr * eps * gradient_tolerance / (slack * slack)


def worst_ratio(actual, reference, tolerance=None):
    """max over elements of |a - b| / tolerance (element_tolerance(b) by default); <= 1 passes."""
    actual = np.asarray(actual, dtype=np.float64).ravel()
    reference = np.asarray(reference, dtype=np.float64).ravel()
    if tolerance is None:
        tolerance = element_tolerance(reference)
    error = np.abs(actual - reference)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(tolerance > 0, error / tolerance, np.where(error > 0, np.inf, 0.0))
    return float(np.max(ratio)) if ratio.size else 0.0


# ---------------------------------------------------------------------------------------------------------
# Layer cases
# ---------------------------------------------------------------------------------------------------------
def _t(array, dtype, grad=False):
    tensor = torch.tensor(np.asarray(array, dtype=np.float32), dtype=dtype)
    return tensor.requires_grad_(grad)


def _run_module(module, inputs, dtype):
    """Forward x, backward dy; returns y, dx and grad.<parameter> for every parameter of the module."""
    module = module.to(dtype)
    with torch.no_grad():
        for name, parameter in module.named_parameters():
            parameter.copy_(_t(inputs[name], dtype))
    x = _t(inputs["x"], dtype, grad=True)
    y = module(x)
    y.backward(_t(inputs["dy"], dtype))
    out = {"y": y.detach(), "dx": x.grad}
    for name, parameter in module.named_parameters():
        out["grad." + name] = parameter.grad
    return out, {}


def linear_case(g, name, batch, fan_in, fan_out, bias):
    b = bound(fan_in)
    inputs = {"x": g.spec([batch, fan_in]), "weight": g.spec([fan_out, fan_in], b), "dy": g.spec([batch, fan_out])}
    if bias:
        inputs["bias"] = g.spec([fan_out], b)
    config = {"in_features": fan_in, "out_features": fan_out, "bias": bias}
    return name, "linear", config, inputs, lambda v, d: _run_module(nn.Linear(fan_in, fan_out, bias=bias), v, d)


def conv_case(g, name, batch, c_in, c_out, k, stride, padding, h, w, bias=True):
    oh = (h + 2 * padding - k) // stride + 1
    ow = (w + 2 * padding - k) // stride + 1
    b = bound(c_in * k * k)
    inputs = {"x": g.spec([batch, c_in, h, w]), "weight": g.spec([c_out, c_in, k, k], b), "dy": g.spec([batch, c_out, oh, ow])}
    if bias:
        inputs["bias"] = g.spec([c_out], b)
    config = {"in_channels": c_in, "out_channels": c_out, "kernel_size": k, "stride": stride, "padding": padding, "bias": bias}
    make = lambda: nn.Conv2d(c_in, c_out, k, stride=stride, padding=padding, bias=bias)
    return name, "conv2d", config, inputs, lambda v, d: _run_module(make(), v, d)


def conv_transpose_case(g, name, batch, c_in, c_out, k, stride, padding, output_padding, h, w, bias=True):
    oh = (h - 1) * stride - 2 * padding + k + output_padding
    ow = (w - 1) * stride - 2 * padding + k + output_padding
    b = bound(c_out * k * k)  # PyTorch's fan-in of a [in, out, k, k] weight
    inputs = {"x": g.spec([batch, c_in, h, w]), "weight": g.spec([c_in, c_out, k, k], b), "dy": g.spec([batch, c_out, oh, ow])}
    if bias:
        inputs["bias"] = g.spec([c_out], b)
    config = {"in_channels": c_in, "out_channels": c_out, "kernel_size": k, "stride": stride, "padding": padding,
              "output_padding": output_padding, "bias": bias}
    make = lambda: nn.ConvTranspose2d(c_in, c_out, k, stride=stride, padding=padding, output_padding=output_padding, bias=bias)
    return name, "conv_transpose2d", config, inputs, lambda v, d: _run_module(make(), v, d)


def activation_case(g, name, kind, module_factory, config):
    shape = [4, 37]  # 148 elements: not a multiple of any vector width, so the scalar tails run too
    count = 4 * 37
    overrides = [(i, 0.0) for i in range(0, count, 23)] + [(5, 30.0), (6, -30.0), (40, 1e-3), (41, -1e-4)]
    inputs = {"x": g.spec(shape, 6.0, overrides=overrides), "dy": g.spec(shape)}
    return name, kind, config, inputs, lambda v, d: _run_module(module_factory(), v, d)


def loss_case(name, kind, prediction, target, loss_factory):
    inputs = {"prediction": prediction, "target": target}

    def run(v, dtype):
        p = _t(v["prediction"], dtype, grad=True)
        loss = loss_factory()(p, _t(v["target"], dtype))
        loss.backward()
        return {"grad": p.grad}, {"loss": float(loss)}

    return name, kind, {}, inputs, run


def optimizer_case(g, name, kind, config, optimizer_factory):
    shape = [3, 13]
    count = 39
    # Gradient magnitudes 1, 1e-2, 1e-4, 1e-6, 1e-8 in turn (the last near Adam's epsilon), and two zeros.
    def magnitudes(spec):
        values = materialize(spec).ravel().astype(np.float64)
        return [(i, float(values[i]) * 10.0 ** (-2 * (i % 5))) for i in range(count) if i % 5] + [(7, 0.0), (20, 0.0)]

    grad1 = g.spec(shape)
    grad1["overrides"] = [[i, f32(v)] for i, v in magnitudes(grad1)]
    grad2 = g.spec(shape, 0.5)
    grad2["overrides"] = [[i, f32(v)] for i, v in magnitudes(grad2)]
    inputs = {"param": g.spec(shape), "grad1": grad1, "grad2": grad2}

    def run(v, dtype):
        p = nn.Parameter(_t(v["param"], dtype))
        optimizer = optimizer_factory([p])
        out = {}
        for step in (1, 2):
            p.grad = _t(v["grad%d" % step], dtype)
            optimizer.step()
            out["after%d" % step] = p.detach().clone()
        return out, {}

    return name, kind, config, inputs, run


def layer_cases():
    g = Generator(1000)
    cases = [
        linear_case(g, "linear_bias", 3, 7, 5, True),
        linear_case(g, "linear_no_bias", 4, 33, 17, False),
        linear_case(g, "linear_wide", 4, 300, 130, True),
        conv_case(g, "conv2d_ae1", 2, 1, 32, 5, 2, 2, 28, 28),
        conv_case(g, "conv2d_ae2", 2, 32, 64, 5, 2, 2, 14, 14),
        conv_case(g, "conv2d_ae3", 2, 64, 128, 3, 2, 0, 7, 7),
        conv_case(g, "conv2d_odd", 3, 3, 4, 3, 1, 1, 5, 7),
        conv_case(g, "conv2d_odd_no_bias", 2, 2, 3, 4, 3, 1, 9, 6, bias=False),
        conv_transpose_case(g, "conv_transpose2d_ae1", 2, 128, 64, 3, 2, 0, 0, 3, 3),
        conv_transpose_case(g, "conv_transpose2d_ae2", 2, 64, 32, 5, 2, 2, 1, 7, 7),
        conv_transpose_case(g, "conv_transpose2d_ae3", 2, 32, 1, 5, 2, 2, 1, 14, 14),
        conv_transpose_case(g, "conv_transpose2d_odd", 3, 3, 2, 4, 3, 1, 2, 4, 5, bias=False),
        activation_case(g, "relu", "relu", nn.ReLU, {}),
        activation_case(g, "leaky_relu_0.01", "leaky_relu", lambda: nn.LeakyReLU(0.01), {"negative_slope": f32(0.01)}),
        activation_case(g, "leaky_relu_0.2", "leaky_relu", lambda: nn.LeakyReLU(0.2), {"negative_slope": f32(0.2)}),
        activation_case(g, "sigmoid", "sigmoid", nn.Sigmoid, {}),
        activation_case(g, "tanh", "tanh", nn.Tanh, {}),
    ]

    # Flatten, Reshape and Dropout (evaluation mode) only move or copy values.
    inputs = {"x": g.spec([2, 3, 4, 5]), "dy": g.spec([2, 60])}
    cases.append(("flatten", "flatten", {}, inputs, lambda v, d: _run_module(nn.Flatten(), v, d)))
    inputs = {"x": g.spec([2, 60]), "dy": g.spec([2, 3, 4, 5])}
    cases.append(("reshape", "reshape", {"shape": [3, 4, 5]}, inputs, lambda v, d: _run_module(nn.Unflatten(1, (3, 4, 5)), v, d)))
    inputs = {"x": g.spec([3, 50]), "dy": g.spec([3, 50])}
    cases.append(("dropout_eval", "dropout_eval", {"p": 0.5}, inputs, lambda v, d: _run_module(nn.Dropout(0.5).eval(), v, d)))

    cases.append(loss_case("mse", "mse", g.spec([4, 9], 2.0), g.spec([4, 9], 0.5, 0.5), nn.MSELoss))
    cases.append(loss_case("bce_logits", "bce_logits", g.spec([4, 9], 4.0),
                           g.spec([4, 9], 0.5, 0.5, overrides=[(0, 0.0), (1, 1.0), (9, 0.0), (10, 1.0)]), nn.BCEWithLogitsLoss))
    cases.append(loss_case("bce_logits_large", "bce_logits",
                           g.spec([2, 8], 40.0, overrides=[(0, 30.0), (1, -30.0), (2, 30.0), (3, -30.0), (4, 0.0)]),
                           g.spec([2, 8], 0.5, 0.5, overrides=[(0, 1.0), (1, 0.0), (2, 0.0), (3, 1.0), (8, 0.0), (9, 1.0)]),
                           nn.BCEWithLogitsLoss))

    sgd = torch.optim.SGD
    cases.append(optimizer_case(g, "sgd_plain", "sgd", {"lr": f32(0.1), "momentum": 0.0, "weight_decay": 0.0, "nesterov": False},
                                lambda p: sgd(p, lr=f32(0.1))))
    cases.append(optimizer_case(g, "sgd_momentum", "sgd", {"lr": f32(0.1), "momentum": f32(0.9), "weight_decay": f32(1e-4), "nesterov": False},
                                lambda p: sgd(p, lr=f32(0.1), momentum=f32(0.9), weight_decay=f32(1e-4))))
    cases.append(optimizer_case(g, "sgd_nesterov", "sgd", {"lr": f32(0.1), "momentum": f32(0.9), "weight_decay": f32(1e-4), "nesterov": True},
                                lambda p: sgd(p, lr=f32(0.1), momentum=f32(0.9), weight_decay=f32(1e-4), nesterov=True)))
    cases.append(optimizer_case(g, "sgd_nesterov_strong_decay", "sgd", {"lr": f32(0.1), "momentum": f32(0.9), "weight_decay": f32(0.5), "nesterov": True},
                                lambda p: sgd(p, lr=f32(0.1), momentum=f32(0.9), weight_decay=f32(0.5), nesterov=True)))
    adam = dict(lr=f32(0.05), betas=(f32(0.9), f32(0.999)), eps=f32(1e-8))
    adam_config = {"lr": adam["lr"], "beta1": adam["betas"][0], "beta2": adam["betas"][1], "eps": adam["eps"]}
    cases.append(optimizer_case(g, "adam", "adam", dict(adam_config, weight_decay=0.0, decoupled=False),
                                lambda p: torch.optim.Adam(p, **adam)))
    cases.append(optimizer_case(g, "adam_weight_decay", "adam", dict(adam_config, weight_decay=f32(0.1), decoupled=False),
                                lambda p: torch.optim.Adam(p, weight_decay=f32(0.1), **adam)))
    cases.append(optimizer_case(g, "adamw", "adam", dict(adam_config, weight_decay=f32(0.1), decoupled=True),
                                lambda p: torch.optim.AdamW(p, weight_decay=f32(0.1), **adam)))
    return cases


def write_layers():
    blob = []
    offset = 0
    entries = []
    report = []
    for name, kind, config, inputs, run in layer_cases():
        values = {key: materialize(spec) for key, spec in inputs.items()}
        tensors64, scalars64 = run(values, torch.float64)
        tensors32, scalars32 = run(values, torch.float32)
        outputs = {}
        worst = 0.0
        for key, tensor in tensors64.items():
            array = tensor.numpy()
            worst = max(worst, worst_ratio(tensors32[key].numpy(), array))
            flat = array.astype("<f4").ravel()
            outputs[key] = {"offset": offset, "shape": list(array.shape)}
            blob.append(flat)
            offset += flat.size
        for key, value in scalars64.items():
            worst = max(worst, abs(scalars32[key] - value) / (RELATIVE * abs(value)))
        report.append((name, worst))
        entries.append({"name": name, "kind": kind, "config": config, "inputs": inputs, "outputs": outputs, "scalars": scalars64})

    check = uniform(4242, 8)
    document = {
        "description": "PyTorch reference values of the engine's layers; see make_torch_reference.py for how they were made.",
        "generated_by": "tests/DeepClustering.Tensors.Tests/Parity/make_torch_reference.py",
        "torch_version": torch.__version__,
        "numpy_version": np.__version__,
        "python_version": platform.python_version(),
        "reference_dtype": "float64 (PyTorch), stored as float32",
        "tolerance": {"relative": RELATIVE, "floor_fraction_of_max_abs": FLOOR_FRACTION},
        "binary_file": "layers.bin",
        "binary_format": "float32 little-endian, no header; an output's elements start at element 'offset'",
        "generator_check": {"seed": 4242, "values": [float(v) for v in check]},
        "cases": entries,
    }
    os.makedirs(LAYER_DIR, exist_ok=True)
    with open(os.path.join(LAYER_DIR, "layers.bin"), "wb") as f:
        f.write(np.concatenate(blob).astype("<f4").tobytes())
    with open(os.path.join(LAYER_DIR, "layers.json"), "w") as f:
        json.dump(document, f, indent=1)
        f.write("\n")
    return report


# ---------------------------------------------------------------------------------------------------------
# Autoencoders: one Adam step
# ---------------------------------------------------------------------------------------------------------
class AutoencoderModule(nn.Module):
    def __init__(self, encoder, decoder):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder

    def forward(self, x):
        return self.decoder(self.encoder(x))


def dense_autoencoder():
    widths = [784, 500, 500, 2000, 10]
    encoder, decoder = [], []
    for i in range(len(widths) - 1):
        encoder.append(nn.Linear(widths[i], widths[i + 1]))
        if i + 2 < len(widths):
            encoder.append(nn.ReLU())
    for i in range(len(widths) - 1, 0, -1):
        decoder.append(nn.Linear(widths[i], widths[i - 1]))
        if i > 1:
            decoder.append(nn.ReLU())
    return AutoencoderModule(nn.Sequential(*encoder), nn.Sequential(*decoder))


def convolutional_autoencoder(channels=1, embedding=10):
    encoder = nn.Sequential(
        nn.Conv2d(channels, 32, 5, stride=2, padding=2), nn.ReLU(),
        nn.Conv2d(32, 64, 5, stride=2, padding=2), nn.ReLU(),
        nn.Conv2d(64, 128, 3, stride=2, padding=0), nn.ReLU(),
        nn.Flatten(),
        nn.Linear(128 * 3 * 3, embedding))
    decoder = nn.Sequential(
        nn.Linear(embedding, 128 * 3 * 3), nn.ReLU(),
        nn.Unflatten(1, (128, 3, 3)),
        nn.ConvTranspose2d(128, 64, 3, stride=2, padding=0), nn.ReLU(),
        nn.ConvTranspose2d(64, 32, 5, stride=2, padding=2, output_padding=1), nn.ReLU(),
        nn.ConvTranspose2d(32, channels, 5, stride=2, padding=2, output_padding=1))
    return AutoencoderModule(encoder, decoder)


def parameter_specs(model, g):
    """A generated tensor per parameter, scaled by PyTorch's default bound 1/sqrt(fan_in) of its layer."""
    specs = {}
    modules = dict(model.named_modules())
    for name, parameter in model.named_parameters():
        owner = modules[name.rsplit(".", 1)[0]]
        weight = owner.weight
        fan_in = int(np.prod(weight.shape[1:]))
        specs[name] = g.spec(list(parameter.shape), bound(fan_in))
    return specs


def summary_worst_ratio(actual, reference, signs):
    """Worst error of the summaries of actual against those of reference, as a fraction of their bounds."""
    a = np.asarray(actual, dtype=np.float64).ravel()
    b = np.asarray(reference, dtype=np.float64).ravel()
    s = FLOOR_FRACTION * np.max(np.abs(b))
    sum_abs, sum_squares, n = np.sum(np.abs(b)), np.sum(b * b), b.size
    linear = RELATIVE * (sum_abs + n * s)
    pairs = [
        (abs(np.sum(a) - np.sum(b)), linear),
        (abs(np.dot(signs, a) - np.dot(signs, b)), linear),
        (abs(np.sum(np.abs(a)) - sum_abs), linear),
        (abs(np.sum(a * a) - sum_squares), 2 * RELATIVE * (sum_squares + 2 * s * sum_abs + n * s * s)),
        (abs(np.max(np.abs(a)) - np.max(np.abs(b))), RELATIVE * (np.max(np.abs(b)) + s)),
    ]
    return max(error / bound for error, bound in pairs)


def summary(reference, sample_indices, signs):
    flat = reference.ravel()
    return {
        "sum": float(np.sum(flat)),
        "sum_abs": float(np.sum(np.abs(flat))),
        "sum_squares": float(np.sum(flat * flat)),
        "max_abs": float(np.max(np.abs(flat))),
        "signed_checksum": float(np.dot(signs, flat)),
        "indices": [int(i) for i in sample_indices],
        "values": [f32(flat[i]) for i in sample_indices],
    }


def adam_step(factory, input_shape, first_seed, sampler):
    g = Generator(first_seed)
    input_spec = g.spec(input_shape, 0.5, 0.5)
    specs = parameter_specs(factory(), g)
    x_values = materialize(input_spec)
    results = {}
    for dtype in (torch.float64, torch.float32):
        torch.manual_seed(0)
        model = factory().to(dtype)
        with torch.no_grad():
            for name, parameter in model.named_parameters():
                parameter.copy_(_t(materialize(specs[name]), dtype))
        initial = {name: p.detach().numpy().astype(np.float64).copy() for name, p in model.named_parameters()}
        x = _t(x_values, dtype)
        optimizer = torch.optim.Adam(model.parameters(), lr=ADAM_LR, betas=(f32(0.9), f32(0.999)), eps=ADAM_EPS)
        loss_function = nn.MSELoss()
        optimizer.zero_grad()
        loss_before = loss_function(model(x), x)
        loss_before.backward()
        gradients = {name: p.grad.detach().numpy().astype(np.float64).copy() for name, p in model.named_parameters()}
        optimizer.step()
        with torch.no_grad():
            loss_after = loss_function(model(x), x)
        after = {name: p.detach().numpy().astype(np.float64).copy() for name, p in model.named_parameters()}
        results[dtype] = (float(loss_before), float(loss_after), initial, gradients, after)

    loss_before, loss_after, initial, gradients, after = results[torch.float64]
    f32_before, f32_after, _, f32_gradients, f32_after_values = results[torch.float32]
    worst = max(abs(f32_before - loss_before) / (RELATIVE * loss_before), abs(f32_after - loss_after) / (RELATIVE * loss_after))
    parameters = []
    for name, spec in specs.items():
        count = initial[name].size
        if count <= SAMPLES:
            indices = np.arange(count)
        else:
            indices = np.unique(np.concatenate([[0, count - 1], sampler.choice(count, SAMPLES, replace=False)]))
        signs = np.where(uniform(CHECKSUM_SEED, count).astype(np.float64) >= 0, 1.0, -1.0)
        after_tolerance = adam_first_step_tolerance(after[name], gradients[name], ADAM_LR, ADAM_EPS)
        worst = max(worst, worst_ratio(f32_gradients[name], gradients[name]),
                    worst_ratio(f32_after_values[name], after[name], after_tolerance),
                    summary_worst_ratio(f32_gradients[name], gradients[name], signs),
                    summary_worst_ratio(f32_after_values[name], after[name], signs))
        parameters.append({
            "name": name,
            "shape": spec["shape"],
            "seed": spec["seed"],
            "scale": spec["scale"],
            "initial_sum": float(np.sum(initial[name])),
            "gradient": summary(gradients[name], indices, signs),
            "after_step": summary(after[name], indices, signs),
        })
    document = {
        "batch": input_shape[0],
        "input": input_spec,
        "optimizer": {"name": "Adam", "lr": ADAM_LR, "beta1": f32(0.9), "beta2": f32(0.999), "eps": ADAM_EPS, "weight_decay": 0.0},
        "loss": "MSELoss(reduction='mean') of the reconstruction against the input",
        "loss_before": loss_before,
        "loss_after": loss_after,
        "parameters": parameters,
    }
    return document, worst


def write_autoencoders():
    sampler = np.random.default_rng(20240601)
    dense, dense_worst = adam_step(dense_autoencoder, [8, 784], 5000, sampler)
    conv, conv_worst = adam_step(convolutional_autoencoder, [8, 1, 28, 28], 6000, sampler)
    document = {
        "description": "One Adam step of each autoencoder in PyTorch; see tests/DeepClustering.Tensors.Tests/Parity/make_torch_reference.py.",
        "torch_version": torch.__version__,
        "numpy_version": np.__version__,
        "reference_dtype": "float64 (PyTorch); samples rounded to float32",
        "tolerance": {"relative": RELATIVE, "floor_fraction_of_max_abs": FLOOR_FRACTION},
        "checksum_seed": CHECKSUM_SEED,
        "dense": dict(dense, architecture="784-500-500-2000-10-2000-500-500-784, ReLU between layers, linear embedding and output"),
        "conv": dict(conv, architecture="ConvolutionalAutoencoder.Create(channels: 1, embeddingDimension: 10), 28x28 inputs"),
    }
    os.makedirs(AUTOENCODER_DIR, exist_ok=True)
    with open(os.path.join(AUTOENCODER_DIR, "autoencoders.json"), "w") as f:
        json.dump(document, f, indent=1)
        f.write("\n")
    return [("autoencoder_dense", dense_worst), ("autoencoder_conv", conv_worst)]


def main():
    torch.set_num_threads(1)
    report = write_layers() + write_autoencoders()
    print("torch %s: worst float32 error as a fraction of the tolerance, per case" % torch.__version__)
    for name, worst in report:
        print("  %-28s %.4f" % (name, worst))
    failed = [name for name, worst in report if not worst <= 1.0]
    if failed:
        print("PyTorch's own float32 results miss the tolerance in: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
