#!/usr/bin/env bash
# extraction-eval.sh - score what `crosscheck build` extracts from real pages against ground truth.
#
# Usage: Benchmarks/extraction-eval.sh [dates|text|all]      (default: all)
#   dates  builds ../shared/datasets/htmldate-dev/html and scores each document's
#          publication date (published, else modified) with score_extraction.py
#          --dataset htmldate-eval (precision, recall, F1 as htmldate's own evaluation)
#   text   builds ../shared/datasets/article-extraction-benchmark/html and scores the
#          main text (sections joined) with --dataset aeb (bag-of-words and shingle F1)
#
# Each dataset is built into a temporary folder with the release binary; documents.jsonl is
# turned into one <page id>.json per page by Benchmarks/documents-to-pages.py, then scored.
# Nothing is written into the repository.
#
# Environment:
#   SKIP_BUILD=1        do not run `swift build -c release --product crosscheck`
#   CROSSCHECK_BIN=...  binary to run (default: <repo>/.build/release/crosscheck)
#   DATASETS=...        folder holding the datasets (default: <repo>/../shared/datasets)
#   SCORER=...          score_extraction.py (default: <repo>/../shared/eval/score_extraction.py)
#   KEEP=DIR            keep the predictions, the scorer's JSON and the per-page TSV in DIR
#                       (DIR/dates/{pred,result.json,per-page.tsv}, DIR/text/...)
#   JOBS=N              --jobs for the build (default: the binary's default)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
CROSSCHECK_BIN="${CROSSCHECK_BIN:-$REPO_ROOT/.build/release/crosscheck}"
DATASETS="${DATASETS:-$REPO_ROOT/../shared/datasets}"
SCORER="${SCORER:-$REPO_ROOT/../shared/eval/score_extraction.py}"
WHAT="${1:-all}"

die() { echo "extraction-eval: $*" >&2; exit 2; }

case "$WHAT" in dates|text|all) ;; *) die "usage: $0 [dates|text|all]" ;; esac
[[ -f "$SCORER" ]] || die "scorer not found: $SCORER"

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
    echo "extraction-eval: swift build -c release --product crosscheck" >&2
    (cd "$REPO_ROOT" && swift build -c release --product crosscheck >&2)
fi
[[ -x "$CROSSCHECK_BIN" ]] || die "no binary at $CROSSCHECK_BIN (build it, or set CROSSCHECK_BIN)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/extraction-eval.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# run NAME DATASET_DIR SCORER_DATASET -> prints the scorer's figures
run() {
    local name="$1" data="$2" dataset="$3"
    [[ -d "$data/html" ]] || die "not a dataset folder (no html/): $data"
    local out="$WORK/$name"
    mkdir -p "$out"
    local jobs=()
    [[ -n "${JOBS:-}" ]] && jobs=(--jobs "$JOBS")
    local status=0
    "$CROSSCHECK_BIN" build "$data/html" --output "$out/corpus" --quiet "${jobs[@]}" 2>"$out/build.log" || status=$?
    # 1 = some pages rejected or read with problems; the corpus is still written.
    [[ $status -le 1 ]] || { cat "$out/build.log" >&2; die "crosscheck build failed on $data (status $status)"; }
    python3 "$SCRIPT_DIR/documents-to-pages.py" "$out/corpus/documents.jsonl" "$out/pred" 2>/dev/null
    python3 "$SCORER" --data-dir "$data" --dataset "$dataset" --pred-dir "$out/pred" \
        --json "$out/result.json" --per-page "$out/per-page.tsv" >/dev/null
    python3 - "$out/result.json" "$out/per-page.tsv" "$name" <<'PY'
import csv, json, sys
from collections import Counter
result, per_page, name = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
if "dates" in result:
    d = result["dates"]
    verdicts = Counter(row["verdict"] for row in csv.DictReader(open(per_page), delimiter="\t"))
    print(f"dates  {result['pages']} pages  precision {d['precision']:.3f}  recall {d['recall']:.3f}  "
          f"F1 {d['f1']:.3f}  ({verdicts['ok']} ok, {verdicts['wrong']} wrong, {verdicts['none']} no date)")
else:
    b, s = result["bow_macro"], result["shingle4_benchmark"]
    print(f"text   {result['pages']} pages  bag-of-words P {b['precision']:.3f} R {b['recall']:.3f} F1 {b['f1']:.3f}  "
          f"shingles P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")
PY
    if [[ -n "${KEEP:-}" ]]; then
        mkdir -p "$KEEP/$name"
        rm -rf "${KEEP:?}/$name/pred"
        cp -r "$out/pred" "$out/result.json" "$out/per-page.tsv" "$out/build.log" "$KEEP/$name/"
    fi
}

[[ "$WHAT" == text ]] || run dates "$DATASETS/htmldate-dev" htmldate-eval
[[ "$WHAT" == dates ]] || run text "$DATASETS/article-extraction-benchmark" aeb
