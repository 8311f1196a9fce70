#!/bin/sh
# present-two-monitors.sh TOUCHPOINT: presenting with a projector beside the laptop
# (issue 17), under tests/with-two-monitors (two 1280 × 720 monitors side by side).
#
#   F5               the presentation goes full screen on the second monitor (1280,0
#                    1280 × 720); the editor stays on the first, with the presenter strip
#   Right            (in the presentation) the Customer Segments step
#   Alt+1 "Hello projector" Return Escape
#                    (in the editor) a note captured into Customer Segments: the
#                    projector's picture changes at once, with no key pressed there
#   Ctrl+S           the saved file has the note
# Screenshots of both monitors are kept in $TP_SCREENSHOT_DIR when it is set.
set -eu

app=$1
E2E_KEY_DELAY=120
E2E_KEY_PAUSE=0.4
. "$(dirname "$0")/lib.sh"
e2e_require xdotool xmllint import compare
e2e_setup

doc="$tmp/two-monitors.touchpoint"
cat >"$doc" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<touchpoint xmlns="https://touchpoint.github.io/ns/1" version="1.0">
  <meta>
    <title>Two screens</title>
  </meta>
  <canvas>
    <block kind="customer-segments">
      <note id="n1" colour="yellow" evidence="assumption">Students</note>
    </block>
  </canvas>
</touchpoint>
XML
before=$(cksum <"$doc")

"$app" "$doc" >"$tmp/log" 2>&1 &
pid=$!
e2e_window "two-monitors"
editor=$win
sleep 1

at () { xdotool getwindowgeometry "$1" | tr '\n' ' '; }
case $(at "$editor") in
  *"Position: 0,0 "*) ;;
  *) fail "the editor is not on the first monitor: $(at "$editor")" ;;
esac

keys F5
e2e_window "^Presentation$"
presentation=$win
wait_for 10 'at "$presentation" | grep -q "Position: 1280,0 .*Geometry: 1280x720"' ||
  fail "the presentation is not full screen on the second monitor: $(at "$presentation")"
case $(at "$editor") in
  *"Position: 0,0 "*) ;;
  *) fail "the editor left the first monitor: $(at "$editor")" ;;
esac
xdotool search --onlyvisible --name "two-monitors" >/dev/null ||
  fail "the editor is no longer shown beside the presentation"

keys Right
sleep 1
projector () { import -window root -crop 1280x720+1280+0 "$1"; }
projector "$tmp/before.png"

# The laptop's editor has the keyboard again; the note goes into Customer Segments.
xdotool windowfocus --sync "$editor"
sleep 0.5
keys alt+1
text "Hello projector"
keys Return Escape
# The projector's picture changes, no key pressed there (a note card: thousands of
# pixels; a busy machine may take a moment to draw it).
changed () {
  projector "$tmp/after.png"
  changed=$(compare -metric AE "$tmp/before.png" "$tmp/after.png" null: 2>&1 || true)
  [ "${changed%%.*}" -gt 500 ] 2>/dev/null
}
wait_for 10 changed ||
  fail "the projector's picture did not change with the edit ($changed pixels)"
if [ -n "${TP_SCREENSHOT_DIR-}" ]; then
  import -window root "$TP_SCREENSHOT_DIR/present-two-monitors.png"
fi

xdotool windowfocus --sync "$editor"
keys ctrl+s
wait_for 10 '[ "$(cksum <"$doc")" != "$before" ]' || fail "the document was not saved"
sleep 0.3
note=$(xmllint --xpath "string(//*[local-name()='block'][@kind='customer-segments']/*[local-name()='note'][last()])" "$doc")
[ "$note" = "Hello projector" ] ||
  fail "the last note of Customer Segments is '$note', not 'Hello projector': $(cat "$doc")"

echo "ok: the presentation on the second monitor, the editor on the first, an edit shown at once"
