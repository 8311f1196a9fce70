#!/bin/sh
# dot-voting.sh TOUCHPOINT: a dot-voting round with real input events (issue 17).
#
#   Alt+8 Menu Down×3 Return   Key Partners' context menu: Start Dot Voting…
#   a click on Start Voting     the dialog's default numbers: 8 × 3 = 24 dots
#   Down + +                    two dots on Courier
#   Down + -  +                 Bank: one, one back, one again (it had 2)
#   a click on End Round        the round is one undo step
#   Ctrl+S                      saved: Courier 2, Bank 3
#   Ctrl+Z Ctrl+S               one undo takes the whole round back: Bank 2, Courier none
#
# Runs under tests/with-display (its own Xvfb, no window manager: windows sit at 0, 0, so
# the dialog's and the bar's buttons are at fixed places); exit 77 skips without xdotool
# or xmllint.
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
before=$(cksum <"$doc")

"$app" "$doc" >"$tmp/log" 2>&1 &
pid=$!
slow=${TP_TEST_SLOWDOWN:-1}

win=$(timeout $((30 * slow)) xdotool search --sync --onlyvisible --name "dot-voting" | head -n 1) || true
if [ -z "$win" ]; then
  echo "FAIL: no window appeared"; cat "$tmp/log"; exit 1
fi
xdotool windowfocus --sync "$win"
xdotool mousemove --window "$win" 5 5
sleep 1

keys () { xdotool key --clearmodifiers --delay 150 "$@"; sleep 0.4; }

keys alt+8 Menu
keys Down Down Down Return
sleep $((2 * slow))
# The dialog's Start Voting, right of Cancel at its foot.
xdotool mousemove 290 334 click 1
sleep $((1 * slow))
keys Down plus plus
keys Down plus minus plus
# End Round, at the bar's right end under the header bar.
xdotool mousemove 1210 72 click 1
sleep 1
keys ctrl+s

votes () {
  xmllint --xpath "string(//*[local-name()='note'][@id='$1']/@votes)" "$doc"
}
wait_saved () {
  i=0
  while [ "$(cksum <"$doc")" = "$before" ] && [ $i -lt $((100 * slow)) ]; do sleep 0.1; i=$((i + 1)); done
  if [ "$(cksum <"$doc")" = "$before" ]; then
    echo "FAIL: the document was not saved ($1)"; cat "$tmp/log"; exit 1
  fi
  sleep 0.3
  before=$(cksum <"$doc")
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
