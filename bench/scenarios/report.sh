#!/usr/bin/env bash
# Scenarios 4 (report serving), 3 (event propagation) and 5 (idle and loaded footprint): the gateway's household
# report with consent, served from its read model, at a fixed rate from a load generator in a process of its own
# (bench/LoadGenerator.java, open model), for SECONDS. Baseline in the same run: the floor of any read of that
# model, one single-table read of the household's row at a time straight from the gateway's database (pgbench,
# prepared, one connection). The capacity probes and the main run also give the CPU the gateway and PostgreSQL
# spent per report. The services run packaged, test profile, on ports 2808x.
#   bench/scenarios/report.sh [rate=300] [seconds=60]
# BENCH_REPORT_PARTS="propagation" measures the propagation alone (default: "serving propagation").
# BENCH_REPORT_PROBES (default "50 100 200 300 400") the capacity probes, BENCH_PROBE_SECONDS (30) their length,
# BENCH_FLOOR_READS (5000) the baseline's reads, BENCH_CHANGES (1000) the propagation's corrections.
# BENCH_GATEWAY_JVM: JVM options for the gateway alone, after stack.d/service-jvm.options so they override it,
# e.g. "-XX:TieredStopAtLevel=4" (C1 and C2) instead of the platform's C1 only; the result rows name them.
# BENCH_GATEWAY_DB (default gateway_test, the test profile's): the gateway's database, e.g. an empty one of
# owner gateway when gateway_test holds migrations of another version.
# credit-rating re-rates with the debounce of its packaged configuration (rating.debounce, 300 ms),
# not the test profile's 1 s, or BENCH_DEBOUNCE when given.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/.. source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
RATE="${1:-${BENCH_REPORT_RATE:-300}}"
SECONDS_="${2:-${BENCH_REPORT_SECONDS:-60}}"
PROBE_SECONDS="${BENCH_PROBE_SECONDS:-30}"
read -ra GATEWAY_JVM <<<"${BENCH_GATEWAY_JVM:-}"
JVM_LABEL="gateway JVM ${BENCH_GATEWAY_JVM:+stack.d options + }${BENCH_GATEWAY_JVM:-C1 only (-XX:TieredStopAtLevel=1)}"
GATEWAY_DB="${BENCH_GATEWAY_DB:-gateway_test}"
PGBENCH="${PGBENCH:-$(command -v pgbench || printf '%s\n' /usr/lib/postgresql/*/bin/pgbench | tail -1)}"
REPORTS=http://127.0.0.1:28080/api/v1/reports/households
trap stop_services EXIT
: >"$OUT/pids"

psql_gateway() { psql -X -q -h 127.0.0.1 -U postgres -d "$GATEWAY_DB" -v ON_ERROR_STOP=1 -tA "$@"; }
gateway_pid() { awk '$2 == "gateway" {print $1}' "$OUT/pids"; }
# calc EXPRESSION ARGS...: Python arithmetic over sys.argv (a = argv[1], b = argv[2], ...)
calc() { python3 -c "import sys; a, b, c, d = (sys.argv[1:] + [0] * 4)[:4]; print($1)" "${@:2}"; }

start_services() {
  echo "==> report: starting registry, rating, morality and gateway on 2808x (${JVM_LABEL})"
  start_service farmer-registry 28081 -Dquarkus.profile=test
  start_service credit-rating 28082 -Dquarkus.profile=test \
    -Drating.debounce="${BENCH_DEBOUNCE:-$(sed -n 's/^rating.debounce=//p' "$ROOT/credit-rating/src/main/resources/application.properties")}"
  start_service morality-score 28083 -Dquarkus.profile=test
  start_service gateway 28080 -Dquarkus.profile=test "${GATEWAY_JVM[@]}" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$GATEWAY_DB" \
    -Druralcredit.services.registry.url=http://127.0.0.1:28081 -Druralcredit.services.rating.url=http://127.0.0.1:28082 \
    -Druralcredit.services.morality.url=http://127.0.0.1:28083 -Druralcredit.services.sme.url=http://127.0.0.1:28084 \
    -Druralcredit.queries.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY \
    -Druralcredit.queries.working-hours-start=00:00 -Druralcredit.queries.working-hours-end=23:59:59
}

# a fresh household of 临山村, filed by its township's official, and a lender's consent to report on it
open_household() {
  HEAD=$(resident_id M); SPOUSE=$(resident_id F)
  HOUSEHOLD=$(curl -fsS -H "Authorization: Bearer $(user_token official-linshan)" -H 'Content-Type: application/json' \
    -d "$(household_file "$HEAD" "$SPOUSE")" http://127.0.0.1:28081/api/v1/households | jq -r .id)
  LENDER=$(rpt "$(user_token loan-officer)" gateway)
  CONSENT=$(curl -fsS -H "Authorization: Bearer $LENDER" -H 'Content-Type: application/json' -d "$(jq -n --arg s "$HEAD" \
    --arg from "$(date -u -d yesterday +%F)" --arg to "$(date -u -d '+30 days' +%F)" \
    '{subjectType:"HOUSEHOLD",subjectId:$s,purpose:"GUARANTEE_REVIEW",signedOn:$from,expiresOn:$to,letterSha256:("ab"*32)}')" \
    http://127.0.0.1:28080/api/v1/consents | jq -r .id)
  printf '{"consentId":"%s","purpose":"GUARANTEE_REVIEW"}' "$CONSENT" >"$OUT/report-body.json"
}

# until the read model has the household's file, rating and moral profile (events)
await_complete_report() {
  for _ in $(seq 120); do
    curl -sS -H "Authorization: Bearer $LENDER" -H 'Content-Type: application/json' -d @"$OUT/report-body.json" \
      "$REPORTS" >"$OUT/report.json"
    [[ $(jq -r '.complete and .rating.status == "AVAILABLE" and .morality.status == "AVAILABLE"' "$OUT/report.json") == true ]] && break
    sleep 0.5
  done
  jq -e .complete "$OUT/report.json" >/dev/null || { echo "bench: the report never came back complete" >&2; exit 1; }
}

idle_verdict() { if [[ $2 != judged ]]; then echo -; elif (($1 <= 200)); then echo yes; else echo no; fi; }  # MIB JUDGED

footprint() {  # label [judged]: PSS of each service and of the infrastructure; judged against the idle target
  local pid module name
  while read -r pid module; do
    name=$module; [[ $module == gateway ]] && name+="${BENCH_GATEWAY_JVM:+ ($BENCH_GATEWAY_JVM)}"
    result "footprint" "$name, $1" "PSS MiB" "$(pss_mib "$pid")" "-" "-" "≤ 200 MiB idle" "$(idle_verdict "$(pss_mib "$pid")" "${2:-}")"
  done <"$OUT/pids"
  for component in kafka keycloak; do
    [[ -f "$ROOT/.stack/pids/$component.pid" ]] && result "footprint" "$component, $1" "PSS MiB" \
      "$(session_mib "$(stack_pid "$component")")" "-" "-" "-" "-"
  done
  result "footprint" "postgresql (all processes), $1" "PSS MiB" "$(postgres_mib)" "-" "-" "-" "-"
}

# The floor of any read of the model: one connection, one prepared single-table read of the household's row
# at a time (pgbench's per-transaction log, the first 100 left out as warm-up). Prints {n, p50_ms, p99_ms}.
floor_reads() {
  local reads="${BENCH_FLOOR_READS:-5000}"
  echo 'SELECT profile FROM report_household WHERE household_id = :household;' >"$OUT/floor-read.sql"
  rm -f "$OUT"/floor-log.*
  "$PGBENCH" -n -h 127.0.0.1 -U postgres -M prepared -c 1 -j 1 -t $((reads + 100)) -D household="$HOUSEHOLD" \
    -f "$OUT/floor-read.sql" -l --log-prefix="$OUT/floor-log" "$GATEWAY_DB" >"$OUT/floor.log" 2>&1 \
    || { echo "bench: pgbench failed; see $OUT/floor.log" >&2; exit 1; }
  cat "$OUT"/floor-log.* | tail -n +101 | awk '{print $3 / 1000}' | sort -n | awk '{v[NR] = $1}
    END {printf "{\"n\":%d,\"p50_ms\":%.3f,\"p99_ms\":%.3f}\n", NR, v[int((NR * 50 + 99) / 100)], v[int((NR * 99 + 99) / 100)]}'
}

# report_load RATE SECONDS WARMUP: the load generator's JSON line, with the CPU the gateway and PostgreSQL (all
# of the server's processes) spent per report, warm-up included, in ms: /proc/PID/stat before and after
report_load() {
  local rate=$1 seconds=$2 warmup=$3 gw gw0 pg0 line
  gw=$(gateway_pid)
  gw0=$(cpu_ticks "$gw"); pg0=$(postgres_ticks)
  line=$(EXPECT='"complete":true' "$JAVA" "$ROOT/bench/LoadGenerator.java" rate "$REPORTS" \
    "$OUT/report-body.json" "Bearer $LENDER" "$rate" "$seconds" "$warmup")
  jq -c --argjson gw $(($(cpu_ticks "$gw") - gw0)) --argjson pg $(($(postgres_ticks) - pg0)) \
    --argjson hz "$(getconf CLK_TCK)" --argjson n "$(calc 'round(float(a) * (int(b) + int(c)))' "$rate" "$seconds" "$warmup")" \
    '. + {gateway_cpu_ms: ($gw * 1000 / $hz / $n * 100 | round / 100), postgres_cpu_ms: ($pg * 1000 / $hz / $n * 100 | round / 100)}' \
    <<<"$line"
}

latency() { jq -r '"\(.p50_ms) / \(.p99_ms) ms, \(.errors) errors"' <<<"$1"; }
cpu() { jq -r '"CPU per report: gateway \(.gateway_cpu_ms) ms, PostgreSQL \(.postgres_cpu_ms) ms"' <<<"$1"; }
floor_text() { jq -r '"single-table read p50 \(.p50_ms) / p99 \(.p99_ms) ms"' <<<"$FLOOR"; }
ratio() { calc "f'p99 ×{float(a) / float(b):.0f}' if float(b) > 0 else '-'" "$(jq -r .p99_ms <<<"$1")" "$(jq -r .p99_ms <<<"$FLOOR")"; }
MEASURE="p50 / p99 ms, errors (incomplete counted); CPU ms per report"

# lower rates first, while no backlog of an overload can distort them: what this machine sustains
capacity_curve() {
  local probe line
  for probe in ${BENCH_REPORT_PROBES:-50 100 200 300 400}; do
    line=$(report_load "$probe" "$PROBE_SECONDS" 5)
    echo "    gateway at $probe/s: $line"
    result "report serving" "$probe/s for $PROBE_SECONDS s, RPT (capacity probe), $JVM_LABEL" "$MEASURE" \
      "$(latency "$line"); $(cpu "$line")" "$(floor_text)" "$(ratio "$line")" "-" "-"
  done
}

# The query register's share of a report, over every report served so far: the gateway's timers for
# deciding and registering a request (the chain's lock held to its commit) and for building the report
register_share() {
  local metrics
  metrics=$(curl -fsS http://127.0.0.1:29080/q/metrics)
  timer() { awk -v n="$1" '$1 == n {s += $2} END {printf "%.6f", s}' <<<"$metrics"; }
  python3 - "$(timer ruralcredit_report_register_seconds_sum)" "$(timer ruralcredit_report_register_seconds_count)" \
    "$(timer ruralcredit_report_build_seconds_sum)" "$(timer ruralcredit_report_build_seconds_count)" <<'PY'
import sys
rs, rc, bs, bc = map(float, sys.argv[1:])
print(f"{rs / rc * 1000:.2f} {bs / bc * 1000:.2f} {int(rc)}" if rc and bc else "- - 0")
PY
}

serving() {
  sleep 20
  # idle, but after the set-up's requests and first report: the classes they loaded stay
  footprint "idle 20 s after the first report" judged

  echo "==> report: baseline, a single-table read of the household's row at a time from $GATEWAY_DB"
  FLOOR=$(floor_reads)
  echo "    $FLOOR"
  capacity_curve

  echo "==> report: $RATE requests/s for $SECONDS_ s through the gateway"
  local line met
  line=$(report_load "$RATE" "$SECONDS_" 10)
  echo "    gateway: $line"
  footprint "after ${RATE}/s for ${SECONDS_} s"
  local register build registered
  read -r register build registered <<<"$(register_share)"
  echo "    register: ${register} ms a request (lock to commit), build ${build} ms a report, over ${registered} requests"
  result "report serving" "the query register's share, over the ${registered} requests of the curve and the run, $JVM_LABEL" \
    "mean ms: registering (chain lock to commit) / building the report" "${register} / ${build} ms" "-" "-" "-" "-"
  met=$(calc "'yes' if float(a) <= 50 and int(b) == 0 else 'no'" "$(jq -r .p99_ms <<<"$line")" "$(jq -r .errors <<<"$line")")
  result "report serving" "$RATE/s for $SECONDS_ s, RPT, $JVM_LABEL" "$MEASURE" "$(latency "$line"); $(cpu "$line")" \
    "$(floor_text)" "$(ratio "$line")" "300/s, p99 ≤ 50 ms, 0 errors" "$met"
}

propagation() {
  local changes="${BENCH_CHANGES:-1000}" background line debounce workload met
  echo "==> propagation: $changes registry corrections at 20/s, reports at 50/s in the background"
  "$JAVA" "$ROOT/bench/LoadGenerator.java" rate "$REPORTS" "$OUT/report-body.json" "Bearer $LENDER" 50 180 0 \
    >"$OUT/background.json" &
  background=$!
  line=$(BENCH_GATEWAY_DB=$GATEWAY_DB python3 "$ROOT/bench/propagation.py" http://127.0.0.1:28081 "$TOKEN_URL" "$changes" 20)
  echo "    $line"
  kill "$background" 2>/dev/null || true
  debounce=$(ps -o args= -p "$(awk '$2 == "credit-rating" {print $1}' "$OUT/pids")" | sed -n 's/.*-Drating.debounce=\([^ ]*\).*/\1/p')
  workload="$(jq -r .changes <<<"$line") corrections at 20/s, reports at 50/s behind"
  met=$(calc "'yes' if float(a) <= 300 and b == c else 'no'" \
    "$(jq -r .p95_ms <<<"$line")" "$(jq -r .changes <<<"$line")" "$(jq -r .propagated <<<"$line")")
  result "event propagation" "$workload" "p50 / p95 ms (registry commit → the gateway's read model has the file)" \
    "$(jq -r '"\(.p50_ms) / \(.p95_ms) ms, \(.propagated) propagated"' <<<"$line")" "-" "-" "p95 ≤ 300 ms" "$met"
  result "event propagation" "$workload, re-rating debounce $debounce (same corrections)" \
    "p50 / p95 ms (registry commit → the read model has the re-rating)" \
    "$(jq -r '.rating | "\(.p50_ms) / \(.p95_ms) ms, \(.propagated) propagated"' <<<"$line")" "-" "-" "-" "-"
}

# The read model's five tables on disk and its households: "BYTES ROWS"
model_size() {
  psql_gateway -F ' ' -c "SELECT pg_total_relation_size('report_household')
    + pg_total_relation_size('report_rating') + pg_total_relation_size('report_rating_current')
    + pg_total_relation_size('report_morality') + pg_total_relation_size('household_link'),
    (SELECT count(*) FROM report_household)"
}

# read_model_size "BYTES ROWS" (before the propagation's households): the size per 100,000 households,
# extrapolated from the run's rows; and from the growth over the propagation's households alone, which
# leaves out what tables and indexes take even when nearly empty (it matters in a small database)
read_model_size() {
  local bytes0 rows0 bytes rows
  read -r bytes0 rows0 <<<"$1"
  read -r bytes rows <<<"$(model_size)"
  echo "    read model: $bytes bytes for $rows households ($bytes0 bytes for $rows0 before the propagation)"
  result "report read model" "five tables (report_household, report_rating, report_rating_current, report_morality, household_link), extrapolated from the $rows households of $GATEWAY_DB" \
    "MiB on disk per 100,000 households: all rows; growth over the propagation's households" \
    "$(calc "f'{int(a) / max(int(b), 1) * 1e5 / 2**20:.1f} MiB; {(int(a) - int(c)) / max(int(b) - int(d), 1) * 1e5 / 2**20:.1f} MiB over {int(b) - int(d)}'" \
      "$bytes" "$rows" "$bytes0" "$rows0")" "-" "-" "-" "-"
}

start_services
open_household
await_complete_report
PARTS="${BENCH_REPORT_PARTS:-serving propagation}"
if [[ $PARTS == *serving* ]]; then serving; fi
if [[ $PARTS == *propagation* ]]; then
  before=$(model_size)
  propagation
  read_model_size "$before"
fi
