#!/usr/bin/env bash
# Sets up a fresh Debian machine (Node 20+ and root present) for running and testing the product:
# Debian packages (Janus media server, OBS Studio (OBS mode and its tests, under Xvfb), Chromium for
# tests and the browser shell, Xvfb, ffmpeg,
# CJK fonts so Korean renders), npm packages, and the web builds.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

# python3, make and g++: node-gyp builds better-sqlite3 (its prebuilt binary is a download from
# outside the registries), and the benchmarks build their C load generator with cc.
PACKAGES=(janus janus-tools obs-studio chromium xvfb xauth ffmpeg fonts-noto-cjk fonts-noto-color-emoji iproute2 ca-certificates python3 make g++)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# The packaged Janus service would hold port 8188 and is not used: the relay runs its own Janus.
$SUDO systemctl disable --now janus >/dev/null 2>&1 || true

echo "setup: installing npm packages"
npm ci --no-audit --no-fund
echo "setup: building the studio and watch pages"
npm run build:web
echo "setup: done"
