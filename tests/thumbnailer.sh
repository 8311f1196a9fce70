#!/bin/sh
# thumbnailer.sh THUMBNAILER: the file manager's previews, as GNOME's thumbnail service
# runs them (data/touchpoint.thumbnailer): -s SIZE INPUT-URI OUTPUT.
#
# The larger side of the PNG is SIZE for the example at several sizes, from a path and
# from a file:// URI; damaged or foreign files and bad usage fail with the documented
# exit status, one line on stderr, and no PNG.
set -eu

thumbnailer=$1
srcdir=${TP_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
example="$srcdir/data/examples/online-electronics-shop.touchpoint"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail () { echo "FAIL: $*"; status=1; }

larger_side () {
  python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); assert d[:8]==b"\x89PNG\r\n\x1a\n"; print(max(struct.unpack(">II", d[16:24])))' "$1"
}

for size in 64 128 256 512; do
  "$thumbnailer" -s "$size" "file://$example" "$tmp/t$size.png" || fail "size $size failed"
  [ "$(larger_side "$tmp/t$size.png")" = "$size" ] || fail "size $size gave $(larger_side "$tmp/t$size.png")"
done
"$thumbnailer" -s 128 "$example" "$tmp/path.png" || fail "a plain path failed"

# Not a workshop, damaged, missing: exit 1, no PNG.
printf 'not xml at all' >"$tmp/junk.touchpoint"
head -c 2000 "$example" >"$tmp/cut.touchpoint"
for bad in "$tmp/junk.touchpoint" "$tmp/cut.touchpoint" "$tmp/missing.touchpoint"; do
  code=0
  "$thumbnailer" -s 128 "$bad" "$tmp/bad.png" 2>"$tmp/err" || code=$?
  [ $code -eq 1 ] || fail "$(basename "$bad") exited $code, not 1"
  [ -s "$tmp/err" ] || fail "$(basename "$bad") said nothing on stderr"
  [ ! -e "$tmp/bad.png" ] || fail "$(basename "$bad") left a PNG"
done

# Bad usage: exit 2.
for args in "-s 128 $example" "-s 4 $example $tmp/x.png" "-s 100000 $example $tmp/x.png"; do
  code=0
  # shellcheck disable=SC2086
  "$thumbnailer" $args 2>/dev/null || code=$?
  [ $code -eq 2 ] || fail "'$args' exited $code, not 2"
done

[ $status -eq 0 ] && echo "ok: previews of 64–512 px, failures as documented"
exit $status
