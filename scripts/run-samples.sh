#!/usr/bin/env bash
# Runs every seed-document sample (samples/DeepClustering.Samples.*) in one mode and checks what each wrote: a
# report.md whose every figure is a PNG file in its folder, and a results/ folder.
#
# Usage: scripts/run-samples.sh [quick|full] [OUT] [-- extra sample arguments]
#   quick (default): the shipped 10,000-image test splits, minutes each on two cores (CI runs this).
#   full: the 70,000-image sets from $DEEPCLUSTERING_DATA (or data/, filled by scripts/fetch-data.sh); hours.
#   OUT defaults to out/samples; each sample writes OUT/<sample>/.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-quick}
out=${2:-out/samples}
shift $(( $# > 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
samples=(ClassicalPipelines Overview EmbeddedKMeans SparseEmbeddedClustering)
for s in "${samples[@]}"; do
  dotnet build -c Release -nologo -v quiet "samples/DeepClustering.Samples.$s" || { echo "run-samples: $s does not build" >&2; exit 1; }
done
status=0
for s in "${samples[@]}"; do
  dir="$out/$s"
  start=$(date +%s)
  echo "== $s ($mode) -> $dir"
  if ! dotnet run -c Release --no-build --project "samples/DeepClustering.Samples.$s" -- --mode "$mode" --out "$dir" "$@"; then
    echo "run-samples: $s failed" >&2
    status=1
    continue
  fi
  echo "== $s: $(( $(date +%s) - start )) s"
  if [ ! -s "$dir/report.md" ] || [ -z "$(ls "$dir/results" 2>/dev/null)" ]; then
    echo "run-samples: $s wrote no report or no results" >&2
    status=1
    continue
  fi
  figures=0
  while read -r figure; do
    figures=$((figures + 1))
    if ! head -c 8 "$dir/$figure" 2>/dev/null | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a"; then
      echo "run-samples: $s's report shows $figure, which is not a PNG in $dir" >&2
      status=1
    fi
  done < <(sed -n -E 's/^!\[[^]]*\]\(([^)]+)\)$/\1/p' "$dir/report.md")
  echo "== $s: report.md shows $figures figures"
  [ "$figures" -gt 0 ] || { echo "run-samples: $s's report shows no figure" >&2; status=1; }
done
exit "$status"
