#!/usr/bin/env bash
# Runs every Hark test: formatting, lints, one version per crate, the Rust tests (unit,
# integration, generated TypeScript bindings), the UI's checks and unit tests, and the
# end-to-end tests of the built app under Xvfb. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy --all-targets -D warnings"
cargo clippy --locked --workspace --all-targets -- -D warnings

step "one version of each crate"
# Hark's own tree (library and CLI) holds one version of every crate. The desktop shell adds
# Tauri's tree, which carries duplicates of its own choosing (syn 1 and 2, bitflags 1 and 2,
# toml 0.x and 1.x) that no Tauri 2 app can unify; there, the crates Hark itself depends on
# must still be single (`cargo tree -i` refuses an ambiguous name).
duplicates=$(cargo tree --locked -p hark -d -e normal,build,dev --target x86_64-unknown-linux-gnu 2>/dev/null || true)
if [ -n "$duplicates" ]; then
  echo "$duplicates"
  echo "hark: more than one version of a crate is in Hark's tree (above)" >&2
  exit 1
fi
for crate in symphonia-core rusqlite serde_json chrono blake3 rand regex csv walkdir ts-rs dirs; do
  cargo tree --locked --workspace -i "$crate" --target x86_64-unknown-linux-gnu >/dev/null \
    || { echo "hark: $crate is in the workspace tree more than once" >&2; exit 1; }
done
echo "ok"

step "Rust tests"
cargo test --locked --workspace

step "UI type check and unit tests"
npm --prefix ui run check
npm --prefix ui test

step "end-to-end tests"
bash scripts/e2e.sh

