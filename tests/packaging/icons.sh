#!/usr/bin/env bash
# The application icons the build makes from packaging/linux/io.dualrec.DualRec.svg
# (packaging/make-icons.cmake): a Windows .ico with 16..256 px and a macOS .icns with 16..1024 px,
# both valid for `file`, icotool and icns2png, and showing the icon (its colours where the SVG has
# them), plus the places that use them: the MSI (tests/packaging/msi.sh checks its tables) and the
# bundle's Info.plist (checked here as text: no macOS to build the bundle on).
# Arguments: BUILD_DIR SOURCE_DIR
. "$(dirname "$0")/lib.sh"
build=$1 source=$2
for tool in file icotool icns2png convert; do
  command -v $tool >/dev/null || fail "$tool is missing (scripts/setup installs icoutils, icnsutils, imagemagick)"
done
ico="$build/packaging/icons/dualrec.ico" icns="$build/packaging/icons/DualRec.icns"
[ -f "$ico" ] && [ -f "$icns" ] || fail "the build made no $ico / $icns (target dualrec_icons)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expect_contains "$(file -b "$ico")" "MS Windows icon resource - 7 icons" "file $ico"
listed=$(icotool -l "$ico")
printf '%s\n' "$listed"
for size in 16 24 32 48 64 128 256; do
  expect_contains "$listed" "--width=$size --height=$size --bit-depth=32" "icotool -l $ico"
done
expect_contains "$(file -b "$icns")" "Mac OS X icon" "file $icns"
listed=$(icns2png -l "$icns")
printf '%s\n' "$listed"
for size in 16 32 128 256 512 1024; do
  expect_contains "$listed" "${size}x${size} 32-bit icon" "icns2png -l $icns"
done

# The pictures are the icon: the blue tile with its white camera and red light (svg: #1f4e79 at
# (64,20), white at (40,70), red #d62828 at (30,52) of 128), sampled at 48 and 256 px and in the .icns's 512.
pixel() { convert "$1" -format "%[fx:int(255*p{$2,$3}.r)],%[fx:int(255*p{$2,$3}.g)],%[fx:int(255*p{$2,$3}.b)]" info:; }
near() { # RGB WANT: each channel within 12
  local got want i
  [[ $1 =~ ^[0-9]+,[0-9]+,[0-9]+$ ]] || return 1
  IFS=, read -r -a got <<<"$1"
  IFS=, read -r -a want <<<"$2"
  for i in 0 1 2; do [ $(( ${got[i]} - ${want[i]} )) -le 12 ] && [ $(( ${want[i]} - ${got[i]} )) -le 12 ] || return 1; done
}
check_picture() { # PNG SIZE
  local s=$2
  near "$(pixel "$1" $((64 * s / 128)) $((20 * s / 128)))" 31,78,121 || fail "$1: not the blue tile at the top"
  near "$(pixel "$1" $((40 * s / 128)) $((70 * s / 128)))" 255,255,255 || fail "$1: not the white camera"
  near "$(pixel "$1" $((30 * s / 128)) $((52 * s / 128)))" 214,40,40 || fail "$1: not the red light"
}
icotool -x -w 48 -o "$tmp/48.png" "$ico"
check_picture "$tmp/48.png" 48
icotool -x -w 256 -o "$tmp/256.png" "$ico"
check_picture "$tmp/256.png" 256
icns2png -x -s 512x512 -o "$tmp" "$icns" >/dev/null
[ -f "$tmp/DualRec_512x512x32.png" ] || fail "icns2png could not extract the 512 px picture"
check_picture "$tmp/DualRec_512x512x32.png" 512

# macOS: Info.plist names the icon the bundle carries.
grep -q '<key>CFBundleIconFile</key>' "$source/packaging/macos/Info.plist.in" || fail "Info.plist.in has no CFBundleIconFile"
grep -A1 '<key>CFBundleIconFile</key>' "$source/packaging/macos/Info.plist.in" | grep -q '${MACOSX_BUNDLE_ICON_FILE}' \
  || fail "Info.plist.in's CFBundleIconFile is not \${MACOSX_BUNDLE_ICON_FILE}"
grep -q 'MACOSX_BUNDLE_ICON_FILE DualRec.icns' "$source/packaging/CMakeLists.txt" || fail "the bundle's MACOSX_BUNDLE_ICON_FILE is not DualRec.icns"
echo "icons: $(du -k "$ico" | cut -f1) KiB .ico, $(du -k "$icns" | cut -f1) KiB .icns"
