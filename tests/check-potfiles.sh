#!/bin/sh
# check-potfiles.sh SRCDIR: po/POTFILES.in must list, sorted, exactly the source and UI
# files that hold translatable strings, so no string escapes translation.
set -eu
cd "$1"
expected=$(mktemp); listed=$(mktemp)
trap 'rm -f "$expected" "$listed"' EXIT
{
  grep -rlE '(^|[^A-Za-z0-9_])N?_\(|C_\(|NC_\(|g?ngettext *\(' --include='*.c' src | sort
  grep -rl 'translatable="yes"' --include='*.ui' ui 2>/dev/null | sort
  ls data/*.desktop.in data/*.metainfo.xml.in 2>/dev/null || true
} | LC_ALL=C sort -u >"$expected"
grep -vE '^(#|$)' po/POTFILES.in >"$listed"
if ! LC_ALL=C sort -c "$listed" 2>/dev/null; then
  echo "po/POTFILES.in is not sorted (LC_ALL=C sort)"; exit 1
fi
if ! diff -u "$listed" "$expected"; then
  echo "po/POTFILES.in does not match the files with translatable strings (- listed, + expected)"
  exit 1
fi
echo "po/POTFILES.in lists $(wc -l <"$listed") files"
