# Shared by the bench scenarios: paths, tokens and the result rows that bench/run turns into RESULTS.md.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
KEYCLOAK="${KEYCLOAK_URL:-http://127.0.0.1:8180}"
TOKEN_URL="$KEYCLOAK/realms/rural-credit/protocol/openid-connect/token"
OUT="${BENCH_OUT:-$ROOT/bench/target}"
mkdir -p "$OUT"

psql_su() { psql -X -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

# fresh_db NAME OWNER: a database of the benchmark's own, dropped and made again
fresh_db() { psql_su -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1 OWNER $2"; }

user_token() { curl -fsS -d grant_type=password -d client_id=rural-credit-console -d "username=$1" \
  -d password=demo-password "$TOKEN_URL" | jq -r .access_token; }

# rpt TOKEN AUDIENCE: the UMA grant, so the service's enforcer decides locally
rpt() { curl -fsS -H "Authorization: Bearer $1" -d grant_type=urn:ietf:params:oauth:grant-type:uma-ticket \
  -d "audience=$2" "$TOKEN_URL" | jq -r .access_token; }

gateway_service_token() { curl -fsS -d grant_type=client_credentials -d client_id=gateway \
  -d client_secret=demo-gateway-secret "$TOKEN_URL" | jq -r .access_token; }

# result SCENARIO WORKLOAD MEASURE VALUE BASELINE RATIO TARGET MET: one row of the results table,
# kept under the name of the scenario script, so a run of some scenarios replaces only their rows
result() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(basename "$0" .sh)" "$@" >>"$OUT/results.tsv"; }

# start_service MODULE PORT [JAVA PROPERTIES...]: a packaged service in the background (pid in $OUT/pids)
start_service() {
  local module=$1 port=$2; shift 2
  "$JAVA" -Xmx256m -Dquarkus.http.port="$port" "$@" -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" \
    >"$OUT/$module.log" 2>&1 &
  echo "$! $module" >>"$OUT/pids"
  local i
  for i in $(seq 240); do curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "bench: $module did not get ready on $port; see $OUT/$module.log" >&2
  return 1
}

stop_services() {
  [[ -f "$OUT/pids" ]] || return 0
  local pid module
  while read -r pid module; do kill "$pid" 2>/dev/null || true; done <"$OUT/pids"
  while read -r pid module; do while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done; done <"$OUT/pids"
  rm -f "$OUT/pids"
}

# Proportional set size (shared pages divided among their sharers) in MiB: of a process, of every
# process of a session (./stack starts each component as a session of its own), of PostgreSQL
pss_kib() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
rss_mib() { echo $(($(pss_kib "$1") / 1024)); }
session_mib() { local pid total=0; for pid in $(ps -o pid= --sid "$1"); do total=$((total + $(pss_kib "$pid"))); done; echo $((total / 1024)); }
postgres_mib() { local pid total=0; for pid in $(pgrep -x postgres); do total=$((total + $(pss_kib "$pid"))); done; echo $((total / 1024)); }
stack_pid() { awk '{print $1}' "$ROOT/.stack/pids/$1.pid"; }
