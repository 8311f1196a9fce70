#!/bin/sh
# export-faults.sh: an export written to its file as it is made (issue 16) leaves the old
# file byte-identical, and nothing beside it, when a write fails in the middle.
#
#   export-faults.sh TOUCHPOINT EXAMPLE
#
# The every-page PDF of the example goes out in several writes of the writer's buffer.
# A counting run (strace) finds the writes to the temporary file; then one of them, in
# the middle of the file, fails with ENOSPC, and in other runs the temporary file's fsync
# fails with EIO and the exchange (renameat2) with EIO. Each run must fail saying why,
# leave the old export as it was and leave no temporary file; nor may a run killed in
# the middle of the file. Without strace (or ptrace),
# exits 77.

set -u

touchpoint=$1
example=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
ran=0

fail () {
  echo "FAIL: $*"
  failed=1
}

if ! command -v strace >/dev/null 2>&1 || ! strace -f -o /dev/null true 2>/dev/null; then
  echo "skip - strace is missing or not permitted"
  exit 77
fi

# LeakSanitizer cannot work under ptrace.
asan_options="${ASAN_OPTIONS:-}:detect_leaks=0"
mkdir "$tmp/out"
old="$tmp/old.pdf"
printf '%s\n' "an older export" >"$old"

# A counting run, onto a file that was not there: which writes go to the temporary file.
ASAN_OPTIONS="$asan_options" strace -f -o "$tmp/count.log" -e trace=openat,write,fsync \
  "$touchpoint" --export="$tmp/out/count.pdf" "$example" >/dev/null 2>"$tmp/messages"
status=$?
if [ "$status" != 0 ]; then
  fail "counting run exited with $status"
  sed 's/^/  /' "$tmp/messages"
  exit 1
fi
# The temporary file's descriptor and the process that writes it: openat(DIR, ".",
# O_RDWR|O_CLOEXEC|O_TMPFILE…) = N where the file system makes unnamed files, otherwise
# openat(…, ".count.pdf.XXXXXX", O_RDWR|O_CREAT|O_EXCL…) = N. strace counts a process's
# calls on its own.
tmp_open='openat\((.*"\.count\.pdf\.[A-Za-z0-9]+".*O_CREAT|[0-9]+, "\.", .*O_TMPFILE)'
created=$(grep -E "^[0-9]+ +$tmp_open" "$tmp/count.log" | head -n 1)
tmp_pid=$(printf '%s\n' "$created" | sed -E 's/^([0-9]+) .*/\1/')
tmp_fd=$(printf '%s\n' "$created" | sed -E 's/.*= ([0-9]+)$/\1/')
# Ordinals (among that process's writes) of the writes to the temporary file.
ordinals=$(awk -v pid="$tmp_pid" -v fd="$tmp_fd" -v tmp_open="$tmp_open" '
  $1 != pid { next }
  $0 ~ tmp_open { created = 1 }
  / +write\(/ { n++; if (created && $0 ~ ("write\\(" fd ",")) print n }
' "$tmp/count.log")
writes=$(awk -v pid="$tmp_pid" '$1 == pid && / +write\(/' "$tmp/count.log" | wc -l)
count=$(printf '%s\n' "$ordinals" | grep -c .)
if [ -z "$tmp_fd" ] || [ "$count" -lt 2 ]; then
  fail "the export went out in $count writes to its temporary file (of $writes), expected several"
  sed 's/^/  /' "$tmp/count.log" | head -n 40
  exit 1
fi
middle=$(printf '%s\n' "$ordinals" | sed -n "$(( (count + 1) / 2 ))p")
echo "# the PDF went out in $count writes to its temporary file; write $middle of $writes fails"

# run NAME INJECT PATTERN: the export onto a copy of the old file, with strace's INJECT,
# fails saying PATTERN, keeps the old bytes and leaves nothing beside them. An empty
# PATTERN: INJECT kills the export, which says nothing and must leave the same.
run () {
  name=$1 inject=$2 pattern=$3
  ran=$((ran + 1))
  rm -rf "$tmp/out"
  mkdir "$tmp/out"
  cp "$old" "$tmp/out/export.pdf"
  ASAN_OPTIONS="$asan_options" strace -f -o /dev/null -e inject="$inject" \
    "$touchpoint" --export="$tmp/out/export.pdf" "$example" >/dev/null 2>"$tmp/messages"
  status=$?
  if [ -z "$pattern" ] && [ "$status" -le 1 ]; then
    fail "$name: exited with $status, was not killed"
  elif [ -n "$pattern" ] && [ "$status" != 1 ]; then
    fail "$name: exited with $status, expected 1"
    sed 's/^/  /' "$tmp/messages"
  elif ! grep -q -- "$pattern" "$tmp/messages"; then
    fail "$name: the message does not say \"$pattern\":"
    sed 's/^/  /' "$tmp/messages"
  elif ! cmp -s "$old" "$tmp/out/export.pdf"; then
    fail "$name: the old export was changed"
  elif [ "$(ls -A "$tmp/out")" != export.pdf ]; then
    fail "$name: left behind: $(ls -A "$tmp/out" | grep -v -x export.pdf)"
  else
    echo "ok - $name: ${pattern:+reported, }the old export kept, nothing left behind"
  fi
}

# The writes before the failing one are the same in this run: the same document, the
# same program, onto a name of the same length.
run "a write in the middle of the PDF fails (ENOSPC)" "write:error=ENOSPC:when=$middle" \
  "No space left on device. Free some space or export elsewhere."
run "the temporary file's fsync fails (EIO)" "fsync:error=EIO:when=1" \
  "Input/output error"
run "the exchange fails (EIO)" "renameat2:error=EIO" "Input/output error"
# Killed in the middle of the file (a crash, an impatient kill -9): a named temporary
# file would be left behind.
run "killed in the middle of the PDF" "write:signal=SIGKILL:when=$middle" ""

# Without a fault the export is made, in place of the old one.
rm -rf "$tmp/out"
mkdir "$tmp/out"
cp "$old" "$tmp/out/export.pdf"
"$touchpoint" --export="$tmp/out/export.pdf" "$example" >/dev/null 2>"$tmp/messages"
status=$?
if [ "$status" != 0 ] || ! head -c 5 "$tmp/out/export.pdf" | grep -q '%PDF-' ||
   [ "$(ls -A "$tmp/out")" != export.pdf ]; then
  fail "no fault: exited with $status, or the PDF is not there alone"
  sed 's/^/  /' "$tmp/messages"
else
  echo "ok - no fault: the PDF replaces the old export"
fi

[ "$ran" = 0 ] && exit 77
exit $failed
