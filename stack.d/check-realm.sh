#!/usr/bin/env bash
# Smoke check of the rural-credit realm on a running Keycloak (./stack infra):
#  1. every demo user gets a token from rural-credit-console (password grant) carrying the
#     right realm role and division / institution / account_type claims;
#  2. the UMA decision (grant_type=urn:ietf:params:oauth:grant-type:uma-ticket) for each
#     resource and HTTP method matches the table below: 200 for the listed roles, 403 else.
# Keep the table in step with k8s/keycloak/rural-credit-realm.json when adding paths.
# Usage: stack.d/check-realm.sh [keycloak base url]   (default http://127.0.0.1:8180)
set -euo pipefail

BASE="${1:-http://127.0.0.1:8180}"
TOKEN_URL="$BASE/realms/rural-credit/protocol/openid-connect/token"
ALL="township-official village-clerk lender gov-agency credit-admin auditor"

# user -> "role claim=value ..." (demo accounts, demo-only password)
declare -A USERS=(
  [official-linshan]="township-official division=330281100"
  [official-mazhu]="township-official division=330281106"
  [clerk-linshan]="village-clerk division=330281100202"
  [loan-officer]="lender institution=YYRCB"
  [gov-clerk]="gov-agency institution=YY-CIVILIZATION-OFFICE"
  [credit-admin]="credit-admin division=330281"
  [auditor]="auditor division=330281"
  [shared-counter]="lender institution=YYRCB account_type=shared"
)

# "client resource METHOD roles-allowed..." ("-" = nobody: no permission means denied)
CASES=(
  "farmer-registry divisions GET $ALL"
  "farmer-registry divisions POST -"
  "farmer-registry village-profiles GET township-official village-clerk credit-admin auditor"
  "farmer-registry village-profiles PUT township-official"
  "farmer-registry village-profiles DELETE -"
  "credit-rating villages GET credit-admin auditor township-official"
  "credit-rating villages POST -"
  "morality-score standards GET credit-admin township-official village-clerk auditor"
  "morality-score standards PUT -"
  "morality-score catalogue GET credit-admin township-official village-clerk auditor"
  "morality-score catalogue POST credit-admin"
  "morality-score proposals GET village-clerk township-official credit-admin auditor"
  "morality-score proposals POST village-clerk township-official"
  "morality-score reviews GET township-official"
  "morality-score reviews POST township-official"
  "morality-score households GET township-official village-clerk credit-admin auditor"
  "morality-score households PUT village-clerk township-official"
  "morality-score households DELETE -"
  "morality-score villages GET township-official village-clerk credit-admin auditor"
  "morality-score villages POST -"
  "morality-score panel-rounds GET township-official village-clerk credit-admin auditor"
  "morality-score panel-rounds POST township-official village-clerk"
  "morality-score field-rules GET township-official village-clerk"
  "morality-score field-rules POST -"
  "sme-archive enterprises GET credit-admin gov-agency auditor"
  "sme-archive no-loan-list GET lender credit-admin auditor"
  "sme-archive financing-reports POST lender"
  "sme-archive financing-reports GET credit-admin auditor lender"
  "sme-archive enterprises PUT credit-admin"
  "sme-archive enterprises DELETE -"
  "farmer-registry households GET township-official village-clerk credit-admin auditor"
  "farmer-registry households POST township-official"
  "farmer-registry households DELETE -"
  "farmer-registry household-revisions GET township-official village-clerk credit-admin auditor"
  "farmer-registry household-revisions PUT -"
  "farmer-registry coverage GET township-official village-clerk credit-admin auditor"
  "farmer-registry imports POST township-official"
  "farmer-registry field-rules GET township-official village-clerk"
  "farmer-registry field-rules POST -"
  "farmer-registry field-bundles GET township-official village-clerk"
  "farmer-registry field-bundles PUT -"
  "farmer-registry household-announcements POST credit-admin"
  "farmer-registry household-announcements GET credit-admin auditor"
  "farmer-registry household-announcements DELETE -"
  "credit-rating household-ratings GET township-official village-clerk credit-admin auditor"
  "credit-rating models GET credit-admin auditor"
  "credit-rating models POST credit-admin"
  "gateway me GET $ALL"
  "gateway query-register GET auditor"
  "gateway query-register POST township-official"
  "gateway consents GET lender township-official"
  "gateway consents POST lender township-official"
  "gateway consents DELETE -"
  "gateway loans GET lender"
  "gateway loans PUT lender"
  "gateway loans POST lender"
  "gateway loans DELETE -"
  "gateway reports POST lender"
  "gateway reports GET lender"
  "gateway warnings GET lender"
  "gateway campaigns GET lender"
  "gateway campaigns POST -"
  "gateway warnings POST lender"
  "gateway objections POST township-official credit-admin"
  "gateway objections GET credit-admin"
  "gateway award-checks POST gov-agency"
  "gateway no-loan-list GET lender"
  "gateway financing-reports POST lender"
  "gateway loan-portfolio GET lender credit-admin auditor"
  "gateway loan-portfolio POST -"
  "farmer-registry internal-households POST -"
  "morality-score internal-households GET -"
  "credit-rating credit-offers GET -"
)

# The gateway's service account (client credentials, demo secret): role internal-reader, allowed the
# internal reads of the household and firm reports and nothing a person's role gives.
# "client resource METHOD want"
SERVICE_CASES=(
  "farmer-registry internal-households POST 200"
  "morality-score internal-households GET 200"
  "credit-rating household-ratings GET 200"
  "credit-rating credit-offers GET 200"
  "sme-archive enterprises GET 200"
  "sme-archive enterprises PUT 403"
  "sme-archive no-loan-list GET 403"
  "sme-archive financing-reports POST 403"
  "gateway reports POST 403"
)

payload() {  # JWT payload as JSON
  local p
  p="$(cut -d. -f2 <<<"$1" | tr '_-' '/+')"
  while (( ${#p} % 4 )); do p+="="; done
  base64 -d <<<"$p"
}

passed=0 failed=0
check() {  # check DESCRIPTION WANT GOT
  if [[ "$2" == "$3" ]]; then passed=$((passed + 1))
  else failed=$((failed + 1)); printf 'FAIL %s: want %s, got %s\n' "$1" "$2" "$3"; fi
}

for user in "${!USERS[@]}"; do
  read -r role claims <<<"${USERS[$user]}"
  token="$(curl -s -d grant_type=password -d client_id=rural-credit-console -d username="$user" \
    -d password=demo-password "$TOKEN_URL" | jq -r '.access_token // empty')"
  if [[ -z "$token" ]]; then check "$user password grant" token none; continue; fi
  claimset="$(payload "$token")"
  check "$user iss" "$BASE/realms/rural-credit" "$(jq -r .iss <<<"$claimset")"
  check "$user realm role $role" true "$(jq --arg r "$role" '.realm_access.roles | index($r) != null' <<<"$claimset")"
  for claim in division institution account_type; do
    want=null
    for kv in $claims; do [[ "${kv%%=*}" == "$claim" ]] && want="${kv#*=}"; done
    check "$user claim $claim" "$want" "$(jq -r --arg c "$claim" '.[$c]' <<<"$claimset")"
  done
  for case in "${CASES[@]}"; do
    read -r client resource method allowed <<<"$case"
    want=403; [[ " $allowed " == *" $role "* ]] && want=200
    got="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
      --data-urlencode grant_type=urn:ietf:params:oauth:grant-type:uma-ticket \
      -d audience="$client" --data-urlencode "permission=$resource#$method" "$TOKEN_URL")"
    check "$user $client $resource#$method" "$want" "$got"
  done
done
service_token="$(curl -s -d grant_type=client_credentials -d client_id=gateway -d client_secret=demo-gateway-secret \
  "$TOKEN_URL" | jq -r '.access_token // empty')"
if [[ -z "$service_token" ]]; then check "gateway client credentials grant" token none
else
  check "gateway service account role internal-reader" true \
    "$(payload "$service_token" | jq '.realm_access.roles | index("internal-reader") != null')"
  for case in "${SERVICE_CASES[@]}"; do
    read -r client resource method want <<<"$case"
    got="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $service_token" \
      --data-urlencode grant_type=urn:ietf:params:oauth:grant-type:uma-ticket \
      -d audience="$client" --data-urlencode "permission=$resource#$method" "$TOKEN_URL")"
    check "gateway service account $client $resource#$method" "$want" "$got"
  done
fi
echo "realm check: $passed passed, $failed failed"
(( failed == 0 ))
