#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core (no browser download is possible here), with
# fonts for Chinese and Tibetan: the Tibetan walk (e2e/walk.test.ts) fails on glyphs the fonts cannot draw.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
PACKAGES=()
[ -x "$CHROMIUM" ] || PACKAGES+=(chromium)
fc-list :lang=zh-cn 2>/dev/null | grep -q . || PACKAGES+=(fonts-noto-cjk)
fc-list :lang=bo 2>/dev/null | grep -q . || PACKAGES+=(fonts-tibetan-machine)
if [ "${#PACKAGES[@]}" = "0" ]; then
  exit 0
fi
echo "Installing Debian ${PACKAGES[*]} for the browser tests…"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
[ -x "$CHROMIUM" ] || { echo "chromium did not install at $CHROMIUM" >&2; exit 1; }
fc-list :lang=bo | grep -q . || { echo "no Tibetan font after installing ${PACKAGES[*]}" >&2; exit 1; }
