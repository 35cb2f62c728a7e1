#!/usr/bin/env bash
# Writes synthetic household files in the import template (CSV), streaming, constant memory.
# Needs the packaged generator (mvn package -pl tools/demo-data -am, or the whole build).
#   stack.d/demo-households.sh --households 1000000 --seed 42 --out /tmp/households.csv
#   stack.d/demo-households.sh --households 10000 --townships 330281100,330281106 --out '/tmp/demo-{township}.csv'
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL="$ROOT/tools/demo-data/target"
JAR=("$TOOL"/demo-data-*.jar)
[[ -f "${JAR[0]}" && -d "$TOOL/lib" ]] || { echo "build the demo generator first (mvn package -pl tools/demo-data -am)" >&2; exit 1; }
exec "${JAVA:-java}" -Xmx256m -cp "${JAR[0]}:$TOOL/lib/*" org.ruralcredit.demo.DemoHouseholds "$@"
