#!/usr/bin/env bash
# Builds the fuzz harness with libFuzzer and AddressSanitizer, and runs fuzz targets.
#
#   Fuzz/run.sh [TARGET ...] [--seconds N] [--jobs N] [--no-build] [--debug]
#
# TARGET: html text sentences quantities corpus process (default: all, one after another).
# --seconds N  run time per target (default 600)
# --jobs N     targets run at once (default 1; the machine has few cores)
# --no-build   use the harness already in .build-fuzz
# --debug      build the harness without optimisation (slower inputs, faster to build)
#
# The working corpus of each target lives outside the repo, in $FUZZ_WORK (default /tmp/crosscheck-fuzz),
# seeded from the committed seeds in Fuzz/Corpus/<target>/; crashes, timeouts and OOMs land in
# $FUZZ_WORK/<target>/artifacts/. Each target stops at its first finding. $FUZZ_OPTIONS is added to the
# libFuzzer options (e.g. FUZZ_OPTIONS="-len_control=0 -max_len=65536" to try long inputs at once).
set -euo pipefail

root="${CROSSCHECK_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
work="${FUZZ_WORK:-/tmp/crosscheck-fuzz}"
seconds=600
jobs=1
build=1
configuration=release
targets=()
all_targets=(html text sentences quantities corpus process)

while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        --debug) configuration=debug; shift ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
    case " ${all_targets[*]} " in *" $target "*) ;; *) echo "unknown target $target (one of: ${all_targets[*]})" >&2; exit 2 ;; esac
done

build_flags=(--product crosscheck-fuzz --build-path "$root/.build-fuzz" -c "$configuration"
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING)
if [ "$build" -eq 1 ]; then
    (cd "$root" && swift build "${build_flags[@]}")
fi
harness="$(cd "$root" && swift build "${build_flags[@]}" --show-bin-path)/crosscheck-fuzz"

# The longest input worth trying per target: a page, a paragraph, a phrase, a small corpus.sqlite.
max_len() {
    case "$1" in
        html|text|process) echo 16384 ;;
        sentences) echo 4096 ;;
        quantities) echo 512 ;;
        corpus) echo 262144 ;;
    esac
}

# Seeds: the target's own, and for the whole pipeline the pages and texts as well.
seed_dirs() {
    case "$1" in
        process) echo "$root/Fuzz/Corpus/process $root/Fuzz/Corpus/html $root/Fuzz/Corpus/text" ;;
        *) echo "$root/Fuzz/Corpus/$1" ;;
    esac
}

run_target() {
    local target="$1" dir="$work/$1"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    for seeds in $(seed_dirs "$target"); do cp -n "$seeds"/* "$dir/corpus/" 2>/dev/null || true; done
    local started=$SECONDS
    SWIFT_BACKTRACE=enable=no "$harness" "$target" "$dir/corpus" \
        -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len="$(max_len "$target")" \
        -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$dir/artifacts/" ${FUZZ_OPTIONS:-} >"$dir/log.txt" 2>&1 || true
    echo $((SECONDS - started)) >"$dir/seconds"
}

summary() {
    local target="$1" dir="$work/$1"
    local runs rate
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$dir/log.txt" | tail -1 | awk '{print $2}')"
    rate="$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$dir/log.txt" | tail -1 | awk '{print $2}')"
    count() { find "$dir/artifacts" -name "$1-*" -newer "$dir/started" 2>/dev/null | wc -l; }
    printf '%-11s runs %-10s exec/s %-7s seconds %-5s crashes %s  timeouts %s  ooms %s  (log %s)\n' \
        "$target" "${runs:-?}" "${rate:-?}" "$(cat "$dir/seconds")" "$(count crash)" "$(count timeout)" "$(count oom)" "$dir/log.txt"
}

running=0
for target in "${targets[@]}"; do
    mkdir -p "$work/$target" && touch "$work/$target/started"
    run_target "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
wait

echo
for target in "${targets[@]}"; do summary "$target"; done
