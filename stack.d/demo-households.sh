#!/usr/bin/env bash
# Writes synthetic household files in the import template (CSV), streaming, constant memory.
# Needs the packaged registry (mvn package -pl event-contracts,service-commons,farmer-registry -am).
#   stack.d/demo-households.sh --households 1000000 --seed 42 --out /tmp/households.csv
#   stack.d/demo-households.sh --households 10000 --townships 330281100,330281106 --out '/tmp/demo-{township}.csv'
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP="$ROOT/farmer-registry/target"
[[ -d "$APP/classes" && -d "$APP/quarkus-app/lib/main" ]] || { echo "build farmer-registry first (mvn package)" >&2; exit 1; }
exec "${JAVA:-java}" -Xmx256m -cp "$APP/classes:$APP/quarkus-app/lib/main/*" \
  org.ruralcredit.registry.demo.DemoHouseholds "$@"
