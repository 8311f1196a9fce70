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
#   Escape           leave the presentation; the editor is back
#   Ctrl+S           save
# then checks the saved file: the note at the end of Value Propositions, and no other
# change. Then `touchpoint --present FILE` opens straight into the presentation.
#
# Runs under tests/with-display (its own Xvfb, one monitor: Xvfb has no way to give GTK
# a second one); exit 77 skips when xdotool or xmllint is missing.
set -eu

app=$1

for tool in xdotool xmllint; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed"
    exit 77
  fi
done

tmp=$(mktemp -d)
pid=
cleanup () {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

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

slow=${TP_TEST_SLOWDOWN:-1}
keys () { xdotool key --clearmodifiers --delay 120 "$@"; sleep 0.4; }
text () { xdotool type --clearmodifiers --delay 40 "$1"; sleep 0.4; }

find_window () {
  w=$(timeout $((30 * slow)) xdotool search --sync --onlyvisible --name "$1" | head -n 1) || true
  if [ -z "$w" ]; then
    {
      echo "FAIL: no window named '$1' appeared; there are:"
      for x in $(xdotool search --name . 2>/dev/null); do xdotool getwindowname "$x"; done
      cat "$tmp/log"
    } >&2
    exit 1
  fi
  echo "$w"
}

"$app" "$doc" >"$tmp/log" 2>&1 &
pid=$!
win=$(find_window "present-keys")
# No window manager here: give the window the keyboard ourselves, and let it settle.
xdotool windowfocus --sync "$win"
sleep 1

keys F5
show=$(find_window "^Presentation$")
xdotool windowfocus --sync "$show"
sleep 0.5
geometry=$(xdotool getwindowgeometry "$show")
case $geometry in
  *"Geometry: 1280x720"*) ;;
  *) echo "FAIL: the presentation is not full screen at 1280 × 720: $geometry"; exit 1 ;;
esac

keys Right
keys Page_Down
keys b
keys b
text "Same-day delivery"
keys Return
keys Escape

# Left: the presentation window is gone, the editor has the keyboard again.
i=0
while xdotool search --onlyvisible --name "^Presentation$" >/dev/null 2>&1 && [ $i -lt $((50 * slow)) ]; do
  sleep 0.1; i=$((i + 1))
done
if xdotool search --onlyvisible --name "^Presentation$" >/dev/null 2>&1; then
  echo "FAIL: Escape did not leave the presentation"; cat "$tmp/log"; exit 1
fi
xdotool windowfocus --sync "$win"
sleep 0.5
keys ctrl+s

i=0
while [ "$(cksum <"$doc")" = "$before" ] && [ $i -lt $((100 * slow)) ]; do sleep 0.1; i=$((i + 1)); done
if [ "$(cksum <"$doc")" = "$before" ]; then
  echo "FAIL: the document was not saved"; cat "$tmp/log"; exit 1
fi
sleep 0.3

vp=$(xmllint --xpath "string(//*[local-name()='block'][@kind='value-propositions']/*[local-name()='note'][last()])" "$doc")
if [ "$vp" != "Same-day delivery" ]; then
  echo "FAIL: the last note of Value Propositions is '$vp', not 'Same-day delivery':"
  cat "$doc"; exit 1
fi
n=$(xmllint --xpath "count(//*[local-name()='note'])" "$doc")
if [ "$n" != "3" ]; then
  echo "FAIL: $n notes in the saved file, not 3 (B must not have typed, nor Page_Down):"
  cat "$doc"; exit 1
fi

kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
pid=

# `touchpoint --present FILE`: the presentation opens by itself once the file is loaded.
"$app" --present "$doc" >"$tmp/log" 2>&1 &
pid=$!
show=$(find_window "^Presentation$")
echo "ok: presented, captured, left and saved; --present opened the presentation"
