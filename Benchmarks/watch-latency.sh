#!/usr/bin/env bash
# Watch-mode latency: p50/p99 from a 50 KB page landing in an inbox of 1,000 documents to the exports
# being rewritten, over 200 drops (see watch-latency.py for the method).
#
# Usage: Benchmarks/watch-latency.sh [--documents N] [--drops N] [--jobs N]
# Env:   SKIP_BUILD=1 (reuse .build/release/crosscheck), KEEP=1 (keep the temp folder)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[ "${SKIP_BUILD:-0}" = 1 ] || (cd "$root" && swift build -c release --product crosscheck >/dev/null)
work="$(mktemp -d)"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
python3 "$root/Benchmarks/watch-latency.py" "$root/.build/release/crosscheck" "$work" "$@"
