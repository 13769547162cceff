#!/usr/bin/env bash
# End-to-end tests of the Hark desktop app: builds the UI, the `hark` CLI and the desktop app
# (with the UI embedded), then runs tests/e2e (WebdriverIO → tauri-driver → WebKitWebDriver →
# hark-desktop) on a virtual X display. Screenshots go to target/e2e/.
#
#   scripts/e2e.sh                  every scenario
#   scripts/e2e.sh persian audit    only the scenarios whose names contain one of the words
#   HARK_E2E_SKIP_BUILD=1 scripts/e2e.sh   reuse the built UI and binaries
#
# The last line is `E2E: N passed, N failed`; the exit status is non-zero when a scenario failed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

target_dir="${CARGO_TARGET_DIR:-$root/target}"
out_dir="$target_dir/e2e"
port="${TAURI_DRIVER_PORT:-4444}"
native_port="${TAURI_DRIVER_NATIVE_PORT:-4445}"
scenario_count=11 # reported as failed when the runner dies before it counts anything

say() { echo "e2e: $*" >&2; }

# Whatever stops this script (a failed build, a missing tool), its last line is the summary.
summary=""
inner=""
on_exit() {
  local code=$?
  [ -z "$inner" ] || rm -f "$inner"
  if [ -z "$summary" ]; then
    say "stopped before the scenarios ran (exit $code)"
    echo "E2E: 0 passed, $scenario_count failed"
  fi
}
trap on_exit EXIT

tauri_driver="$(command -v tauri-driver || true)"
if [ -z "$tauri_driver" ] && [ -x "$HOME/.cargo/bin/tauri-driver" ]; then tauri_driver="$HOME/.cargo/bin/tauri-driver"; fi
for tool in node npm cargo xvfb-run WebKitWebDriver sqlite3 pv pkill; do
  command -v "$tool" >/dev/null 2>&1 || { say "$tool is missing (see scripts/install-deps.sh)"; exit 1; }
done
[ -n "$tauri_driver" ] || { say "tauri-driver is missing (cargo install tauri-driver --locked)"; exit 1; }

if [ "${HARK_E2E_SKIP_BUILD:-}" != "1" ]; then
  if [ ! -d ui/node_modules ]; then
    say "installing the UI's npm modules"
    npm --prefix ui ci --no-audit --no-fund --loglevel=error
  fi
  say "building the UI"
  npm --prefix ui run build
  say "building hark and hark-desktop (custom-protocol)"
  cargo build --locked -p hark
  cargo build --locked -p hark-desktop --features custom-protocol
fi
if [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  say "installing the e2e npm modules"
  npm --prefix tests/e2e ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi

mkdir -p "$out_dir"
rm -f "$out_dir"/*.png "$out_dir"/results.json

# Runs inside xvfb-run: starts tauri-driver, runs the scenarios, then stops tauri-driver and
# every process it started (WebKitWebDriver, hark-desktop, WebKit's helpers).
inner="$(mktemp "${TMPDIR:-/tmp}/hark-e2e.XXXXXX.sh")"
cat >"$inner" <<'INNER'
set -uo pipefail
tauri_driver="$1"; port="$2"; native_port="$3"; log="$4"; shift 4

# tauri-driver runs in a session (and process group) of its own, which WebKitWebDriver, the app
# and WebKit's helper processes inherit: stopping that group by its id ends all of them, even
# ones orphaned by a crash.
driver_pid=""
stop_driver() {
  [ -n "$driver_pid" ] || return 0
  kill -TERM "$driver_pid" 2>/dev/null || true # stops WebKitWebDriver, which closes the app
  for _ in $(seq 30); do
    kill -0 "$driver_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -TERM -- "-$driver_pid" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 -- "-$driver_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$driver_pid" 2>/dev/null || true
  wait "$driver_pid" 2>/dev/null || true
  driver_pid=""
}
trap stop_driver EXIT
trap 'exit 130' INT TERM

for p in "$port" "$native_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "e2e: port $p is already in use (another tauri-driver?); set TAURI_DRIVER_PORT / TAURI_DRIVER_NATIVE_PORT" >&2
    exit 1
  fi
done
setsid "$tauri_driver" --port "$port" --native-port "$native_port" >"$log" 2>&1 &
driver_pid=$!

node tests/e2e/run.mjs "$@"
INNER

# No session bus: WebKitGTK and the app run without one (checked on Debian 12). Left unset,
# GLib would autolaunch one through X11 (dbus-launch, dbus-daemon, at-spi-bus-launcher), which
# outlives the run by a few seconds; "disabled:" turns that off, NO_AT_BRIDGE the a11y bridge.
# No sound card either: ALSA_CONFIG_PATH gives the player a real device paced like speakers.
say "running the scenarios (tauri-driver log: $out_dir/tauri-driver.log)"
status=0
xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp" \
  env NO_AT_BRIDGE=1 DBUS_SESSION_BUS_ADDRESS=disabled: ALSA_CONFIG_PATH="$root/tests/e2e/alsa.conf" bash "$inner" "$tauri_driver" "$port" "$native_port" "$out_dir/tauri-driver.log" "$@" \
  | tee "$out_dir/run.log" | { grep -v -E '^E2E: [0-9]+ passed, [0-9]+ failed$' || true; } || status=$?

counted="$(grep -E '^E2E: [0-9]+ passed, [0-9]+ failed$' "$out_dir/run.log" | tail -n 1 || true)"
if [ -z "$counted" ]; then
  say "the runner stopped before reporting (exit $status)"
  counted="E2E: 0 passed, $scenario_count failed"
  [ "$status" -ne 0 ] || status=1
fi
summary="$counted"
failed="$(sed -E 's/^E2E: [0-9]+ passed, ([0-9]+) failed$/\1/' <<<"$summary")"
if [ "$failed" -ne 0 ] && [ "$status" -eq 0 ]; then status=1; fi
echo "$summary"
exit "$status"
