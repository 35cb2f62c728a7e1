#!/usr/bin/env bash
# Scenario 2, rating campaign: N households rated through the campaign path, then every village,
# township and county above them (credit-rating's RatingBenchmark, database rating_bench).
# Baseline in the same run: a plain SQL read of the same input rows and a write of one row each.
#   bench/scenarios/rating.sh [households=$BENCH_HOUSEHOLDS or 1000000] [threads=2]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
N="${1:-${BENCH_HOUSEHOLDS:-1000000}}"
THREADS="${2:-2}"
fresh_db rating_bench rating
psql_su -d rating_bench -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null 2>&1 || true
echo "==> rating: $N households, $THREADS threads"
(cd "$ROOT" && mvn -B -q -o verify -pl credit-rating -Dtest=RatingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rating=true -Dbench.households="$N" -Dbench.threads="$THREADS" >"$OUT/rating-maven.log" 2>&1) \
  || { echo "rating benchmark failed; see $OUT/rating-maven.log" >&2; exit 1; }
lines=$(grep -ho 'BENCH[^<]*' "$ROOT/credit-rating/target/surefire-reports/TEST-org.ruralcredit.rating.bench.RatingBenchmark.xml")
echo "$lines" | sed 's/^/    /'
read -r total rate baseline ratio met < <(python3 - "$lines" <<'PY'
import re, sys
text = sys.argv[1].replace(",", "")
total = float(re.search(r"BENCH total .*?: ([\d.]+) s for (\d+) households = (\d+)", text).group(1))
rate = float(re.search(r"BENCH total .*? = (\d+) households/s", text).group(1))
base = float(re.search(r"BENCH baseline: .* = (\d+) households/s", text).group(1))
print(f"{total:.1f} {rate:.0f} {base:.0f} {rate / base:.3f} {'yes' if total < 60 and rate / base >= 0.3 else 'no'}")
PY
)
result "rating campaign" "$N households + villages, townships, counties" "seconds (households/s)" "$total s ($rate/s)" \
  "plain SQL $baseline households/s" "$ratio" "< 60 s and ≥ 0.3 of baseline" "$met"
# the floor under any campaign of this schema (RatingBenchmark.floor): its stored rows written set-based
read -r floor_seconds floor_rate floor_ratio floor_met < <(python3 - "$lines" "$baseline" "$N" <<'PY'
import re, sys
text, base, n = sys.argv[1].replace(",", ""), float(sys.argv[2]), int(sys.argv[3])
m = re.search(r"BENCH floor: .* in ([\d.]+) s = (\d+) households/s", text)
seconds, rate = float(m.group(1)), float(m.group(2))
print(f"{seconds:.1f} {rate:.0f} {rate / base:.3f} {'yes' if rate >= n / 60 and rate / base >= 0.3 else 'no'}")
PY
)
result "rating campaign" "floor: the campaign's stored rows for $N households, written set-based by SQL alone" \
  "seconds (households/s)" "$floor_seconds s ($floor_rate/s)" "plain SQL $baseline households/s" "$floor_ratio" \
  "target reachable by any write path?" "$floor_met"
