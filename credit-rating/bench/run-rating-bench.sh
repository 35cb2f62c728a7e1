#!/usr/bin/env bash
# Rating benchmark: generates N households (default 1,000,000) into the rating_bench database,
# rates them all through the campaign path, then every village, township and county, and prints
# households per second and seconds. Run from the repository root (or anywhere inside it):
#   credit-rating/bench/run-rating-bench.sh [households] [threads]
# Needs the local PostgreSQL (127.0.0.1:5432, role "rating") and Keycloak (the service boots with OIDC).
set -euo pipefail
households="${1:-1000000}"
threads="${2:-2}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if ! psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'rating_bench'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE rating_bench OWNER rating"
fi
psql -h 127.0.0.1 -U postgres -d rating_bench -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null 2>&1 || true
mvn -B -q verify -pl event-contracts,service-commons,test-support,credit-rating \
  -Dtest=RatingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rating=true -Dbench.households="$households" -Dbench.threads="$threads" \
  2>&1 | grep -E 'ERROR|FAIL' || true
# the figures are in the test's captured output
grep -ho 'BENCH[^<]*' credit-rating/target/surefire-reports/TEST-org.ruralcredit.rating.bench.RatingBenchmark.xml
