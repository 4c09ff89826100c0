#!/usr/bin/env bash
# Sets up everything Archival Reader needs on Debian/Ubuntu, then runs it:
#   ./run.sh [--demo] [archival-reader arguments...]   opens the application (or any CLI command)
#   ./run.sh test [pytest arguments...]                runs the whole test suite
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
SYSTEM_PACKAGES=(
  python3 python3-venv python3-pip
  # Qt's offscreen and X11 platforms, and a font (without one Qt draws boxes)
  libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-render-util0 libxcb-shape0
)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=()
  for package in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  # A Python that already has venv and pip (pyenv, a custom build) needs no Debian Python.
  if python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    local kept=()
    for package in "${missing[@]}"; do
      case "$package" in python3|python3-venv|python3-pip) ;; *) kept+=("$package") ;; esac
    done
    missing=("${kept[@]+"${kept[@]}"}")
    [ ${#missing[@]} -eq 0 ] && return 0
  fi
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_python_packages() {
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "Archival Reader needs Python 3.11 or newer (found $(python3 --version))" >&2; exit 1; }
  [ -x "$VENV/bin/python" ] || { say "Creating $VENV"; python3 -m venv "$VENV"; }
  local stamp="$VENV/.installed-from" wanted
  wanted=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    say "Installing Archival Reader and its dependencies into $VENV"
    # Old pips install trafilatura 2 without lxml_html_clean: upgrade pip first.
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet --editable ".[test]"
    echo "$wanted" > "$stamp"
  fi
}

install_system_packages
install_python_packages

if [ "${1:-}" = "test" ]; then
  shift
  export QT_QPA_PLATFORM=offscreen
  exec "$VENV/bin/python" -m pytest "$@"
fi
exec "$VENV/bin/archival-reader" "$@"
