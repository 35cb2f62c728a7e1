#!/usr/bin/env bash
# Scenario: announcing a township's files again (farmer-registry's household announcements). N
# generated households of one township are imported first (bench/scenarios/import.sh, its rows kept
# in the registry's benchmark database); then credit-admin starts a run over the township: every
# file read with its members, the head's name and ID opened and masked, its event written to the
# outbox, 500 files a transaction; the relay publishes them to the broker. Floor in the same run:
# the run's own outbox rows (same payloads) written again set-based by one INSERT ... SELECT into a
# table of the outbox's shape and indexes: PostgreSQL's share alone, no reading, masking or JSON.
#   bench/scenarios/announce.sh [households=$BENCH_HOUSEHOLDS or 100000]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
N="${1:-${BENCH_HOUSEHOLDS:-100000}}"
TOWNSHIP=330281100
PORT=18091
DB=registry_bench
trap stop_services EXIT

"$ROOT/bench/scenarios/import.sh" "$N" >"$OUT/announce-import.log" 2>&1 \
  || { echo "announce: the import failed; see $OUT/announce-import.log" >&2; exit 1; }
db() { psql -X -q -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -tAc "$1"; }
files=$(db "SELECT count(*) FROM household WHERE township_code = '$TOWNSHIP'")
# the import's own events are the broker's business, not this run's
db "UPDATE outbox_event SET published_at = now() WHERE published_at IS NULL"
db "VACUUM ANALYZE outbox_event"
echo "==> announce: $files files of township $TOWNSHIP; farmer-registry on :$PORT with database $DB"
start_service farmer-registry "$PORT" -Xmx512m ${REGISTRY_JAVA_OPTS:-} -Dquarkus.profile=local \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" -Druralcredit.outbox.topic-prefix=bench.
registry_pid=$(awk '$2 == "farmer-registry" {print $1}' "$OUT/pids" | tail -1)
cpu0=$(cpu_ticks "$registry_pid"); pg0=$(postgres_ticks)
first=$(db "SELECT coalesce(max(id), 0) FROM outbox_event")
TOKEN=$(user_token credit-admin)
started=$(date +%s.%N)
run=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"division\": \"$TOWNSHIP\"}" "http://127.0.0.1:$PORT/api/v1/household-announcements")
id=$(jq -r .id <<<"$run")
while :; do
  state=$(curl -fsS -H "Authorization: Bearer $(user_token credit-admin)" "http://127.0.0.1:$PORT/api/v1/household-announcements/$id")
  printf '\r    %s / %s files' "$(jq .filesAnnounced <<<"$state")" "$(jq .filesTotal <<<"$state")"
  [[ $(jq -r .status <<<"$state") == DONE ]] && break
  sleep 1
done
announced_at=$(date +%s.%N)
while [[ $(db "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") != 0 ]]; do sleep 0.5; done
published_at=$(date +%s.%N)
echo
tick=$(getconf CLK_TCK)
echo "    CPU: registry $((($(cpu_ticks "$registry_pid") - cpu0) / tick)) s, PostgreSQL $((($(postgres_ticks) - pg0) / tick)) s"
announced=$(jq .filesAnnounced <<<"$state")
events=$(db "SELECT count(*) FROM outbox_event WHERE id > $first")
bytes=$(db "SELECT coalesce(avg(octet_length(payload)), 0)::int FROM outbox_event WHERE id > $first")
stop_services

echo "==> announce: floor, the run's $events outbox rows written again by one INSERT ... SELECT"
db "CREATE TABLE announce_floor (LIKE outbox_event INCLUDING ALL)"
db "CHECKPOINT"
floor_started=$(date +%s.%N)
db "INSERT INTO announce_floor (event_id, event_type, topic, aggregate_id, payload, created_at)
    SELECT event_id, event_type, topic, aggregate_id, payload, created_at FROM outbox_event WHERE id > $first"
floor_seconds=$(python3 -c "import time,sys; print(f'{time.time()-float(sys.argv[1]):.2f}')" "$floor_started")
db "DROP TABLE announce_floor"

read -r run_s publish_s rate floor_rate ratio < <(python3 - "$started" "$announced_at" "$published_at" "$announced" "$floor_seconds" <<'PY'
import sys
s, a, p, n, f = (float(x) for x in sys.argv[1:])
print(f"{a - s:.1f} {p - s:.1f} {n / (a - s):.0f} {n / f:.0f} {(n / (a - s)) / (n / f):.3f}")
PY
)
echo "    run: $announced files announced in ${run_s}s = $rate files/s ($events events, ${bytes} bytes each);"
echo "    published to the broker ${publish_s}s after the start; floor ${floor_seconds}s = $floor_rate files/s; ratio $ratio"
result "announce" "$announced files of one township announced again (events of $bytes bytes; the broker has them all ${publish_s} s after the start)" \
  "files/s" "$rate" "floor $floor_rate files/s (same run)" "$ratio" "-" "-"
