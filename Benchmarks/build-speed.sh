#!/usr/bin/env bash
# build-speed.sh - time `crosscheck build` on a folder of HTML pages and compare
# it with libxml2's own parse time for the same pages (Benchmarks/parse-only.c).
#
# Usage: Benchmarks/build-speed.sh [HTML_DIR]
#   HTML_DIR defaults to ../shared/datasets/article-extraction-benchmark/html,
#   relative to the repository root. The directory is used in place as the
#   inbox; nothing is copied into the repository.
#
# Environment:
#   SKIP_BUILD=1        do not run `swift build -c release --product crosscheck`
#   CROSSCHECK_BIN=...  binary to time (default: <repo>/.build/release/crosscheck)
#   RUNS=3              timed runs per configuration; the fastest is reported
#   JOBS_MAX=N          job count for the parallel run (default: nproc)
#   TIME_BIN=...        GNU time used for peak RSS (default: /usr/bin/time)
#   ENFORCE_TARGET=1    exit 3 if build (1 job) takes more than 1.5x parse-only
#
# Exit status of `crosscheck build`: 0 (all files accepted) and 1 (some files
# rejected) count as success; anything else aborts the benchmark.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

HTML_DIR="${1:-$REPO_ROOT/../shared/datasets/article-extraction-benchmark/html}"
CROSSCHECK_BIN="${CROSSCHECK_BIN:-$REPO_ROOT/.build/release/crosscheck}"
RUNS="${RUNS:-3}"
TIME_BIN="${TIME_BIN:-/usr/bin/time}"
TARGET_RATIO=1.5

die() { echo "build-speed: $*" >&2; exit 2; }

[[ $# -le 1 ]] || die "usage: $0 [HTML_DIR]"
[[ -d "$HTML_DIR" ]] || die "not a directory: $HTML_DIR"
HTML_DIR="$(cd "$HTML_DIR" && pwd)"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$RUNS'"

NPROC="$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)"
JOBS_MAX="${JOBS_MAX:-$NPROC}"

# Sub-second wall clock: GNU date supports %N; fall back to python3 otherwise.
if [[ "$(date +%N)" =~ ^[0-9]+$ ]]; then
    now() { date +%s.%N; }
elif command -v python3 >/dev/null 2>&1; then
    now() { python3 -c 'import time; print("%.9f" % time.time())'; }
else
    die "need GNU date (+%N) or python3 for sub-second timing"
fi

HAVE_GNU_TIME=0
if [[ -x "$TIME_BIN" ]] && "$TIME_BIN" -v true >/dev/null 2>&1; then
    HAVE_GNU_TIME=1
else
    echo "note: $TIME_BIN (GNU time) not found; peak RSS will not be measured." >&2
    echo "      Install it with: apt-get install time" >&2
fi

command -v pkg-config >/dev/null 2>&1 || die "pkg-config not found"
pkg-config --exists libxml-2.0 || die "libxml2 development files not found (apt-get install libxml2-dev)"
CC="${CC:-cc}"
command -v "$CC" >/dev/null 2>&1 || CC=gcc

WORK="$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-bench.XXXXXX")"
cleanup() { rm -rf -- "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. release build --------------------------------------------------------
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    echo "Building release binary (swift build -c release --product crosscheck)..." >&2
    (cd "$REPO_ROOT" && swift build -c release --product crosscheck) >&2
else
    echo "SKIP_BUILD=1: using existing binary" >&2
fi
[[ -x "$CROSSCHECK_BIN" ]] || die "crosscheck binary not found or not executable: $CROSSCHECK_BIN"

# --- 2. parse-only baseline --------------------------------------------------
PARSE_ONLY="$WORK/parse-only"
# shellcheck disable=SC2046
"$CC" -O2 -o "$PARSE_ONLY" "$SCRIPT_DIR/parse-only.c" $(pkg-config --cflags --libs libxml-2.0)

# Inputs the build reads: .html/.htm/.txt/.md directly in HTML_DIR.
read -r PAGES BYTES < <(find "$HTML_DIR" -maxdepth 1 -type f \
    \( -iname '*.html' -o -iname '*.htm' -o -iname '*.txt' -o -iname '*.md' \) \
    -printf '%s\n' | awk '{ n++; s += $1 } END { printf "%d %d\n", n, s }')
[[ "$PAGES" -gt 0 ]] || die "no .html/.htm/.txt/.md files in $HTML_DIR"

# rss_kb FILE -> "Maximum resident set size" from GNU time -v output, or empty
rss_kb() { awk -F': *' '/Maximum resident set size/ { print $2 }' "$1" 2>/dev/null || true; }

echo "Parse-only baseline (best of $RUNS)..." >&2
PO_TIME_FILE="$WORK/parse-only.time"
if [[ "$HAVE_GNU_TIME" == 1 ]]; then
    PO_LINE="$("$TIME_BIN" -v -o "$PO_TIME_FILE" "$PARSE_ONLY" -n "$RUNS" "$HTML_DIR")"
    PO_RSS="$(rss_kb "$PO_TIME_FILE")"
else
    PO_LINE="$("$PARSE_ONLY" -n "$RUNS" "$HTML_DIR")"
    PO_RSS=""
fi
echo "$PO_LINE" >&2
# "parse-only: N pages, X MB, T s, P pages/s, M MB/s"
PO_PAGES="$(echo "$PO_LINE" | awk '{ print $2 }')"
PO_MB="$(echo "$PO_LINE" | awk '{ print $4 }')"
PO_SECS="$(echo "$PO_LINE" | awk '{ print $6 }')"

# --- 3. crosscheck build -----------------------------------------------------
# time_build JOBS -> sets BEST_SECS and PEAK_RSS (KB, empty if unknown)
time_build() {
    local jobs="$1" run out rc t0 t1 secs rss
    BEST_SECS=""
    PEAK_RSS=""
    for ((run = 1; run <= RUNS; run++)); do
        out="$WORK/out-j$jobs-r$run"          # fresh output folder: no incremental reuse
        rc=0
        t0="$(now)"
        if [[ "$HAVE_GNU_TIME" == 1 ]]; then
            "$TIME_BIN" -v -o "$WORK/build.time" \
                "$CROSSCHECK_BIN" build "$HTML_DIR" --output "$out" --jobs "$jobs" --quiet \
                >"$WORK/build.stdout" 2>"$WORK/build.stderr" || rc=$?
        else
            "$CROSSCHECK_BIN" build "$HTML_DIR" --output "$out" --jobs "$jobs" --quiet \
                >"$WORK/build.stdout" 2>"$WORK/build.stderr" || rc=$?
        fi
        t1="$(now)"
        if [[ "$rc" -ne 0 && "$rc" -ne 1 ]]; then
            echo "build-speed: crosscheck build --jobs $jobs exited with status $rc" >&2
            echo "--- last lines of stderr ---" >&2
            tail -n 20 "$WORK/build.stderr" >&2 || true
            exit 1
        fi
        secs="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')"
        echo "  --jobs $jobs run $run: ${secs} s (exit $rc)" >&2
        if [[ -z "$BEST_SECS" ]] || awk -v a="$secs" -v b="$BEST_SECS" 'BEGIN { exit !(a < b) }'; then
            BEST_SECS="$secs"
        fi
        if [[ "$HAVE_GNU_TIME" == 1 ]]; then
            rss="$(rss_kb "$WORK/build.time")"
            if [[ -n "$rss" ]] && { [[ -z "$PEAK_RSS" ]] || [[ "$rss" -gt "$PEAK_RSS" ]]; }; then
                PEAK_RSS="$rss"
            fi
        fi
        rm -rf -- "$out"
    done
}

echo "crosscheck build --jobs 1 (best of $RUNS)..." >&2
time_build 1
J1_SECS="$BEST_SECS"; J1_RSS="$PEAK_RSS"
echo "crosscheck build --jobs $JOBS_MAX (best of $RUNS)..." >&2
time_build "$JOBS_MAX"
JN_SECS="$BEST_SECS"; JN_RSS="$PEAK_RSS"

# --- 4. report ---------------------------------------------------------------
MB="$(awk -v b="$BYTES" 'BEGIN { printf "%.2f", b / 1e6 }')"
fmt_rss() { if [[ -n "$1" ]]; then awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; else echo "n/a"; fi; }
row() { # label pages mb secs rss
    awk -v l="$1" -v p="$2" -v m="$3" -v s="$4" -v r="$5" 'BEGIN {
        if (s > 0) { pps = sprintf("%.1f", p / s); mbs = sprintf("%.1f", m / s) } else { pps = "inf"; mbs = "inf" }
        printf "%-26s %7d %9.2f %9.3f %10s %8s %12s\n", l, p, m, s, pps, mbs, r }'
}

RATIO="$(awk -v a="$J1_SECS" -v b="$PO_SECS" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "inf" }')"

echo
echo "Inbox:    $HTML_DIR"
echo "Binary:   $CROSSCHECK_BIN"
echo "Machine:  $NPROC CPU(s), libxml2 $(pkg-config --modversion libxml-2.0), best of $RUNS runs"
echo
printf "%-26s %7s %9s %9s %10s %8s %12s\n" "" "pages" "MB" "seconds" "pages/s" "MB/s" "peak RSS"
row "parse-only (libxml2)" "$PO_PAGES" "$PO_MB" "$PO_SECS" "$(fmt_rss "$PO_RSS")"
row "crosscheck --jobs 1" "$PAGES" "$MB" "$J1_SECS" "$(fmt_rss "$J1_RSS")"
row "crosscheck --jobs $JOBS_MAX" "$PAGES" "$MB" "$JN_SECS" "$(fmt_rss "$JN_RSS")"
echo
if [[ "$PO_PAGES" != "$PAGES" ]]; then
    echo "note: parse-only read $PO_PAGES .html/.htm file(s); the build reads $PAGES file(s) including .txt/.md."
fi
if awk -v r="$RATIO" -v t="$TARGET_RATIO" 'BEGIN { exit !(r != "inf" && r <= t) }'; then
    VERDICT="within target"
    MET=1
else
    VERDICT="OVER target"
    MET=0
fi
echo "build (1 job) / parse-only = ${RATIO}x  (target <= ${TARGET_RATIO}x: $VERDICT)"

if [[ "${ENFORCE_TARGET:-0}" == "1" && "$MET" != 1 ]]; then
    exit 3
fi
