#!/usr/bin/env bash
# Builds the one-folder Linux bundle in dist/archival-reader/ and smoke-tests it.
# Usage: packaging/build.sh   (after ./run.sh has set up .venv)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv
"$VENV/bin/python" -m pip install --quiet "pyinstaller>=6.5"
"$VENV/bin/pyinstaller" --noconfirm --clean --distpath dist --workpath build/pyinstaller \
  packaging/archival-reader.spec
du -sh dist/archival-reader
packaging/smoke_test.sh dist/archival-reader/archival-reader
