#!/usr/bin/env bash
# Compares the two pretraining recipes of the dense autoencoder d-500-500-2000-10 on the shipped MNIST test split
# (10,000 images): Adam(1e-3), as DCEC and DEKM pretrain, against SGD(lr=1, momentum=0.9), as DEC-keras pretrains it
# on MNIST and Fashion-MNIST. Each run is AE + k-means (20 initialisations); ACC is printed per run.
#
# Usage: benchmarks/deep/pretraining-optimizer-probe.sh OUT EPOCHS SEED...
set -euo pipefail

if [[ $# -lt 3 ]]; then
  sed -n '2,7p' "$0"
  exit 2
fi

out=$1
epochs=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
cli_dir="$out/cli"
mkdir -p "$out"
dotnet publish "$root/samples/DeepClustering.Cli" -c Release -o "$cli_dir" > "$out/publish.log"
cli() { dotnet "$cli_dir/deepclustering-cli.dll" "$@"; }

for seed in "$@"; do
  for optimizer in adam sgd; do
    run="$out/ae-kmeans-dense-mnist-test-$optimizer-e$epochs-s$seed"
    cli cluster --method ae-kmeans --encoder dense --data mnist-test --pretrain-epochs "$epochs" --pretrain-optimizer "$optimizer" \
      --seed "$seed" --clusters 10 --threads 2 --out "$run" > "$run.log"
    /usr/bin/python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print(sys.argv[2], sys.argv[3], "ACC %.4f" % r["acc"], "pretraining %.0f s" % r["pretrain_seconds"])' \
      "$run/results.json" "$optimizer" "seed $seed"
  done
done
