#!/usr/bin/env bash
# Every shell script of the project parses (bash -n; sh -n for /bin/sh ones), and every Python
# one compiles: a broken `if`/`fi` in a script nobody runs in CI (scripts/bench once was) fails here.
# Usage: parse.sh SOURCE_DIR
set -u
root=$1
rc=0
checked=0
while IFS= read -r -d '' f; do
  first=$(head -n1 "$f")
  case $first in
    '#!'*bash*) bash -n "$f" || { echo "does not parse: $f" >&2; rc=1; } ;;
    '#!/bin/sh'*) sh -n "$f" || { echo "does not parse: $f" >&2; rc=1; } ;;
    '#!'*python3*) python3 -c 'import ast,sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])' "$f" || { echo "does not parse: $f" >&2; rc=1; } ;;
    *) continue ;;
  esac
  checked=$((checked + 1))
done < <(find "$root/scripts" "$root/tests" "$root/packaging" "$root/.ci" -type f \
           -not -path '*/node_modules/*' -not -path '*/fuzz/regressions/*' -print0)
echo "checked $checked scripts"
[ "$checked" -ge 10 ] || { echo "expected at least 10 scripts, found $checked: is SOURCE_DIR right?" >&2; rc=1; }
exit $rc
