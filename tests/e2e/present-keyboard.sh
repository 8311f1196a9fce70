#!/bin/sh
# present-keyboard.sh TOUCHPOINT: presenting with real key events (issue 17), at 1280 × 720.
#
# On a copy of a small workshop whose canvas has notes in Customer Segments and Value
# Propositions, as a facilitator in front of the room would:
#   F5               present (a full-screen window named "Presentation")
#   Right            the first block of the canvas
#   Page_Down        the next one, as a clicker sends it
#   B B              black screen and back (not the start of a note: nothing typed yet)
#   "Same-day delivery" Return
#                    a note typed into the presented block, added as one undo step
#   dead_acute "ecoles" Return
#                    a dead key starts a note too; the input method makes "é" of it
#   Escape           leave the presentation; the editor is back
#   Ctrl+S           save
# then checks the saved file: the note at the end of Value Propositions, and no other
# change. Then `touchpoint --present FILE` opens straight into the presentation.
#
# Runs under tests/with-display (its own Xvfb, one monitor: Xvfb has no way to give GTK
# a second one); exit 77 skips when xdotool, xmllint or xmodmap is missing.
set -eu

app=$1
E2E_KEY_DELAY=120
E2E_KEY_PAUSE=0.4
. "$(dirname "$0")/lib.sh"
e2e_require xdotool xmllint xmodmap
e2e_setup

doc="$tmp/present-keys.touchpoint"
cat >"$doc" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<touchpoint xmlns="https://touchpoint.github.io/ns/1" version="1.0">
  <meta>
    <title>Presenting</title>
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
before=$(cksum <"$doc")
"$app" --validate "$doc"

step () { keys "$@"; }

"$app" "$doc" >"$tmp/log" 2>&1 &
pid=$!
# No window manager here: e2e_window gives the window the keyboard itself.
e2e_window "present-keys"
editor=$win
sleep 1

step F5
e2e_window "^Presentation$"
sleep 0.5
geometry=$(xdotool getwindowgeometry "$win")
case $geometry in
  *"Geometry: 1280x720"*) ;;
  *) fail "the presentation is not full screen at 1280 × 720: $geometry" ;;
esac

step Right
step Page_Down
step b
step b
text "Same-day delivery"
step Return
# A dead key starts a note too, and composes: "é" (a keycode of its own keeps it steady
# for a slow build, as in board-keyboard.sh).
xmodmap -e "keycode 97 = dead_acute"
sleep 0.5
step dead_acute
text "ecoles"
step Return
step Escape

# Left: the presentation window is gone, the editor has the keyboard again.
wait_for 5 '! xdotool search --onlyvisible --name "^Presentation$" >/dev/null 2>&1' ||
  fail "Escape did not leave the presentation"
xdotool windowfocus --sync "$editor"
sleep 0.5
step ctrl+s

wait_for 10 '[ "$(cksum <"$doc")" != "$before" ]' || fail "the document was not saved"
sleep 0.3

vp=$(xmllint --xpath "string(//*[local-name()='block'][@kind='value-propositions']/*[local-name()='note'][last()-1])" "$doc")
[ "$vp" = "Same-day delivery" ] ||
  fail "the second last note of Value Propositions is '$vp', not 'Same-day delivery': $(cat "$doc")"
vp=$(xmllint --xpath "string(//*[local-name()='block'][@kind='value-propositions']/*[local-name()='note'][last()])" "$doc")
[ "$vp" = "écoles" ] ||
  fail "the last note of Value Propositions is '$vp', not 'écoles': $(cat "$doc")"
n=$(xmllint --xpath "count(//*[local-name()='note'])" "$doc")
[ "$n" = "4" ] ||
  fail "$n notes in the saved file, not 4 (B must not have typed, nor Page_Down): $(cat "$doc")"

kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
pid=

# `touchpoint --present FILE`: the presentation opens by itself once the file is loaded.
"$app" --present "$doc" >"$tmp/log" 2>&1 &
pid=$!
e2e_window "^Presentation$"
echo "ok: presented, captured, left and saved; --present opened the presentation"
