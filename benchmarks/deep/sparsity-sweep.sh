#!/usr/bin/env bash
# The sweep that chose DSSEC's sparsity weight β (StackedSparseAutoencoder.DssecSparsityWeight): the stacked sparse
# autoencoder 784-500-500-2000-10, greedy layer-wise pretraining with 5 epochs per rung and 5 end to end, then
# k-means (20 initialisations) on the embedding of the shipped 10,000-image MNIST test split, seed 0, 1 thread.
# Usage: benchmarks/deep/sparsity-sweep.sh OUT [BETA ...]     (default betas: 0 1e-5 1e-4 0.0077)
# Prints one line per β with the pretraining loss and the ACC.
set -euo pipefail
out=${1:?usage: $0 OUT [BETA ...]}
shift
betas=("$@")
[[ ${#betas[@]} -eq 0 ]] && betas=(0 1e-5 1e-4 0.0077)
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
dotnet publish "$root/samples/DeepClustering.Cli" -c Release -o "$out/cli" > "$out/publish.log"
for beta in "${betas[@]}"; do
  dotnet "$out/cli/deepclustering-cli.dll" cluster --method ae-kmeans --encoder sparse --sparsity-weight "$beta" --data mnist-test \
    --layerwise-epochs 5 --pretrain-epochs 5 --clusters 10 --seed 0 --threads 1 --out "$out/beta-$beta" > "$out/beta-$beta.log"
  /usr/bin/python3 -c "import json,sys; r=json.load(open(sys.argv[1])); p=[h['loss'] for h in r['history'] if h['phase']=='pretraining']; print(f'beta {sys.argv[2]}: final pretraining loss {p[-1]:.4g}, ACC {r[\"acc\"]:.4f}, NMI {r[\"nmi\"]:.4f}')" "$out/beta-$beta/results.json" "$beta"
done
