#!/bin/sh
# recovery.sh TOUCHPOINT: nothing is lost when the app is killed (issue 9, P2).
#
# Runs the real app on a private Xvfb (tests/with-display, which also gives it a state
# folder of its own), types with real key events, and ends it the hard ways:
#   1. kill -9 after an edit and past the snapshot delay; the next start asks, Recover
#      (Return) opens the edit, bound to its file: Ctrl+S writes it there.
#   2. SIGTERM right after an edit (before the delay): the app writes a snapshot and
#      quits; the next start asks again; Decide Later (Escape) keeps the snapshot and
#      opens the file asked for; at the start after, Discard (a click) removes it.
#   3. kill -9, then another program changes the file: the recovered workshop opens
#      without a file, so Ctrl+S asks where to save, and the file is left as it is.
#   4. A new workshop never saved: recovered too, as a draft.
#   5. The snapshot cannot be written (issue 16): a regular file where the recovery folder
#      should be, and, where a mount namespace can be had, a full disk (a 64 KiB tmpfs);
#      SIGTERM then makes the app say on stderr what it could not keep, and exit with 3.
#
# Exit 77 skips when xdotool or base64 is missing.
set -eu

app=$1
srcdir=${TP_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
slow=${TP_TEST_SLOWDOWN:-1}

for tool in xdotool base64; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed"
    exit 77
  fi
done

tmp=$(mktemp -d)
export XDG_STATE_HOME="$tmp/state"
recovery="$XDG_STATE_HOME/io.github.touchpoint.Touchpoint/recovery"
pid=
cleanup () {
  if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

fail () {
  echo "FAIL: $*"
  echo "--- app log"; cat "$tmp/log" 2>/dev/null || true
  echo "--- windows"; for w in $(xdotool search --onlyvisible --name . 2>/dev/null); do xdotool getwindowname "$w"; done
  exit 1
}

doc="$tmp/shop.touchpoint"
cp "$srcdir/data/examples/online-electronics-shop.touchpoint" "$doc"

start_app () {
  "$app" "$@" >>"$tmp/log" 2>&1 &
  pid=$!
}

# find_window REGEX: the visible window whose name matches, waited for, in $found (not
# printed: fail must not run in a subshell).
find_window () {
  found=$(timeout $((30 * slow)) xdotool search --sync --onlyvisible --name "$1" 2>/dev/null | head -n 1) || true
  [ -n "$found" ] || fail "no window named '$1' appeared"
}

# No window manager here: give the window the keyboard ourselves, and let it settle.
focus () {
  xdotool windowfocus --sync "$1"
  xdotool mousemove --window "$1" 5 5
  sleep $((1 * slow))
}

keys () { xdotool key --clearmodifiers --delay 120 "$@"; sleep 0.3; }
text () { xdotool type --clearmodifiers --delay 40 "$1"; sleep 0.3; }

count_snapshots () {
  find "$recovery" -maxdepth 1 -name '*.snapshot' 2>/dev/null | wc -l
}

# The documents the snapshots hold, as XML.
snapshot_documents () {
  for f in "$recovery"/*.snapshot; do
    [ -f "$f" ] && sed -n 's/^Document=//p' "$f" | base64 -d
  done
  return 0
}

# wait_for DESCRIPTION COMMAND…: until COMMAND succeeds, for up to 20 s (times slow).
wait_for () {
  what=$1; shift
  i=0
  until "$@"; do
    i=$((i + 1))
    [ $i -lt $((200 * slow)) ] || fail "timed out waiting for $what"
    sleep 0.1
  done
}

snapshot_has () { snapshot_documents | grep -q -F "$1"; }
no_snapshots () { [ "$(count_snapshots)" = 0 ]; }
exited () { ! kill -0 "$pid" 2>/dev/null; }
file_has () { grep -q -F "$1" "$doc"; }

# capture TEXT: a note with TEXT at the end of Channels, typed as a facilitator would.
capture () {
  keys alt+3
  keys Return
  text "$1"
  keys Escape
}

quit_app () {
  keys ctrl+q
  wait_for "the app to quit" exited
  wait "$pid" 2>/dev/null || true
  pid=
}

# 1. kill -9 ------------------------------------------------------------------------
start_app "$doc"
find_window '^shop\.touchpoint$'; win=$found
focus "$win"
capture "Recovered after a kill"
find_window '^• shop\.touchpoint$'
# Nothing at once (a snapshot per key would be too many), then within the delay.
wait_for "a snapshot with the edit" snapshot_has "Recovered after a kill"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
pid=
cmp -s "$doc" "$srcdir/data/examples/online-electronics-shop.touchpoint" ||
  fail "the file changed although it was never saved"

start_app
find_window '^Touchpoint Closed Unexpectedly$'; dialog=$found
focus "$dialog"
keys Return
find_window '^• shop\.touchpoint$'; win=$found
focus "$win"
keys ctrl+s
wait_for "the recovered edit in the file" file_has "Recovered after a kill"
wait_for "the snapshot to go once saved" no_snapshots
echo "ok 1 - kill -9: recovered, bound to its file, saved"
quit_app

# 2. SIGTERM, Decide Later, Discard ---------------------------------------------------
before=$(cksum <"$doc")
start_app "$doc"
find_window '^shop\.touchpoint$'; win=$found
focus "$win"
capture "Kept by SIGTERM"
# Keys still queued when the signal comes are lost with the app, as they would be for
# anyone: let it take them in first, staying well within the snapshot delay (3 s) in a
# normal build, so that the snapshot is the one the signal writes.
find_window '^• shop\.touchpoint$'
sleep "$slow"
kill -TERM "$pid"
wait_for "the app to quit on SIGTERM" exited
status=0; wait "$pid" 2>/dev/null || status=$?
pid=
[ "$status" = 0 ] || fail "SIGTERM: the app exited with $status"
snapshot_has "Kept by SIGTERM" || fail "SIGTERM: no snapshot with the edit"
[ "$(cksum <"$doc")" = "$before" ] || fail "SIGTERM: the file was changed"
echo "ok 2 - SIGTERM: a snapshot, then quit"

start_app "$doc"
# The session ended cleanly, so this start does not speak of a crash.
find_window '^Recover Unsaved Workshops\?$'; dialog=$found
focus "$dialog"
keys Escape
find_window '^shop\.touchpoint$'; win=$found
[ "$(count_snapshots)" = 1 ] || fail "Decide Later: the snapshot is gone"
echo "ok 3 - Decide Later keeps the snapshot and opens the file asked for"
focus "$win"
quit_app

start_app
find_window '^Recover Unsaved Workshops\?$'; dialog=$found
# A real click on Discard, the middle of the dialog's three buttons along its bottom edge,
# once the dialog has taken its final size (a loaded machine maps it before it is laid
# out, and the click would land on nothing).
sleep "$slow"
eval "$(xdotool getwindowgeometry --shell "$dialog")"
xdotool mousemove --window "$dialog" $((WIDTH / 2)) $((HEIGHT - 22)) click 1
wait_for "Discard to remove the snapshot" no_snapshots
find_window '^Touchpoint$'; win=$found
echo "ok 4 - Discard removes the snapshot"
focus "$win"
quit_app

# 3. The file changed since ----------------------------------------------------------
start_app "$doc"
find_window '^shop\.touchpoint$'; win=$found
focus "$win"
capture "Made before someone else saved"
wait_for "a snapshot with the edit" snapshot_has "Made before someone else saved"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
pid=
sed -i 's/Volt — online electronics shop/Volt, as edited elsewhere/' "$doc"
before=$(cksum <"$doc")

start_app
find_window '^Touchpoint Closed Unexpectedly$'; dialog=$found
focus "$dialog"
keys Return
# Without a file the title is the workshop's own.
find_window '^• Volt — online electronics shop$'; win=$found
focus "$win"
keys ctrl+s
find_window '^Save Workshop$'
[ "$(cksum <"$doc")" = "$before" ] || fail "the other program's version was overwritten"
echo "ok 5 - changed since: recovered without a file, the other version kept"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=
rm -f "$recovery"/*.snapshot

# 4. Never saved ----------------------------------------------------------------------
start_app
find_window '^Touchpoint$'; win=$found
focus "$win"
keys ctrl+n
# New shows the gallery of templates; its first card, the empty workshop, has the keyboard.
find_window '^New Workshop$'; focus "$found"
keys Return
find_window 'Untitled Workshop$'; win=$found
# No window manager gives the keyboard back when the gallery closes: give it, as one would.
focus "$win"
# A new workshop starts with the keyboard in its title.
text "A workshop never saved"
wait_for "a snapshot of the new workshop" snapshot_has "A workshop never saved"
grep -q '^File=' "$recovery"/*.snapshot && fail "a never-saved workshop's snapshot names a file"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
pid=

start_app
find_window '^Touchpoint Closed Unexpectedly$'; dialog=$found
focus "$dialog"
keys Return
find_window '^• A workshop never saved$'; win=$found
echo "ok 6 - a never-saved workshop is recovered as a draft"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=
rm -f "$recovery"/*.snapshot

# 5. The snapshot cannot be written ------------------------------------------------
# sigterm_unprotected NAME PATTERN [WRAPPER…]: an edit, SIGTERM before the delay, and the
# app must say on stderr that the edit could not be kept, why (PATTERN), and exit with 3.
sigterm_unprotected () {
  name=$1 pattern=$2; shift 2
  : >"$tmp/log"
  "$@" "$app" "$doc" >>"$tmp/log" 2>&1 &
  pid=$!
  find_window '^shop\.touchpoint$'; win=$found
  focus "$win"
  capture "Lost to a $name"
  find_window '^• shop\.touchpoint$'
  sleep "$slow"
  kill -TERM "$pid"
  wait_for "the app to quit on SIGTERM" exited
  status=0; wait "$pid" 2>/dev/null || status=$?
  pid=
  [ "$status" = 3 ] || fail "$name: the app exited with $status, not 3"
  grep -q "could not be kept for recovery.*$pattern" "$tmp/log" ||
    fail "$name: stderr does not say what was lost and why ($pattern)"
  echo "ok - $name: SIGTERM reports the snapshot it could not write"
}

rm -rf "$recovery"
: >"$recovery"
# (Its reason is the atomic writer's, which speaks of a folder that does not exist.)
sigterm_unprotected "state folder that is a file" "recovery"
rm -f "$recovery"
mkdir -p "$recovery"

# A real full disk, in a mount namespace of the app's own (root, or a user namespace
# mapping us to root), so that the mount goes with it.
cat >"$tmp/full-disk" <<'SCRIPT'
#!/bin/sh
mount -t tmpfs -o size=64k tmpfs "$RECOVERY" || exit 77
dd if=/dev/zero of="$RECOVERY/filler" bs=4096 2>/dev/null
exec "$@"
SCRIPT
chmod +x "$tmp/full-disk"
for unshare_args in "--mount" "--user --map-root-user --mount"; do
  # shellcheck disable=SC2086
  if unshare $unshare_args --propagation private true 2>/dev/null; then
    export RECOVERY="$recovery"
    # shellcheck disable=SC2086
    sigterm_unprotected "full disk" "No space left on device" \
      unshare $unshare_args --propagation private "$tmp/full-disk"
    break
  fi
done

exit 0
