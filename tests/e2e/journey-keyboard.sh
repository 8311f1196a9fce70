#!/bin/sh
# journey-keyboard.sh TOUCHPOINT: the journey's keyboard contract with real key events.
#
# Types at a running board, as a facilitator would, on a copy of a small document that
# holds one stage and no touchpoints:
#   Ctrl+2         zoom to the journey; the keyboard goes to its first stage
#   Ctrl+Return    add a stage after it and name it in place
#   Onboarding     its name
#   Return         commit the name; the keyboard stays on the new stage
#   Return         start capturing touchpoints in it
#   Checkout       the first one's name
#   Return         commit it, start the next one
#   Delivery       its name
#   Escape         end the capture, keeping it
#   Down           go to the stage's first touchpoint (selecting it alone)
#   Ctrl+M         mark it as a moment of truth
#   Right          on to Delivery
#   mobile ad      typed over its name: printable keys are text, never commands (m once
#                  marked a moment of truth, l opened the link picker)
#   Return         commit the new name
#   Alt+Down ×2    its emotion down to −2
#   Up             up to the stage
#   Returns        typed: a new touchpoint at the stage's end with that name
#   Escape         end the capture, keeping it
#   Ctrl+S         save
# then checks the saved file with xmllint: the new stage follows the first one, with its
# name, holds the three touchpoints in order, exactly one moment of truth, on Checkout,
# no link, and "mobile ad" at emotion −2.
#
# Runs under tests/with-display (its own Xvfb); exit 77 skips when xdotool or xmllint is
# missing. It waits on what the application shows (the window, the unsaved-changes mark
# in its title, the file on disk), each with a timeout, rather than on fixed sleeps.
set -eu

app=$1

. "$(dirname "$0")/lib.sh"
e2e_require xdotool xmllint

doc="$tmp/journey-keys.touchpoint"
cat >"$doc" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<touchpoint xmlns="https://touchpoint.github.io/ns/1" version="1.0">
  <meta>
    <title>Journey by keyboard</title>
  </meta>
  <canvas>
    <block kind="channels">
      <note id="n1" colour="blue" evidence="validated">Online shop (web)</note>
    </block>
  </canvas>
  <journey>
    <stage id="s1" name="Awareness"/>
  </journey>
</touchpoint>
EOF
"$app" --validate "$doc"

# GTK handles the key events in the order they come, so a sequence needs no pauses, only
# a window ready for it: the first keys are retried until the document shows a change.
E2E_KEY_DELAY=60
E2E_KEY_PAUSE=0
e2e_start "$app" "$doc" "journey-keys"

# Ctrl+2 and Ctrl+Return: a new, unnamed stage is a change, which the title marks.
tries=0
until modified; do
  tries=$((tries + 1))
  [ $tries -le 3 ] || fail "Ctrl+2, Ctrl+Return added no stage (title: '$(title)')"
  keys ctrl+2 ctrl+Return
  wait_for 5 modified || true
done

text "Onboarding"
keys Return
keys Return
text "Checkout"
keys Return
text "Delivery"
keys Escape
keys Down
keys ctrl+m
keys Right
text "mobile ad"
keys Return
keys alt+Down alt+Down
keys Up
text "Returns"
keys Escape
keys ctrl+s

wait_for 15 '[ "$(cksum <"$doc")" != "$before" ] && ! modified' ||
  fail "the document was not saved (title: '$(title)')"

# The names of the elements an XPath selects, in document order: "A|B|".
names () {
  n=$(xmllint --xpath "count($1)" "$doc")
  i=1
  while [ "$i" -le "$n" ]; do
    printf '%s|' "$(xmllint --xpath "string(($1)[$i]/@name)" "$doc")"
    i=$((i + 1))
  done
}
ns="//*[local-name()='journey']/*[local-name()='stage']"
stages=$(names "$ns")
touchpoints=$(names "$ns[@name='Onboarding']/*[local-name()='touchpoint']")
moments=$(xmllint --xpath "count(//*[local-name()='moment-of-truth'])" "$doc")
moment=$(names "//*[local-name()='touchpoint'][*[local-name()='moment-of-truth']]")
links=$(xmllint --xpath "count(//*[local-name()='link'])" "$doc")
emotion=$(xmllint --xpath "string(//*[local-name()='touchpoint'][@name='mobile ad']/@emotion)" "$doc")

status=0
if [ "$stages" != "Awareness|Onboarding|" ]; then
  echo "FAIL: the stages are $stages, expected Awareness then Onboarding"; status=1
fi
if [ "$touchpoints" != "Checkout|mobile ad|Returns|" ]; then
  echo "FAIL: Onboarding holds $touchpoints, expected Checkout, mobile ad, Returns"; status=1
fi
if [ "$links" != "0" ]; then
  echo "FAIL: typing a name made $links link(s)"; status=1
fi
if [ "$emotion" != "-2" ]; then
  echo "FAIL: mobile ad's emotion is '$emotion', expected -2 after Alt+Down twice"; status=1
fi
if [ "$moments" != "1" ] || [ "$moment" != "Checkout|" ]; then
  echo "FAIL: $moments moment(s) of truth, on '$moment'; expected one, on Checkout"; status=1
fi
if ! "$app" --validate "$doc"; then
  echo "FAIL: the saved file is not valid"; status=1
fi
if [ $status -ne 0 ]; then
  cat "$doc"; cat "$tmp/log"
else
  echo "ok: stages $stages; Onboarding holds $touchpoints; moment of truth: $moment"
fi
exit $status
