"""Does a deep stack of sigmoid layers train end to end from random weights? The PyTorch side of the check in
docs/deep-clustering.md ("Why the sparse encoder is pretrained layer-wise").

The autoencoder 784-500-500-2000-10-2000-500-500-784 with sigmoid hidden layers (DSSEC's stack without the sparsity
penalty), PyTorch's default initialisation, Adam at 1e-3, batches of 256, mean squared error, on the 10,000 MNIST
test images scaled to [0, 1]; one thread, seed 0. Prints the mean loss of every epoch.

Usage: /usr/bin/python3 benchmarks/deep/sigmoid_stack_torch.py DATA EPOCHS    (DATA: the folder of scripts/fetch-data.sh)
"""
import gzip
import sys
import time

import numpy as np
import torch


def main(data_folder, epochs):
    torch.manual_seed(0)
    torch.set_num_threads(1)
    with gzip.open(f"{data_folder}/mnist/t10k-images-idx3-ubyte.gz") as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784).astype(np.float32) / 255
    x = torch.from_numpy(x)
    dims = [784, 500, 500, 2000, 10]
    layers = []
    for i in range(4):
        layers.append(torch.nn.Linear(dims[i], dims[i + 1]))
        if i < 3:
            layers.append(torch.nn.Sigmoid())
    for i in range(4, 0, -1):
        layers.append(torch.nn.Linear(dims[i], dims[i - 1]))
        if i > 1:
            layers.append(torch.nn.Sigmoid())
    model = torch.nn.Sequential(*layers)
    optimizer = torch.optim.Adam(model.parameters(), 1e-3)
    start = time.time()
    for epoch in range(epochs):
        order = torch.randperm(len(x))
        total = 0.0
        for i in range(0, len(x), 256):
            batch = x[order[i:i + 256]]
            loss = torch.nn.functional.mse_loss(model(batch), batch)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        print(f"epoch {epoch + 1}: loss {total / len(x):.5f} ({time.time() - start:.0f} s)", flush=True)
    mean_image_error = ((x - x.mean(0)) ** 2).mean().item()
    print(f"error of predicting the mean image: {mean_image_error:.5f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]))
