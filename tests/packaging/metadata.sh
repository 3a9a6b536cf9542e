#!/usr/bin/env bash
# The Linux desktop entry and AppStream metainfo pass the freedesktop validators, and agree with
# each other and with the project (icon file, launchable, version).
# Arguments: PACKAGING_LINUX_DIR VERSION
. "$(dirname "$0")/lib.sh"
dir=$1 version=$2
for tool in desktop-file-validate appstreamcli; do
  command -v $tool >/dev/null || fail "$tool is missing (scripts/setup installs it)"
done
desktop="$dir/io.dualrec.DualRec.desktop"
metainfo="$dir/io.dualrec.DualRec.metainfo.xml"
out=$(desktop-file-validate "$desktop" 2>&1) || { printf '%s\n' "$out"; fail "desktop-file-validate"; }
[ -z "$out" ] || { printf '%s\n' "$out"; fail "desktop-file-validate has remarks"; }
appstreamcli validate --no-net --explain "$metainfo" || fail "appstreamcli validate --no-net"
grep -q '^Icon=io.dualrec.DualRec$' "$desktop" || fail "Icon is not io.dualrec.DualRec"
[ -f "$dir/io.dualrec.DualRec.svg" ] || fail "no icon io.dualrec.DualRec.svg"
grep -q '^Exec=dualrec$' "$desktop" || fail "Exec is not dualrec"
grep -q '<launchable type="desktop-id">io.dualrec.DualRec.desktop</launchable>' "$metainfo" || fail "launchable is not the desktop file"
grep -q "<release version=\"$version\"" "$metainfo" || fail "the metainfo has no <release> for version $version"
echo "desktop entry and metainfo valid"
