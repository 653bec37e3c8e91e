#!/usr/bin/env bash
# Gives one host of the service (web or worker) its own RabbitMQ user, with the permissions of
# service-permissions beside this script: the web host's user cannot read registrations or notices.
#
#   printf '%s\n' "$PASSWORD" | deploy/rabbitmq/add-service-user.sh web|worker USER [VHOST]
#
# The password is read from standard input (never an argument: arguments show in the process list). The management
# API is reached as described in management.sh. Put USER and PASSWORD into that host's Secret
# (deploy/kubernetes/config.yaml: RabbitMq__Username, RabbitMq__Password). Safe to run again.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/management.sh"

host=${1:?usage: add-service-user.sh web|worker USER [VHOST] < password}; user=${2:?user name}; vhost=${3:-/}
read -r _ configure write read < <(grep -E "^$host[[:space:]]" "$here/service-permissions") \
  || { echo "no such host: $host (web or worker)" >&2; exit 2; }
IFS= read -r password || true
[ ${#password} -ge 12 ] || { echo "the password (read from standard input) must be at least 12 characters" >&2; exit 2; }

json() { printf '%s' "$1" | msv_json_string; }
v=$(msv_urlencode "$vhost")
msv_mq PUT "users/$user" "{\"password\":$(json "$password"),\"tags\":\"\"}"
msv_mq PUT "permissions/$v/$user" "{\"configure\":$(json "$configure"),\"write\":$(json "$write"),\"read\":$(json "$read")}"
echo "user $user has the $host host's permissions on $vhost"
