#!/usr/bin/env bash
# Scenario 5, the rest of the footprint: ./stack up wall time cold (nothing of the platform
# running) and warm (infrastructure running, the five services start), then the idle memory (PSS) of
# every process of the platform and its sum. Stops and starts the local stack: run it alone.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$ROOT"
timed() { local t0; t0=$(date +%s.%N); "$@" >"$OUT/stack-up.log" 2>&1; python3 -c "import time,sys; print(f'{time.time()-float(sys.argv[1]):.0f}')" "$t0"; }

echo "==> startup: ./stack down, then ./stack up (cold)"
./stack down >/dev/null
cold=$(timed ./stack up)
echo "==> startup: services stopped, infrastructure kept, ./stack up (warm)"
for service in gateway sme-archive morality-score credit-rating farmer-registry; do
  pid=$(stack_pid "$service"); kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  rm -f ".stack/pids/$service.pid"
done
warm=$(timed ./stack up)
result "startup" "./stack up, cold (nothing running)" "seconds" "$cold" "-" "-" "-" "-"
result "startup" "./stack up, warm (infrastructure running)" "seconds" "$warm" "-" "-" "-" "-"

sleep 30
total=0
for component in farmer-registry credit-rating morality-score sme-archive gateway kafka keycloak; do
  mib=$(session_mib "$(stack_pid "$component")")
  total=$((total + mib))
  target="-"; met="-"
  case "$component" in kafka|keycloak) ;; *) target="≤ 200 MiB"; met=$( ((mib <= 200)) && echo yes || echo no) ;; esac
  result "footprint" "$component, idle after ./stack up" "PSS MiB" "$mib" "-" "-" "$target" "$met"
done
pg=$(postgres_mib)
total=$((total + pg))
result "footprint" "postgresql, all processes" "PSS MiB" "$pg" "-" "-" "-" "-"
result "footprint" "whole platform, idle" "PSS MiB" "$total" "-" "-" "≤ 2,560 MiB" "$( ((total <= 2560)) && echo yes || echo no)"
