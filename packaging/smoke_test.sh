#!/usr/bin/env bash
# Smoke test of a built bundle: version, import the seed page into a temporary archive,
# search it, and render the window offscreen. Prints the start-up times it measures.
# Usage: packaging/smoke_test.sh dist/archival-reader/archival-reader [seed page]
set -euo pipefail
BINARY=$(realpath "$1")
SEED=${2:-"$(dirname "$0")/../../shared/corpus/seed/dw-taliban-qala-e-naw.txt"}
[ -f "$SEED" ] || SEED="$(dirname "$0")/../resources/samples/$(ls "$(dirname "$0")/../resources/samples" | grep -m1 '\.txt$')"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen
start=$(date +%s.%N)
"$BINARY" --version
echo "--version: $(echo "$(date +%s.%N) - $start" | bc) s"
"$BINARY" --archive "$WORK/archive" import --json "$SEED" > "$WORK/import.json"
grep -q '"imported": \[' "$WORK/import.json"
"$BINARY" --archive "$WORK/archive" search --json Taliban | grep -q '"total": 1'
start=$(date +%s.%N)
"$BINARY" --archive "$WORK/archive" gui --screenshot "$WORK/shot.png" --open 1
echo "gui --screenshot: $(echo "$(date +%s.%N) - $start" | bc) s"
[ -s "$WORK/shot.png" ]
echo "bundle smoke test passed"
