# Calls to RabbitMQ's management HTTP API for the broker scripts beside this file. Sourced, not run.
# RABBITMQ_MANAGEMENT_URL (default http://127.0.0.1:15672), RABBITMQ_ADMIN_USER (default guest) and the admin's password
# in RABBITMQ_ADMIN_PASSWORD or, better, a file named by RABBITMQ_ADMIN_PASSWORD_FILE. Passwords never go on a command
# line (where `ps` shows them): curl reads them from its configuration on standard input.

msv_mq_url=${RABBITMQ_MANAGEMENT_URL:-http://127.0.0.1:15672}
msv_mq_user=${RABBITMQ_ADMIN_USER:-guest}
if [ -n "${RABBITMQ_ADMIN_PASSWORD_FILE:-}" ]; then
  msv_mq_password=$(<"$RABBITMQ_ADMIN_PASSWORD_FILE")
else
  msv_mq_password=${RABBITMQ_ADMIN_PASSWORD:-guest}
fi

msv_json_string() { python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))'; }

msv_urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

# msv_mq METHOD PATH [JSON_BODY]  — fails with the API's answer on any status but 2xx.
msv_mq() {
  local method=$1 path=$2 body=${3:-}
  local status output
  output=$(mktemp)
  status=$(printf 'user = "%s:%s"\n' "$msv_mq_user" "$msv_mq_password" | curl -sS -K - -o "$output" -w '%{http_code}' \
    -X "$method" -H 'content-type: application/json' ${body:+--data-binary "$body"} "$msv_mq_url/api/$path") || { rm -f "$output"; return 1; }
  if [ "${status:0:1}" != 2 ]; then
    echo "RabbitMQ management API: $method /api/$path answered $status: $(cat "$output")" >&2
    rm -f "$output"
    return 1
  fi
  rm -f "$output"
}
