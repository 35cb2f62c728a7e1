#!/usr/bin/env bash
# Scenarios 4 (report serving), 3 (event propagation) and 5 (idle and loaded footprint): the gateway's household
# report with consent, at a fixed rate from a load generator in a process of its own
# (bench/LoadGenerator.java, open model), for SECONDS. Baseline in the same run: one direct call
# at a time to each service the report reads, for the same household; the slowest is the baseline.
# The services run packaged, test profile, on ports 2808x.
#   bench/scenarios/report.sh [rate=200] [seconds=60]
# BENCH_REPORT_PARTS="propagation" measures the propagation alone (default: "serving propagation").
# credit-rating re-rates with the debounce of its packaged configuration (rating.debounce, 300 ms),
# not the test profile's 1 s, or BENCH_DEBOUNCE when given.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
RATE="${1:-${BENCH_REPORT_RATE:-200}}"
SECONDS_="${2:-${BENCH_REPORT_SECONDS:-60}}"
trap stop_services EXIT
: >"$OUT/pids"

echo "==> report: starting registry, rating, morality and gateway on 2808x"
start_service farmer-registry 28081 -Dquarkus.profile=test
start_service credit-rating 28082 -Dquarkus.profile=test \
  -Drating.debounce="${BENCH_DEBOUNCE:-$(sed -n 's/^rating.debounce=//p' "$ROOT/credit-rating/src/main/resources/application.properties")}"
start_service morality-score 28083 -Dquarkus.profile=test
start_service gateway 28080 -Dquarkus.profile=test \
  -Druralcredit.services.registry.url=http://127.0.0.1:28081 -Druralcredit.services.rating.url=http://127.0.0.1:28082 \
  -Druralcredit.services.morality.url=http://127.0.0.1:28083 -Druralcredit.services.sme.url=http://127.0.0.1:28084 \
  -Druralcredit.queries.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY \
  -Druralcredit.queries.working-hours-start=00:00 -Druralcredit.queries.working-hours-end=23:59:59

# a fresh household of 临山村, filed by its township's official
HEAD=$(resident_id M); SPOUSE=$(resident_id F)
FILE=$(household_file "$HEAD" "$SPOUSE")
HOUSEHOLD=$(curl -fsS -H "Authorization: Bearer $(user_token official-linshan)" -H 'Content-Type: application/json' \
  -d "$FILE" http://127.0.0.1:28081/api/v1/households | jq -r .id)
LENDER=$(rpt "$(user_token loan-officer)" gateway)
CONSENT=$(curl -fsS -H "Authorization: Bearer $LENDER" -H 'Content-Type: application/json' -d "$(jq -n --arg s "$HEAD" \
  --arg from "$(date -u -d yesterday +%F)" --arg to "$(date -u -d '+30 days' +%F)" \
  '{subjectType:"HOUSEHOLD",subjectId:$s,purpose:"GUARANTEE_REVIEW",signedOn:$from,expiresOn:$to,letterSha256:("ab"*32)}')" \
  http://127.0.0.1:28080/api/v1/consents | jq -r .id)
printf '{"consentId":"%s","purpose":"GUARANTEE_REVIEW"}' "$CONSENT" >"$OUT/report-body.json"
for _ in $(seq 120); do
  curl -sS -H "Authorization: Bearer $LENDER" -H 'Content-Type: application/json' -d @"$OUT/report-body.json" \
    http://127.0.0.1:28080/api/v1/reports/households >"$OUT/report.json"
  [[ $(jq -r '.complete and .rating.status == "AVAILABLE" and .morality.status == "AVAILABLE"' "$OUT/report.json") == true ]] && break
  sleep 0.5
done
jq -e .complete "$OUT/report.json" >/dev/null || { echo "bench: the report never came back complete" >&2; exit 1; }

footprint() {  # label [judged]: PSS of each service and of the infrastructure; judged against the idle target
  local pid module
  while read -r pid module; do result "footprint" "$module, $1" "PSS MiB" "$(pss_mib "$pid")" "-" "-" "≤ 200 MiB idle" \
    "$([[ ${2:-} != judged ]] && echo - || { (( $(pss_mib "$pid") <= 200 )) && echo yes || echo no; })"; done <"$OUT/pids"
  for component in kafka keycloak; do
    [[ -f "$ROOT/.stack/pids/$component.pid" ]] && result "footprint" "$component, $1" "PSS MiB" \
      "$(session_mib "$(stack_pid "$component")")" "-" "-" "-" "-"
  done
  result "footprint" "postgresql (all processes), $1" "PSS MiB" "$(postgres_mib)" "-" "-" "-" "-"
}
PARTS="${BENCH_REPORT_PARTS:-serving propagation}"
if [[ $PARTS == *serving* ]]; then
sleep 20
# idle, but after the set-up's requests and first report: the classes they loaded stay
footprint "idle 20 s after the first report" judged

echo "==> report: baseline, one direct call at a time to each source"
SERVICE=$(gateway_service_token)
printf '{"residentId":"%s"}' "$HEAD" >"$OUT/by-head.json"
slowest_p50=0; slowest_p99=0; slowest=""
for source in "farmer-registry http://127.0.0.1:28081/internal/v1/households/by-head $OUT/by-head.json" \
              "credit-rating http://127.0.0.1:28082/api/v1/households/$HOUSEHOLD/ratings -" \
              "morality-score http://127.0.0.1:28083/internal/v1/households/$HOUSEHOLD/profile -"; do
  read -r name url body <<<"$source"
  line=$("$JAVA" "$ROOT/bench/LoadGenerator.java" sequential "$url" "$body" "Bearer $(rpt "$SERVICE" "$name")" 500)
  echo "    $name: $line"
  [[ $(jq -r .errors <<<"$line") == 0 ]] || { echo "bench: direct calls to $name failed" >&2; exit 1; }
  if python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) > float(sys.argv[2]) else 1)" "$(jq -r .p99_ms <<<"$line")" "$slowest_p99"; then
    slowest=$name; slowest_p50=$(jq -r .p50_ms <<<"$line"); slowest_p99=$(jq -r .p99_ms <<<"$line")
  fi
done

# lower rates first, while no backlog of an overload can distort them: what this machine sustains
for probe in ${BENCH_REPORT_PROBES:-25 50 100}; do
  line=$(EXPECT='"complete":true' "$JAVA" "$ROOT/bench/LoadGenerator.java" rate http://127.0.0.1:28080/api/v1/reports/households \
    "$OUT/report-body.json" "Bearer $LENDER" "$probe" 30 5)
  echo "    gateway at $probe/s: $line"
  result "report serving" "$probe/s for 30 s, RPT (capacity probe)" "p50 / p99 ms, errors (incomplete counted)" \
    "$(jq -r .p50_ms <<<"$line") / $(jq -r .p99_ms <<<"$line") ms, $(jq -r .errors <<<"$line") errors" "-" "-" "-" "-"
done

echo "==> report: $RATE requests/s for $SECONDS_ s through the gateway"
line=$(EXPECT='"complete":true' "$JAVA" "$ROOT/bench/LoadGenerator.java" rate http://127.0.0.1:28080/api/v1/reports/households \
  "$OUT/report-body.json" "Bearer $LENDER" "$RATE" "$SECONDS_" 10)
echo "    gateway: $line"
footprint "after ${RATE}/s for ${SECONDS_} s"
p50=$(jq -r .p50_ms <<<"$line"); p99=$(jq -r .p99_ms <<<"$line"); errors=$(jq -r .errors <<<"$line")
ratio=$(python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$p99" "$slowest_p99")
met=$(python3 -c "import sys; p99, r, e = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]); print('yes' if p99 <= 50 and r <= 2 and e == 0 else 'no')" "$p99" "$ratio" "$errors")
result "report serving" "$RATE/s for $SECONDS_ s, RPT" "p50 / p99 ms, errors (incomplete counted)" "$p50 / $p99 ms, $errors errors" \
  "direct $slowest p50 $slowest_p50 / p99 $slowest_p99 ms" "p99 ×$ratio" "200/s, p99 ≤ 50 ms, 0 errors, ≤ 2× baseline" "$met"
fi

echo "==> propagation: 1,000 registry corrections at 20/s, reports at 50/s in the background"
"$JAVA" "$ROOT/bench/LoadGenerator.java" rate http://127.0.0.1:28080/api/v1/reports/households \
  "$OUT/report-body.json" "Bearer $LENDER" 50 180 0 >"$OUT/background.json" &
background=$!
line=$(python3 "$ROOT/bench/propagation.py" http://127.0.0.1:28081 "$TOKEN_URL" "${BENCH_CHANGES:-1000}" 20)
echo "    $line"
kill "$background" 2>/dev/null || true
p50=$(jq -r .p50_ms <<<"$line"); p95=$(jq -r .p95_ms <<<"$line")
met=$(python3 -c "import sys; print('yes' if float(sys.argv[1]) <= 300 and sys.argv[2] == sys.argv[3] else 'no')" \
  "$p95" "$(jq -r .changes <<<"$line")" "$(jq -r .propagated <<<"$line")")
debounce=$(ps -o args= -p "$(awk '$2 == "credit-rating" {print $1}' "$OUT/pids")" | sed -n 's/.*-Drating.debounce=\([^ ]*\).*/\1/p')
result "event propagation" "$(jq -r .changes <<<"$line") corrections at 20/s, reports at 50/s behind, re-rating debounce $debounce" \
  "p50 / p95 ms (registry commit → gateway applied)" "$p50 / $p95 ms, $(jq -r .propagated <<<"$line") propagated" \
  "-" "-" "p95 ≤ 300 ms" "$met"
