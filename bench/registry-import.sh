#!/usr/bin/env bash
# Bulk-import throughput of farmer-registry, end to end: a generated file of N households of one
# township is uploaded through the real import API (validation, encryption, revisions, outbox)
# into a fresh database of its own; prints households per second over the job's own start and
# finish, and how long the outbox relay then took to publish every event to Kafka.
# Needs ./stack infra running and the registry packaged
# (mvn -B -q package -DskipTests -pl event-contracts,service-commons,test-support,farmer-registry).
#   bench/registry-import.sh [households=100000] [township=330281100]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-100000}"
TOWNSHIP="${2:-330281100}"
PORT=18091
DB=registry_bench
KEYCLOAK=http://127.0.0.1:8180
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
WORK="$(mktemp -d)"
PID=""
cleanup() { [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

psql_su() { psql -X -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
psql_su -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER registry"

echo "==> generating $N households of township $TOWNSHIP"
JAVA="$JAVA" "$ROOT/stack.d/demo-households.sh" --households "$N" --seed 42 --townships "$TOWNSHIP" \
  --out "$WORK/households-{township}.csv" >/dev/null
FILE="$WORK/households-$TOWNSHIP.csv"
echo "    $(($(wc -l <"$FILE") - 1)) rows, $(du -h "$FILE" | cut -f1)"

echo "==> starting farmer-registry on :$PORT with database $DB"
"$JAVA" -Xmx512m ${REGISTRY_JAVA_OPTS:-} -Dquarkus.profile=local -Dquarkus.http.port=$PORT \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  -Druralcredit.outbox.topic-prefix=bench. \
  -jar "$ROOT/farmer-registry/target/quarkus-app/quarkus-run.jar" >"$WORK/registry.log" 2>&1 &
PID=$!
for _ in $(seq 120); do
  curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/registry.log" >&2; exit 1; }
  sleep 1
done

token() {
  curl -fsS -d grant_type=password -d client_id=rural-credit-console -d username=official-linshan \
    -d password=demo-password "$KEYCLOAK/realms/rural-credit/protocol/openid-connect/token" | jq -r .access_token
}

echo "==> importing"
uploaded=$(date +%s.%N)
job="$(curl -fsS -H "Authorization: Bearer $(token)" -F "file=@$FILE;type=text/csv" \
  "http://127.0.0.1:$PORT/api/v1/imports" | jq -r .id)"
while :; do
  status="$(curl -fsS -H "Authorization: Bearer $(token)" "http://127.0.0.1:$PORT/api/v1/imports/$job")"
  state="$(jq -r .status <<<"$status")"
  [[ "$state" == DONE || "$state" == FAILED ]] && break
  printf '\r    %s / %s rows' "$(jq -r .rowsDone <<<"$status")" "$(jq -r .rowsTotal <<<"$status")"
  sleep 2
done
done_at=$(date +%s.%N)
echo
[[ "$state" == DONE ]] || { echo "import failed: $status" >&2; exit 1; }

created="$(jq -r .householdsCreated <<<"$status")"
rejected="$(jq -r .householdsRejected <<<"$status")"
job_seconds="$(python3 -c "import sys,datetime as d;f=lambda s:d.datetime.fromisoformat(s.replace('Z','+00:00'));print((f(sys.argv[2])-f(sys.argv[1])).total_seconds())" \
  "$(jq -r .startedAt <<<"$status")" "$(jq -r .finishedAt <<<"$status")")"
echo "==> outbox: waiting for the relay to publish every event"
while [[ "$(psql_su -d $DB -tAc 'SELECT count(*) FROM outbox_event WHERE published_at IS NULL')" != 0 ]]; do sleep 1; done
published=$(date +%s.%N)

python3 - "$N" "$created" "$rejected" "$job_seconds" "$uploaded" "$done_at" "$published" "$(nproc)" <<'EOF'
import sys
n, created, rejected, job, up, done, pub, cores = sys.argv[1:]
created, job, up, done, pub = int(created), float(job), float(up), float(done), float(pub)
print(f"households in file      {n}")
print(f"created / rejected      {created} / {rejected}")
print(f"import job              {job:.1f} s  ->  {created / job:,.0f} households/s")
print(f"upload to DONE          {done - up:.1f} s  ->  {created / (done - up):,.0f} households/s")
print(f"upload to all published {pub - up:.1f} s  (outbox relay to Kafka)")
print(f"cores                   {cores}")
EOF
