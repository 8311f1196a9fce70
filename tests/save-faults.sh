#!/bin/sh
# save-faults.sh: a failed save must leave the old file byte-identical (RELIABILITY.md, P1).
#
#   save-faults.sh SAVE_TOOL EXAMPLE
#
# Produces real faults: a full disk (a 64 KiB tmpfs, in a mount namespace of our own), a
# read-only folder (as an unprivileged user, since root ignores permissions), and write,
# fsync and rename errors injected with strace. Each case checks that the tool reports the
# error, the document stays modified, the old bytes are unchanged and no temporary file
# is left behind. Cases that cannot run here are skipped; with none run, exits 77 (skip).

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

# 1. A full disk. Inside a private mount namespace (root, or a user namespace mapping us
#    to root), so that the mount is gone with the process: the script runs itself there.
full_disk () {
  mkdir -p "$tmp/full"
  if ! mount -t tmpfs -o size=64k tmpfs "$tmp/full" 2>/dev/null; then
    return 77
  fi
  cp "$example" "$tmp/full/doc.touchpoint"
  cp "$example" "$tmp/original"
  "$tool" --grow 40 "$example" "$tmp/full/doc.touchpoint" >/dev/null 2>"$tmp/messages"
  status=$?
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
if $as_user sh -c "test -x '$tmp/save-tool' && test -r '$tmp/example.touchpoint' && ! test -w '$tmp/readonly'" 2>/dev/null; then
  $as_user "$tmp/save-tool" "$tmp/example.touchpoint" "$tmp/readonly/doc.touchpoint" >/dev/null 2>"$tmp/messages"
  status=$?
  check "read-only folder" 1 "$status" "$tmp/readonly" "$tmp/readonly/doc.touchpoint" \
    "$tmp/original" "$tmp/messages" "Permission denied. Save in a folder you can write to."
else
  echo "skip - read-only folder: no unprivileged user can run $tool here"
fi
chmod 755 "$tmp/readonly"

# 3. Injected faults.
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
  mkdir "$tmp/inject"
  for fault in "write:error=ENOSPC:when=2+" "fsync:error=EIO" "rename:error=EIO"; do
    cp "$example" "$tmp/inject/doc.touchpoint"
    # LeakSanitizer cannot work under ptrace: in a sanitizer build it would abort.
    ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -o /dev/null -e inject="$fault" \
      "$tool" "$example" "$tmp/inject/doc.touchpoint" >/dev/null 2>"$tmp/messages"
    status=$?
    # With write faults the message itself may not get out; the status and the file say
    # enough.
    case $fault in
      fsync*) pattern="Input/output error" ;;
      rename*) pattern="Input/output error" ;;
      *) pattern="" ;;
    esac
    check "injected $fault" 1 "$status" "$tmp/inject" "$tmp/inject/doc.touchpoint" "$example" \
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
