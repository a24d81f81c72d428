#!/bin/sh
# Looks at report.html as a person would: renders it in headless Chromium, takes a screenshot, and checks
# the rendered DOM (every contradiction and up to the limit of each other kind of relation listed, a line saying
# how many more for a kind cut short, sources and claims equal manifest.json's counts, every in-page link leads to
# an element, nothing is fetched from elsewhere). Prints the screenshot's path.
#
#   Tests/browser/check-report.sh [CORPUS_FOLDER]
#
# Without a folder it builds the sample Inbox into a temporary folder (swift run crosscheck build).
# CROSSCHECK_REPORT_LIMIT is the number of relations of each kind the report lists (default 200, ReportContent.defaultLimit).
# Needs chromium (Debian: apt-get install chromium) and python3; exits 77 when Chromium is missing.
# CI does not need it: the Swift test that runs this script is skipped when chromium is not on PATH.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$browser" ]; then
    echo "check-report: chromium is not on PATH (Debian: apt-get install chromium)" >&2
    exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-browser.XXXXXX")
if [ $# -ge 1 ]; then
    corpus=$(cd "$1" && pwd)
else
    corpus=$work/Output
    # Exit status 1 means the corpus was written but some files had problems: still a report to look at.
    (cd "$root" && swift run --quiet crosscheck build Inbox --output "$corpus") || [ $? -eq 1 ]
fi
report=$corpus/report.html
[ -f "$report" ] || { echo "check-report: no report.html in $corpus" >&2; exit 1; }

shot=$work/report.png
flags="--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions --disable-sync
       --disable-background-networking --user-data-dir=$work/profile --window-size=1280,2000"
# shellcheck disable=SC2086 # the flags are words on purpose
timeout 120 "$browser" $flags --screenshot="$shot" "file://$report" >"$work/chromium.log" 2>&1
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --dump-dom "file://$report" >"$work/dom.html" 2>>"$work/chromium.log"

status=0
python3 "$here/check_report_dom.py" "$work/dom.html" "$corpus/manifest.json" "$shot" --limit "${CROSSCHECK_REPORT_LIMIT:-200}" || status=$?
echo "screenshot: $shot"
exit $status
