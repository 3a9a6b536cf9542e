# Shared helpers of the packaging tests (sourced by bash scripts).
set -euo pipefail

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# expect_contains TEXT NEEDLE WHAT: fails naming WHAT when NEEDLE is not in TEXT.
expect_contains() {
  case "$1" in
    *"$2"*) ;;
    *) printf '%s\n' "$1" >&2; fail "$3: expected to find \"$2\"" ;;
  esac
}

# run_out_of_reach DIR... -- COMMAND...: (nested folders first) runs COMMAND with each DIR hidden behind an empty tmpfs
# (a private mount namespace), so a binary cannot fall back on the source tree, the build tree or
# ../shared. Without the privilege to do that (a non-root CI runner), runs COMMAND as it is and
# says so.
run_out_of_reach() {
  local dirs=()
  while [ "$1" != "--" ]; do dirs+=("$1"); shift; done
  shift
  local mounts=""
  for d in "${dirs[@]}"; do
    [ -d "$d" ] && mounts="$mounts mount -t tmpfs -o size=1m tmpfs '$d' &&"
  done
  if unshare -m true 2>/dev/null; then
    unshare -m sh -c "cd / && $mounts exec \"\$@\"" sh "$@"
  elif unshare -rm true 2>/dev/null; then
    unshare -rm sh -c "cd / && $mounts exec \"\$@\"" sh "$@"
  else
    echo "note: cannot hide ${dirs[*]} (unshare -m is not permitted here); running with them visible" >&2
    (cd / && "$@")
  fi
}

# A clean environment for a dualrec run: no display, private settings and data folder.
dualrec_env() {
  local home=$1
  mkdir -p "$home/config" "$home/data"
  export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data"
  unset DISPLAY WAYLAND_DISPLAY
}
