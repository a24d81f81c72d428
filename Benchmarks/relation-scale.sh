#!/usr/bin/env bash
# Relation detection at scale: synthetic inboxes of N claims (default 10k, 100k, 1M), each built once;
# prints the relation stage's time, the whole build's time, peak memory, whether every planted
# contradiction was found, and the growth exponent between sizes (1.0 = linear).
#
# Usage: Benchmarks/relation-scale.sh [N ...]     e.g. Benchmarks/relation-scale.sh 10000 100000
# Env:   SKIP_BUILD=1 (reuse .build/release/crosscheck), JOBS (default: nproc), KEEP=1 (keep the temp folder)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
jobs="${JOBS:-$(nproc)}"
binary="$root/.build/release/crosscheck"
[ "${SKIP_BUILD:-0}" = 1 ] || swift build -c release --product crosscheck >/dev/null
work="$(mktemp -d)"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
time_bin=/usr/bin/time; [ -x "$time_bin" ] || time_bin=""

printf '%-10s %10s %12s %12s %12s %14s  %s\n' claims documents "relations s" "build s" "peak RSS" contradictions "planted found"
previous_n=""; previous_t=""
for n in "${sizes[@]}"; do
    python3 "$root/Benchmarks/make-synthetic-corpus.py" --claims "$n" --out "$work/n$n" >/dev/null
    log="$work/n$n.log"
    if [ -n "$time_bin" ]; then
        "$time_bin" -f 'PEAK %M' "$binary" build "$work/n$n" -o "$work/out$n" --jobs "$jobs" --timings --quiet 2>"$log" || [ $? -eq 1 ]
    else
        "$binary" build "$work/n$n" -o "$work/out$n" --jobs "$jobs" --timings --quiet 2>"$log" || [ $? -eq 1 ]
    fi
    relations=$(grep -o 'relations [0-9.]* s' "$log" | awk '{print $2}')
    build=$(grep -o 'timings: .*' "$log" | grep -o '[0-9.]* s' | awk '{sum += $1} END {printf "%.2f", sum}')
    peak=$(grep -o 'PEAK [0-9]*' "$log" | awk '{printf "%.0f MB", $2 / 1024}')
    contradictions=$(wc -l < "$work/out$n/contradictions.jsonl")
    planted=$(python3 "$root/Benchmarks/check-planted.py" "$work/n$n-planted.json" "$work/out$n" | sed 's/planted contradictions found: //') || true
    printf '%-10s %10s %12s %12s %12s %14s  %s\n' "$n" "$(ls "$work/n$n" | wc -l)" "$relations" "$build" "${peak:-n/a}" "$contradictions" "$planted"
    if [ -n "$previous_n" ]; then
        python3 -c "import math; print(f'   growth exponent {math.log($relations/$previous_t)/math.log($n/$previous_n):.2f} (relations, {$previous_n} -> {$n} claims)')"
    fi
    previous_n=$n; previous_t=$relations
done
