#!/usr/bin/env bash
# Scenario 6, the field app (入户采集): against the platform `./stack up` runs with its demo data, in
# Debian's Chromium through Selenium (system-tests' FieldAppBenchmark): the app's shell and a village
# of about 1,000 households over an emulated 400 kbit/s link (100 ms round trip) — bytes on the wire and
# time until usable — then 100 households captured offline and sent when the signal is back.
# Files 100 households into the demo data of 临山镇 (village 330281100201; the measured village, 330281100207,
# keeps its size).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$ROOT"
./stack up >"$OUT/field-stack.log" 2>&1 || { echo "field: ./stack up failed; see $OUT/field-stack.log" >&2; exit 1; }
echo "==> field: shell and bundle at 400 kbit/s, sync of 100 households"
(mvn -B -q -o verify -pl system-tests -Dtest=FieldAppBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.field=true >"$OUT/field-maven.log" 2>&1) || { echo "field benchmark failed; see $OUT/field-maven.log" >&2; exit 1; }
lines=$(grep -ho 'BENCH field[^<]*' "$ROOT/system-tests/target/surefire-reports/TEST-org.ruralcredit.system.console.FieldAppBenchmark.xml")
echo "$lines" | sed 's/^/    /'
python3 - "$lines" <<'PY' >"$OUT/field.vars"
import re, sys
t = sys.argv[1]
shell = re.search(r"shell: (\d+) bytes in (\d+) files, usable after ([\d.]+) s", t)
bundle = re.search(r"bundle: (\d+) bytes in (\d+) pages \(([^)]*)\), all API answers (\d+) bytes, on the device ([\d.]+) s after the tap, ([\d.]+) s after the app opened", t)
sync = re.search(r"sync: (\d+) of (\d+) households filed in ([\d.]+) s", t)
print(f"shell_kb={int(shell.group(1))/1024:.1f} shell_files={shell.group(2)} usable={shell.group(3)}")
households = re.search(r"(\d+) 户", bundle.group(3)).group(1)
print(f"bundle_kb={int(bundle.group(1))/1024:.1f} pages={bundle.group(2)} taken={households} bundle_s={bundle.group(5)} opened_s={bundle.group(6)}")
print(f"synced={sync.group(1)} sync_n={sync.group(2)} sync_s={sync.group(3)}")
PY
source "$OUT/field.vars"
yn() { python3 -c "print('yes' if $1 else 'no')"; }
result "field app" "app shell, first visit, 400 kbit/s ($shell_files files)" "KB on the wire" "$shell_kb" "-" "-" "≤ 300 KB" "$(yn "$shell_kb <= 300")"
result "field app" "village bundle, $taken households in $pages pages, 400 kbit/s" "KB on the wire" "$bundle_kb" "-" "-" "≤ 150 KB" "$(yn "$bundle_kb <= 150")"
result "field app" "time to usable at 400 kbit/s: shell / village on the device" "seconds" "$usable / $opened_s" "-" "-" "≤ 8 s" "$(yn "$opened_s <= 8")"
result "field app" "sync of $sync_n households captured offline ($synced filed)" "seconds" "$sync_s" "-" "-" "≤ 30 s" "$(yn "$sync_s <= 30 and $synced == $sync_n")"
