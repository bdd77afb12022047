#!/usr/bin/env bash
# A throwaway local Redis Cluster (3 masters, 3 replicas) for the cluster test suite and CI
# (issue #17 item 3). Docker is not needed: it runs the host's redis-server on 127.0.0.1.
#
#   url=$(scripts/redis-cluster.sh start)    # the only stdout line is the REDIS_URL
#   REDIS_URL=$url npm test ...              # the cluster suite, including the chaos test
#   scripts/redis-cluster.sh stop
#
# Usage: redis-cluster.sh start  [--port BASE] [--dir DIR]   nodes on BASE..BASE+5 (default 7100)
#        redis-cluster.sh stop   [--dir DIR]                 kill the nodes, remove DIR
#        redis-cluster.sh status [--dir DIR]                 print CLUSTER NODES
# DIR defaults to /tmp/baton-redis-cluster. It holds each node's pidfile, log, nodes.conf and
# data; nothing is persisted. Progress goes to stderr so `$(...)` captures only the URL.
set -euo pipefail

BASE=7100
DIR=/tmp/baton-redis-cluster
NODES=6
# The chaos test kills a master and expects its replica to take over within ~5 s. The master is
# marked failed about one node timeout after it dies, and its replica is elected 0.5-1 s later:
# with 1000 ms, promotion takes 2.2-2.8 s here.
NODE_TIMEOUT_MS=1000
# Marks DIR as ours, so `stop` never removes a directory this script did not create.
MARKER=.baton-redis-cluster
WAIT_SECONDS=30

die() { echo "redis-cluster: $*" >&2; exit 1; }
log() { echo "redis-cluster: $*" >&2; }
cli() { redis-cli -h 127.0.0.1 -p "$1" "${@:2}"; }

parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --port) BASE="${2:?--port needs a value}"; shift 2 ;;
      --dir) DIR="${2:?--dir needs a value}"; shift 2 ;;
      *) die "unknown argument: $1" ;;
    esac
  done
  case "$BASE" in '' | *[!0-9]*) die "--port must be a number, got '$BASE'" ;; esac
  # Redis changes into its --dir before writing the pidfile, so paths must be absolute.
  case "$DIR" in /*) ;; *) DIR="$PWD/$DIR" ;; esac
  # Each node also listens on its cluster bus port, port + 10000.
  if [ "$BASE" -lt 1024 ] || [ $((BASE + NODES - 1 + 10000)) -gt 65535 ]; then
    die "--port must be between 1024 and $((65535 - 10000 - NODES + 1))"
  fi
}

ports() { seq "$BASE" $((BASE + NODES - 1)); }

# True when something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp, no nc needed).
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when $1 is alive and still a redis on port $2: a stale pidfile may name a reused pid.
is_our_node() { ps -p "$1" -o args= 2>/dev/null | grep -qE "redis.*:$2( |$)"; }

# A zombie counts as gone: its sockets are closed, and some containers' init reaps it late.
is_alive() { ps -o stat= -p "$1" 2>/dev/null | grep -qv '^Z'; }

stop_nodes() {
  [ -d "$DIR" ] || return 0
  if [ ! -e "$DIR/$MARKER" ]; then
    [ -z "$(ls -A "$DIR")" ] && return 0
    die "$DIR was not created by this script; not touching it"
  fi
  kill_nodes
  rm -rf "$DIR"
}

# Kills the nodes but keeps DIR, so a failed start leaves its logs to read.
kill_nodes() {
  local pidfile pid port pids=()
  for pidfile in "$DIR"/*.pid; do
    [ -e "$pidfile" ] || continue
    port=$(basename "$pidfile" .pid)
    pid=$(cat "$pidfile" 2>/dev/null) || continue
    if is_our_node "$pid" "$port"; then
      kill "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
  done
  # Nodes exit at once on SIGTERM (shutdown-on-sigterm); SIGKILL any still up after 5 s.
  local deadline=$((SECONDS + 5))
  for pid in ${pids[@]+"${pids[@]}"}; do
    while is_alive "$pid" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  [ ${#pids[@]} -eq 0 ] || log "stopped ${#pids[@]} node(s) from $DIR"
}

start_node() {
  local port=$1
  mkdir -p "$DIR/$port"
  # repl-diskless-sync-delay 0: Redis 7 otherwise waits 5 s before the first full sync.
  # shutdown-on-sigterm now: a master otherwise waits for its replicas on SIGTERM, which
  # makes `stop` take a second or more for data nobody keeps.
  # cluster-replica-validity-factor 0: a replica is always allowed to fail over, however long
  # its link has been down (the chaos test may kill more than once per run).
  redis-server --port "$port" --bind 127.0.0.1 \
    --daemonize yes --pidfile "$DIR/$port.pid" --logfile "$DIR/$port.log" \
    --dir "$DIR/$port" --cluster-enabled yes --cluster-config-file nodes.conf \
    --cluster-node-timeout "$NODE_TIMEOUT_MS" --cluster-replica-validity-factor 0 \
    --save '' --appendonly no --repl-diskless-sync-delay 0 \
    --shutdown-on-sigterm 'nosave now' >&2 ||
    die "redis-server failed on port $port; see $DIR/$port.log"
}

wait_until() {
  local what=$1 deadline=$((SECONDS + WAIT_SECONDS))
  shift
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] ||
      die "timed out after ${WAIT_SECONDS}s waiting for $what; logs in $DIR"
    sleep 0.1
  done
}

all_nodes_up() {
  local port
  for port in $(ports); do [ "$(cli "$port" ping 2>/dev/null)" = PONG ] || return 1; done
}

# Every node says cluster_state:ok and sees 3 masters; every replica's link is up.
cluster_ready() {
  local port info masters
  for port in $(ports); do
    info=$(cli "$port" cluster info 2>/dev/null) || return 1
    grep -q '^cluster_state:ok' <<<"$info" || return 1
    masters=$(cli "$port" cluster nodes 2>/dev/null | awk '$3 ~ /master/ && $3 !~ /fail/' | wc -l)
    [ "$masters" -eq 3 ] || return 1
    info=$(cli "$port" info replication 2>/dev/null) || return 1
    if grep -q '^role:slave' <<<"$info"; then
      grep -q '^master_link_status:up' <<<"$info" || return 1
    fi
  done
}

start() {
  local bin port
  for bin in redis-server redis-cli; do
    command -v "$bin" >/dev/null || die "$bin not found: apt-get install -y redis-server"
  done
  stop_nodes
  for port in $(ports); do
    port_in_use "$port" && die "port $port is taken"
    port_in_use $((port + 10000)) && die "cluster bus port $((port + 10000)) is taken"
  done
  mkdir -p "$DIR"
  touch "$DIR/$MARKER"
  echo "$BASE" >"$DIR/base-port"
  # CI may never reach its `stop` step if start fails, so do not leave nodes behind.
  trap kill_nodes EXIT
  for port in $(ports); do start_node "$port"; done
  wait_until "nodes to answer PING" all_nodes_up

  local addrs=()
  for port in $(ports); do addrs+=("127.0.0.1:$port"); done
  # Output goes to stderr; it warns that replicas share a host with their master, which is
  # expected on loopback. TERM=dumb keeps colour codes out of CI logs.
  TERM=dumb redis-cli --cluster create "${addrs[@]}" --cluster-replicas 1 --cluster-yes >&2 ||
    die "redis-cli --cluster create failed; logs in $DIR"
  wait_until "cluster_state:ok and replicas in sync" cluster_ready
  trap - EXIT
  log "cluster ready in ${SECONDS}s ($DIR)"
  echo "redis+cluster://127.0.0.1:$BASE,127.0.0.1:$((BASE + 1)),127.0.0.1:$((BASE + 2))"
}

# Asks the first node that answers: after a chaos test the base node may be the dead one.
status() {
  [ -r "$DIR/base-port" ] || die "no cluster in $DIR"
  BASE=$(cat "$DIR/base-port")
  local port
  for port in $(ports); do
    cli "$port" cluster nodes 2>/dev/null && return 0
  done
  die "no node of the cluster in $DIR answers"
}

cmd=${1:-}
[ $# -eq 0 ] || shift
parse_args "$@"
case "$cmd" in
  start) start ;;
  stop) stop_nodes ;;
  status) status ;;
  *) die "usage: $0 start|stop|status [--port BASE] [--dir DIR]" ;;
esac
