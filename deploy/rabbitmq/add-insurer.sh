#!/usr/bin/env bash
# Gives one insurer its place on the broker. Its user may:
#   - publish registrations only to its own exchange, registrations.{insurer} (bound to the registrations queue:
#     the exchange a message came through is how the service knows which insurer sent it), and declare that exchange;
#   - read only its own notice queue, notices.{insurer} (declared here, a quorum queue, so notices wait even before it
#     connects and survive the loss of a broker node).
# It cannot publish to any queue by name (no write on the default exchange), nor to a notice queue.
#
#   printf '%s\n' "$INSURER_PASSWORD" | deploy/rabbitmq/add-insurer.sh INSURER_NUMBER [VHOST]
#
# The insurer's password is read from standard input. The management API is reached as described in management.sh
# (RABBITMQ_MANAGEMENT_URL, RABBITMQ_ADMIN_USER, RABBITMQ_ADMIN_PASSWORD_FILE). Safe to run again: it changes the
# password and puts everything else back as it should be.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/management.sh"

insurer=${1:?usage: add-insurer.sh INSURER_NUMBER [VHOST] < password}
vhost=${2:-/}
[[ "$insurer" =~ ^[0-9]{6}([0-9]{2})?$ ]] || { echo "not an insurer number: $insurer" >&2; exit 2; }
IFS= read -r password || true
[ ${#password} -ge 12 ] || { echo "the insurer's password (read from standard input) must be at least 12 characters" >&2; exit 2; }

user="insurer-$insurer"
v=$(msv_urlencode "$vhost")
msv_mq PUT "users/$user" "{\"password\":$(printf '%s' "$password" | msv_json_string),\"tags\":\"\"}"
msv_mq PUT "permissions/$v/$user" "$(printf '{"configure":"^(registrations|notices)\\\\.%s$","write":"^registrations\\\\.%s$","read":"^notices\\\\.%s$"}' "$insurer" "$insurer" "$insurer")"
# The same exchange the worker declares for its registrations endpoint (MassTransit: fanout, durable).
msv_mq PUT "exchanges/$v/enrollee-registrations" '{"type":"fanout","durable":true,"auto_delete":false}'
msv_mq PUT "exchanges/$v/registrations.$insurer" '{"type":"fanout","durable":true,"auto_delete":false}'
msv_mq POST "bindings/$v/e/registrations.$insurer/e/enrollee-registrations" '{"routing_key":""}'
# A quorum queue (replicated on every node of a cluster), as the worker declares it; one that exists already is left as
# it is (RabbitMQ cannot change a queue's type). MSV_NOTICE_QUEUE_TYPE=classic for a broker without quorum queues.
if ! msv_mq GET "queues/$v/notices.$insurer" 2>/dev/null; then
  msv_mq PUT "queues/$v/notices.$insurer" \
    "{\"durable\":true,\"auto_delete\":false,\"arguments\":{\"x-queue-type\":\"${MSV_NOTICE_QUEUE_TYPE:-quorum}\"}}"
fi
echo "user $user publishes registrations to registrations.$insurer and reads notices.$insurer (vhost $vhost)"
