#!/usr/bin/env python3
"""PyTorch reference for benchmarks/DeepClustering.Benchmarks, same models, same measurements.

Run with Debian's PyTorch 1.13 (apt-get install python3-torch libopenblas0-pthread) as
/usr/bin/python3 benchmarks/reference/torch_benchmark.py train --model dense --threads 2
/usr/bin/python3 benchmarks/reference/torch_benchmark.py gemm --m 256 --n 500 --k 784 --threads 2
Each command prints one JSON object on its last line. benchmarks/side_by_side.py runs both engines in turn.
"""
import argparse
import ctypes
import json
import os
import resource
import time

import numpy as np
import torch
from torch import nn


def dense_autoencoder():
    widths = [784, 500, 500, 2000, 10]
    enc, dec = [], []
    for i in range(len(widths) - 1):
        enc.append(nn.Linear(widths[i], widths[i + 1]))
        if i + 2 < len(widths):
            enc.append(nn.ReLU())
    for i in range(len(widths) - 1, 0, -1):
        dec.append(nn.Linear(widths[i], widths[i - 1]))
        if i > 1:
            dec.append(nn.ReLU())
    return nn.Sequential(nn.Sequential(*enc), nn.Sequential(*dec))


def conv_autoencoder():
    encoder = nn.Sequential(
        nn.Conv2d(1, 32, 5, stride=2, padding=2), nn.ReLU(),
        nn.Conv2d(32, 64, 5, stride=2, padding=2), nn.ReLU(),
        nn.Conv2d(64, 128, 3, stride=2, padding=0), nn.ReLU(),
        nn.Flatten(), nn.Linear(1152, 10))
    decoder = nn.Sequential(
        nn.Linear(10, 1152), nn.ReLU(), nn.Unflatten(1, (128, 3, 3)),
        nn.ConvTranspose2d(128, 64, 3, stride=2, padding=0), nn.ReLU(),
        nn.ConvTranspose2d(64, 32, 5, stride=2, padding=2, output_padding=1), nn.ReLU(),
        nn.ConvTranspose2d(32, 1, 5, stride=2, padding=2, output_padding=1))
    return nn.Sequential(encoder, decoder)


def train(args):
    torch.manual_seed(1)
    model = dense_autoencoder() if args.model == "dense" else conv_autoencoder()
    shape = (args.batch, 784) if args.model == "dense" else (args.batch, 1, 28, 28)
    x = torch.rand(shape)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    last = 0.0

    def step():
        nonlocal last
        optimizer.zero_grad()
        loss = loss_fn(model(x), x)
        loss.backward()
        optimizer.step()
        last = loss.item()

    for _ in range(args.warmup):
        step()
    start = time.perf_counter()
    for _ in range(args.batches):
        step()
    seconds = time.perf_counter() - start
    return dict(engine="PyTorch " + torch.__version__, command="train", model=args.model, batch=args.batch,
                batches=args.batches, seconds=seconds, samples_per_second=args.batch * args.batches / seconds,
                peak_working_set_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, final_loss=last)


def gemm(args):
    rng = np.random.default_rng(2)
    a = torch.from_numpy(rng.random((args.m, args.k), dtype=np.float32) - 0.5)
    b = torch.from_numpy(rng.random((args.k, args.n), dtype=np.float32) - 0.5)
    c = torch.empty(args.m, args.n)
    flops = 2.0 * args.m * args.n * args.k
    repeats = args.repeats or int(min(10000, max(5, 3e10 / flops)))
    for _ in range(max(3, repeats // 10)):
        torch.mm(a, b, out=c)
    best = float("inf")
    for _ in range(5):  # best of five blocks, as the C# side does
        start = time.perf_counter()
        for _ in range(repeats):
            torch.mm(a, b, out=c)
        best = min(best, (time.perf_counter() - start) / repeats)
    return dict(engine="PyTorch " + torch.__version__ + " (OpenBLAS sgemm)", command="gemm", m=args.m, n=args.n, k=args.k,
                seconds=best, gflops=flops / best / 1e9)


def openblas_core():
    """The kernel set OpenBLAS chose (or was told by OPENBLAS_CORETYPE), asked of the loaded library itself."""
    with open("/proc/self/maps", encoding="utf-8") as maps:
        paths = sorted({line.split()[-1] for line in maps if "openblas" in line.split()[-1] and ".so" in line.split()[-1]})
    for path in paths:
        try:
            library = ctypes.CDLL(path)
            library.openblas_get_corename.restype = ctypes.c_char_p
            return library.openblas_get_corename().decode() + " (" + path + ")"
        except (OSError, AttributeError):
            continue
    return "no OpenBLAS loaded"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["train", "gemm"])
    parser.add_argument("--model", default="dense", choices=["dense", "conv"])
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--m", type=int, default=256)
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--k", type=int, default=784)
    parser.add_argument("--repeats", type=int, default=0)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    result = train(args) if args.command == "train" else gemm(args)
    result["threads"] = torch.get_num_threads()
    result["blas"] = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    result["openblas_core"] = openblas_core()
    result["openblas_coretype_env"] = os.environ.get("OPENBLAS_CORETYPE", "")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
