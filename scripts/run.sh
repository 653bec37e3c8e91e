#!/usr/bin/env bash
# Runs the whole service locally: PostgreSQL and RabbitMQ (installed from Debian packages when
# missing, state under .local/run), the J-LIS stub, the worker and the web host; then sends the
# sample registrations and shows the notices that come back. Ctrl-C stops everything it started.
#
#   scripts/run.sh [--no-sample] [--keep-data]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/lib/services.sh"

sample=1 keep=0
for arg in "$@"; do
  case "$arg" in
    --no-sample) sample=0 ;;
    --keep-data) keep=1 ;;
    *) msv_die "unknown option: $arg (use --no-sample, --keep-data)" ;;
  esac
done

state=${MSV_STATE_DIR:-$root/.local/run}
pg_port=${MSV_POSTGRES_PORT:-5433}
mq_port=${MSV_RABBITMQ_PORT:-5673}
mq_mgmt_port=${MSV_RABBITMQ_MANAGEMENT_PORT:-15673}
web_url=${MSV_WEB_URL:-http://127.0.0.1:5080}
jlis_url=${MSV_JLIS_URL:-http://127.0.0.1:5081}
worker_url=${MSV_WORKER_URL:-http://127.0.0.1:5082}
examples=${MSV_EXAMPLES_DIR:-$root/../shared/examples}
[ -d "$examples" ] || examples=$root/samples/examples
config=${MSV_CONFIGURATION:-Release}

children=()
stop_all() {
  trap - INT TERM EXIT
  msv_log "stopping…"
  for pid in "${children[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${children[@]}"; do wait "$pid" 2>/dev/null || true; done
  msv_stop_rabbitmq "$state/rabbitmq" "$mq_port"
  msv_stop_postgres "$state/pg"
  msv_log "stopped"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

msv_install_prerequisites
if [ "$keep" = 0 ]; then
  # Throwaway instances: every run starts from empty stores, so the sample's outcomes are the same each time.
  msv_stop_rabbitmq "$state/rabbitmq" "$mq_port"
  msv_stop_postgres "$state/pg"
  msv_remove_postgres "$state/pg"
  rm -rf "$state/rabbitmq"
fi
mkdir -p "$state/logs"
msv_start_postgres "$state/pg" "$pg_port"
msv_start_rabbitmq "$state/rabbitmq" "$mq_port" "$mq_mgmt_port"
msv_ensure_dev_keys "$state/keys.env"

# Two roles, as in production: the schema's owner runs the migrations; the services run as msv_app, which may read and
# write rows and nothing more (msv migrate --grant-to).
export ConnectionStrings__Migrations=${ConnectionStrings__Migrations:-"Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=middle_server"}
export ConnectionStrings__Validation=${ConnectionStrings__Validation:-"Host=127.0.0.1;Port=$pg_port;Username=msv_app;Database=middle_server"}
export RabbitMq__Host=${RabbitMq__Host:-127.0.0.1}
export RabbitMq__Port=${RabbitMq__Port:-$mq_port}
export RabbitMq__Username=${RabbitMq__Username:-guest}
export RabbitMq__Password=${RabbitMq__Password:-guest}
export RabbitMq__QuorumQueues=${RabbitMq__QuorumQueues:-true}
export Jlis__BaseAddress=${Jlis__BaseAddress:-$jlis_url}
export JlisStub__ResidentsFile=${JlisStub__ResidentsFile:-$examples/residents.csv}
export DOTNET_ENVIRONMENT=${DOTNET_ENVIRONMENT:-Production} ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

psql_cmd=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -qtA)
"${psql_cmd[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'middle_server'" | grep -q 1 \
  || "${psql_cmd[@]}" -c "CREATE DATABASE middle_server"
"${psql_cmd[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'msv_app'" | grep -q 1 \
  || "${psql_cmd[@]}" -c "CREATE ROLE msv_app LOGIN"

msv_log "building ($config)…"
dotnet build "$root/MiddleServerValidation.sln" -c "$config" -v q -nologo >"$state/logs/build.log" 2>&1 \
  || { tail -n 40 "$state/logs/build.log" >&2; msv_die "build failed (log: $state/logs/build.log)"; }
bin() { echo "$root/src/MiddleServerValidation.$1/bin/$config/net10.0"; }

dotnet "$(bin Cli)/msv.dll" migrate --grant-to msv_app

start() { # name url dll
  local name=$1 url=$2 dll=$3
  ( cd "$(dirname "$dll")" && exec dotnet "$dll" --urls "$url" ) >"$state/logs/$name.log" 2>&1 &
  children+=($!)
  msv_log "$name starting on $url (log: $state/logs/$name.log)"
}
start jlis-stub "$jlis_url" "$(bin JlisStub)/MiddleServerValidation.JlisStub.dll"
start worker "$worker_url" "$(bin Worker)/MiddleServerValidation.Worker.dll"
start web "$web_url" "$(bin Web)/MiddleServerValidation.Web.dll"

wait_ready() { # name url
  for _ in $(seq 1 120); do
    curl -fsS "$2" >/dev/null 2>&1 && { msv_log "$1 ready"; return 0; }
    sleep 0.5
  done
  tail -n 30 "$state/logs/$1.log" >&2
  msv_die "$1 did not become ready ($2)"
}
wait_ready jlis-stub "$jlis_url/health/ready"
wait_ready worker "$worker_url/health/ready"
wait_ready web "$web_url/health/ready"

# The two sample insurers get their broker users, exchanges and notice queues as deploy/rabbitmq/add-insurer.sh gives
# any insurer; the sample is then sent as each of them, the way an insurer's own system would.
export MSV_INSURER_PASSWORDS="$state/insurers.env"
msv_broker_setup "$mq_mgmt_port" / 01130012 06139992
send_as() { # insurer file [args…]
  local insurer=$1; shift
  RabbitMq__Username="insurer-$insurer" RabbitMq__Password="$(msv_insurer_password "$insurer")" dotnet "$(bin Cli)/msv.dll" send "$@"
}

if [ "$sample" = 1 ]; then
  msv_log "sending the sample: $examples/prior.csv (insurer B), then $examples/new.csv (insurer A)"
  send_as 01130012 "$examples/prior.csv" --wait
  expect=()
  [ -f "$examples/expected.csv" ] && expect=(--expect "$examples/expected.csv")
  send_as 06139992 "$examples/new.csv" --wait "${expect[@]}" || msv_log "the sample's outcomes differ from expected.csv"
  msv_log "insurer A answers its Suspected notices: $root/samples/corrections.csv (A-0003 corrected, A-0002 withdrawn)"
  send_as 06139992 "$root/samples/corrections.csv" --wait
fi

cat >&2 <<INFO

  web:       $web_url  (health: $web_url/health/ready)
  review console: $web_url  (an account: ConnectionStrings__Validation='$ConnectionStrings__Validation' dotnet $(bin Cli)/msv.dll staff add NAME --role Supervisor)
  worker:    $worker_url/health/ready
  J-LIS stub: $jlis_url
  RabbitMQ:  amqp://guest:guest@127.0.0.1:$mq_port/  (management: http://127.0.0.1:$mq_mgmt_port)
  insurers:  broker users insurer-01130012, insurer-06139992 (passwords in $MSV_INSURER_PASSWORDS)
  PostgreSQL: Host=127.0.0.1;Port=$pg_port;Database=middle_server (services as msv_app, migrations as postgres)
  logs:      $state/logs

  Running. Press Ctrl-C to stop everything.
INFO
# Stay up until Ctrl-C, or until one of the services stops by itself.
wait -n "${children[@]}" || true
msv_log "a service stopped by itself; see $state/logs"
