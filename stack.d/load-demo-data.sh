#!/usr/bin/env bash
# Loads the demo households once: 10,000 for each township that has a demo official
# (临山镇 official-linshan, 马渚镇 official-mazhu), through the real import API with their tokens.
# The registry works through the files in the background; set DEMO_WAIT=1 to wait for the end.
#   stack.d/load-demo-data.sh [registry-url] [keycloak-url] [households-per-township]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REGISTRY="${1:-http://127.0.0.1:8081}"
KEYCLOAK="${2:-http://127.0.0.1:8180}"
PER_TOWNSHIP="${3:-10000}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

"$ROOT/stack.d/demo-households.sh" --households "$PER_TOWNSHIP" --seed 20260331 \
  --townships 330281100,330281106 --out "$WORK/demo-{township}.csv" >/dev/null

token() {
  curl -fsS -d grant_type=password -d client_id=rural-credit-console -d "username=$1" -d password=demo-password \
    "$KEYCLOAK/realms/rural-credit/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

for pair in official-linshan:330281100 official-mazhu:330281106; do
  user="${pair%%:*}"; township="${pair##*:}"
  job="$(curl -fsS -H "Authorization: Bearer $(token "$user")" -F "file=@$WORK/demo-$township.csv;type=text/csv" \
    "$REGISTRY/api/v1/imports" | sed -E 's/.*"id":"([^"]+)".*/\1/')"
  printf 'demo data: %s importing %s households (job %s)' "$user" "$PER_TOWNSHIP" "$job"
  if [[ "${DEMO_WAIT:-0}" != 1 ]]; then
    printf ' — running in the background; progress: GET %s/api/v1/imports/%s\n' "$REGISTRY" "$job"
    continue
  fi
  while :; do
    status="$(curl -fsS -H "Authorization: Bearer $(token "$user")" "$REGISTRY/api/v1/imports/$job")"
    case "$status" in
      *'"status":"DONE"'*) echo " done: $(sed -E 's/.*("householdsCreated":[0-9]+).*("householdsUnchanged":[0-9]+).*("householdsRejected":[0-9]+).*/\1 \2 \3/' <<<"$status")"; break ;;
      *'"status":"FAILED"'*) echo " FAILED: $status" >&2; exit 1 ;;
    esac
    sleep 2; printf '.'
  done
done
