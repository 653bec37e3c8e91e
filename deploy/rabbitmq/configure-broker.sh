#!/usr/bin/env bash
# Policies the service expects on its virtual host. Safe to run again.
#   - error queues (*_error) keep a message at most MSV_ERROR_RETENTION_DAYS days (default 30) and hold at most
#     MSV_ERROR_MAX_LENGTH messages (default 100000, the oldest dropped first): they hold sealed registrations an
#     operator looks at or replays (msv errors), not an archive.
#
#   deploy/rabbitmq/configure-broker.sh [VHOST]
#
# The management API is reached as described in management.sh.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/management.sh"

vhost=${1:-/}
days=${MSV_ERROR_RETENTION_DAYS:-30}
max_length=${MSV_ERROR_MAX_LENGTH:-100000}
v=$(msv_urlencode "$vhost")
msv_mq PUT "policies/$v/msv-error-retention" \
  "{\"pattern\":\"_error\$\",\"apply-to\":\"queues\",\"priority\":10,\"definition\":{\"message-ttl\":$((days * 86400000)),\"max-length\":$max_length,\"overflow\":\"drop-head\"}}"
echo "error queues of vhost $vhost keep messages $days days, at most $max_length"
