#!/bin/sh
# workshop-session.sh TOUCHPOINT: one workshop, as issue 17 tells it, with real input at
# 1280 × 720: a timebox, the story presented, a note captured in front of the room, a dot
# vote, and the file saved with all of it. The features' own scripts (present-keyboard,
# timer-keyboard, dot-voting) test each alone; this one runs them in one session, so that
# the timer counts on through the presentation, the captured note can be voted on, and
# nothing one part does upsets the next.
#
#   Ctrl+T Return            a 1-minute timer, from the header's first preset
#   F5                       present: full screen, the timer large in the corner
#   Right Page_Down          the title, then Value Propositions, as a clicker steps
#   "Same-day delivery" Return
#                            a note typed into the presented block
#   (the minute runs out)    the presentation's timer turns red
#   Escape                   back to the editor
#   Alt+2 Menu … Return      Value Propositions' context menu: Start Dot Voting…
#   Return                   8 participants × 3 dots
#   Down… + +                two dots on the captured note
#   a click on End Round     the round ends as one undo step
#   Ctrl+S                   saved: the note, with its two votes
#
# Runs under tests/with-display --screen 1280x720x24 (its own Xvfb, no window manager);
# exit 77 skips without xdotool, xmllint or ImageMagick.
set -eu

app=$1
E2E_KEY_DELAY=120
E2E_KEY_PAUSE=0.4
. "$(dirname "$0")/lib.sh"
e2e_require xdotool xmllint import convert
e2e_setup

doc="$tmp/workshop-session.touchpoint"
cat >"$doc" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<touchpoint xmlns="https://touchpoint.github.io/ns/1" version="1.0">
  <meta>
    <title>Workshop session</title>
  </meta>
  <canvas>
    <block kind="customer-segments">
      <note id="n1" colour="yellow" evidence="assumption">Students</note>
    </block>
    <block kind="value-propositions">
      <note id="n2" colour="green" evidence="validated">Cheap repairs</note>
    </block>
  </canvas>
</touchpoint>
XML
"$app" --validate "$doc"

slow=${TP_TEST_SLOWDOWN:-1}
G_MESSAGES_DEBUG=Touchpoint "$app" "$doc" >"$tmp/log" 2>&1 &
pid=$!
before=$(cksum <"$doc")
e2e_window "workshop-session"
editor=$win
xdotool mousemove --window "$editor" 640 400
sleep 1

# The timebox first: it goes on counting while the room looks at the slides.
keys ctrl+t
sleep 1
keys Return
sleep 1
kill -0 "$pid" 2>/dev/null || fail "the app is gone after starting the timer"

keys F5
e2e_window "^Presentation$"
geometry=$(xdotool getwindowgeometry "$win")
case $geometry in
  *"Geometry: 1280x720"*) ;;
  *) fail "the presentation is not full screen at 1280 × 720: $geometry" ;;
esac

# The timer's pill at the slide's top right, under the step number: dark while it counts
# (#34343c once blended with the slide), red (#c71c1c) at zero. Counted in a crop of that
# corner.
corner () {
  import -window root "$tmp/shot.png"
  [ -z "${TP_E2E_SHOTS:-}" ] || cp "$tmp/shot.png" "$TP_E2E_SHOTS/session-$(date +%s%N).png"
  convert "$tmp/shot.png" -crop 300x90+980+40 +repage -fuzz 6% -fill black +opaque "$1" \
    -fill white -opaque "$1" -format '%[fx:int(mean*w*h)]' info:
}
red_corner () { [ "$(corner '#c71c1c')" -ge 400 ]; }

sleep 1
dark=$(corner '#34343c')
[ "$dark" -ge 400 ] || fail "the presentation shows no running timer in its corner ($dark dark pixels)"
red_corner && fail "the presentation's timer is red while it counts"

keys Right Page_Down
text "Same-day delivery"
keys Return

# The minute runs out on the projector; bounded at three for a slow, shared machine.
wait_for 180 red_corner || fail "the presentation's timer did not turn red at zero"
wait_for 10 'grep -q "Timer: time is up" "$tmp/log"' || fail "the log does not say time is up"

keys Escape
wait_for 10 '! shown "^Presentation$"' || fail "Escape did not leave the presentation"
xdotool windowfocus --sync "$editor"
win=$editor
sleep "$slow"

# A round on Value Propositions.
e2e_start_round alt+2
# The block's first note, then the captured one after it: two dots on it.
keys Down Down plus plus
# End Round, at the bar's right end under the header bar (the window at 0, 0).
xdotool mousemove --window "$editor" 1210 72 click 1
sleep 1
keys ctrl+s
wait_saved "after the round"

note () {
  xmllint --xpath "string(//*[local-name()='block'][@kind='value-propositions']/*[local-name()='note'][last()]$1)" "$doc"
}
[ "$(note '')" = "Same-day delivery" ] ||
  fail "the last note of Value Propositions is '$(note '')', not the captured one: $(cat "$doc")"
[ "$(note '/@votes')" = "2" ] ||
  fail "the captured note has '$(note '/@votes')' votes, not 2: $(cat "$doc")"
n=$(xmllint --xpath "count(//*[local-name()='note'])" "$doc")
[ "$n" = "3" ] || fail "$n notes in the saved file, not 3: $(cat "$doc")"
other=$(xmllint --xpath "string(//*[local-name()='note'][@id='n2']/@votes)" "$doc")
[ -z "$other" ] || fail "Cheap repairs got '$other' votes, none were given: $(cat "$doc")"
if grep -E "CRITICAL|WARNING" "$tmp/log"; then fail "the app warned"; fi

echo "PASS: timed, presented, captured, voted and saved in one session"
