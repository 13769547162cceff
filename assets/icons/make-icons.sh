#!/usr/bin/env bash
# Renders Hark's app icon PNGs (RGBA, as Tauri requires) from hark.svg.
# Needs rsvg-convert (Debian: apt-get install -y librsvg2-bin). Usage: bash assets/icons/make-icons.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

command -v rsvg-convert >/dev/null 2>&1 || { echo "make-icons: rsvg-convert is required (librsvg2-bin)" >&2; exit 1; }

render() { # size output
  rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio --format png hark.svg --output "$2"
  # PNG colour type is byte 25 of the file (IHDR); 6 = RGBA.
  local ctype; ctype=$(od -An -tu1 -j25 -N1 "$2" | tr -d ' ')
  [ "$ctype" = 6 ] || { echo "make-icons: $2 is not RGBA (PNG colour type $ctype)" >&2; exit 1; }
  echo "make-icons: $2 (${1}x$1, RGBA)"
}

render 32 32x32.png
render 128 128x128.png
render 256 128x128@2x.png
render 512 icon.png
