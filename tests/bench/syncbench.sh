#!/usr/bin/env bash
# scripts/bench sync: a sealed package uploaded by `dualrec sync` to the reference ingest server,
# next to curl uploading the same file to the same server with one tus PATCH, in the same run;
# then the bytes sent again after a forced interruption (SIGKILL of `dualrec sync` mid-upload).
#   tests/bench/syncbench.sh DUALREC_BINARY WORKDIR [SIZE_MB]
set -euo pipefail
dualrec=$1
work=$2
size_mb=${3:-1024}
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$work/sync" && mkdir -p "$work/sync"
cd "$work/sync"

"$root/scripts/ingest-server" --dir store --log ingest.log >server.out 2>server.err &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q '^listening on ' server.out 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' server.out)

head -c $((size_mb * 1024 * 1024)) /dev/urandom >package.bin
size=$(stat -c %s package.bin)

now_ms() { date +%s%3N; }
sha=$(sha256sum package.bin | cut -d' ' -f1)

# dualrec: a data folder whose sealed sessions' packages are this file. The seals row carries the
# package's size and SHA-256 as sealing writes them (core/storage/sealrepository.cpp), so the
# upload does not hash the package again, as in the field.
seal() { # data-folder id
  local id
  id=$(cat /proc/sys/kernel/random/uuid)
  sqlite3 "$1/journal.sqlite" "INSERT INTO sessions (id, application_no, agent_id, template_id, template_version, scope_required, scope_reason, state, created_at_utc, updated_at_utc) VALUES ('$id', 'BENCH', 'bench', 't', '1', 1, 'r', 'completed', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'); INSERT INTO seals (session_id, sealed_at_utc, manifest_sha256, package_size, package_sha256) VALUES ('$id', '2026-01-01T00:00:00.000Z', '', $size, '$sha');"
  mkdir -p "$1/packages"
  cp package.bin "$1/packages/$id.dualrec"
  echo "$id"
}
printf 'bench-password\n' | QT_QPA_PLATFORM=offscreen "$dualrec" user add bench --role it --data-dir data >/dev/null

# The transfer alone, from the server's log: creation to the SHA-256 the server computes after
# the last byte (in both runs).
transfer_ms() { # upload-id
  node -e '
const fs = require("fs");
const [log, id] = process.argv.slice(1);
const events = fs.readFileSync(log, "utf8").trim().split("\n").map(JSON.parse).filter(e => e.id === id);
const created = events.find(e => e.event === "create"), hashed = events.find(e => e.event === "sha256");
console.log(Date.parse(hashed.time) - Date.parse(created.time));
' ingest.log "$1"
}

# Paired rounds, curl and dualrec alternating (the machine's load changes from minute to minute):
# ratios per round and the median of each.
rounds=${SYNC_BENCH_ROUNDS:-3}
: >rounds.txt
for round in $(seq "$rounds"); do
  # curl: creation, then the whole file in one PATCH (streamed from the file).
  start=$(now_ms)
  location=$(curl -sS -D - -o /dev/null -X POST -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $size" "$url" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  curl -sS -o /dev/null -X PATCH -H 'Tus-Resumable: 1.0.0' -H 'Upload-Offset: 0' -H 'Content-Type: application/offset+octet-stream' \
    -H 'Expect:' -T package.bin "$location"
  curl -sS -I -H 'Tus-Resumable: 1.0.0' "$location" | tr -d '\r' | grep -q "^Upload-Offset: $size" || { echo "curl upload incomplete" >&2; exit 1; }
  curl_ms=$(( $(now_ms) - start ))
  curl_transfer_ms=$(transfer_ms "${location##*/}")
  id=$(seal data)
  start=$(now_ms)
  QT_QPA_PLATFORM=offscreen "$dualrec" sync --once --endpoint "$url" --data-dir data >sync.out 2>sync.err
  dualrec_ms=$(( $(now_ms) - start ))
  [ "$(sqlite3 data/journal.sqlite "SELECT state FROM uploads WHERE session_id = '$id'")" = acknowledged ] || { echo "dualrec upload not acknowledged" >&2; cat sync.err >&2; exit 1; }
  dualrec_transfer_ms=$(transfer_ms "$(sqlite3 data/journal.sqlite "SELECT upload_url FROM uploads WHERE session_id = '$id'" | sed 's|.*/||')")
  rm -f store/* "data/packages/$id.dualrec"
  sqlite3 data/journal.sqlite "UPDATE uploads SET state = 'purged' WHERE session_id = '$id'"
  echo "$curl_ms $dualrec_ms $curl_transfer_ms $dualrec_transfer_ms" >>rounds.txt
  awk -v s="$size" -v cm="$curl_ms" -v dm="$dualrec_ms" -v ct="$curl_transfer_ms" -v dt="$dualrec_transfer_ms" -v r="$round" 'BEGIN {
    m = 1048576; printf "round %d: end to end curl %.1f, dualrec %.1f MiB/s (ratio %.2f); transfer only curl %.1f, dualrec %.1f MiB/s (ratio %.2f)\n",
    r, s / m / (cm / 1000), s / m / (dm / 1000), cm / dm, s / m / (ct / 1000), s / m / (dt / 1000), ct / dt }'
done
echo "package: $size bytes, $rounds paired rounds"
awk -v s="$size" '
function median(col,   n, i, j, v, t) { n = 0; for (i = 1; i <= NR; ++i) v[++n] = row[i, col];
  for (i = 1; i <= n; ++i) for (j = i + 1; j <= n; ++j) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
  return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }
function ratio(c, d,   n, i, j, v, t) { n = 0; for (i = 1; i <= NR; ++i) v[++n] = row[i, c] / row[i, d];
  for (i = 1; i <= n; ++i) for (j = i + 1; j <= n; ++j) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
  return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }
{ for (k = 1; k <= 4; ++k) row[NR, k] = $k }
END { m = 1048576
  printf "median end to end: curl (one tus PATCH) %.1f MiB/s, dualrec sync %.1f MiB/s; median of the per-round ratios %.2f (goal >= 0.9)\n", s / m / (median(1) / 1000), s / m / (median(2) / 1000), ratio(1, 2)
  printf "median transfer only (server log, creation to the SHA-256 after the last byte): curl %.1f, dualrec %.1f MiB/s; ratio %.2f\n", s / m / (median(3) / 1000), s / m / (median(4) / 1000), ratio(3, 4) }' rounds.txt

# Forced interruption: SIGKILL at about 40 %, restart, count bytes from the server's log.
id=$(seal data)
QT_QPA_PLATFORM=offscreen "$dualrec" sync --once --endpoint "$url" --data-dir data --bandwidth $((size / 4)) >/dev/null 2>&1 &
client=$!
while :; do
  offset=$(sqlite3 data/journal.sqlite "SELECT confirmed_offset FROM uploads WHERE session_id = '$id'" 2>/dev/null || echo 0)
  [ "${offset:-0}" -ge $((size * 2 / 5)) ] && break
  kill -0 $client 2>/dev/null || break
  sleep 0.05
done
kill -9 $client 2>/dev/null || true
wait $client 2>/dev/null || true
stored=$(sqlite3 data/journal.sqlite "SELECT confirmed_offset FROM uploads WHERE session_id = '$id'")
sleep 0.5
upload_url=$(sqlite3 data/journal.sqlite "SELECT upload_url FROM uploads WHERE session_id = '$id'")
held=$(curl -sS -I -H 'Tus-Resumable: 1.0.0' "$upload_url" | tr -d '\r' | sed -n 's/^Upload-Offset: //p')
lines_before=$(wc -l <ingest.log)
QT_QPA_PLATFORM=offscreen "$dualrec" sync --once --endpoint "$url" --data-dir data >/dev/null 2>&1
upload_id=$(sqlite3 data/journal.sqlite "SELECT upload_url FROM uploads WHERE session_id = '$id'" | sed 's|.*/||')
node -e '
const fs = require("fs");
const [log, id, size, stored, held, linesBefore] = process.argv.slice(1);
const lines = fs.readFileSync(log, "utf8").trim().split("\n");
const patches = lines.map(JSON.parse).filter(e => e.event === "patch" && e.id === id);
const after = lines.slice(Number(linesBefore)).map(JSON.parse).filter(e => e.event === "patch" && e.id === id);
const received = patches.reduce((sum, p) => sum + (p.end - p.start), 0);
const maxChunk = Math.max(...patches.map(p => p.contentLength));
console.log(`interruption: the journal had ${stored} bytes confirmed, the server held ${held}; the restart went on at ${after.length ? after[0].start : "?"} (asked with HEAD)`);
console.log(`bytes the server stored twice: ${received - Number(size)}; journal behind the server by ${Number(held) - Number(stored)} bytes (one chunk at most: largest chunk ${maxChunk})`);
' ingest.log "$upload_id" "$size" "$stored" "$held" "$lines_before"
state=$(sqlite3 data/journal.sqlite "SELECT state FROM uploads WHERE session_id = '$id'")
echo "after the restart: $state"
