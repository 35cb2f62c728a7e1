#!/usr/bin/env bash
# Household report latency through the gateway: median and p99 over N sequential report requests
# (default 1000) after a warm-up, every service local. Each request is a full report: query rules,
# register append, registry + credit-rating + morality-score in parallel, loans, queries, objections.
#
#   bench/report-latency.sh            # against a running stack (./stack up: 8080-8083)
#   START=1 bench/report-latency.sh    # starts the packaged jars itself (test profile, ports
#                                              # 2808x, any hour allowed) and stops them afterwards;
#                                              # needs `mvn -B -q package -DskipTests` first
#   RPT=1 ...                                  # the loan officer presents an RPT (UMA grant) instead
#                                              # of a plain access token: the gateway's enforcer
#                                              # then decides without asking Keycloak
# Needs curl, jq and python3; Keycloak at KEYCLOAK_URL (default http://127.0.0.1:8180).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${N:-1000}"
WARMUP="${WARMUP:-50}"
KC="${KEYCLOAK_URL:-http://127.0.0.1:8180}"
TOKEN_URL="$KC/realms/rural-credit/protocol/openid-connect/token"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
LOGS="$ROOT/gateway/target/bench"
pids=()

if [[ "${START:-0}" == 1 ]]; then
  GATEWAY=http://127.0.0.1:28080
  REGISTRY=http://127.0.0.1:28081
  mkdir -p "$LOGS"
  start() {  # module port [properties...]; /q/* on the management port, port + 1000
    local module=$1 port=$2; shift 2
    "$JAVA" -Xmx256m -Dquarkus.profile=test -Dquarkus.http.port="$port" -Dquarkus.management.port=$((port + 1000)) "$@" \
      -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" >"$LOGS/$module.log" 2>&1 &
    pids+=($!)
  }
  stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
  trap stop EXIT
  start farmer-registry 28081
  start credit-rating 28082 -Dquarkus.flyway.ignore-migration-patterns='*:future'
  start morality-score 28083
  start gateway 28080 \
    -Druralcredit.services.registry.url=http://127.0.0.1:28081 \
    -Druralcredit.services.rating.url=http://127.0.0.1:28082 \
    -Druralcredit.services.morality.url=http://127.0.0.1:28083 \
    -Druralcredit.services.sme.url=http://127.0.0.1:28084 \
    -Druralcredit.services.registry.timeout=3s -Druralcredit.services.rating.timeout=3s \
    -Druralcredit.services.morality.timeout=3s \
    -Druralcredit.queries.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY \
    -Druralcredit.queries.working-hours-start=00:00 -Druralcredit.queries.working-hours-end=23:59:59
  for url in http://127.0.0.1:29081 http://127.0.0.1:29082 http://127.0.0.1:29083 http://127.0.0.1:29080; do
    for _ in $(seq 1 240); do curl -sf "$url/q/health/ready" >/dev/null && break; sleep 0.5; done
    curl -sf "$url/q/health/ready" >/dev/null || { echo "bench: $url (management) did not start; see $LOGS" >&2; exit 1; }
  done
else
  GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"
  REGISTRY="${REGISTRY_URL:-http://127.0.0.1:8081}"
fi

token() { curl -sf -d grant_type=password -d client_id=rural-credit-console -d "username=$1" \
  -d password=demo-password "$TOKEN_URL" | jq -r .access_token; }
OFFICIAL=$(token official-linshan)
LENDER=$(token loan-officer)
if [[ "${RPT:-0}" == 1 ]]; then
  LENDER=$(curl -sf -H "Authorization: Bearer $LENDER" -d grant_type=urn:ietf:params:oauth:grant-type:uma-ticket \
    -d audience=gateway "$TOKEN_URL" | jq -r .access_token)
fi

# a fresh household of 临山村 (valid resident IDs), filed by its township's official
source "$ROOT/bench/lib.sh"
HEAD=$(resident_id M); SPOUSE=$(resident_id F)
FILE=$(household_file "$HEAD" "$SPOUSE")
curl -sf -H "Authorization: Bearer $OFFICIAL" -H 'Content-Type: application/json' -d "$FILE" "$REGISTRY/api/v1/households" >/dev/null
TODAY=$(date -u +%F)
CONSENT=$(curl -sf -H "Authorization: Bearer $LENDER" -H 'Content-Type: application/json' -d "$(jq -n --arg s "$HEAD" \
  --arg from "$(date -u -d yesterday +%F)" --arg to "$(date -u -d '+30 days' +%F)" \
  '{subjectType:"HOUSEHOLD",subjectId:$s,purpose:"GUARANTEE_REVIEW",signedOn:$from,expiresOn:$to,letterSha256:("ab"*32)}')" \
  "$GATEWAY/api/v1/consents" | jq -r .id)
BODY="{\"consentId\":\"$CONSENT\",\"purpose\":\"GUARANTEE_REVIEW\"}"
ask() { curl -s -o "$1" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $LENDER" \
  -H 'Content-Type: application/json' -d "$BODY" "$GATEWAY/api/v1/reports/households"; }

# until the rating and the moral profile of the new household exist (events), then warm up
for _ in $(seq 1 120); do
  ask /tmp/bench-report.json >/dev/null
  [[ $(jq -r .complete /tmp/bench-report.json) == true && $(jq -r .rating.status /tmp/bench-report.json) == AVAILABLE \
     && $(jq -r .morality.status /tmp/bench-report.json) == AVAILABLE ]] && break
  sleep 0.5
done
jq -e '.complete == true' /tmp/bench-report.json >/dev/null || { echo "bench: report not complete" >&2; jq . /tmp/bench-report.json >&2; exit 1; }
for _ in $(seq 1 "$WARMUP"); do ask /dev/null >/dev/null; done

times=$(for _ in $(seq 1 "$N"); do ask /tmp/bench-report.json; done)
bad=$(awk '$1 != 200' <<<"$times" | wc -l)
incomplete=$(jq -r .complete /tmp/bench-report.json)
python3 - "$N" "$bad" <<PY
import statistics, sys
t=sorted(float(l.split()[1])*1000 for l in """$times""".strip().splitlines())
n=len(t)
print(f"report latency over {n} sequential requests (RPT={'${RPT:-0}'}): median {statistics.median(t):.1f} ms, "
      f"p99 {t[max(0, -(-99*n//100)-1)]:.1f} ms, min {t[0]:.1f} ms, max {t[-1]:.1f} ms; non-200: {sys.argv[2]}")
PY
echo "last report complete: $incomplete"
