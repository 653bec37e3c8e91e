#!/usr/bin/env bash
# Gives one insurer its own RabbitMQ user: it may publish registrations and read only its own
# notice queue (notices.{insurerNumber}); it cannot see or drain another insurer's notices.
#   deploy/rabbitmq/add-insurer.sh INSURER_NUMBER PASSWORD [VHOST]
# Run where rabbitmqctl reaches the broker (set RABBITMQ_NODENAME etc. for a local node).
set -euo pipefail
insurer=${1:?insurer number}; password=${2:?password}; vhost=${3:-/}
[[ "$insurer" =~ ^[0-9]{6}([0-9]{2})?$ ]] || { echo "not an insurer number: $insurer" >&2; exit 2; }
ctl=${RABBITMQCTL:-rabbitmqctl}
user="insurer-$insurer"
"$ctl" add_user "$user" "$password" 2>/dev/null || "$ctl" change_password "$user" "$password"
# configure: declare its own notice queue/exchange only; write: the registrations queue (default
# exchange) and its endpoint exchange; read: its own notice queue only.
"$ctl" set_permissions -p "$vhost" "$user" \
  "^notices\\.$insurer\$" \
  "^(amq\\.default|enrollee-registrations)\$" \
  "^notices\\.$insurer\$"
echo "user $user may publish registrations and read notices.$insurer"
