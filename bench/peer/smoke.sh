#!/bin/sh
# bench-peer-smoke: keeps the peer comparison's generator and floor program working
# (issue 19) without running the comparison itself (too slow for the suite, and no Dia).
#   smoke.sh TP-PEER-GEN TP-FLOOR TOUCHPOINT
# The generator's board of 10 notes must be a valid document with 10 notes, 5
# touchpoints and 5 links, and well-formed Dia XML with as many boxes and lines; the
# floor must read it and write a PNG, a PDF and an SVG.
set -eu
gen=$1 floor=$2 touchpoint=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

fail() { echo "FAIL: $*"; exit 1; }

"$gen" 10 "$dir/board.touchpoint" "$dir/board.dia"
"$touchpoint" --validate "$dir/board.touchpoint" || fail "the generated document is not valid"
[ "$(grep -c '<note ' "$dir/board.touchpoint")" = 10 ] || fail "not 10 notes"
[ "$(grep -c '<touchpoint id=' "$dir/board.touchpoint")" = 5 ] || fail "not 5 touchpoints"
[ "$(grep -c '<link ' "$dir/board.touchpoint")" = 5 ] || fail "not 5 links"
[ "$(grep -c 'type="Flowchart - Box"' "$dir/board.dia")" = 15 ] || fail "not 15 Dia boxes"
[ "$(grep -c 'type="Standard - Line"' "$dir/board.dia")" = 5 ] || fail "not 5 Dia lines"
if command -v xmllint >/dev/null 2>&1; then
  xmllint --noout "$dir/board.dia" || fail "the Dia file is not well-formed"
fi

for fmt in png pdf svg; do
  out=$("$floor" "$dir/board.touchpoint" "$dir/floor.$fmt")
  case $out in
    "10 notes, 5 touchpoints, 5 links,"*) ;;
    *) fail "the floor read: $out" ;;
  esac
  [ -s "$dir/floor.$fmt" ] || fail "no floor.$fmt"
done
head -c 8 "$dir/floor.png" | grep -q PNG || fail "floor.png is not a PNG"
head -c 5 "$dir/floor.pdf" | grep -q '%PDF' || fail "floor.pdf is not a PDF"
grep -q '<svg' "$dir/floor.svg" || fail "floor.svg is not an SVG"
echo "ok"
