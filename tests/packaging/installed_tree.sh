#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, then the installed binary runs with the source tree,
# the build tree and ../shared out of reach: --version, self-test, and qc must use the shipped
# YuNet model (not the Haar fallback). This is also how CI runs the self-test of an installed copy.
# Arguments: BUILD_DIR SOURCE_DIR SHARED_DIR VERSION
. "$(dirname "$0")/lib.sh"
build=$1 source=$2 shared=$3 version=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
model="$tmp/prefix/share/dualrec/models/face_detection_yunet_2022mar.onnx"
[ -f "$model" ] || fail "the install has no face model at $model"
[ -f "$tmp/prefix/share/dualrec/models/LICENSE" ] || fail "the install has no LICENSE beside the face model"
cp "$build/tests/clips/clean.mp4" "$tmp/clean.mp4"
dualrec_env "$tmp/home"
bin="$tmp/prefix/bin/dualrec"

out=$(run_out_of_reach "$build" "$shared" "$source" -- "$bin" --version)
[ "$(printf '%s\n' "$out" | head -n 1)" = "dualrec $version" ] || fail "--version printed \"$out\""
printf '%s\n' "$out" | sed -n 2p | grep -q -e "设备签名密钥" -e "device signing key" || fail "--version printed \"$out\""

set +e
out=$(run_out_of_reach "$build" "$shared" "$source" -- "$bin" self-test --lang en 2>&1)
code=$?
set -e
printf '%s\n' "$out"
[ $code -eq 0 ] || fail "self-test of the installed tree exited $code"
expect_contains "$out" "[OK] Face detection: the YuNet model $model loads" "self-test"
expect_contains "$out" "All 8 checks passed." "self-test"

set +e
out=$(run_out_of_reach "$build" "$shared" "$source" -- "$bin" qc "$tmp/clean.mp4" --json 2>&1)
code=$?
set -e
[ $code -eq 0 ] || { printf '%s\n' "$out"; fail "qc of a clean clip exited $code"; }
expect_contains "$out" '"detector": "yunet"' "qc --json"
echo "installed tree: --version, self-test and qc use the shipped YuNet model"
