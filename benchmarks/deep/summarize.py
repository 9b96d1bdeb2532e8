"""Summarises full-size deep clustering runs (benchmarks/deep/full-size-runs.sh) as Markdown tables.

Usage: python3 benchmarks/deep/summarize.py OUT [OUT ...]

Reads every OUT/<run>/results.json, where <run> ends in -s<seed>, groups the runs by the name without the seed,
and prints one row per run (ACC, NMI, ARI, the ACC after the initial k-means, refinement iterations, pretraining
and total minutes) and one row per group: mean, sample standard deviation and range of ACC over its seeds. A run
that started from a saved autoencoder (--pretrained-model) adds that autoencoder's pretraining time, read from the
AE + k-means run that saved it, to its total, so every total includes the pretraining the result needed.
Only the Python standard library is used.
"""

import json
import pathlib
import re
import statistics
import sys

SEED = re.compile(r"^(?P<group>.+)-s(?P<seed>\d+)$")


def load_runs(folders):
    runs = []
    for folder in folders:
        for path in sorted(pathlib.Path(folder).glob("*/results.json")):
            match = SEED.match(path.parent.name)
            if match is None:
                continue
            result = json.loads(path.read_text())
            result["_group"] = match["group"]
            result["_seed"] = int(match["seed"])
            result["_path"] = path
            runs.append(result)
    return runs


def pretraining_of_saved_models(runs):
    """Maps a saved model's absolute path to the pretraining seconds of the run that wrote it."""
    return {r["model"]: r["pretrain_seconds"] for r in runs if "model" in r}


def initial_acc(result):
    for record in result.get("history", []):
        if record["phase"] == "clustering":
            return record["acc"]
    return None


def minutes(seconds):
    return f"{seconds / 60:.1f}"


def main(folders):
    runs = load_runs(folders)
    if not runs:
        sys.exit(f"no */results.json with a -s<seed> folder name under {folders}")
    saved = pretraining_of_saved_models(runs)

    print("| run | seed | ACC | NMI | ARI | ACC after k-means | iterations | pretraining min | total min |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in sorted(runs, key=lambda r: (r["_group"], r["_seed"])):
        pretrain = r["pretrain_seconds"]
        total = r["seconds"]
        source = r.get("pretrained_model")
        if source is not None:
            if source not in saved:
                sys.exit(f"{r['_path']}: started from {source}, but no run here saved it")
            pretrain = saved[source]
            total += pretrain
        start = initial_acc(r)
        print(f"| {r['_group']} | {r['_seed']} | {r['acc']:.4f} | {r['nmi']:.4f} | {r['ari']:.4f} | "
              f"{'—' if start is None else f'{start:.4f}'} | {r.get('refinement_iterations', 0)} | "
              f"{minutes(pretrain)} | {minutes(total)} |")

    print()
    print("| run | seeds | ACC mean | ACC std | ACC min–max | NMI mean | ARI mean |")
    print("|---|---|---|---|---|---|---|")
    groups = sorted({r["_group"] for r in runs})
    for group in groups:
        members = [r for r in runs if r["_group"] == group]
        acc = [r["acc"] for r in members]
        std = f"{statistics.stdev(acc):.4f}" if len(acc) > 1 else "—"
        print(f"| {group} | {', '.join(str(r['_seed']) for r in members)} | {statistics.mean(acc):.4f} | {std} | "
              f"{min(acc):.4f}–{max(acc):.4f} | {statistics.mean(r['nmi'] for r in members):.4f} | "
              f"{statistics.mean(r['ari'] for r in members):.4f} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
