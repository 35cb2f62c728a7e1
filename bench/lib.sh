# shellcheck shell=bash
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

# start_service MODULE PORT [JAVA PROPERTIES...]: a packaged service in the background (pid in $OUT/pids);
# its management interface (/q/*: health, metrics) on PORT + 1000, clear of the stack's 9080-9084
start_service() {
  local module=$1 port=$2; shift 2
  "$JAVA" "@$ROOT/stack.d/service-jvm.options" -Dquarkus.http.port="$port" -Dquarkus.management.port=$((port + 1000)) "$@" \
    -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" >"$OUT/$module.log" 2>&1 &
  echo "$! $module" >>"$OUT/pids"
  for _ in $(seq 240); do curl -fsS "http://127.0.0.1:$((port + 1000))/q/health/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done
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
pss_mib() { echo $(($(pss_kib "$1") / 1024)); }
session_mib() { local pid total=0; for pid in $(ps -o pid= --sid "$1"); do total=$((total + $(pss_kib "$pid"))); done; echo $((total / 1024)); }
postgres_mib() { local pid total=0; for pid in $(pgrep -x postgres); do total=$((total + $(pss_kib "$pid"))); done; echo $((total / 1024)); }
# The processes of the PostgreSQL the benchmarks use (127.0.0.1:5432): its postmaster and every child of it,
# not a test support's own server elsewhere on the machine
postgres_pids() {
  local postmaster
  postmaster=$(head -1 "$(psql_su -tAc 'SHOW data_directory')/postmaster.pid")
  echo "$postmaster"; pgrep -P "$postmaster" || true
}

# cpu_ticks PID...: CPU time of these processes in clock ticks (utime + stime), with that of children they
# reaped (cutime + cstime): a PostgreSQL backend that exits between two samples stays counted in its postmaster
cpu_ticks() {
  local pid
  for pid in "$@"; do sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null || true; done | awk '{s += $12 + $13 + $14 + $15} END {print s + 0}'
}
postgres_ticks() { local pids; mapfile -t pids < <(postgres_pids); cpu_ticks "${pids[@]}"; }

stack_pid() { awk '{print $1}' "$ROOT/.stack/pids/$1.pid"; }

# resident_id M|F: a fresh valid resident ID of Yuyao (GB 11643 check character)
resident_id() { python3 - "$1" <<'PY'
import random, sys
w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; c="10X98765432"
seq=random.randrange(0,100)*10+(1+2*random.randrange(5) if sys.argv[1]=="M" else 2*random.randrange(5))
first=f"330281{random.randrange(1950,2000)}{random.randrange(1,13):02d}{random.randrange(1,29):02d}{seq:03d}"
print(first+c[sum(int(a)*b for a,b in zip(first,w))%11])
PY
}

# household_file HEAD_ID SPOUSE_ID: the registry's create body for a household of 临山村
household_file() { jq -n --arg head "$1" --arg spouse "$2" '{reason:"入户建档", file:{villageCode:"330281100202",
  address:"临山镇临山村 9 号", yearsResident:30,
  members:[{name:"陈国平",relation:"HEAD",residentId:$head,education:"SENIOR_HIGH",labourStatus:"FULL"},
           {name:"周丽娟",relation:"SPOUSE",residentId:$spouse,labourStatus:"FULL"}],
  production:{mainBusiness:"PROCESSING",yearsExperience:15,skillsAndCertificates:["食品加工证"],asOf:"2026-05-01",source:"入户调查"},
  assets:{housing:500000,machinery:100000,vehicles:80000,livestock:0,deposits:120000,asOf:"2026-05-01",source:"入户调查"},
  income:{businessIncome:260000,wageIncome:0,transferIncome:0,productionExpenses:80000,livingExpenses:40000,asOf:"2026-05-01",source:"入户调查"},
  liabilities:{bankLoans:100000,privateLoans:0,guaranteesGiven:0,asOf:"2026-05-01",source:"余姚农商银行"},
  social:{partyMember:true,villageCadre:false,militaryFamily:false,publicWelfareActivities:4,asOf:"2026-05-01",source:"村委会"}}}'; }
