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

e2e_start_round alt+8
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
