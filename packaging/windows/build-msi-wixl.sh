#!/usr/bin/env bash
# Builds the MSI from a staged install tree with msitools' wixl (Linux; WiX v3 schema), the way the
# CI workflow builds it with WiX's heat/candle/light on Windows.
#   packaging/windows/build-msi-wixl.sh STAGE_DIR VERSION OUT.msi ICON.ico [EXE_NAME]
set -euo pipefail
stage=$(cd "$1" && pwd) version=$2 out=$3 icon=$(cd "$(dirname "$4")" && pwd)/$(basename "$4") exe=${5:-dualrec.exe}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$stage" && find . -type f | sed 's|^\./||' | sort) \
  | wixl-heat --prefix "" --component-group DualRecFiles --var var.StageDir --directory-ref INSTALLDIR --win64 \
  >"$work/files.wxs"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
# wixl takes the files' Source paths relative to the folder it runs in (an absolute one fails).
(cd "$stage" && wixl --arch x64 -D Version="$version" -D StageDir=. -D ExeName="$exe" -D Win64=yes \
     -D IconFile="$(realpath --relative-to="$stage" "$icon")" -D PackagingDir="$(realpath --relative-to="$stage" "$here")" \
     -o "$out" "$here/dualrec.wxs" "$work/files.wxs")
