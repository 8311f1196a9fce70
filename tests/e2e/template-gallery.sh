#!/bin/sh
# template-gallery.sh TOUCHPOINT: New from the gallery with real key events (issue 18).
#
# From the welcome page, as a facilitator would:
#   Ctrl+N        the gallery opens, the first card (the empty workshop) has the keyboard
#   End, Left     the card before the last: buying a laptop across channels
#   Enter         a new untitled workshop with that template's content
# The welcome page's window shows it, titled with the template's workshop title (not a
# file name: the document is not bound to the template's file); the template file is
# unchanged.
#
# Runs under tests/with-display (its own Xvfb); exit 77 skips when xdotool is missing.
set -eu

app=$1

if ! command -v xdotool >/dev/null 2>&1; then
  echo "SKIP: xdotool is not installed"
  exit 77
fi

tmp=$(mktemp -d)
pid=
cleanup () {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

templates="$TP_SRCDIR/data/templates"
export TOUCHPOINT_TEMPLATE_PATH="$templates:$TP_SRCDIR/data/examples"
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state"
export XDG_CACHE_HOME="$tmp/cache"
before=$(cksum <"$templates/laptop-omnichannel.touchpoint")
slow=${TP_TEST_SLOWDOWN:-1}

"$app" >"$tmp/log" 2>&1 &
pid=$!

find_window () {
  timeout $((30 * slow)) xdotool search --sync --onlyvisible --name "$1" | head -n 1 || true
}

win=$(find_window "Touchpoint")
if [ -z "$win" ]; then
  echo "FAIL: the welcome window did not appear"; cat "$tmp/log"; exit 1
fi
# No window manager here: give the window the keyboard ourselves, and let it settle.
xdotool windowfocus --sync "$win"
sleep 1

keys () { xdotool key --clearmodifiers --delay 150 "$@"; sleep 0.5; }

keys ctrl+n
gallery=$(find_window "New Workshop")
if [ -z "$gallery" ]; then
  echo "FAIL: Ctrl+N showed no gallery"; cat "$tmp/log"; exit 1
fi
xdotool windowfocus --sync "$gallery"
sleep 1
keys End Left Return

opened=$(find_window "Buying a laptop across channels")
if [ -z "$opened" ]; then
  echo "FAIL: Enter did not open the laptop workshop"; xdotool search --name "." getwindowname %@ || true
  cat "$tmp/log"; exit 1
fi
# The welcome page's window took the workshop: no second window.
if [ "$opened" != "$win" ]; then
  echo "FAIL: the workshop opened in a new window instead of the welcome page's"; exit 1
fi
if xdotool search --onlyvisible --name "New Workshop" >/dev/null 2>&1; then
  echo "FAIL: the gallery stayed open"; exit 1
fi
if [ "$(cksum <"$templates/laptop-omnichannel.touchpoint")" != "$before" ]; then
  echo "FAIL: the template file changed"; exit 1
fi
if grep -q "CRITICAL\|WARNING" "$tmp/log"; then
  echo "FAIL: warnings on the way"; cat "$tmp/log"; exit 1
fi
echo "PASS: Ctrl+N, End, Left, Enter opened the laptop workshop as a new document"
