#!/usr/bin/env bash
# Runs the fault-injection command against a local stack of the production topology, fresh every run (state under
# .local/faults): a RabbitMQ cluster of three nodes, a PostgreSQL primary with a synchronous standby, two workers and the
# J-LIS stub. `msv-bench faults` streams registrations through each fault in turn — a worker killed mid-chunk (three
# times), a broker node killed (kill -9) and started again, a rolling restart of the broker, PostgreSQL stopped for 20 s,
# the primary killed and the standby promoted — and prints, per fault: messages sent, final outcomes, lost, duplicated,
# and the time the service took to recover.
#
#   scripts/faults.sh [--count 600] [--rate 60] [--only worker-kill,broker-node-kill,...]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/lib/services.sh"

state=${MSV_FAULTS_STATE_DIR:-$root/.local/faults}
pg_port=${MSV_FAULTS_POSTGRES_PORT:-5436}
mq_port=${MSV_FAULTS_RABBITMQ_PORT:-5676}
mq_mgmt_port=${MSV_FAULTS_RABBITMQ_MANAGEMENT_PORT:-15676}
ports_from=${MSV_FAULTS_PORTS_FROM:-5280}
insurer=06139992

cleanup() {
  msv_stop_rabbitmq_cluster "$state/rabbitmq" "$mq_port"
  msv_stop_postgres "$state/standby"
  msv_stop_postgres "$state/primary"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

msv_install_prerequisites
cleanup
msv_remove_postgres "$state/standby"
msv_remove_postgres "$state/primary"
rm -rf "$state/rabbitmq" "$state/work"
mkdir -p "$state/work"

# Normal durability: the primary acknowledges a commit only once the standby has it (synchronous_standby_names).
msv_start_postgres "$state/primary" "$pg_port"
msv_start_postgres_standby "$state/standby" $((pg_port + 1)) "$pg_port"
psql -h 127.0.0.1 -p "$pg_port" -U postgres -qtA -c "CREATE DATABASE middle_server" >/dev/null
msv_start_rabbitmq_cluster "$state/rabbitmq" "$mq_port" "$mq_mgmt_port"
export MSV_INSURER_PASSWORDS="$state/insurers.env"
msv_broker_setup "$mq_mgmt_port" / "$insurer"

# The services' settings, as in production: every broker node, and both database servers with the one taking writes asked for.
export ConnectionStrings__Validation="Host=127.0.0.1:$pg_port,127.0.0.1:$((pg_port + 1));Username=postgres;Database=middle_server;Target Session Attributes=read-write"
export RabbitMq__ClusterNodes="127.0.0.1:$mq_port,127.0.0.1:$((mq_port + 1)),127.0.0.1:$((mq_port + 2))"
export RabbitMq__Host=127.0.0.1 RabbitMq__Port=$mq_port RabbitMq__Username=guest RabbitMq__Password=guest RabbitMq__QuorumQueues=true
# Where msv-bench finds the servers it fails (with the functions of scripts/lib/services.sh).
export MSV_FAULTS_STATE=$state MSV_FAULTS_PG_PORT=$pg_port MSV_FAULTS_MQ_PORT=$mq_port MSV_FAULTS_MQ_MGMT_PORT=$mq_mgmt_port
export MSV_FAULTS_INSURER=$insurer MSV_FAULTS_INSURER_PASSWORD=$(msv_insurer_password "$insurer")
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

msv_log "building (Release)…"
dotnet build "$root/MiddleServerValidation.sln" -c Release -v q -nologo >"$state/work/build.log" 2>&1 \
  || { tail -n 40 "$state/work/build.log" >&2; msv_die "build failed (log: $state/work/build.log)"; }
dotnet "$root/benchmarks/MiddleServerValidation.Benchmarks/bin/Release/net10.0/msv-bench.dll" faults \
  --ports-from "$ports_from" --work-dir "$state/work" "$@"
