#!/usr/bin/env bash
# How many relations one new page disturbs that it has no part in (see relation-churn.py for the method).
#
# Usage: Benchmarks/relation-churn.sh [--documents N] [--drops N]
# Env:   SKIP_BUILD=1 (reuse .build/release/crosscheck), KEEP=1 (keep the temp folder)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[ "${SKIP_BUILD:-0}" = 1 ] || (cd "$root" && swift build -c release --product crosscheck >/dev/null)
work="$(mktemp -d)"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
python3 "$root/Benchmarks/relation-churn.py" "$root/.build/release/crosscheck" "$work" "$@"
