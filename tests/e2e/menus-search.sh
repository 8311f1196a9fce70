#!/bin/sh
# menus-search.sh TOUCHPOINT: context menus, search and damaged files with real pointer
# and key events.
#
# On a copy of a small document holding a canvas note and a purple value-chain note:
#   right-click the purple note (found on screen by its colour), choose Delete from the
#   menu, Ctrl+S                   the file no longer has it
#   Ctrl+Z, Ctrl+S                 it is back (the undo the toast offers)
#   Ctrl+1, Ctrl+= (the value chain out of view), Ctrl+F, "pick-pack", Return, Escape
#                                  the purple note is on screen again
#   touchpoint DAMAGED             (a second start, handed to the running one) no
#                                  window is left for it, a message is, and the recent
#                                  list does not have it
#
# Runs under tests/with-display (its own Xvfb); exit 77 skips when xdotool, xmllint or
# ImageMagick is missing.
set -eu

app=$1

. "$(dirname "$0")/lib.sh"
e2e_require xdotool xmllint import convert

XDG_DATA_HOME="$tmp/data"
export XDG_DATA_HOME
mkdir -p "$XDG_DATA_HOME"

doc="$tmp/menus-search.touchpoint"
cat >"$doc" <<'DOC'
<?xml version="1.0" encoding="UTF-8"?>
<touchpoint xmlns="https://touchpoint.github.io/ns/1" version="1.0">
  <meta>
    <title>Menus and search</title>
  </meta>
  <canvas>
    <block kind="channels">
      <note id="n1" colour="yellow" evidence="validated">Online shop</note>
    </block>
  </canvas>
  <value-chain>
    <area kind="operations">
      <note id="n2" colour="purple" evidence="validated">Pick-pack under 2 hours</note>
    </area>
  </value-chain>
</touchpoint>
DOC
"$app" --validate "$doc"

E2E_KEY_PAUSE=0
e2e_start "$app" "$doc" "menus-search"

notes () { xmllint --xpath "count(//*[local-name()='note'][@id='$1'])" "$doc"; }

# Where the purple note's fill (#dc8add, the light theme's purple) is on the board: "X Y"
# of its first pixel on screen, or nothing. No window manager: the window is at the screen's
# origin, so screen and window coordinates agree.
purple_at () {
  import -window root "$tmp/shot.png"
  [ -z "${TP_E2E_SHOTS:-}" ] || cp "$tmp/shot.png" "$TP_E2E_SHOTS/menus-search-$(date +%s%N).png"
  # The board only (the window is 1280 wide, the inspector its right 320 pixels, whose
  # text box takes the selected note's colour), below the header bar.
  convert "$tmp/shot.png" -crop 900x640+0+60 +repage txt:- | grep -i -m 1 '#DC8ADD' |
    sed 's/^\([0-9]*\),\([0-9]*\):.*/\1 \2/' | { read -r px py && echo "$px $((py + 60))"; } || true
}

# The whole board: both regions in view.
keys ctrl+0
# A slow (sanitized, loaded) run draws the zoomed board a while after the key.
wait_for 20 '[ -n "$(purple_at)" ]' || fail "the purple note is not on screen after Ctrl+0"
at=$(purple_at)
set -- $at
# Inside the note, clear of its edge.
x=$(($1 + 12)); y=$(($2 + 12))

# Right-click: the menu of the note. Its last item is Delete: Up from the top wraps to
# it.
xdotool mousemove "$x" "$y" click 3
sleep 1
keys Up Return
sleep 0.5
wait_for 10 modified || fail "Delete from the context menu changed nothing (title: '$(title)')"
keys ctrl+s
wait_for 15 '[ "$(notes n2)" = 0 ] && ! modified' || fail "the saved file still has the note"
[ "$(notes n1)" = 1 ] || fail "the other note went too"

keys ctrl+z
wait_for 10 modified || fail "undo did nothing"
keys ctrl+s
wait_for 15 '[ "$(notes n2)" = 1 ] && ! modified' || fail "undo did not bring the note back"

# The canvas, closer: the value chain's note leaves the view.
xdotool mousemove --window "$win" 5 5
keys ctrl+1
wait_for 20 '[ -z "$(purple_at)" ]' || fail "the purple note is still in view after Ctrl+1"
keys ctrl+f
sleep 0.5
text "pick-pack"
keys Return
sleep 1
keys Escape
wait_for 20 '[ -n "$(purple_at)" ]' || fail "the search did not bring the note into view"

# A damaged file, opened from outside: handed to the running instance.
bad="$tmp/damaged.touchpoint"
printf '<?xml version="1.0"?>\n<touchpoint xmlns="https://touchpoint.github.io/ns/1" version="1.0">\n  <meta><title>Oops</meta>\n' >"$bad"
"$app" "$bad" >>"$tmp/log" 2>&1 || true
sleep 2
# The message is a dialog over the document's window; no window is left that was made
# for the file (titled with its name while loading, "Touchpoint" on an error page).
wait_for 10 '[ -n "$(xdotool search --onlyvisible --name "Could Not Open" 2>/dev/null)" ]' ||
  fail "no message about the damaged file appeared"
wait_for 20 '[ -z "$(xdotool search --onlyvisible --name "^(damaged\.touchpoint|Touchpoint)$" 2>/dev/null)" ]' ||
  fail "a window for the damaged file is left"
import -window root "$tmp/shot.png"
[ -z "${TP_E2E_SHOTS:-}" ] || cp "$tmp/shot.png" "$TP_E2E_SHOTS/menus-search-damaged.png"
if [ -f "$XDG_DATA_HOME/recently-used.xbel" ] && grep -q damaged "$XDG_DATA_HOME/recently-used.xbel"; then
  fail "the damaged file is in the recent list"
fi

echo "PASS"
