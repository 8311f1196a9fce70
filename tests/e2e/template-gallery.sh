#!/bin/sh
# template-gallery.sh TOUCHPOINT: New from the gallery with real key and pointer events (issue 18).
#
# From the welcome page, as a facilitator would:
#   Ctrl+N        the gallery opens, the first card (the empty workshop) has the keyboard
#   End, Left     the card before the last: buying a laptop across channels
#   Enter         a new untitled workshop with that template's content
# The welcome page's window shows it, titled with the template's workshop title (not a
# file name: the document is not bound to the template's file); the template file is
# unchanged. Then with the pointer:
#   Ctrl+N        in the laptop workshop's window, the gallery again
#   a click       on the first card's preview (the empty workshop)
# opens the empty workshop as a new untitled document in a window of its own (the laptop
# workshop stays where it was).
#
# Runs under tests/with-display (its own Xvfb); exit 77 skips when xdotool is missing.
set -eu

app=$1
E2E_KEY_DELAY=150
E2E_KEY_PAUSE=0.5
. "$(dirname "$0")/lib.sh"
e2e_require xdotool

templates="$TP_SRCDIR/data/templates"
export TOUCHPOINT_TEMPLATE_PATH="$templates:$TP_SRCDIR/data/examples"
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state"
export XDG_CACHE_HOME="$tmp/cache"
before=$(cksum <"$templates/laptop-omnichannel.touchpoint")

"$app" >"$tmp/log" 2>&1 &
pid=$!

e2e_window "Touchpoint"
welcome=$win
sleep 1

keys ctrl+n
e2e_window "New Workshop"
sleep 1
keys End Left Return

e2e_window "Buying a laptop across channels"
# The welcome page's window took the workshop: no second window.
if [ "$win" != "$welcome" ]; then
  fail "the workshop opened in a new window instead of the welcome page's"
fi
# The gallery goes as the workshop opens; a slow run unmaps it a moment later.
wait_for 20 '! xdotool search --onlyvisible --name "New Workshop" >/dev/null 2>&1' ||
  fail "the gallery stayed open"
if [ "$(cksum <"$templates/laptop-omnichannel.touchpoint")" != "$before" ]; then
  fail "the template file changed"
fi
laptop=$win

# The pointer: a real click (xdotool moves the X pointer and presses its button) on the
# first card, the empty workshop, in a gallery opened over the laptop workshop.
xdotool windowfocus --sync "$laptop"
keys ctrl+n
e2e_window "New Workshop"
gallery=$win
sleep 1
xdotool mousemove --window "$gallery" 140 140 click 1
e2e_window "Untitled Workshop"
if [ "$win" = "$laptop" ]; then
  fail "the clicked template replaced the open laptop workshop"
fi
wait_for 20 '! xdotool search --onlyvisible --name "New Workshop" >/dev/null 2>&1' ||
  fail "the gallery stayed open after the click"
xdotool search --onlyvisible --name "Buying a laptop across channels" >/dev/null 2>&1 ||
  fail "the laptop workshop's window went away"

if grep -q "CRITICAL\|WARNING" "$tmp/log"; then
  fail "warnings on the way"
fi
echo "PASS: Ctrl+N, End, Left, Enter opened the laptop workshop as a new document; a click opened the empty one beside it"
