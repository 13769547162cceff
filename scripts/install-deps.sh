#!/usr/bin/env bash
# Installs what Hark needs to build, run and test on Debian 12: Debian packages (with sudo
# when not root), the UI's npm modules and tauri-driver. Each step is skipped when already done,
# so the README's two commands can call this every time.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

debian_packages=(
  build-essential pkg-config curl file cmake
  libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libssl-dev
  libsoup-3.0-dev libjavascriptcoregtk-4.1-dev libasound2-dev
  webkit2gtk-driver xvfb xauth dbus-x11 at-spi2-core
  espeak-ng sox libsox-fmt-all ffmpeg sqlite3 pv procps
  fonts-noto-core fonts-dejavu-core
)

missing=()
for pkg in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "hark: installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v cargo >/dev/null 2>&1; then
  echo "hark: installing the Rust toolchain with rustup"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c clippy,rustfmt
fi

# Vite 8 needs Node.js 20.19 or newer; Debian 12's own nodejs package is older.
node_ok=0
if command -v node >/dev/null 2>&1; then
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' && node_ok=1
fi
if [ "$node_ok" -ne 1 ]; then
  echo "hark: Node.js 20.19 or newer (with npm) is required; found $(node --version 2>/dev/null || echo none)." >&2
  echo "      Install it from your distribution's backports or nodejs.org, then run this again." >&2
  exit 1
fi

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "hark: installing UI modules"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "${HARK_SKIP_TEST_TOOLS:-}" != "1" ] && ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "hark: installing tauri-driver"
  cargo install tauri-driver --locked --quiet
fi
