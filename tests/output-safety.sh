#!/bin/sh
# output-safety.sh: saves and exports write only where the kernel would let an open()
# write, never replace what is not a file of ours to replace, and never overwrite a
# version they have not seen (issue 16, findings 1 and 3 and the small ones of 10).
#
#   output-safety.sh TOUCHPOINT SAVE_TOOL THUMBNAILER EXAMPLE
#
# Real faults in a temporary folder: symbolic links (one planted by another user in a
# sticky world-writable folder, acting as that user with setpriv), a FIFO, a device node
# (mknod as root, else a link to /dev/null), a folder, a write-protected file, a file of
# another user, a hard link, over-long names, a dangling link; two real processes saving
# one file at once (the first held in its rename by strace); the thumbnailer's time limit
# firing in the middle of its write (a SIGALRM delivered by strace on its fsync). Each
# case checks the exit status, the message, what is left at the output and that nothing
# else is left beside it. Cases that cannot run here say so; with none run, exits 77.

set -u

touchpoint=$1
tool=$2
thumbnailer=$3
example=$4
ran=0
failed=0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"

fail () {
  echo "FAIL: $*"
  failed=1
}

pass () {
  ran=$((ran + 1))
  echo "ok - $1"
}

# Acting as another user needs root and setpriv.
other_user=""
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
  other_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi

# The unprivileged user must be able to run the programs and read the example: the build
# tree may sit in a folder only its owner can enter, so they are copied here.
# touchpoint becomes the executable beside it that its command line needs (src/main.c).
for exe in touchpoint touchpoint-cli touchpoint-validate; do
  cp "$(dirname "$touchpoint")/$exe" "$tmp/$exe"
  chmod 755 "$tmp/$exe"
done
cp "$tool" "$tmp/save-tool"
cp "$example" "$tmp/example.touchpoint"
chmod 755 "$tmp/save-tool"
chmod 644 "$tmp/example.touchpoint"
touchpoint=$tmp/touchpoint
tool=$tmp/save-tool
example=$tmp/example.touchpoint

# export AS_USER OUT: exports the example's gap table to OUT (as AS_USER, a command
# prefix, if not empty); the status in $status, the messages in $tmp/messages.
export_table () {
  # shellcheck disable=SC2086
  $1 "$touchpoint" --export="$2" --table=gaps "$example" >/dev/null 2>"$tmp/messages"
  status=$?
}

# expect_refusal NAME PATTERN: the last export failed (status 1) saying PATTERN.
expect_refusal () {
  if [ "$status" != 1 ]; then
    fail "$1: exited with $status, expected 1"
    sed 's/^/  /' "$tmp/messages"
    return 1
  fi
  if ! grep -q -- "$2" "$tmp/messages"; then
    fail "$1: the message does not say \"$2\":"
    sed 's/^/  /' "$tmp/messages"
    return 1
  fi
  return 0
}

# only DIR NAME...: DIR holds exactly NAMEs (no temporary file left beside them).
only () {
  dir=$1
  shift
  expected=$(printf '%s\n' "$@" | sort)
  found=$(ls -A "$dir" | sort)
  [ "$expected" = "$found" ]
}

old_table="old,table"

# 1. Links.
mkdir "$tmp/shared"
chmod 1777 "$tmp/shared"
printf '%s\n' "secret" >"$tmp/private.csv"
chmod 600 "$tmp/private.csv"
if [ -n "$other_user" ]; then
  $other_user ln -s "$tmp/private.csv" "$tmp/shared/planted.csv"
  export_table "" "$tmp/shared/planted.csv"
  if expect_refusal "planted link" "symbolic link that another user left in a shared folder"; then
    if [ "$(cat "$tmp/private.csv")" != secret ] || [ ! -L "$tmp/shared/planted.csv" ] ||
       ! only "$tmp/shared" planted.csv; then
      fail "planted link: the private file or the link was changed"
    else
      pass "a link another user planted in a sticky folder is not followed"
    fi
  fi

  # A file another user put there under the name is not replaced either (the kernel's
  # protected_regular): it would receive our content.
  $other_user sh -c "printf '%s\n' '$old_table' >'$tmp/shared/theirs.csv'"
  export_table "" "$tmp/shared/theirs.csv"
  if expect_refusal "another user's file" "belongs to another user in a shared folder"; then
    if [ "$(cat "$tmp/shared/theirs.csv")" != "$old_table" ]; then
      fail "another user's file: it was changed"
    else
      pass "another user's file in a sticky folder is not replaced"
    fi
  fi
else
  echo "skip - links planted by another user: needs root and setpriv"
fi

# Our own link in the same folder is followed: the link stays, its target is replaced.
printf '%s\n' "$old_table" >"$tmp/mine.csv"
ln -s ../mine.csv "$tmp/shared/mine.csv"
export_table "" "$tmp/shared/mine.csv"
if [ "$status" != 0 ]; then
  fail "own link: exited with $status"
  sed 's/^/  /' "$tmp/messages"
elif [ ! -L "$tmp/shared/mine.csv" ] || [ "$(cat "$tmp/mine.csv")" = "$old_table" ]; then
  fail "own link: the link was replaced, or its target was not"
else
  pass "our own link is followed and kept"
fi
rm -f "$tmp/shared/mine.csv" "$tmp/shared/planted.csv" "$tmp/shared/theirs.csv"

# A link (of ours) to a file we may not write, in a folder we may not write: refused
# before any temporary file is tried there (strace shows no such creation).
if [ -n "$other_user" ] && command -v strace >/dev/null 2>&1; then
  mkdir "$tmp/rootonly" "$tmp/user"
  printf '%s\n' "$old_table" >"$tmp/rootonly/file.csv"
  chmod 644 "$tmp/rootonly/file.csv"
  chown 65534:65534 "$tmp/user"
  $other_user ln -s "$tmp/rootonly/file.csv" "$tmp/user/out.csv"
  # LeakSanitizer cannot work under ptrace: in a sanitizer build it would abort.
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" \
    $other_user strace -f -y -o "$tmp/user/trace" -e trace=open,openat,creat \
      "$touchpoint" --export="$tmp/user/out.csv" --table=gaps "$example" >/dev/null \
      2>"$tmp/messages"
  status=$?
  if expect_refusal "link to a root file" "Permission denied"; then
    # Named (O_CREAT) or unnamed (O_TMPFILE on the folder's descriptor, which -y names).
    tried='(O_CREAT.*file\.csv\.|rootonly>, "\.", .*O_TMPFILE)'
    if grep -q -E "$tried" "$tmp/user/trace"; then
      fail "link to a root file: a temporary file was tried beside the target:"
      grep -E "$tried" "$tmp/user/trace" | sed 's/^/  /'
    elif [ "$(cat "$tmp/rootonly/file.csv")" != "$old_table" ]; then
      fail "link to a root file: the file was changed"
    else
      pass "a link to a file we may not write is refused without trying its folder"
    fi
  fi
  rm -rf "$tmp/rootonly" "$tmp/user"
else
  echo "skip - link to a root file: needs root, setpriv and strace"
fi

# A dangling link whose folder is missing says so, naming the link's target.
mkdir "$tmp/dangling"
ln -s "$tmp/nowhere/out.csv" "$tmp/dangling/out.csv"
export_table "" "$tmp/dangling/out.csv"
if expect_refusal "dangling link" "it is a link to “$tmp/nowhere/out.csv”, whose folder does not exist"; then
  pass "a dangling link's message names where it points"
fi

# 2. What is not a regular file is refused, and left as it was.
# expect_special WHAT TEST PATTERN: exporting onto $tmp/special/out.csv (WHAT, which
# `test TEST` recognises) is refused saying PATTERN, and it is left alone there.
expect_special () {
  export_table "" "$tmp/special/out.csv"
  if expect_refusal "$1" "$3"; then
    if ! test "$2" "$tmp/special/out.csv" || ! only "$tmp/special" out.csv; then
      fail "$1: it was replaced, or something was left beside it"
    else
      pass "a $1 at the output is refused"
    fi
  fi
  rm -f "$tmp/special/out.csv"
}

mkdir "$tmp/special"
mkfifo "$tmp/special/out.csv"
expect_special "FIFO" -p "named pipe (FIFO)"

if mknod "$tmp/special/out.csv" c 1 3 2>/dev/null; then
  expect_special "device node" -c "there is a device of that name"
else
  ln -s /dev/null "$tmp/special/out.csv"
  expect_special "link to /dev/null" -c "there is a device of that name"
fi

mkdir "$tmp/special/out.csv"
export_table "" "$tmp/special/out.csv"
if expect_refusal "folder" "there is a folder of that name"; then
  pass "a folder at the output is refused"
fi
rmdir "$tmp/special/out.csv"

# 3. Modes, owners and names of what is replaced.
mkdir "$tmp/owners"
printf '%s\n' "$old_table" >"$tmp/owners/protected.csv"
chmod 444 "$tmp/owners/protected.csv"
export_table "" "$tmp/owners/protected.csv"
if expect_refusal "write-protected" "the file is write-protected"; then
  if [ "$(cat "$tmp/owners/protected.csv")" != "$old_table" ] ||
     [ "$(stat -c %a "$tmp/owners/protected.csv")" != 444 ]; then
    fail "write-protected: the file was changed"
  else
    pass "a write-protected file is not replaced"
  fi
fi

printf '%s\n' "$old_table" >"$tmp/owners/linked.csv"
ln "$tmp/owners/linked.csv" "$tmp/owners/other-name.csv"
export_table "" "$tmp/owners/linked.csv"
if expect_refusal "hard link" "has 2 names (hard links)"; then
  if [ "$(stat -c %h "$tmp/owners/linked.csv")" != 2 ] ||
     [ "$(cat "$tmp/owners/other-name.csv")" != "$old_table" ]; then
    fail "hard link: the names were separated or changed"
  else
    pass "a file with two names is not split"
  fi
fi

printf '%s\n' "$old_table" >"$tmp/owners/kept.csv"
chmod 640 "$tmp/owners/kept.csv"
if [ -n "$other_user" ]; then
  chown 65534:65534 "$tmp/owners/kept.csv"
  expected_owner="65534:65534 640"
else
  expected_owner="$(id -u):$(id -g) 640"
fi
export_table "" "$tmp/owners/kept.csv"
owner=$(stat -c '%u:%g %a' "$tmp/owners/kept.csv")
if [ "$status" != 0 ]; then
  fail "owner and mode: exited with $status"
  sed 's/^/  /' "$tmp/messages"
elif [ "$owner" != "$expected_owner" ] || [ "$(cat "$tmp/owners/kept.csv")" = "$old_table" ]; then
  fail "owner and mode: $owner after the export, expected $expected_owner and new content"
else
  pass "a replaced file keeps its owner and mode ($owner)"
fi

if [ -n "$other_user" ]; then
  mkdir "$tmp/userdir"
  chown 65534:65534 "$tmp/userdir"
  printf '%s\n' "$old_table" >"$tmp/userdir/roots.csv"
  chmod 666 "$tmp/userdir/roots.csv"
  export_table "$other_user" "$tmp/userdir/roots.csv"
  if expect_refusal "owner not kept" "belongs to another user, and replacing it would make it yours"; then
    if [ "$(stat -c %u "$tmp/userdir/roots.csv")" != 0 ] ||
       [ "$(cat "$tmp/userdir/roots.csv")" != "$old_table" ] ||
       ! only "$tmp/userdir" roots.csv; then
      fail "owner not kept: the file was replaced, or something left beside it"
    else
      pass "a file whose owner cannot be kept is not replaced"
    fi
  fi
else
  echo "skip - owner not kept: needs root and setpriv"
fi

# 4. Names as long as a folder allows work (the temporary name fits); longer ones say so.
mkdir "$tmp/names"
long=$(printf 'n%.0s' $(seq 251))
export_table "" "$tmp/names/$long.csv"
if [ "$status" != 0 ]; then
  fail "a 255-byte name: exited with $status"
  sed 's/^/  /' "$tmp/messages"
elif ! only "$tmp/names" "$long.csv"; then
  fail "a 255-byte name: something was left beside it"
else
  pass "a 255-byte name is written"
fi
export_table "" "$tmp/names/n$long.csv"
if expect_refusal "a 256-byte name" "File name too long. Choose a shorter name."; then
  pass "a name too long says so"
fi

# A missing input says that it is missing.
"$touchpoint" --export="$tmp/names/x.csv" --table=gaps "$tmp/missing.touchpoint" \
  >/dev/null 2>"$tmp/messages"
status=$?
if expect_refusal "missing input" "missing.touchpoint: There is no such file"; then
  pass "a missing input says so"
fi

# 5. Two savers of one file: the first is held in its rename while the second saves. The
#    second must not overwrite the version it has not seen: it fails, keeping its
#    snapshot; the first's edit is on disk.
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
  mkdir "$tmp/race"
  cp "$example" "$tmp/race/doc.touchpoint"
  asan_options="${ASAN_OPTIONS:-}:detect_leaks=0"
  ASAN_OPTIONS="$asan_options" strace -f -o /dev/null \
    -e inject=rename,renameat,renameat2:delay_enter=1500000 \
    "$tool" --note "First saver" --snapshot-dir "$tmp/snapshots-first" "$example" \
    "$tmp/race/doc.touchpoint" >/dev/null 2>"$tmp/first-messages" &
  first=$!
  # Until the first saver's temporary file is there: it is writing (and, with the fix,
  # holds the file's lock).
  while only "$tmp/race" doc.touchpoint && kill -0 "$first" 2>/dev/null; do
    sleep 0.05
  done
  "$tool" --note "Second saver" --snapshot-dir "$tmp/snapshots-second" "$example" \
    "$tmp/race/doc.touchpoint" >/dev/null 2>"$tmp/messages"
  status=$?
  wait "$first"
  first_status=$?
  if [ "$first_status" != 0 ]; then
    fail "two savers: the first exited with $first_status"
    sed 's/^/  /' "$tmp/first-messages"
  elif expect_refusal "two savers: the second" "was changed by another program since it was opened"; then
    if ! grep -q "First saver" "$tmp/race/doc.touchpoint" ||
       grep -q "Second saver" "$tmp/race/doc.touchpoint"; then
      fail "two savers: the file does not hold the first saver's edit alone"
    elif ! "$tool" --note "Second saver" --check-snapshot "$tmp/snapshots-second" >/dev/null 2>&1; then
      fail "two savers: the second saver's snapshot is gone"
    elif ! only "$tmp/race" doc.touchpoint; then
      fail "two savers: something was left beside the file"
    else
      pass "of two savers of one file, the second is refused and keeps its snapshot"
    fi
  fi
else
  echo "skip - two savers: strace is missing or not permitted"
fi

# 6. The thumbnailer's time limit firing while it writes (SIGALRM on its fsync) leaves no
#    temporary file: the output is whole, or not there.
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
  mkdir "$tmp/thumbnails"
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -o /dev/null \
    -e inject=fsync:signal=ALRM "$thumbnailer" -s 64 "$example" "$tmp/thumbnails/out.png" \
    >/dev/null 2>"$tmp/messages"
  status=$?
  leftovers=$(ls -A "$tmp/thumbnails" | grep -v -x out.png)
  if [ -n "$leftovers" ]; then
    fail "thumbnailer alarm: left behind: $leftovers"
  elif [ -e "$tmp/thumbnails/out.png" ] && ! head -c 8 "$tmp/thumbnails/out.png" | grep -q PNG; then
    fail "thumbnailer alarm: out.png is not a PNG"
  else
    pass "the thumbnailer's alarm during its write leaves nothing behind (status $status)"
  fi
else
  echo "skip - thumbnailer alarm: strace is missing or not permitted"
fi

if [ "$failed" != 0 ]; then
  exit 1
fi
if [ "$ran" = 0 ]; then
  exit 77
fi
exit 0
