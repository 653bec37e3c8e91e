#!/usr/bin/env bash
# Runs the whole test suite: unit tests, and integration tests against a real PostgreSQL and a
# real RabbitMQ that this script installs (Debian packages) and starts itself, state in .local/test.
#
#   scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Domain]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/lib/services.sh"

state=${MSV_TEST_STATE_DIR:-$root/.local/test}
pg_port=${MSV_TEST_POSTGRES_PORT:-5434}
mq_port=${MSV_TEST_RABBITMQ_PORT:-5674}
mq_mgmt_port=${MSV_TEST_RABBITMQ_MANAGEMENT_PORT:-15674}
results=$state/results

cleanup() {
  msv_stop_rabbitmq "$state/rabbitmq" "$mq_port"
  msv_stop_postgres "$state/pg"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# chromium and a Japanese font: the review console's browser tests render Japanese pages and save screenshots.
msv_install_prerequisites chromium fonts-ipafont-gothic
# Fresh servers every run: no database or queue survives from an earlier run.
cleanup
msv_remove_postgres "$state/pg"
rm -rf "$state/rabbitmq" "$results"
msv_start_postgres "$state/pg" "$pg_port" fast
msv_start_rabbitmq "$state/rabbitmq" "$mq_port" "$mq_mgmt_port"

# What the tests' server fixture reads; a Docker-based provider would set the same three.
export MSV_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
export MSV_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$mq_port/"
export MSV_TEST_RABBITMQ_MANAGEMENT="http://guest:guest@127.0.0.1:$mq_mgmt_port/"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Screenshots of the review console's browser tests (kept with the test results).
export MSV_TEST_ARTIFACTS=${MSV_TEST_ARTIFACTS:-$results/screenshots}

dotnet build "$root/MiddleServerValidation.sln" -v q -nologo
status=0
dotnet test "$root/MiddleServerValidation.sln" --no-build -v q --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" || status=$?

# One closing line for the whole suite, summed over every test assembly's results.
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
