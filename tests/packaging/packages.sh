#!/usr/bin/env bash
# Builds the .deb and the relocatable archive with CPack from the build tree, inspects the .deb
# (files, Depends computed by dpkg-shlibdeps, prerm), unpacks it into a temporary root (dpkg -x)
# and the archive into an unrelated folder, and runs `dualrec --version` and `dualrec self-test`
# from both with the source tree, the build tree and ../shared out of reach.
# Arguments: BUILD_DIR SOURCE_DIR SHARED_DIR VERSION
. "$(dirname "$0")/lib.sh"
build=$1 source=$2 shared=$3 version=$4
for tool in cpack dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli; do
  command -v $tool >/dev/null || fail "$tool is missing (scripts/setup installs it)"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && cpack --config "$build/CPackConfig.cmake" -G "DEB;TGZ" -B "$tmp/out" >"$tmp/cpack.log" 2>&1) \
  || { cat "$tmp/cpack.log" >&2; fail "cpack failed"; }
arch=$(dpkg --print-architecture)
deb="$tmp/out/dualrec_${version}_${arch}.deb"
tgz=$(ls "$tmp"/out/dualrec-"$version"-Linux-*.tar.gz)
[ -f "$deb" ] || { ls -l "$tmp/out" >&2; fail "no $deb"; }
echo "built: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB), $(basename "$tgz") ($(du -k "$tgz" | cut -f1) KiB)"

# --- the .deb's control data ---
[ "$(dpkg-deb -f "$deb" Package)" = dualrec ] || fail "Package is not dualrec"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version is not $version"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# Computed from the binary's libraries (dpkg-shlibdeps) and, for FFmpeg loaded on first use,
# named by packaging/CMakeLists.txt, with versions ...
for lib in libqt6core6 libqt6widgets6 libqt6multimedia6 libqt6sql6 libavcodec59 libavformat59 libswscale6 \
           libavfilter8 libavutil57 libswresample4 \
           libssl3 libopencv-core406 libopencv-objdetect406 libqrencode4 libc6; do
  expect_contains "$depends" "$lib (>=" "Depends (from dpkg-shlibdeps)"
done
# ... plus what no library link shows.
for extra in libqt6sql6-sqlite qt6-translations-l10n fonts-wqy-microhei gstreamer1.0-libav; do
  expect_contains "$depends" "$extra" "Depends (run-time plugins and data)"
done
expect_contains "$(dpkg-deb -f "$deb" Recommends)" "opencv-data" "Recommends"
dpkg-deb --ctrl-tarfile "$deb" | tar -t | grep -qx './prerm' || fail "the .deb has no prerm"
prerm=$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./prerm)
expect_contains "$prerm" "are NOT deleted" "prerm"

# --- the .deb's files ---
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/dualrec \
         ./usr/share/dualrec/models/face_detection_yunet_2022mar.onnx \
         ./usr/share/dualrec/models/LICENSE ./usr/share/dualrec/models/README.md \
         ./usr/share/applications/io.dualrec.DualRec.desktop \
         ./usr/share/metainfo/io.dualrec.DualRec.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/io.dualrec.DualRec.svg; do
  printf '%s\n' "$files" | grep -qx "$f" || fail "the .deb lacks $f"
done
if printf '%s\n' "$files" | grep -E '(/tests?/|catch|\.a$|/include/)'; then
  fail "the .deb carries test or development files"
fi

# --- unpacked, metadata validated, and run from there ---
dpkg-deb -x "$deb" "$tmp/root"
desktop-file-validate "$tmp/root/usr/share/applications/io.dualrec.DualRec.desktop"
appstreamcli validate --no-net "$tmp/root/usr/share/metainfo/io.dualrec.DualRec.metainfo.xml" >/dev/null \
  || appstreamcli validate --no-net "$tmp/root/usr/share/metainfo/io.dualrec.DualRec.metainfo.xml"

check_runs() { # PREFIX WHAT
  local prefix=$1 what=$2 out code
  dualrec_env "$tmp/home-$what"
  out=$(run_out_of_reach "$build" "$shared" "$source" -- "$prefix/bin/dualrec" --version)
  [ "$(printf '%s\n' "$out" | head -n 1)" = "dualrec $version" ] || fail "$what: --version printed \"$out\""
  printf '%s\n' "$out" | sed -n 2p | grep -q -e "设备签名密钥" -e "device signing key" || fail "$what: --version printed \"$out\""
  set +e
  out=$(run_out_of_reach "$build" "$shared" "$source" -- "$prefix/bin/dualrec" self-test --lang en 2>&1)
  code=$?
  set -e
  printf '%s\n' "$out"
  [ $code -eq 0 ] || fail "$what: self-test exited $code"
  expect_contains "$out" "[OK] Face detection: the YuNet model $prefix/share/dualrec/models/face_detection_yunet_2022mar.onnx" "$what: self-test"
}
check_runs "$tmp/root/usr" deb

# The archive runs from wherever it is unpacked.
mkdir -p "$tmp/any where/else"
tar -xzf "$tgz" -C "$tmp/any where/else"
top=$(ls "$tmp/any where/else")
check_runs "$tmp/any where/else/$top" tgz
echo "packages: the .deb and the archive install and pass the self-test"
