#!/bin/sh
# save-faults.sh: a failed save must leave the old file byte-identical (RELIABILITY.md, P1).
#
#   save-faults.sh SAVE_TOOL EXAMPLE
#
# Produces real faults: a full disk (a 64 KiB tmpfs, in a mount namespace of our own), a
# read-only folder (as an unprivileged user, since root ignores permissions), and write,
# fsync and rename errors injected with strace, and an fsync error on the folder alone
# after the rename (GLib 2.74 ignored it: the save must fail and put the old file back). Each case checks that the tool reports the
# error, the document stays modified, the old bytes are unchanged, no temporary file is
# left behind, and the recovery snapshot written before the save (on a disk that works)
# is still there and loads (RELIABILITY.md: after a failure, keep the snapshot). Cases
# that cannot run here are skipped; with none run, exits 77 (skip).

set -u

tool=$1
example=$2
ran=0
failed=0

tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; umount "$tmp/full" 2>/dev/null; rm -rf "$tmp"' EXIT

fail () {
  echo "FAIL: $*"
  failed=1
}

# check NAME EXPECTED_STATUS STATUS DIR FILE ORIGINAL MESSAGE_FILE PATTERN
check () {
  name=$1 expected=$2 status=$3 dir=$4 file=$5 original=$6 messages=$7 pattern=$8

  ran=$((ran + 1))
  if [ "$status" != "$expected" ]; then
    fail "$name: save-tool exited with $status, expected $expected"
    sed 's/^/  /' "$messages"
  fi
  if ! cmp -s "$original" "$file"; then
    fail "$name: the old file was changed"
  fi
  leftovers=$(ls -A "$dir" | grep -v -x "$(basename "$file")")
  if [ -n "$leftovers" ]; then
    fail "$name: left behind: $leftovers"
  fi
  if [ -n "$pattern" ] && ! grep -q -- "$pattern" "$messages"; then
    fail "$name: the message does not say \"$pattern\":"
    sed 's/^/  /' "$messages"
  fi
  [ "$failed" = 0 ] && echo "ok - $name"
}

# check_snapshot NAME DIR: the failed save kept its recovery snapshot, alone in DIR, and
# it loads, holds the edit, and is still bound to the original the save left unchanged.
# Called before check, which prints the verdict.
check_snapshot () {
  name=$1 snapshots=$2

  found=$(ls -A "$snapshots" 2>/dev/null | tr '\n' ' ')
  count=$(ls -A "$snapshots" 2>/dev/null | grep -c '\.snapshot$')
  total=$(ls -A "$snapshots" 2>/dev/null | wc -l)
  if [ "$count" != 1 ] || [ "$total" != 1 ]; then
    fail "$name: expected one snapshot in the recovery folder, found: ${found:-nothing}"
  elif ! "$tool" --check-snapshot "$snapshots" >"$tmp/snapshot-check" 2>&1; then
    fail "$name: the snapshot does not load:"
    sed 's/^/  /' "$tmp/snapshot-check"
  elif ! grep -q '^file: bound$' "$tmp/snapshot-check"; then
    fail "$name: the snapshot is not bound to the unchanged original:"
    sed 's/^/  /' "$tmp/snapshot-check"
  fi
}

# 1. A full disk. Inside a private mount namespace (root, or a user namespace mapping us
#    to root), so that the mount is gone with the process: the script runs itself there.
full_disk () {
  mkdir -p "$tmp/full"
  if ! mount -t tmpfs -o size=64k tmpfs "$tmp/full" 2>/dev/null; then
    return 77
  fi
  cp "$example" "$tmp/full/doc.touchpoint"
  cp "$example" "$tmp/original"
  # The snapshot goes to a disk with room, as the state folder would be.
  "$tool" --grow 40 --snapshot-dir "$tmp/snapshots-full" "$example" "$tmp/full/doc.touchpoint" \
    >/dev/null 2>"$tmp/messages"
  status=$?
  check_snapshot "full disk" "$tmp/snapshots-full"
  check "full disk" 1 "$status" "$tmp/full" "$tmp/full/doc.touchpoint" "$tmp/original" \
    "$tmp/messages" "No space left on device. Free some space or save elsewhere."
  umount "$tmp/full"
  [ "$failed" = 0 ]
}

if [ "${SAVE_FAULTS_INSIDE:-}" = "full-disk" ]; then
  full_disk
  exit $?
fi

for unshare_args in "--mount" "--user --map-root-user --mount"; do
  # shellcheck disable=SC2086
  SAVE_FAULTS_INSIDE=full-disk unshare $unshare_args --propagation private \
    sh "$0" "$tool" "$example" >"$tmp/namespace.log" 2>&1
  status=$?
  cat "$tmp/namespace.log"
  case $status in
    0) ran=$((ran + 1)); break ;;
    77) ;;
    1) if grep -q '^FAIL' "$tmp/namespace.log"; then failed=1; ran=$((ran + 1)); break; fi ;;
  esac
done
[ "$ran" = 0 ] && echo "skip - full disk: cannot mount a tmpfs here"

# 2. A read-only folder, as a user whom permissions apply to.
mkdir "$tmp/readonly"
cp "$example" "$tmp/readonly/doc.touchpoint"
cp "$example" "$tmp/original"
chmod 755 "$tmp"
chmod 644 "$tmp/readonly/doc.touchpoint"
chmod 555 "$tmp/readonly"
if [ "$(id -u)" = 0 ]; then
  as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
else
  as_user=""
fi
# The unprivileged user must be able to run the tool and read the example: the build
# tree may sit in a folder only its owner can enter (mktemp -d makes such folders), so
# both are copied next to the test folder.
cp "$tool" "$tmp/save-tool"
cp "$example" "$tmp/example.touchpoint"
chmod 755 "$tmp/save-tool"
chmod 644 "$tmp/example.touchpoint"
# The state folder is that user's own, writable although the document's folder is not.
mkdir "$tmp/snapshots-readonly"
if [ -n "$as_user" ]; then
  chown 65534:65534 "$tmp/snapshots-readonly"
fi
if $as_user sh -c "test -x '$tmp/save-tool' && test -r '$tmp/example.touchpoint' && ! test -w '$tmp/readonly' && test -w '$tmp/snapshots-readonly'" 2>/dev/null; then
  $as_user "$tmp/save-tool" --snapshot-dir "$tmp/snapshots-readonly" "$tmp/example.touchpoint" \
    "$tmp/readonly/doc.touchpoint" >/dev/null 2>"$tmp/messages"
  status=$?
  check_snapshot "read-only folder" "$tmp/snapshots-readonly"
  check "read-only folder" 1 "$status" "$tmp/readonly" "$tmp/readonly/doc.touchpoint" \
    "$tmp/original" "$tmp/messages" "Permission denied. Save in a folder you can write to."
else
  echo "skip - read-only folder: no unprivileged user can run $tool here"
fi
chmod 755 "$tmp/readonly"

# 3. Injected faults, on the save only: the snapshot written before it must succeed (it
#    is what the user recovers from), so a run that stops before the save counts the calls
#    of the faulty kind it makes, and the fault starts with the next one.
# count_calls LOG NAME: how many NAME calls an strace log shows.
count_calls () {
  grep -c -E "^[0-9]+ +$2\(" "$1"
}

if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
  mkdir "$tmp/inject"
  # LeakSanitizer cannot work under ptrace: in a sanitizer build it would abort.
  asan_options="${ASAN_OPTIONS:-}:detect_leaks=0"
  for fault in "write:ENOSPC" "fsync:EIO" "rename:EIO" "dirfsync:EIO"; do
    syscall=${fault%%:*}
    errno_name=${fault#*:}
    cp "$example" "$tmp/inject/doc.touchpoint"
    rm -rf "$tmp/snapshots-inject" "$tmp/snapshots-count"

    ASAN_OPTIONS="$asan_options" strace -f -o "$tmp/count.log" \
      -e trace=write,fsync,fdatasync,rename,renameat,renameat2 \
      "$tool" --snapshot-dir "$tmp/snapshots-count" --no-save "$example" \
      "$tmp/inject/doc.touchpoint" >/dev/null 2>"$tmp/messages"
    status=$?
    if [ "$status" != 0 ]; then
      fail "injected $fault: counting run exited with $status"
      sed 's/^/  /' "$tmp/messages"
      continue
    fi
    # glibc may implement rename() with renameat or renameat2, and the writer exchanges
    # with renameat2 what it replaces: each counts its own calls, so each gets its own
    # injection, from its first call after the snapshot's.
    injects=""
    case $syscall in
      rename) candidates="rename renameat renameat2" ;;
      dirfsync) candidates="fsync" ;;
      *) candidates=$syscall ;;
    esac
    for candidate in $candidates; do
      before=$(count_calls "$tmp/count.log" "$candidate")
      if [ "$syscall" = dirfsync ]; then
        # The save's second fsync is the folder's, after the rename: only that one fails.
        inject="fsync:error=$errno_name:when=$((before + 2))"
      else
        inject="$candidate:error=$errno_name:when=$((before + 1))+"
      fi
      injects="$injects -e inject=$inject"
    done
    if [ "$(count_calls "$tmp/count.log" "${candidates%% *}")" = 0 ] && [ "$syscall" != rename ]; then
      fail "injected $fault: the snapshot was written without any ${candidates%% *} call:"
      sed 's/^/  /' "$tmp/count.log"
      continue
    fi

    # shellcheck disable=SC2086
    ASAN_OPTIONS="$asan_options" strace -f -o /dev/null $injects \
      "$tool" --snapshot-dir "$tmp/snapshots-inject" "$example" "$tmp/inject/doc.touchpoint" \
      >/dev/null 2>"$tmp/messages"
    status=$?
    # With write faults the message itself may not get out; the status and the file say
    # enough.
    case $syscall in
      fsync|dirfsync) pattern="Input/output error" ;;
      rename*) pattern="Input/output error" ;;
      *) pattern="" ;;
    esac
    check_snapshot "injected $fault" "$tmp/snapshots-inject"
    check "injected $fault ($injects )" 1 "$status" "$tmp/inject" "$tmp/inject/doc.touchpoint" "$example" \
      "$tmp/messages" "$pattern"
  done
else
  echo "skip - injected faults: strace is missing or not permitted"
fi

if [ "$failed" != 0 ]; then
  exit 1
fi
if [ "$ran" = 0 ]; then
  exit 77
fi
exit 0
