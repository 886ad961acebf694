#!/bin/sh
# What the tests need that pip cannot install, run by `make test`: Debian's Chromium (the browser
# tests), DejaVu Sans (the decoy font of the reproducibility test is made from it), and Node.js
# with npm (axe-core and Lighthouse, installed by `npm ci`). Installs what is missing with apt-get
# as root or with sudo; otherwise names the one command to run. Does nothing when all is there.
set -eu

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
missing=""
[ -x "$CHROMIUM" ] || missing="$missing chromium"
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
[ -n "$missing" ] || exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need:$missing. This is not a Debian-like system: install Chromium (or set CHROMIUM=/path/to/chromium)," >&2
  echo "DejaVu Sans and Node.js 18 or newer with npm, then run make test again." >&2
  exit 1
fi
if [ "$(id -u)" = 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  echo "The tests need Debian packages that are not installed. Run this once, then make test again:" >&2
  echo "  sudo apt-get install -y --no-install-recommends$missing" >&2
  exit 1
fi
echo "== installing Debian packages for the tests:$missing"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
