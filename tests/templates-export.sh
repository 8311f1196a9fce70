#!/bin/sh
# templates-export.sh: every shipped template is a document the command line accepts, and
# every worked workshop fills every exported page (issue 18).
#
#   templates-export.sh TOUCHPOINT TEMPLATE…
#
# Each template must pass `touchpoint --validate` and export as a full PDF
# (--page=all) whose text, read back with pdftotext, holds the words of its stages.
# Worked workshops (those with notes) must also show no empty-state message on any
# page: every analysis section has something true to show. Without pdftotext, exits 77.

set -u

touchpoint=$1
shift

if ! command -v pdftotext >/dev/null 2>&1; then
  echo "1..0 # SKIP pdftotext (poppler-utils) is not installed"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
# The analysis and alignment pages' empty states (src/render/tp-analysis-*.c,
# tp-alignment-page.c) in the C locale the tests run in.
empty_states='No links yet|No KPIs yet|No pain peaks|No stages yet|No moment of truth has|No moments of truth yet|No Kano answers yet'

for template in "$@"; do
  name=$(basename "$template" .touchpoint)
  n=$((n + 1))
  problem=""

  if ! "$touchpoint" --validate "$template" >"$tmp/validate.txt" 2>&1; then
    problem="--validate: $(head -n 3 "$tmp/validate.txt")"
  elif ! "$touchpoint" --export="$tmp/$name.pdf" --page=all "$template" 2>"$tmp/export.txt"; then
    problem="--export: $(head -n 3 "$tmp/export.txt")"
  elif ! pdftotext -layout "$tmp/$name.pdf" "$tmp/$name.txt"; then
    problem="pdftotext could not read the export"
  else
    # The stage names, as the file spells them (entities decoded), must be in the text.
    for stage in $(sed -n 's/.*<stage id="[^"]*" name="\([^"]*\)".*/\1/p' "$template" \
                   | sed 's/&amp;/\&/g' | awk '{print $1}'); do
      if ! grep -q -F -- "$stage" "$tmp/$name.txt"; then
        problem="stage word “$stage” not in the exported text"
      fi
    done
    if grep -q '<note ' "$template"; then
      found=$(grep -E -o "$empty_states" "$tmp/$name.txt" | sort -u | tr '\n' ';')
      if [ -n "$found" ]; then
        problem="a worked workshop's export has empty pages: $found"
      fi
    fi
  fi

  if [ -n "$problem" ]; then
    echo "not ok $n - $name: $problem"
    failed=$((failed + 1))
  else
    echo "ok $n - $name"
  fi
done

echo "1..$n"
[ "$failed" -eq 0 ]
