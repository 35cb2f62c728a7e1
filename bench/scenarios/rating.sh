#!/usr/bin/env bash
# Scenario 2, rating campaign: N households rated through the campaign path, then every village,
# township and county above them (credit-rating's RatingBenchmark, database rating_bench).
# Baseline in the same run: a plain SQL read of the same input rows and a write of one row each.
#   bench/scenarios/rating.sh [households=$BENCH_HOUSEHOLDS or 1000000] [workers=2]
# (workers: credit-rating's campaign workers in its one instance, and the threads rating the divisions)
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
read -r total rate baseline floor_seconds floor_rate ratio met < <(python3 - "$lines" "$N" <<'PY'
import re, sys
text, n = sys.argv[1].replace(",", ""), int(sys.argv[2])
m = re.search(r"BENCH total .*?: ([\d.]+) s for (\d+) households = (\d+) households/s", text)
total, rate = float(m.group(1)), float(m.group(3))
base = float(re.search(r"BENCH baseline: .* = (\d+) households/s", text).group(1))
f = re.search(r"BENCH floor: .* in ([\d.]+) s = (\d+) households/s", text)
floor_seconds, floor_rate = float(f.group(1)), float(f.group(2))
ratio = rate / floor_rate
print(f"{total:.1f} {rate:.0f} {base:.0f} {floor_seconds:.1f} {floor_rate:.0f} {ratio:.3f} "
      f"{'yes' if total < 80 and ratio >= 0.7 else 'no'}")
PY
)
phases=$(echo "$lines" | sed -n 's/.*BENCH phases of the campaign batches, summed over [0-9]* workers: //p')
# issue target: under 80 s for the households and every division above them, at 0.7 of the floor or better
result "rating campaign" "$N households + villages, townships, counties ($THREADS workers; phases summed over them: $phases)" \
  "seconds (households/s)" "$total s ($rate/s)" "floor $floor_rate households/s (same run)" "$ratio" \
  "< 80 s and ≥ 0.7 of the floor" "$met"
# the floor under any campaign of this schema (RatingBenchmark.floor): its stored rows written set-based
floor_ratio=$(python3 -c "print(f'{$floor_rate / $baseline:.3f}')")
result "rating campaign" "floor: the campaign's stored rows for $N households, written set-based by SQL alone" \
  "seconds (households/s)" "$floor_seconds s ($floor_rate/s)" "plain SQL $baseline households/s" "$floor_ratio" \
  "under 80 s, so the target is reachable?" "$(python3 -c "print('yes' if $floor_seconds < 80 else 'no')")"
