#!/usr/bin/env bash
# Pushes the authorization settings (resources, policies, permissions) of one or all service
# clients from k8s/keycloak/rural-credit-realm.json into the running local Keycloak, without a
# restart or a re-import: for adding a path's rule while the stack and other test runs go on.
#   stack.d/sync-authz.sh [client-id ...]     (default: every client with authorization settings)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REALM_FILE="$ROOT/k8s/keycloak/rural-credit-realm.json"
KC="${KEYCLOAK_URL:-http://127.0.0.1:8180}"
# local dev-mode Keycloak's bootstrap admin (demo only), as ./stack starts it
ADMIN_USER="${KEYCLOAK_ADMIN_USER:-admin}"
ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin-demo-password}"

command -v jq >/dev/null || { echo "sync-authz: jq is needed (apt-get install -y jq)" >&2; exit 1; }
token=$(curl -sf -d grant_type=password -d client_id=admin-cli -d "username=$ADMIN_USER" \
  -d "password=$ADMIN_PASSWORD" "$KC/realms/master/protocol/openid-connect/token" | jq -r .access_token) \
  || { echo "sync-authz: cannot log in to Keycloak at $KC as $ADMIN_USER" >&2; exit 1; }

clients=("$@")
if [[ ${#clients[@]} -eq 0 ]]; then
  mapfile -t clients < <(jq -r '.clients[] | select(.authorizationSettings) | .clientId' "$REALM_FILE")
fi
for client in "${clients[@]}"; do
  uuid=$(curl -sf -H "Authorization: Bearer $token" \
    "$KC/admin/realms/rural-credit/clients?clientId=$client" | jq -r '.[0].id')
  [[ -n "$uuid" && "$uuid" != null ]] || { echo "sync-authz: client $client not in the running realm" >&2; exit 1; }
  settings=$(jq -c --arg c "$client" '.clients[] | select(.clientId == $c) | .authorizationSettings' "$REALM_FILE")
  # Import adds and updates; remove what the file no longer has so the result equals the file.
  for kind in permission policy resource; do
    path=$([[ $kind == resource ]] && echo resource || echo policy)
    filter=$([[ $kind == permission ]] && echo 'select(.type == "resource" or .type == "scope")' \
      || ([[ $kind == policy ]] && echo 'select(.type != "resource" and .type != "scope")' || echo '.'))
    wanted=$(jq -c --arg k "$kind" 'if $k == "resource" then [.resources[].name] else [.policies[].name] end' <<<"$settings")
    curl -sf -H "Authorization: Bearer $token" "$KC/admin/realms/rural-credit/clients/$uuid/authz/resource-server/$path?max=1000" \
      | jq -r --argjson wanted "$wanted" ".[] | $filter | select(.name as \$n | \$wanted | index(\$n) | not) | (._id // .id)" \
      | while read -r id; do
          curl -sf -X DELETE -H "Authorization: Bearer $token" \
            "$KC/admin/realms/rural-credit/clients/$uuid/authz/resource-server/$path/$id" >/dev/null
        done
  done
  curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "$settings" "$KC/admin/realms/rural-credit/clients/$uuid/authz/resource-server/import" >/dev/null \
    || { echo "sync-authz: import of $client's settings failed" >&2; exit 1; }
  echo "sync-authz: $client synchronised"
done
