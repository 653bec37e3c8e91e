#!/usr/bin/env bash
# Gives one host of the service (web or worker) its own RabbitMQ user, with the permissions of
# service-permissions beside this script: the web host's user cannot read registrations or notices.
#   deploy/rabbitmq/add-service-user.sh web|worker USER PASSWORD [VHOST]
# Run where rabbitmqctl reaches the broker (set RABBITMQ_NODENAME etc. for a local node). Put USER and
# PASSWORD into that host's Secret (deploy/kubernetes/config.yaml: RabbitMq__Username, RabbitMq__Password).
set -euo pipefail
host=${1:?web or worker}; user=${2:?user name}; password=${3:?password}; vhost=${4:-/}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
read -r _ configure write read < <(grep -E "^$host[[:space:]]" "$here/service-permissions") \
  || { echo "no such host: $host (web or worker)" >&2; exit 2; }
ctl=${RABBITMQCTL:-rabbitmqctl}
"$ctl" add_user "$user" "$password" 2>/dev/null || "$ctl" change_password "$user" "$password"
"$ctl" set_permissions -p "$vhost" "$user" "$configure" "$write" "$read"
echo "user $user has the $host host's permissions on $vhost"
