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
duplicates=$(cargo tree --locked --workspace -d -e normal,build,dev --target x86_64-unknown-linux-gnu 2>/dev/null || true)
if [ -n "$duplicates" ]; then
  echo "$duplicates"
  echo "hark: more than one version of a crate is in the tree (above)" >&2
  exit 1
fi
echo "ok"

step "Rust tests"
cargo test --locked --workspace

step "UI type check and unit tests"
npm --prefix ui run check
npm --prefix ui test

step "end-to-end tests"
bash scripts/e2e.sh

