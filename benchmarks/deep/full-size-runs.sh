#!/usr/bin/env bash
# The full-size deep clustering runs of docs/deep-clustering.md: k = 10 on all 70,000 images of MNIST or
# Fashion-MNIST, on 2 CPU threads, one run at a time (each uses both cores; run nothing else beside them).
#
# Usage: benchmarks/deep/full-size-runs.sh OUT GROUP SEED...
#   OUT    folder for one sub-folder per run (results.json, labels.txt, model files)
#   GROUP  dekm-mnist | dekm-fashion | dense-mnist | sparse-mnist | dekm-mnist-eN | dense-mnist-e200 |
#          dense-mnist-sgd300
#            dekm-mnist, dekm-fashion  DEKM with the convolutional autoencoder, 30 pretraining epochs, in one command
#            dekm-mnist-eN     the same on MNIST with N pretraining epochs (about 90 is the most that fits 60 minutes)
#            dense-mnist   the dense autoencoder d-500-500-2000-10 pretrained once per seed (50 epochs) and saved
#                          by the AE + k-means run; DEC and IDEC then start from that saved autoencoder
#            dense-mnist-e200  the same as dense-mnist with 200 pretraining epochs (DCEC's and DEKM's count)
#            dense-mnist-sgd300  the same with DEC-keras' pretraining on MNIST: SGD(lr=1, momentum=0.9), 300 epochs
#            sparse-mnist  the same for the stacked sparse autoencoder (greedy layer-wise pretraining, 25 epochs per
#                          rung, then 25 end to end; β = 1e-5, see the docs) and DSSEC
#   SEED   one or more seeds
# The data folder is $DEEPCLUSTERING_DATA (default data/, filled by scripts/fetch-data.sh).
# Summarise with: /usr/bin/python3 benchmarks/deep/summarize.py OUT
set -euo pipefail

if [[ $# -lt 3 ]]; then
  sed -n '2,19p' "$0"
  exit 2
fi

out=$1
group=$2
shift 2
data_dir=${DEEPCLUSTERING_DATA:-data}
root=$(cd "$(dirname "$0")/../.." && pwd)
cli_dir="$out/cli"
mkdir -p "$out"
dotnet publish "$root/samples/DeepClustering.Cli" -c Release -o "$cli_dir" > "$out/publish.log"
cli() { dotnet "$cli_dir/deepclustering-cli.dll" "$@"; }
common=(--data-dir "$data_dir" --clusters 10 --threads 2)

for seed in "$@"; do
  case "$group" in
    dekm-mnist | dekm-fashion)
      data=${group#dekm-}
      [[ $data == fashion ]] && data=fashion-mnist
      cli cluster --method dekm --data "$data" --pretrain-epochs 30 --seed "$seed" "${common[@]}" --out "$out/$group-s$seed"
      ;;
    dekm-mnist-e[0-9]*)
      cli cluster --method dekm --data mnist --pretrain-epochs "${group#dekm-mnist-e}" --seed "$seed" "${common[@]}" --out "$out/$group-s$seed"
      ;;
    dense-mnist | dense-mnist-e200 | dense-mnist-sgd300)
      pretraining=(--pretrain-epochs 50)
      suffix=
      case "$group" in
        dense-mnist-e200) pretraining=(--pretrain-epochs 200) suffix=-e200 ;;
        dense-mnist-sgd300) pretraining=(--pretrain-epochs 300 --pretrain-optimizer sgd) suffix=-sgd300 ;;
      esac
      model="$out/dense-mnist$suffix-s$seed.dclm"
      cli cluster --method ae-kmeans --encoder dense --data mnist "${pretraining[@]}" --seed "$seed" "${common[@]}" \
        --save-model "$model" --out "$out/ae-kmeans-dense-mnist$suffix-s$seed"
      cli cluster --method dec --pretrained-model "$model" --data mnist --seed "$seed" "${common[@]}" \
        --out "$out/dec-mnist$suffix-s$seed"
      cli cluster --method idec --pretrained-model "$model" --data mnist --seed "$seed" "${common[@]}" \
        --out "$out/idec-mnist$suffix-s$seed"
      ;;
    sparse-mnist)
      model="$out/sparse-mnist-s$seed.dclm"
      cli cluster --method ae-kmeans --encoder sparse --data mnist --pretrain-epochs 25 --seed "$seed" "${common[@]}" \
        --save-model "$model" --out "$out/ae-kmeans-sparse-mnist-s$seed"
      cli cluster --method dssec --pretrained-model "$model" --data mnist --seed "$seed" "${common[@]}" --out "$out/dssec-mnist-s$seed"
      ;;
    *)
      echo "unknown group '$group'" >&2
      exit 2
      ;;
  esac
done
