#!/bin/sh
# persona-keyboard.sh TOUCHPOINT: giving personas from the keyboard, with real key events.
#
# On a copy of a small document with two personas, as a facilitator would:
#   Ctrl+A         select every note
#   Ctrl+Alt+P     give them the first persona      → saved: persona="p1" on each
#   Ctrl+Alt+P     the next one                     → persona="p2"
#   Ctrl+Z         one step back                    → persona="p1" again
# and no text changes on the way (the chord must not type a "p" into anything).
#
# Runs under tests/with-display (its own Xvfb); exit 77 skips when xdotool or xmllint is
# missing.
set -eu

app=$1

. "$(dirname "$0")/lib.sh"
e2e_require xdotool xmllint

doc="$tmp/persona-keys.touchpoint"
cat >"$doc" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<touchpoint xmlns="https://touchpoint.github.io/ns/1" version="1.0">
  <meta>
    <title>Persona keys</title>
  </meta>
  <personas>
    <persona id="p1" name="Student" accent="blue"/>
    <persona id="p2" name="Parent" accent="orange"/>
  </personas>
  <canvas>
    <block kind="customer-segments">
      <note id="n2" colour="yellow" evidence="assumption">Students</note>
    </block>
    <block kind="channels">
      <note id="n1" colour="blue" evidence="validated">Online shop</note>
    </block>
  </canvas>
</touchpoint>
EOF
"$app" --validate "$doc"
E2E_KEY_DELAY=120
e2e_start "$app" "$doc" "persona-keys"

personas () {
  xmllint --xpath "//*[local-name()='note']/@persona" "$doc" 2>/dev/null | tr -d ' \n' || true
}
texts () {
  xmllint --xpath "//*[local-name()='note']/text()" "$doc" 2>/dev/null | tr '\n' '|' || true
}

status=0
check () {
  got=$(personas)
  if [ "$got" != "$2" ]; then
    echo "FAIL: after $1 the notes' personas are '$got', expected '$2'"; status=1
  fi
  if [ "$(texts)" != "Students|Online shop|" ]; then
    echo "FAIL: after $1 the notes' texts are '$(texts)'"; status=1
  fi
}

keys ctrl+a
keys ctrl+alt+p
keys ctrl+s
wait_saved "first Ctrl+Alt+P"
check "Ctrl+Alt+P" 'persona="p1"persona="p1"'

keys ctrl+alt+p
keys ctrl+s
wait_saved "second Ctrl+Alt+P"
check "Ctrl+Alt+P twice" 'persona="p2"persona="p2"'

keys ctrl+z
keys ctrl+s
wait_saved "Ctrl+Z"
check "Ctrl+Z" 'persona="p1"persona="p1"'

if [ $status -ne 0 ]; then
  cat "$doc"; cat "$tmp/log"
else
  echo "ok: Ctrl+Alt+P gives the next persona, Ctrl+Z takes it back"
fi
exit $status
