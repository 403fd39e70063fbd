#!/usr/bin/env bash
# Install SalesDesigner from this checkout into .venv, with the system libraries Qt needs.
#
#   bash installer/install.sh          the app (Qt's X11 libraries, Japanese fonts, .venv)
#   bash installer/install.sh --test   also what the test suite uses (Chromium, qpdf, the
#                                      PostgreSQL server for the team repository's tests, …, and
#                                      PyInstaller with the desktop-file tools for the
#                                      frozen bundle's smoke test)
#
# System packages are installed with apt (as root, or with sudo) and only when missing;
# on a machine without apt they are skipped with a note, and pip does the rest.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0
          libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
          libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1
          fonts-noto-cjk)
extra=""
if [[ ${1:-} == --test ]]; then
  packages+=(chromium qpdf poppler-utils sqlite3 fonts-ipaexfont-gothic xvfb
             desktop-file-utils libxml2-utils shared-mime-info xdg-utils libglib2.0-bin
             postgresql)
  extra="[test,build]"
fi

if command -v dpkg >/dev/null && command -v apt-get >/dev/null; then
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if ((${#missing[@]})); then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
else
  echo "note: no apt here; install Qt 6's platform libraries yourself if the window does not open"
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".${extra}"
# an editable install leaves the package uncompiled (a wheel install would compile it);
# without byte code every start compiles ~60 modules again (60 ms, a fifth of start-up)
.venv/bin/python -m compileall -q salesdesigner >/dev/null
echo "installed: .venv/bin/salesdesigner"
