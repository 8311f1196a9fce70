#!/bin/sh
# timer-keyboard.sh TOUCHPOINT: a 1-minute timer started with real keys runs to zero in the app.
#
#   Ctrl+T, Return        the popover opens on its first preset, "1 min", which starts
#   (about a minute)      the header's timer turns red (the cue at zero), the log says
#                         time is up, and the app did not hang on the sound (no sound
#                         server here: GSound fails quietly)
#   Ctrl+T, Tab, Return   "Dismiss": the red goes
#
# The wait is for the count to end, bounded for a hung app; no duration is asserted.
# Runs under tests/with-display (its own Xvfb); exit 77 skips when xdotool or ImageMagick
# is missing.
set -eu

app=$1
E2E_KEY_DELAY=120
E2E_KEY_PAUSE=0
. "$(dirname "$0")/lib.sh"
e2e_require xdotool import convert
e2e_setup

doc="$tmp/timer-workshop.touchpoint"
cat >"$doc" <<'DOC'
<?xml version="1.0" encoding="UTF-8"?>
<touchpoint xmlns="https://touchpoint.github.io/ns/1" version="1.0">
  <meta>
    <title>Timer</title>
  </meta>
  <canvas>
    <block kind="channels">
      <note id="n1" colour="yellow" evidence="validated">Online shop</note>
    </block>
  </canvas>
</touchpoint>
DOC
"$app" --validate "$doc"

# The timer's debug lines only, in the log.
G_MESSAGES_DEBUG=Touchpoint "$app" "$doc" >"$tmp/log" 2>&1 &
pid=$!
name="timer-workshop"

e2e_window "$name"
xdotool windowsize --sync "$win" 1280 720 || true
xdotool mousemove --window "$win" 640 400
sleep 1

# Pixels of the red of the cue (libadwaita's destructive colour, #e01b24 in the light
# style) in the header bar. No window manager: the window is at the screen's origin.
red_in_header () {
  import -window root "$tmp/shot.png"
  [ -z "${TP_E2E_SHOTS:-}" ] || cp "$tmp/shot.png" "$TP_E2E_SHOTS/timer-$(date +%s%N).png"
  convert "$tmp/shot.png" -crop 1280x47+0+0 +repage txt:- | grep -ci '#E01B24' || true
}
red_shown () { [ "$(red_in_header)" -ge 100 ]; }

[ "$(red_in_header)" -lt 100 ] || fail "the header is red before any timer ran"

keys ctrl+t
sleep 1
keys Return
sleep 2
kill -0 "$pid" 2>/dev/null || fail "the app is gone after starting the timer"
red_shown && fail "the header is red right after starting a 1-minute timer"

# The minute runs out; bounded at three for a slow, shared machine.
wait_for 180 red_shown || fail "the header did not turn red when the timer reached zero"
wait_for 10 'grep -q "Timer: time is up" "$tmp/log"' || fail "the log does not say time is up"

# Still answering keys (the sound did not block the main loop): dismiss the cue.
sleep 5
keys ctrl+t
sleep 1
keys Tab Return
sleep 1
wait_for 10 '! red_shown' || fail "Dismiss did not end the cue"
kill -0 "$pid" 2>/dev/null || fail "the app is gone"
if grep -E "CRITICAL|WARNING" "$tmp/log"; then fail "the app warned"; fi

echo "PASS"
