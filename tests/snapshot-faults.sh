#!/bin/sh
# snapshot-faults.sh: a recovery snapshot that cannot be written is reported (issue 16).
#
#   snapshot-faults.sh SNAPSHOT_TOOL EXAMPLE
#
# Injects ENOSPC into every write() of the process that writes the snapshot (strace), as
# a full state folder would: the snapshotter must report the failure with its reason, and
# leave no snapshot and no temporary file behind. Without strace (or ptrace), exits 77.

set -u

tool=$1
example=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

fail () {
  echo "FAIL: $*"
  failed=1
}

if ! command -v strace >/dev/null 2>&1 || ! strace -f -o /dev/null true 2>/dev/null; then
  echo "skip - strace is missing or not permitted"
  exit 77
fi

# Without a fault: one snapshot.
"$tool" "$tmp/ok" "$example" 2>"$tmp/messages"
status=$?
[ "$status" = 0 ] || fail "no fault: snapshot-tool exited with $status: $(cat "$tmp/messages")"
[ "$(ls "$tmp/ok" | grep -c '\.snapshot$')" = 1 ] || fail "no fault: no snapshot written"
[ "$failed" = 0 ] && echo "ok - no fault: a snapshot"

# Every write fails with ENOSPC. (The message itself cannot get out through a failing
# write: the status says it.) LeakSanitizer cannot work under ptrace.
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -o /dev/null \
  -e inject=write:error=ENOSPC "$tool" "$tmp/full" "$example" 2>"$tmp/messages"
status=$?
case $status in
  4) ;;
  5) fail "ENOSPC: the snapshot failed and the snapshotter does not say why" ;;
  *) fail "ENOSPC: snapshot-tool exited with $status, expected 4" ;;
esac
left=$(ls -A "$tmp/full" 2>/dev/null | grep -v -x session)
[ -z "$left" ] || fail "ENOSPC: left behind: $left"
[ "$failed" = 0 ] && echo "ok - injected write ENOSPC: reported, nothing left behind"

exit $failed
