#!/usr/bin/env bash
# Runs the benchmark of the batch issue in one go: its own PostgreSQL and RabbitMQ (state under .local/bench,
# fresh every run, PostgreSQL with its normal durability), a Release build, then `msv-bench all`, which starts
# the J-LIS stub, the worker and the web host as separate processes and prints the figures.
#
#   scripts/benchmark.sh [--scale 0.01] [other msv-bench options]
#   scripts/benchmark.sh reconcile [--count 10000000]   the nightly reconciliation with the full-store J-LIS check
#
# Set ConnectionStrings__Validation (and RabbitMq__Host, __Port, __Username, __Password) to use servers of
# your own instead; the database named there is dropped and created again.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/lib/services.sh"

state=${MSV_BENCH_STATE_DIR:-$root/.local/bench}
pg_port=${MSV_BENCH_POSTGRES_PORT:-5435}
mq_port=${MSV_BENCH_RABBITMQ_PORT:-5675}
ports_from=${MSV_BENCH_PORTS_FROM:-5180}
own_pg=0 own_mq=0

cleanup() {
  [ "$own_mq" = 1 ] && msv_stop_rabbitmq "$state/rabbitmq" "$mq_port"
  [ "$own_pg" = 1 ] && msv_stop_postgres "$state/pg"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

msv_install_prerequisites
if [ -z "${ConnectionStrings__Validation:-}" ]; then
  own_pg=1
  msv_stop_postgres "$state/pg"
  msv_remove_postgres "$state/pg"
  # Statement statistics: the benchmark prints where PostgreSQL's time went.
  MSV_PG_EXTRA_CONF="shared_preload_libraries = 'pg_stat_statements'" msv_start_postgres "$state/pg" "$pg_port"
  export ConnectionStrings__Validation="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=msv_bench"
fi
if [ -z "${RabbitMq__Host:-}" ]; then
  own_mq=1
  msv_stop_rabbitmq "$state/rabbitmq" "$mq_port"
  rm -rf "$state/rabbitmq"
  msv_start_rabbitmq "$state/rabbitmq" "$mq_port"
  export RabbitMq__Host=127.0.0.1 RabbitMq__Port=$mq_port RabbitMq__Username=guest RabbitMq__Password=guest
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

msv_log "building (Release)…"
mkdir -p "$state/work"
dotnet build "$root/MiddleServerValidation.sln" -c Release -v q -nologo >"$state/work/build.log" 2>&1 \
  || { tail -n 40 "$state/work/build.log" >&2; msv_die "build failed (log: $state/work/build.log)"; }
bench="$root/benchmarks/MiddleServerValidation.Benchmarks/bin/Release/net10.0/msv-bench.dll"
if [ "${1:-}" = reconcile ]; then
  shift
  dotnet "$bench" reconcile --jlis-port "$((ports_from + 10))" --work-dir "$state/work" "$@"
else
  dotnet "$bench" all --ports-from "$ports_from" --work-dir "$state/work" "$@"
fi
