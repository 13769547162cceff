#!/usr/bin/env bash
# Builds Hark and opens it on the demo library (a database of its own, beside your real one).
# Installs what is missing first. Usage: bash scripts/run-demo.sh [--db PATH]
set -euo pipefail
cd "$(dirname "$0")/.."

HARK_SKIP_TEST_TOOLS=1 bash scripts/install-deps.sh

demo_db="${XDG_DATA_HOME:-$HOME/.local/share}/hark/demo.db"
if [ "${1:-}" = "--db" ] && [ -n "${2:-}" ]; then demo_db="$2"; fi

echo "hark: building the interface"
npm --prefix ui run build --silent
echo "hark: building the app (the first build takes several minutes)"
cargo build --locked -p hark-desktop --features custom-protocol
echo "hark: opening Hark on $demo_db"
exec target/debug/hark-desktop --db "$demo_db" --demo
