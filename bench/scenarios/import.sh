#!/usr/bin/env bash
# Scenario 1, bulk import: N generated households of one township through the registry's import
# API end to end (validation, encryption, revisions, outbox), into a database of its own. Baseline
# in the same run: PostgreSQL's COPY of the same file into a plain table of the same width.
#   bench/scenarios/import.sh [households=$BENCH_HOUSEHOLDS or 1000000]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
N="${1:-${BENCH_HOUSEHOLDS:-1000000}}"
TOWNSHIP=330281100
PORT=18091
DB=registry_bench
trap stop_services EXIT

echo "==> import: generating $N households of township $TOWNSHIP"
JAVA="$JAVA" "$ROOT/stack.d/demo-households.sh" --households "$N" --seed 42 --townships "$TOWNSHIP" \
  --out "$OUT/households-{township}.csv" >/dev/null
FILE="$OUT/households-$TOWNSHIP.csv"
ROWS=$(($(wc -l <"$FILE") - 1))
echo "    $ROWS rows, $(du -h "$FILE" | cut -f1)"

echo "==> import: baseline, COPY of the same file into a plain table of the same width"
fresh_db "$DB" registry
COLUMNS=$(head -1 "$FILE" | tr ',' '\n' | wc -l)
psql_su -d "$DB" -c "CREATE TABLE copy_baseline ($(seq -s, -f 'c%g text' 1 "$COLUMNS"))"
copy_started=$(date +%s.%N)
psql_su -d "$DB" -c "\\copy copy_baseline FROM '$FILE' WITH (FORMAT csv, HEADER true)"
copy_seconds=$(python3 -c "import time,sys; print(time.time()-float(sys.argv[1]))" "$copy_started")
psql_su -d "$DB" -c "DROP TABLE copy_baseline"

echo "==> import: farmer-registry on :$PORT with database $DB"
# one user uploads every part at once, more than an office's five imports in ten minutes
start_service farmer-registry "$PORT" -Xmx512m ${REGISTRY_JAVA_OPTS:-} -Dquarkus.profile=local \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" -Druralcredit.outbox.topic-prefix=bench. \
  -Druralcredit.rate-limit.buckets.imports.capacity=1000
TOKEN=$(user_token official-linshan)
registry_pid=$(awk '$2 == "farmer-registry" {print $1}' "$OUT/pids" | tail -1)
cpu() { ps -o times= -p "$registry_pid" | tr -d ' '; }                  # the registry's CPU seconds so far
pg_cpu() { ps -C postgres -o times= | awk '{s += $1} END {print s}'; }   # PostgreSQL's, every process
cpu0=$(cpu); pg0=$(pg_cpu)
# an upload is at most 512 MiB: the file goes up in parts of at most 200,000 households, all at
# once (the registry works through them with its import workers); the span runs from the first
# job's start to the last one's finish
rm -f "$OUT"/part-*.csv
python3 - "$FILE" "$OUT/part" 200000 <<'PY'
import sys
src, prefix, per = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(src, encoding="utf-8") as f:
    header = f.readline()
    part, households, last, out = 0, 0, None, None
    for line in f:
        head = line.split(",", 1)[0]
        if head != last:
            if out is None or households == per:
                if out:
                    out.close()
                part += 1
                households = 0
                out = open(f"{prefix}-{part:03d}.csv", "w", encoding="utf-8")
                out.write(header)
            households += 1
            last = head
        out.write(line)
    out.close()
PY
jobs=()
for part in "$OUT"/part-*.csv; do
  jobs+=("$(curl -fsS -H "Authorization: Bearer $TOKEN" -F "file=@$part;type=text/csv" "http://127.0.0.1:$PORT/api/v1/imports" | jq -r .id)")
done
echo "    ${#jobs[@]} uploads"
while :; do
  TOKEN=$(user_token official-linshan)
  statuses=$(for job in "${jobs[@]}"; do curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/imports/$job"; done | jq -s .)
  running=$(jq '[.[] | select(.status != "DONE" and .status != "FAILED")] | length' <<<"$statuses")
  printf '\r    %s / %s rows' "$(jq '[.[].rowsDone] | add' <<<"$statuses")" "$ROWS"
  [[ "$running" == 0 ]] && break
  sleep 5
done
echo
[[ $(jq '[.[] | select(.status == "FAILED")] | length' <<<"$statuses") == 0 ]] || { echo "import failed: $statuses" >&2; exit 1; }
rm -f "$OUT"/part-*.csv
echo "    CPU during the import: registry $(($(cpu) - cpu0)) s, PostgreSQL $(($(pg_cpu) - pg0)) s"
created=$(jq '[.[].householdsCreated] | add' <<<"$statuses")
job_seconds=$(python3 -c "import sys,datetime as d;f=lambda s:d.datetime.fromisoformat(s.replace('Z','+00:00'));print((f(sys.argv[2])-f(sys.argv[1])).total_seconds())" \
  "$(jq -r '[.[].startedAt] | min' <<<"$statuses")" "$(jq -r '[.[].finishedAt] | max' <<<"$statuses")")

copy_rate=$(python3 -c "import sys; print(f'{int(sys.argv[1]) / float(sys.argv[2]):.0f}')" "$N" "$copy_seconds")
# judge HOUSEHOLDS SECONDS: households/s, the ratio to COPY's rate and whether the target is met
judge() {
  python3 - "$1" "$2" "$N" "$copy_seconds" <<'PY'
import sys
households, seconds, n, copy = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
rate, copy_rate = households / seconds, n / copy
print(f"{rate:.0f} {rate / copy_rate:.3f} {'yes' if rate >= 25000 and rate / copy_rate >= 0.3 else 'no'}")
PY
}
read -r rate ratio met < <(judge "$created" "$job_seconds")
echo "    import: $created households in ${job_seconds}s = $rate households/s; COPY: $copy_rate households/s ($ROWS rows in ${copy_seconds}s); ratio $ratio"
result "import" "$N households ($ROWS rows)" "households/s" "$rate" "COPY $copy_rate households/s" "$ratio" \
  "≥ 25,000/s and ≥ 0.3 of COPY" "$met"

# The floors under any write path: the rows the import stored (households, members, person links,
# revisions, outbox events not yet published) are copied out, then written by COPY alone, table by
# table, into an empty database of the registry's own schema with its indexes, constraints and
# foreign keys ("keyed"), and into tables of the same columns without any index, key or constraint
# ("heap"). No validation, no encryption, no JSON, no round trips: what is left is PostgreSQL's work
# for the rows the design asks for, on this machine. Machine CPU is read from /proc/stat (each COPY
# is a backend of its own that exits before ps could count it; nothing else runs meanwhile).
echo "==> import: floors, the same rows by COPY alone"
stop_services
FLOOR_DB=registry_floor
FLOOR_TABLES=(household household_member active_person household_revision outbox_event)
fresh_db "$FLOOR_DB" registry
pg_dump -h 127.0.0.1 -U postgres --schema-only --no-owner -d "$DB" | psql_su -d "$FLOOR_DB" >/dev/null
pg_dump -h 127.0.0.1 -U postgres --data-only --no-owner -t division -d "$DB" 2>/dev/null | psql_su -d "$FLOOR_DB" >/dev/null
psql_su -d "$FLOOR_DB" -c "CREATE SCHEMA heap"
floor_rows=0
for t in "${FLOOR_TABLES[@]}"; do
  select="SELECT * FROM $t"
  [[ $t == outbox_event ]] && select="SELECT id, event_id, event_type, topic, aggregate_id, payload, created_at, NULL::timestamptz FROM $t"
  copied=$(psql -X -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 \
    -c "\\copy ($select) TO '$OUT/floor-$t.bin' WITH (FORMAT binary)" | awk '$1 == "COPY" {print $2}')
  floor_rows=$((floor_rows + copied))
  psql_su -d "$FLOOR_DB" -c "CREATE TABLE heap.$t (LIKE public.$t)"
done
busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }  # jiffies: user, nice, system, irq, softirq
# floor_copy SCHEMA: COPY of every table into SCHEMA; prints seconds and machine CPU-seconds
floor_copy() {
  psql_su -d "$FLOOR_DB" -c CHECKPOINT >/dev/null
  local t b0 started
  b0=$(busy); started=$(date +%s.%N)
  for t in "${FLOOR_TABLES[@]}"; do
    psql_su -d "$FLOOR_DB" -c "\\copy $1.$t FROM '$OUT/floor-$t.bin' WITH (FORMAT binary)" >/dev/null
  done
  python3 -c "import time,sys; print(f'{time.time()-float(sys.argv[1]):.1f} {int(sys.argv[2])/100:.0f}')" "$started" "$(($(busy) - b0))"
}
read -r keyed_seconds keyed_cpu < <(floor_copy public)
read -r heap_seconds heap_cpu < <(floor_copy heap)
rm -f "$OUT"/floor-*.bin
psql_su -c "DROP DATABASE $FLOOR_DB"
for floor in keyed heap; do
  seconds_var="${floor}_seconds"; cpu_var="${floor}_cpu"
  read -r floor_rate floor_ratio floor_met < <(judge "$created" "${!seconds_var}")
  echo "    floor ($floor): $created households ($floor_rows rows) in ${!seconds_var} s, ${!cpu_var} CPU-s = $floor_rate households/s; ratio to COPY $floor_ratio"
  if [[ $floor == keyed ]]; then
    what="the same households' $floor_rows stored rows by COPY alone into the registry's tables (indexes, keys)"
  else
    what="the same rows by COPY alone into tables of the same columns without any index, key or constraint"
  fi
  result "import" "floor ($floor): $what" "households/s" "$floor_rate" "COPY $copy_rate households/s" "$floor_ratio" \
    "target reachable by any write path?" "$floor_met"
done
