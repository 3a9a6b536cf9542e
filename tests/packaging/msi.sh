#!/usr/bin/env bash
# The WiX source of the Windows installer stays valid: the staged Linux install tree is built into
# an MSI with msitools' wixl (WiX v3 schema) by packaging/windows/build-msi-wixl.sh, and msiinfo
# shows what Windows Installer would do: the files, the per-machine 64-bit package, the fixed
# UpgradeCode with major upgrades, the Start-menu shortcut and the silent-install properties.
# Arguments: BUILD_DIR SOURCE_DIR SHARED_DIR VERSION
. "$(dirname "$0")/lib.sh"
build=$1 source=$2 version=$4
for tool in wixl wixl-heat msiinfo; do
  command -v $tool >/dev/null || fail "$tool is missing (scripts/setup installs msitools and wixl)"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/stage" >/dev/null
icon="$build/packaging/icons/dualrec.ico"
[ -f "$icon" ] || fail "$icon was not made (the build's dualrec_icons target; scripts/setup installs its tools)"
"$source/packaging/windows/build-msi-wixl.sh" "$tmp/stage" "$version" "$tmp/DualRec.msi" "$icon" dualrec 2>"$tmp/wixl.log" \
  || { cat "$tmp/wixl.log" >&2; fail "wixl could not build the MSI"; }
# wixl knows no Secure or Platform attribute (WiX v3 does): anything else it says is a problem.
if grep -v -e '^$' -e "has no property named 'Secure'" -e "has no property named 'Platform'" "$tmp/wixl.log"; then
  fail "wixl reported problems with packaging/windows/dualrec.wxs"
fi
msi="$tmp/DualRec.msi"
# (in $tmp: exporting a table with binary columns writes them into a folder named after it)
table() { (cd "$tmp" && msiinfo export "$msi" "$1") | sed 1,3d; }

upgrade_code=$(sed -n 's/.*UpgradeCode="\([0-9A-F-]*\)".*/\1/p' "$source/packaging/windows/dualrec.wxs")
[ -n "$upgrade_code" ] || fail "no UpgradeCode in dualrec.wxs"
grep -q "$upgrade_code" "$source/docs/deployment.md" || fail "docs/deployment.md does not give the UpgradeCode $upgrade_code"

properties=$(table Property)
expect_contains "$properties" "UpgradeCode	{$upgrade_code}" "Property table"
expect_contains "$properties" "ProductVersion	$version" "Property table"
expect_contains "$properties" "ALLUSERS	1" "Property table (per-machine)"
expect_contains "$(msiinfo suminfo "$msi")" "Template: x64;1033" "summary information (64-bit)"
upgrades=$(table Upgrade)
expect_contains "$upgrades" "{$upgrade_code}		$version		1		WIX_UPGRADE_DETECTED" "Upgrade table (major upgrade of older versions)"
expect_contains "$upgrades" "{$upgrade_code}	$version			2		WIX_DOWNGRADE_DETECTED" "Upgrade table (no downgrade)"
expect_contains "$(table InstallExecuteSequence)" "RemoveExistingProducts" "InstallExecuteSequence"

files=$(table File | cut -f3)
printf 'MSI files:\n%s\n' "$files"
for f in dualrec face_detection_yunet_2022mar.onnx LICENSE LICENSE.libfacedetection.train README.md \
         io.dualrec.DualRec.desktop; do
  printf '%s\n' "$files" | grep -qx "$f" || fail "the MSI lacks $f"
done
[ "$(printf '%s\n' "$files" | wc -l)" -eq "$(find "$tmp/stage" -type f | wc -l)" ] || fail "the MSI does not hold every staged file"
# The model lands in share\dualrec\models below the install folder, where bin\dualrec.exe looks.
directories=$(table Directory)
expect_contains "$directories" "INSTALLDIR	ProgramFiles64Folder	DualRec" "Directory table"
expect_contains "$(table Shortcut)" "DualRecShortcut	ProgramMenuFolder	DualRec	StartMenuShortcut	[INSTALLDIR]bin\\dualrec" "Shortcut table"
expect_contains "$(table Shortcut)" "DualRec.ico" "Shortcut table (the shortcut's icon)"
# The icon in Programs and Features (ARPPRODUCTICON) is the build's dualrec.ico, byte for byte.
expect_contains "$properties" "ARPPRODUCTICON	DualRec.ico" "Property table"
expect_contains "$(table Icon)" "DualRec.ico	Icon.DualRec.ico" "Icon table"
msiinfo extract "$msi" Icon.DualRec.ico >"$tmp/embedded.ico"
cmp -s "$tmp/embedded.ico" "$icon" || fail "the MSI's icon is not $icon"

# The uninstall check (packaging/windows/uninstall-check.js): a JScript custom action from the
# Binary table, immediate, run after CostFinalize on uninstall only, never during an upgrade.
# What Windows Installer and JScript do with it can only be checked on Windows; here: the tables,
# the script embedded byte for byte, and its decision function run with node.
expect_contains "$(table CustomAction)" "CheckUnsyncedRecordings	2053	UninstallCheckJs	CheckUnsyncedRecordings" "CustomAction table (JScript in a Binary)"
expect_contains "$(table InstallExecuteSequence)" "CheckUnsyncedRecordings	REMOVE=\"ALL\" AND NOT UPGRADINGPRODUCTCODE	1001" "InstallExecuteSequence"
msiinfo extract "$msi" Binary.UninstallCheckJs >"$tmp/check.js"
cmp -s "$tmp/check.js" "$source/packaging/windows/uninstall-check.js" || fail "the MSI's uninstall check is not packaging/windows/uninstall-check.js"
if command -v node >/dev/null; then
  node - "$tmp/check.js" <<'JS' || fail "uninstall-check.js: the decision table is wrong"
const vm = require('vm');
const context = {};
vm.createContext(context);
new vm.Script(require('fs').readFileSync(process.argv[2], 'utf8')).runInContext(context);
const d = context.uninstallDecision, yes = 6, no = 7;
const cases = [
  [[0, 5, false], 'continue'], [[1, 5, false], 'ask'], [[1, 5, false, yes], 'continue'], [[1, 5, false, no], 'cancel'],
  [[1, 5, false, 0], 'refuse'], [[1, 2, false], 'refuse'], [[1, 2, true], 'continue'], [[2, 2, false], 'continue'],
  [[-1, 5, false], 'continue'], [[1, 3, false, no], 'cancel'],
];
let bad = 0;
for (const [args, want] of cases) {
  const got = d(...args);
  if (got !== want) { console.error(`uninstallDecision(${args}) = ${got}, expected ${want}`); bad++; }
}
process.exit(bad ? 1 : 0);
JS
else
  echo "note: node is missing; uninstall-check.js's decision table not run"
fi

registry=$(table Registry)
expect_contains "$registry" "SOFTWARE\\Policies\\DualRec	PolicyFile	[POLICYFILE]" "Registry table"
expect_contains "$registry" "SOFTWARE\\Policies\\DualRec\\storage	folder	[DATAFOLDER]" "Registry table"
expect_contains "$registry" "SOFTWARE\\Policies\\DualRec\\sync	endpoint	[ENDPOINTURL]" "Registry table"
echo "MSI: $(du -k "$msi" | cut -f1) KiB, $(printf '%s\n' "$files" | wc -l) files"
