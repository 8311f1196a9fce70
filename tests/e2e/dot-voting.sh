#!/bin/sh
# dot-voting.sh TOUCHPOINT: a dot-voting round with real input events (issue 17).
#
#   Alt+8 Menu Down×3 Return   Key Partners' context menu: Start Dot Voting…
#   Return                      the dialog's default numbers: 8 × 3 = 24 dots
#   Down + +                    two dots on Courier
#   Down + -  +                 Bank: one, one back, one again (it had 2)
#   a click on End Round        the round is one undo step
#   Ctrl+S                      saved: Courier 2, Bank 3
#   Ctrl+Z Ctrl+S               one undo takes the whole round back: Bank 2, Courier none
#
# Runs under tests/with-display (its own Xvfb, no window manager: the window sits at 0, 0,
# so the bar's End Round is at a fixed place); exit 77 skips without xdotool or xmllint.
set -eu

app=$1
E2E_KEY_DELAY=150
E2E_KEY_PAUSE=0.4
. "$(dirname "$0")/lib.sh"
e2e_require xdotool xmllint

doc="$tmp/dot-voting.touchpoint"
cat >"$doc" <<'DOC'
<?xml version="1.0" encoding="UTF-8"?>
<touchpoint xmlns="https://touchpoint.github.io/ns/1" version="1.0">
  <meta>
    <title>Dot voting</title>
  </meta>
  <canvas>
    <block kind="channels">
      <note id="c1" colour="blue" evidence="validated">Web shop</note>
    </block>
    <block kind="key-partners">
      <note id="p1" colour="yellow" evidence="assumption">Courier</note>
      <note id="p2" colour="yellow" evidence="assumption" votes="2">Bank</note>
    </block>
  </canvas>
</touchpoint>
DOC

e2e_start "$app" "$doc" "dot-voting"

# Each step waits for what it opens (the menu, the dialog) by its window's name: a loaded,
# sanitized run shows them seconds after the key.
slow=${TP_TEST_SLOWDOWN:-1}
shown () { xdotool search --onlyvisible --name "$1" >/dev/null 2>&1; }

keys alt+8
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
keys Down plus plus
keys Down plus minus plus
# End Round, at the bar's right end under the header bar.
xdotool mousemove --window "$win" 1210 72 click 1
sleep 1
keys ctrl+s

votes () {
  xmllint --xpath "string(//*[local-name()='note'][@id='$1']/@votes)" "$doc"
}
wait_saved "after the round"
status=0
if [ "$(votes p1)" != 2 ] || [ "$(votes p2)" != 3 ] || [ "$(votes c1)" != "" ]; then
  echo "FAIL: after the round: Courier '$(votes p1)', Bank '$(votes p2)', Web shop '$(votes c1)'"
  status=1
fi

keys ctrl+z ctrl+s
wait_saved "after undo"
if [ "$(votes p1)" != "" ] || [ "$(votes p2)" != 2 ]; then
  echo "FAIL: one undo should take the round back: Courier '$(votes p1)', Bank '$(votes p2)'"
  status=1
fi

[ $status -eq 0 ] && echo "PASS: dot voting with real input"
exit $status
