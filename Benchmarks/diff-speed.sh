#!/usr/bin/env bash
# diff-speed.sh - time `crosscheck diff` on two corpora of 100,000 claims with 1 % of them edited.
#
# Usage: Benchmarks/diff-speed.sh [CLAIMS]
#   CLAIMS defaults to 100000 (100 claims a file, one edited in each file).
#
# Generates two inboxes with Benchmarks/make-diff-inboxes.py (fixed seed) in a
# temporary folder, builds both corpora with `crosscheck build`, then times
# `crosscheck diff OLD NEW` (full text to /dev/null) and `--format json`. The
# figures include the whole command: start-up, reading both corpus.sqlite
# files (in parallel), matching, and writing the output. With the sqlite3 tool
# it also times the same corpora with their relations deleted (claims alone).
#
# Environment:
#   SKIP_BUILD=1        do not run `swift build -c release --product crosscheck`
#   SCRATCH=DIR         build folder (default: <repo>/.build)
#   CROSSCHECK_BIN=...  binary to time (default: $SCRATCH/release/crosscheck)
#   RUNS=3              timed runs per configuration; the fastest is reported
#   TARGET_SECONDS=5    the target for a diff; ENFORCE_TARGET=1 exits 3 above it
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
CLAIMS="${1:-100000}"
SCRATCH="${SCRATCH:-$REPO_ROOT/.build}"
CROSSCHECK_BIN="${CROSSCHECK_BIN:-$SCRATCH/release/crosscheck}"
RUNS="${RUNS:-3}"
TARGET_SECONDS="${TARGET_SECONDS:-5}"

die() { echo "diff-speed: $*" >&2; exit 2; }
[[ "$CLAIMS" =~ ^[1-9][0-9]*$ ]] || die "CLAIMS must be a positive integer, got '$CLAIMS'"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$RUNS'"
command -v python3 >/dev/null 2>&1 || die "python3 is needed to generate the inboxes"

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
    (cd "$REPO_ROOT" && swift build -c release --product crosscheck --scratch-path "$SCRATCH" >/dev/null) || die "release build failed"
fi
[[ -x "$CROSSCHECK_BIN" ]] || die "no binary at $CROSSCHECK_BIN"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

python3 "$SCRIPT_DIR/make-diff-inboxes.py" "$WORK" "$CLAIMS" 100 100
for side in old new; do
    status=0
    "$CROSSCHECK_BIN" build "$WORK/$side" --output "$WORK/$side-corpus" --quiet || status=$?
    [[ $status -le 1 ]] || die "crosscheck build $side exited $status"
done

now() { date +%s.%N; }
best() { # best of RUNS, in seconds, for the command given
    local best="" start end status elapsed
    for _ in $(seq "$RUNS"); do
        start="$(now)"
        status=0
        "$@" >/dev/null || status=$?
        end="$(now)"
        [[ $status -eq 1 ]] || die "expected exit status 1 (different) from: $*, got $status"
        elapsed="$(echo "$end - $start" | bc -l)"
        if [[ -z "$best" ]] || (( $(echo "$elapsed < $best" | bc -l) )); then best="$elapsed"; fi
    done
    printf "%.2f" "$best"
}

summary="$("$CROSSCHECK_BIN" diff "$WORK/old-corpus" "$WORK/new-corpus" --stat || true)"
split="$("$CROSSCHECK_BIN" diff "$WORK/old-corpus" "$WORK/new-corpus" --color never --timings 2>&1 >/dev/null | sed 's/^crosscheck: timings: //' || true)"
count() { cat "$@" 2>/dev/null | grep -c . || true; }
claims_old="$(count "$WORK/old-corpus/claims.jsonl")"
claims_new="$(count "$WORK/new-corpus/claims.jsonl")"
relations_old="$(count "$WORK"/old-corpus/{contradictions,changes,agreements,qualifier-differences}.jsonl)"
relations_new="$(count "$WORK"/new-corpus/{contradictions,changes,agreements,qualifier-differences}.jsonl)"
text_seconds="$(best "$CROSSCHECK_BIN" diff "$WORK/old-corpus" "$WORK/new-corpus" --color never)"
json_seconds="$(best "$CROSSCHECK_BIN" diff "$WORK/old-corpus" "$WORK/new-corpus" --format json)"
stat_seconds="$(best "$CROSSCHECK_BIN" diff "$WORK/old-corpus" "$WORK/new-corpus" --stat)"

echo "corpora: $claims_old claims and $relations_old relations (old), $claims_new claims and $relations_new relations (new)"
echo "diff:    $summary"
echo "split:   $split (one text run)"
echo
echo "| crosscheck diff | seconds (best of $RUNS) |"
echo "|---|---|"
echo "| text | $text_seconds |"
echo "| --format json | $json_seconds |"
echo "| --stat | $stat_seconds |"

# The same corpora without their relations: the figure for claims alone (needs the sqlite3 tool).
if command -v sqlite3 >/dev/null 2>&1; then
    for side in old new; do
        mkdir "$WORK/$side-claims"
        cp "$WORK/$side-corpus/corpus.sqlite" "$WORK/$side-claims/"
        sqlite3 "$WORK/$side-claims/corpus.sqlite" "DELETE FROM relations; VACUUM;"
    done
    claims_seconds="$(best "$CROSSCHECK_BIN" diff "$WORK/old-claims" "$WORK/new-claims" --color never)"
    claims_split="$("$CROSSCHECK_BIN" diff "$WORK/old-claims" "$WORK/new-claims" --color never --timings 2>&1 >/dev/null | sed 's/^crosscheck: timings: //' || true)"
    echo "| text, relations removed (claims only) | $claims_seconds |"
    echo
    echo "split, claims only: $claims_split"
fi
echo
echo "target: under $TARGET_SECONDS s"
if [[ "${ENFORCE_TARGET:-}" == 1 ]] && (( $(echo "$text_seconds > $TARGET_SECONDS || $json_seconds > $TARGET_SECONDS" | bc -l) )); then
    echo "diff-speed: over the target" >&2
    exit 3
fi
