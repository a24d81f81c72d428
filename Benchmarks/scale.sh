#!/usr/bin/env bash
# Scale on one machine: synthetic inboxes of N documents (default 1,000, 10,000 and 100,000), each built once
# from scratch, once more after one file changed, and again with nothing changed. Prints, per size: the full build's
# wall time, the rebuild's (and its share of the full build), the unchanged build's, the relation stage, peak RSS,
# whether every planted contradiction was found, and whether --jobs 1 gives the same exports as --jobs N; then the
# growth exponent of the build time.
#
# Usage: Benchmarks/scale.sh [DOCS ...]          e.g. Benchmarks/scale.sh 1000 10000
# Env:   CLAIMS_PER_DOC (default 10), JOBS (default: nproc), SKIP_BUILD=1 (reuse .build/release/crosscheck),
#        DETERMINISM=0 (skip the --jobs 1 build), KEEP=1 (keep the temporary folder)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
jobs="${JOBS:-$(nproc)}"
per_doc="${CLAIMS_PER_DOC:-10}"
binary="$root/.build/release/crosscheck"
[ "${SKIP_BUILD:-0}" = 1 ] || swift build -c release --product crosscheck >/dev/null
[ -x /usr/bin/time ] || { echo "scale.sh needs GNU time for peak RSS (apt-get install time)" >&2; exit 2; }
work="$(mktemp -d)"
[ "${KEEP:-0}" = 1 ] && echo "keeping $work" >&2 || trap 'rm -rf "$work"' EXIT

# Runs a build; prints "wall_seconds peak_kb relation_seconds".
build() {
    local inbox=$1 output=$2 jobs=$3 log="$work/last.log"
    /usr/bin/time -f 'PEAK %M WALL %e' "$binary" build "$inbox" -o "$output" --jobs "$jobs" --timings --quiet 2>"$log" || [ $? -eq 1 ] || { tail "$log" >&2; exit 1; }
    local wall peak relations
    wall=$(grep -o 'WALL [0-9.]*' "$log" | awk '{print $2}')
    peak=$(grep -o 'PEAK [0-9]*' "$log" | awk '{print $2}')
    relations=$(grep -o 'relations [0-9.]* s' "$log" | awk '{print $2}' || true)
    echo "$wall $peak ${relations:-0}"
}

printf '%-9s %-9s %10s %10s %12s %11s %10s %11s %9s  %s\n' documents claims "build s" "rebuild s" "rebuild/full" "unchanged s" "relations s" "peak RSS" planted "jobs 1 = jobs $jobs"
previous_docs=""; previous_build=""
for docs in "${sizes[@]}"; do
    inbox="$work/d$docs"
    python3 "$root/Benchmarks/make-synthetic-corpus.py" --claims $((docs * per_doc)) --claims-per-doc "$per_doc" --out "$inbox" >/dev/null
    claims=$(python3 -c "import json; print(json.load(open('$work/d$docs-planted.json'))['claims'])")
    read -r wall peak relations < <(build "$inbox" "$work/out$docs" "$jobs")
    planted=$(python3 "$root/Benchmarks/check-planted.py" "$work/d$docs-planted.json" "$work/out$docs" | sed 's/planted contradictions found: //') || true
    # One file edited: a sentence added at its end.
    printf '\nThe board meets again next quarter.\n' >> "$inbox/doc-000000.txt"
    read -r rewall _ _ < <(build "$inbox" "$work/out$docs" "$jobs")
    # Nothing changed since: the corpus is found up to date and only loaded.
    read -r samewall _ _ < <(build "$inbox" "$work/out$docs" "$jobs")
    same="skipped"
    if [ "${DETERMINISM:-1}" = 1 ]; then
        build "$inbox" "$work/one$docs" 1 >/dev/null
        same="yes"
        for file in "$work/out$docs"/*.jsonl "$work/out$docs"/*.json "$work/out$docs"/*.bib "$work/out$docs"/*.md "$work/out$docs"/*.html; do
            cmp -s "$file" "$work/one$docs/$(basename "$file")" || { same="NO ($(basename "$file") differs)"; break; }
        done
        rm -rf "$work/one$docs"
    fi
    share=$(python3 -c "print(f'{100 * $rewall / $wall:.1f} %')")
    printf '%-9s %-9s %10s %10s %12s %11s %10s %8s MB %9s  %s\n' "$docs" "$claims" "$wall" "$rewall" "$share" "$samewall" "$relations" "$((peak / 1024))" "$planted" "$same"
    if [ -n "$previous_docs" ]; then
        python3 -c "import math; print(f'   growth exponent of the build time {math.log($wall / $previous_build) / math.log($docs / $previous_docs):.2f} ({$previous_docs} -> {$docs} documents)')"
    fi
    previous_docs=$docs; previous_build=$wall
    rm -rf "$work/out$docs" "$inbox"
done
