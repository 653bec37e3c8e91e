#!/usr/bin/env bash
# Local PostgreSQL and RabbitMQ for development and tests: installed from Debian packages when
# missing, run as throwaway instances whose whole state lives in one git-ignored folder.
# No Docker and no system service is touched. Sourced by scripts/run.sh and scripts/test.sh.

msv_log() { printf '\033[1;34m[msv]\033[0m %s\n' "$*" >&2; }
msv_die() { printf '\033[1;31m[msv] %s\033[0m\n' "$*" >&2; exit 1; }

msv_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    msv_die "need root (or sudo) to run: $*"; fi
}

msv_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# Installs what is missing from Debian's packages. Extra package names may be passed (e.g. chromium).
msv_install_prerequisites() {
  local missing=()
  [ -n "$(msv_pg_bin)" ] && [ -x "$(msv_pg_bin)/initdb" ] || missing+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v curl >/dev/null || missing+=(curl)
  local extra
  for extra in "$@"; do dpkg -s "$extra" >/dev/null 2>&1 || missing+=("$extra"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  msv_log "installing from Debian packages: ${missing[*]}"
  msv_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  msv_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The Debian packages may start system services; ours are separate instances, so stop theirs.
  msv_as_root service rabbitmq-server stop >/dev/null 2>&1 || true
}

# Where a cluster for DIR lives. As root, initdb and postgres run as the postgres user, which must
# reach the folder: a checkout in a private home (e.g. /root) keeps its cluster under
# /var/lib/postgresql/msv instead, linked from DIR/cluster so it is still found in the state folder.
msv_pg_root() {
  local dir=$1
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$dir/.." 2>/dev/null; then
    echo "/var/lib/postgresql/msv/$(printf '%s' "$(realpath -m "$dir")" | md5sum | cut -c1-12)"
  else
    echo "$dir"
  fi
}

msv_pg_run() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# msv_start_postgres DIR PORT [fast]  — "fast" trades durability for speed (tests only).
msv_start_postgres() {
  local dir=$1 port=$2 mode=${3:-}
  local bin root
  bin=$(msv_pg_bin)
  mkdir -p "$dir"
  root=$(msv_pg_root "$dir")
  if [ "$root" != "$dir" ]; then
    msv_log "postgres cannot reach $dir; its cluster lives in $root (linked from $dir/cluster)"
    mkdir -p "$root"
    ln -sfn "$root" "$dir/cluster"
  fi
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$root"
  if [ -f "$root/data/postmaster.pid" ] && msv_pg_run "$bin/pg_ctl" -D "$root/data" status >/dev/null 2>&1; then
    msv_log "PostgreSQL already running on port $port ($root)"
    return 0
  fi
  if [ ! -f "$root/data/PG_VERSION" ]; then
    msv_pg_run "$bin/initdb" -D "$root/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$root/initdb.log" 2>&1 \
      || { cat "$root/initdb.log" >&2; msv_die "initdb failed"; }
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $port"
      echo "unix_socket_directories = '$root'"
      echo "max_connections = 200"
      # Each registration of a chunk holds an advisory lock until commit.
      echo "max_locks_per_transaction = 256"
      echo "shared_buffers = 256MB"
      echo "work_mem = 16MB"
      echo "maintenance_work_mem = 256MB"
      echo "max_wal_size = 4GB"
      # Extra settings from the caller, e.g. shared_preload_libraries for the benchmark's statement statistics.
      [ -n "${MSV_PG_EXTRA_CONF:-}" ] && printf '%s\n' "$MSV_PG_EXTRA_CONF"
      if [ "$mode" = fast ]; then
        echo "fsync = off"
        echo "synchronous_commit = off"
        echo "full_page_writes = off"
      fi
    } >>"$root/data/postgresql.conf"
  fi
  msv_pg_run "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 -o "-p $port" start >/dev/null \
    || { tail -n 20 "$root/server.log" >&2; msv_die "PostgreSQL did not start on port $port (log: $root/server.log)"; }
  msv_log "PostgreSQL ready on 127.0.0.1:$port"
}

msv_stop_postgres() {
  local dir=$1 bin root
  bin=$(msv_pg_bin)
  root=$(msv_pg_root "$dir")
  [ -f "$root/data/postmaster.pid" ] || return 0
  msv_pg_run "$bin/pg_ctl" -D "$root/data" -m fast -w stop >/dev/null 2>&1 || true
}

# msv_kill_postgres DIR  — the server dies at once (kill -9 of the postmaster and its processes), as when its machine fails.
msv_kill_postgres() {
  local dir=$1 root pid children
  root=$(msv_pg_root "$dir")
  [ -f "$root/data/postmaster.pid" ] || return 0
  pid=$(head -n 1 "$root/data/postmaster.pid")
  children=$(ps -o pid= --ppid "$pid" 2>/dev/null || true)
  # shellcheck disable=SC2086
  kill -9 "$pid" $children 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

# msv_start_postgres_standby DIR PORT PRIMARY_PORT  — a streaming replica of the primary (pg_basebackup), made
# its synchronous standby: from then on the primary acknowledges a commit only once the standby has it.
msv_start_postgres_standby() {
  local dir=$1 port=$2 primary_port=$3
  local bin root
  bin=$(msv_pg_bin)
  mkdir -p "$dir"
  root=$(msv_pg_root "$dir")
  if [ "$root" != "$dir" ]; then mkdir -p "$root"; ln -sfn "$root" "$dir/cluster"; fi
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$root"
  if [ ! -f "$root/data/PG_VERSION" ]; then
    msv_pg_run "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$root/data" -R -X stream --checkpoint=fast \
      >"$root/basebackup.log" 2>&1 || { cat "$root/basebackup.log" >&2; msv_die "pg_basebackup from port $primary_port failed"; }
    {
      echo "port = $port"
      echo "unix_socket_directories = '$root'"
      # Promoted, it stands alone: it must not wait for a standby of its own.
      echo "synchronous_standby_names = ''"
    } >>"$root/data/postgresql.conf"
    sed -i '/^synchronous_standby_names/d' "$root/data/postgresql.auto.conf"
  fi
  msv_pg_run "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 -o "-p $port" start >/dev/null \
    || { tail -n 20 "$root/server.log" >&2; msv_die "the standby did not start on port $port (log: $root/server.log)"; }
  psql -h 127.0.0.1 -p "$primary_port" -U postgres -qtA -c "ALTER SYSTEM SET synchronous_standby_names = '*'" -c "SELECT pg_reload_conf()" >/dev/null
  local _
  for _ in $(seq 1 100); do
    [ "$(psql -h 127.0.0.1 -p "$primary_port" -U postgres -qtA -c "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'")" = 1 ] \
      && { msv_log "PostgreSQL standby of port $primary_port ready on 127.0.0.1:$port (synchronous)"; return 0; }
    sleep 0.1
  done
  msv_die "the standby on port $port did not become the synchronous standby of port $primary_port"
}

# msv_promote_postgres DIR  — the standby becomes a primary that takes writes.
msv_promote_postgres() {
  local dir=$1 root
  root=$(msv_pg_root "$dir")
  msv_pg_run "$(msv_pg_bin)/pg_ctl" -D "$root/data" -w -t 60 promote >/dev/null
}

# Removes a stopped cluster's files, wherever they live.
msv_remove_postgres() {
  local dir=$1
  rm -rf "$(msv_pg_root "$dir")" "$dir"
}

# Environment for one throwaway RabbitMQ node whose state is all under DIR.
msv_rabbitmq_env() {
  local dir=$1 port=$2 mgmt_port=${3:-0}
  export HOME="$dir/home"
  export RABBITMQ_NODENAME="msv-$port@localhost"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT=$port
  export RABBITMQ_DIST_PORT=$((port + 20000))
  # A cluster's nodes share one epmd (they find each other through it): its port is kept in the node's folder.
  if [ -f "$dir/epmd-port" ]; then ERL_EPMD_PORT=$(<"$dir/epmd-port"); else ERL_EPMD_PORT=$((port - 1300)); fi
  export ERL_EPMD_PORT
  export RABBITMQ_MNESIA_BASE="$dir/mnesia"
  export RABBITMQ_LOG_BASE="$dir/log"
  export RABBITMQ_CONFIG_FILE="$dir/rabbitmq"
  export RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
  export RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
  export RABBITMQ_PLUGINS_EXPAND_DIR="$dir/plugins-expand"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export MSV_RABBITMQ_MGMT_PORT=$mgmt_port
}

# msv_start_rabbitmq DIR PORT [MANAGEMENT_PORT]  — runs in a subshell so the caller's HOME stays.
msv_start_rabbitmq() (
  local dir=$1 port=$2 mgmt_port=${3:-0}
  mkdir -p "$dir/home" "$dir/log" "$dir/mnesia"
  msv_rabbitmq_env "$dir" "$port" "$mgmt_port"
  local ctl=/usr/lib/rabbitmq/bin/rabbitmqctl
  if [ -f "$RABBITMQ_PID_FILE" ] && timeout 20 "$ctl" -q status >/dev/null 2>&1; then
    msv_log "RabbitMQ already running on port $port ($dir)"
    exit 0
  fi
  : >"$RABBITMQ_CONF_ENV_FILE"
  {
    echo "listeners.tcp.default = 127.0.0.1:$port"
    echo "loopback_users = none"
    echo "log.file.level = warning"
    # A registration is a few hundred bytes; the worker refuses over 64 KiB, the broker anything over 128 KiB.
    echo "max_message_size = 131072"
    if [ "$mgmt_port" != 0 ]; then
      echo "management.tcp.ip = 127.0.0.1"
      echo "management.tcp.port = $mgmt_port"
    fi
    # A node's own additions (a test's TLS listener, for one).
    if [ -f "$dir/extra.conf" ]; then cat "$dir/extra.conf"; fi
  } >"$dir/rabbitmq.conf"
  if [ "$mgmt_port" != 0 ]; then echo '[rabbitmq_management].' >"$RABBITMQ_ENABLED_PLUGINS_FILE"; else echo '[].' >"$RABBITMQ_ENABLED_PLUGINS_FILE"; fi
  setsid nohup /usr/lib/rabbitmq/bin/rabbitmq-server >"$dir/log/console.log" 2>&1 </dev/null &
  if ! timeout 150 "$ctl" wait --timeout 120 "$RABBITMQ_PID_FILE" >/dev/null 2>&1; then
    tail -n 30 "$dir/log/console.log" >&2
    msv_die "RabbitMQ did not start on port $port (log: $dir/log)"
  fi
  msv_log "RabbitMQ ready on 127.0.0.1:$port"
)

msv_stop_rabbitmq() (
  local dir=$1 port=$2
  [ -f "$dir/rabbitmq.pid" ] || exit 0
  msv_rabbitmq_env "$dir" "$port"
  timeout 60 /usr/lib/rabbitmq/bin/rabbitmqctl -q shutdown >/dev/null 2>&1 || true
  # Our epmd only: it listens on the private port set above. A cluster's is stopped with its last node.
  [ -f "$dir/epmd-port" ] || timeout 10 epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true
  rm -f "$dir/rabbitmq.pid"
)

# msv_kill_rabbitmq DIR  — the node dies at once (kill -9), as when its machine fails: no goodbye to the cluster or clients.
msv_kill_rabbitmq() {
  local dir=$1 pid
  [ -f "$dir/rabbitmq.pid" ] || return 0
  pid=$(<"$dir/rabbitmq.pid")
  kill -9 "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

# msv_start_rabbitmq_cluster DIR PORT [MANAGEMENT_PORT]  — three nodes of one cluster on PORT, PORT+1, PORT+2 (management on
# MANAGEMENT_PORT, +1, +2), each with its state in DIR/node-N, one Erlang cookie and one epmd (PORT-1300) between them.
# The first node starts alone; the others join it when they start for the first time, and find it again after a restart.
msv_start_rabbitmq_cluster() {
  local dir=$1 port=$2 mgmt_port=${3:-0} n node_dir cookie
  mkdir -p "$dir"
  [ -f "$dir/cookie" ] || (umask 077; head -c 24 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' >"$dir/cookie")
  cookie=$(<"$dir/cookie")
  for n in 1 2 3; do
    node_dir=$dir/node-$n
    mkdir -p "$node_dir/home"
    echo $((port - 1300)) >"$node_dir/epmd-port"
    if [ ! -f "$node_dir/home/.erlang.cookie" ]; then
      (umask 077; printf '%s' "$cookie" >"$node_dir/home/.erlang.cookie")
    fi
    {
      echo "cluster_name = msv-$port"
      if [ "$n" != 1 ]; then
        echo "cluster_formation.peer_discovery_backend = classic_config"
        echo "cluster_formation.classic_config.nodes.1 = msv-$port@localhost"
      fi
    } >"$node_dir/extra.conf"
    msv_start_rabbitmq "$node_dir" $((port + n - 1)) $([ "$mgmt_port" != 0 ] && echo $((mgmt_port + n - 1)) || echo 0)
  done
  [ "$mgmt_port" != 0 ] && msv_await_quorum "$mgmt_port"
  msv_log "RabbitMQ cluster of 3 nodes ready on 127.0.0.1:$port,$((port + 1)),$((port + 2))"
}

# A node that has just joined answers before its quorum-queue system does ("cluster_not_formed"): wait until a quorum
# queue can be declared across the cluster, through the management API of MANAGEMENT_PORT.
msv_await_quorum() {
  local mgmt_port=$1 url _
  url="http://127.0.0.1:$mgmt_port/api/queues/%2F/msv-cluster-formed"
  for _ in $(seq 1 120); do
    if printf 'user = "guest:guest"\n' | curl -fsS -K - -X PUT -H 'content-type: application/json' \
        --data '{"durable":true,"arguments":{"x-queue-type":"quorum"}}' "$url" >/dev/null 2>&1; then
      printf 'user = "guest:guest"\n' | curl -fsS -K - -X DELETE "$url" >/dev/null 2>&1 || true
      return 0
    fi
    sleep 0.5
  done
  msv_die "the RabbitMQ cluster (management port $mgmt_port) takes no quorum queue"
}

msv_stop_rabbitmq_cluster() {
  local dir=$1 port=$2 n
  # The first node stops last, so it is the one that may start first next time.
  for n in 3 2 1; do msv_stop_rabbitmq "$dir/node-$n" $((port + n - 1)); done
  timeout 10 epmd -port $((port - 1300)) -kill >/dev/null 2>&1 || true
}

# msv_broker_setup MANAGEMENT_PORT [VHOST] INSURER...  — the policies the service expects, and each insurer's broker user,
# exchange and notice queue, with the operator's own scripts (deploy/rabbitmq). Passwords are generated once into
# $MSV_INSURER_PASSWORDS (insurer=password lines, mode 600).
msv_broker_setup() {
  local mgmt_port=$1 vhost=$2; shift 2
  local deploy
  deploy="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/deploy/rabbitmq"
  export RABBITMQ_MANAGEMENT_URL="http://127.0.0.1:$mgmt_port" RABBITMQ_ADMIN_USER=guest RABBITMQ_ADMIN_PASSWORD=guest
  "$deploy/configure-broker.sh" "$vhost" >/dev/null
  local insurer password
  for insurer in "$@"; do
    password=$(msv_insurer_password "$insurer")
    printf '%s\n' "$password" | "$deploy/add-insurer.sh" "$insurer" "$vhost" >/dev/null
  done
}

# The broker password of a local insurer user, generated on first use.
msv_insurer_password() {
  local insurer=$1 file=${MSV_INSURER_PASSWORDS:?MSV_INSURER_PASSWORDS is not set}
  ( umask 077; touch "$file" )
  if ! grep -q "^$insurer=" "$file"; then
    echo "$insurer=$(head -c 24 /dev/urandom | base64 -w0 | tr '+/' '-_')" >>"$file"
  fi
  sed -n "s/^$insurer=//p" "$file"
}

# Local development keys (personal-number HMAC and AES-GCM, the console's key ring and audit fingerprints): each generated once, when
# missing from the file (an older file gains the newer keys), never committed.
msv_ensure_dev_keys() {
  local file=$1 name
  (umask 077; touch "$file")
  for name in PersonalData__HmacKey PersonalData__EncryptionKey Console__KeyRingKey Console__AuditNameKey; do
    if ! grep -q "^$name=" "$file"; then
      echo "$name=$(head -c 32 /dev/urandom | base64 -w0)" >>"$file"
      msv_log "generated local development key $name in $file"
    fi
  done
  chmod 600 "$file"
  set -a; . "$file"; set +a
}
