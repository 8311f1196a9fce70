# lib.sh: what every end-to-end script does around its own steps, sourced (". lib.sh")
# by the scripts beside it. They run under tests/with-display (an Xvfb of their own, no
# window manager) and drive the real app with xdotool, as a facilitator's hands would.
#
#   e2e_require TOOL…        skips (exit 77) when a tool is missing
#   e2e_start APP DOC NAME    runs APP on DOC, waits for the window whose title holds
#                             NAME and gives it the keyboard; sets $win and $pid
#   e2e_setup                 a private data folder (recent files, templates) in $tmp,
#                             for a script that starts the app itself
#   e2e_window NAME           waits for the window whose title holds NAME (an app the
#                             script started), gives it the keyboard; sets $win
#   keys KEY…, text TEXT      real key presses and typing (E2E_KEY_DELAY ms between keys,
#                             a pause of E2E_KEY_PAUSE s after them)
#   wait_saved WHAT           waits for $doc to change on disk (a save), bounded
#   wait_for SECONDS COND     waits until the shell condition COND holds, bounded
#   fail MESSAGE              says so, shows the app's log, exits 1
#   title, modified           the window's title; whether it says the workshop changed
#   shown NAME                whether a window whose title holds NAME is shown
#   e2e_start_round KEY       a dot-voting round on the block KEY selects (alt+8: Key
#                             Partners), from its context menu, with the dialog's
#                             default 8 × 3 dots; the keyboard back on $win
#
# $tmp is a fresh folder, removed on exit with the app it started. Every wait is a bound
# scaled by TP_TEST_SLOWDOWN (a sanitized build is slower), never a measured time.
#
# Copyright 2025 The Touchpoint developers
# SPDX-License-Identifier: GPL-3.0-or-later

e2e_require () {
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "SKIP: $tool is not installed"
      exit 77
    fi
  done
}

tmp=$(mktemp -d)
pid=
e2e_cleanup () {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap e2e_cleanup EXIT INT TERM

fail () {
  echo "FAIL: $1"
  [ ! -s "$tmp/log" ] || cat "$tmp/log"
  exit 1
}

# Holds as soon as COND held once: a condition that flickers (a pulsing colour) must not
# be asked a second time.
wait_for () {
  limit=$(($1 * 10 * ${TP_TEST_SLOWDOWN:-1})); shift
  i=0
  while [ $i -le $limit ]; do
    if eval "$1"; then return 0; fi
    sleep 0.1; i=$((i + 1))
  done
  return 1
}

e2e_setup () {
  XDG_DATA_HOME="$tmp/data"
  export XDG_DATA_HOME
  mkdir -p "$XDG_DATA_HOME"
}

# A busy machine (the suite runs two tests at once) can take a while to show a window.
e2e_window () {
  win=$(timeout $((60 * ${TP_TEST_SLOWDOWN:-1})) xdotool search --sync --onlyvisible --name "$1" | head -n 1) || true
  [ -n "$win" ] || fail "no window named '$1' appeared"
  xdotool windowfocus --sync "$win"
}

e2e_start () {
  "$1" "$2" >"$tmp/log" 2>&1 &
  pid=$!
  before=$(cksum <"$2")

  win=$(timeout $((30 * ${TP_TEST_SLOWDOWN:-1})) xdotool search --sync --onlyvisible --name "$3" | head -n 1) || true
  if [ -z "$win" ]; then
    echo "FAIL: no window named '$3' appeared; there are:"
    for w in $(xdotool search --name . 2>/dev/null); do xdotool getwindowname "$w"; done
    cat "$tmp/log"; exit 1
  fi
  # No window manager here: give the window the keyboard ourselves, and let it settle.
  xdotool windowfocus --sync "$win"
  xdotool mousemove --window "$win" 5 5
  sleep 1
}

E2E_KEY_DELAY=${E2E_KEY_DELAY:-80}
E2E_KEY_PAUSE=${E2E_KEY_PAUSE:-0.3}
keys () { xdotool key --clearmodifiers --delay "$E2E_KEY_DELAY" "$@"; sleep "$E2E_KEY_PAUSE"; }
text () { xdotool type --clearmodifiers --delay 40 "$1"; sleep "$E2E_KEY_PAUSE"; }

title () { xdotool getwindowname "$win" 2>/dev/null || true; }
modified () { case $(title) in "• "*) return 0 ;; *) return 1 ;; esac; }

# Waits for $doc's bytes to change from what they were at the start or the last wait.
wait_saved () {
  i=0
  while [ "$(cksum <"$doc")" = "$before" ] && [ $i -lt $((100 * ${TP_TEST_SLOWDOWN:-1})) ]; do sleep 0.1; i=$((i + 1)); done
  if [ "$(cksum <"$doc")" = "$before" ]; then
    fail "the document was not saved ($1)"
  fi
  sleep 0.3
  before=$(cksum <"$doc")
}

shown () { xdotool search --onlyvisible --name "$1" >/dev/null 2>&1; }

# Each step waits for what it opens (the menu, the dialog) by its window's name: a loaded,
# sanitized run shows them seconds after the key.
e2e_start_round () {
  slow=${TP_TEST_SLOWDOWN:-1}
  keys "$1"
  sleep "$slow"
  keys Menu
  # The context menu is a window of its own, named after the application.
  wait_for 30 'shown "^Touchpoint$"' || fail "the block's context menu did not open"
  # Shown is not yet listening: let the menu take the keyboard.
  sleep "$slow"
  keys Down Down Down
  sleep "$slow"
  keys Return
  wait_for 30 'shown "^Start Dot Voting$"' || fail "the voting dialog did not open"
  xdotool windowfocus --sync "$(xdotool search --onlyvisible --name '^Start Dot Voting$' | head -n 1)"
  sleep "$slow"
  # The keyboard starts in the participants' number: Enter starts with 8 × 3 = 24 dots.
  keys Return
  wait_for 30 '! shown "^Start Dot Voting$"' || fail "Enter did not start the round"
  # No window manager hands the keyboard back to the editor: do it, as one would.
  xdotool windowfocus --sync "$win"
  sleep "$slow"
}
