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
# shellcheck source-path=SCRIPTDIR source=lib/local-redis.sh
source "$(dirname "$0")/lib/local-redis.sh"

BASE=7100
DIR=/tmp/baton-redis-cluster
NODES=6
# Each node also listens on its cluster bus port, port + 10000.
HIGHEST_PORT_OFFSET=$((NODES - 1 + 10000))
LOG_PREFIX=redis-cluster
PROCESS_NOUN='node(s)'
# The chaos test kills a master and expects its replica to take over within ~5 s. The master is
# marked failed about one node timeout after it dies, and its replica is elected 0.5-1 s later:
# with 1000 ms, promotion takes 2.2-2.8 s here.
NODE_TIMEOUT_MS=1000
# Marks DIR as ours, so `stop` never removes a directory this script did not create.
MARKER=.baton-redis-cluster
WAIT_SECONDS=30

ports() { seq "$BASE" $((BASE + NODES - 1)); }

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
  local port
  require_redis_binaries
  stop_all
  for port in $(ports); do
    port_in_use "$port" && die "port $port is taken"
    port_in_use $((port + 10000)) && die "cluster bus port $((port + 10000)) is taken"
  done
  claim_dir
  # CI may never reach its `stop` step if start fails, so do not leave nodes behind.
  trap kill_all EXIT
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
  read_base_port cluster
  local port
  for port in $(ports); do
    cli "$port" cluster nodes 2>/dev/null && return 0
  done
  die "no node of the cluster in $DIR answers"
}

main "$@"
