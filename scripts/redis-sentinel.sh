#!/usr/bin/env bash
# A throwaway local Redis Sentinel set (1 master, 1 replica, 3 sentinels) for the sentinel test
# suite and CI (issue #17 item 3). Docker is not needed: it runs the host's redis-server on
# 127.0.0.1, with `--sentinel` standing in for the redis-sentinel binary Debian does not ship.
#
#   url=$(scripts/redis-sentinel.sh start)   # the only stdout line is the REDIS_URL
#   REDIS_URL=$url <sentinel test suite>     # including the chaos test that kills the master
#   scripts/redis-sentinel.sh stop
#
# Usage: redis-sentinel.sh start  [--port BASE] [--dir DIR]   master BASE, replica BASE+1,
#                                                             sentinels BASE+10..12 (BASE 7200)
#        redis-sentinel.sh stop   [--dir DIR]                 kill everything, remove DIR
#        redis-sentinel.sh status [--dir DIR]                 print what the sentinels see
# DIR defaults to /tmp/baton-redis-sentinel. It holds pidfiles, logs and the sentinel configs,
# which the sentinels rewrite as they learn about each other and after a failover, so each
# start writes them afresh. Progress goes to stderr so `$(...)` captures only the URL.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/local-redis.sh
source "$(dirname "$0")/lib/local-redis.sh"

BASE=7200
DIR=/tmp/baton-redis-sentinel
# The last sentinel listens on BASE + 12.
HIGHEST_PORT_OFFSET=12
LOG_PREFIX=redis-sentinel
PROCESS_NOUN='process(es)'
NAME=baton
QUORUM=2
# The chaos test kills the master and expects a new one within a few seconds. A sentinel
# flags the master down after DOWN_AFTER_MS, and all three name the replica as master about
# 2.3-2.5 s after the kill here. A split leader vote is retried only after twice
# FAILOVER_TIMEOUT_MS, so that is kept short too.
DOWN_AFTER_MS=1000
FAILOVER_TIMEOUT_MS=5000
# Marks DIR as ours, so `stop` never removes a directory this script did not create.
MARKER=.baton-redis-sentinel
WAIT_SECONDS=30

master_port() { echo "$BASE"; }
replica_port() { echo $((BASE + 1)); }
sentinel_ports() { seq $((BASE + 10)) $((BASE + 12)); }
all_ports() { echo "$(master_port) $(replica_port) $(sentinel_ports)"; }

# redis-cli prints a reply map as alternating lines; this turns it into "key<TAB>value" lines.
pairs() { paste - -; }

# Master and replica. Extra arguments (--replicaof) are passed through.
start_redis() {
  local port=$1
  mkdir -p "$DIR/$port"
  # repl-diskless-sync-delay 0: Redis 7 otherwise waits 5 s before the first full sync.
  # shutdown-on-sigterm now: a master otherwise waits for its replica on SIGTERM.
  redis-server --port "$port" --bind 127.0.0.1 \
    --daemonize yes --pidfile "$DIR/$port.pid" --logfile "$DIR/$port.log" --dir "$DIR/$port" \
    --save '' --appendonly no --repl-diskless-sync-delay 0 \
    --shutdown-on-sigterm 'nosave now' "${@:2}" >&2 ||
    die "redis-server failed on port $port; see $DIR/$port.log"
}

# A sentinel needs a writable config file of its own: it records its id, the other sentinels
# and the replicas there, and rewrites the monitor line after a failover.
start_sentinel() {
  local port=$1 conf="$DIR/sentinel-$1.conf"
  mkdir -p "$DIR/$port"
  cat >"$conf" <<EOF
port $port
bind 127.0.0.1
daemonize yes
pidfile $DIR/$port.pid
logfile $DIR/$port.log
dir $DIR/$port
sentinel monitor $NAME 127.0.0.1 $(master_port) $QUORUM
sentinel down-after-milliseconds $NAME $DOWN_AFTER_MS
sentinel failover-timeout $NAME $FAILOVER_TIMEOUT_MS
sentinel parallel-syncs $NAME 1
EOF
  redis-server "$conf" --sentinel >&2 || die "sentinel failed on port $port; see $DIR/$port.log"
}

replica_in_sync() {
  cli "$(replica_port)" info replication 2>/dev/null | grep -q '^master_link_status:up'
}

# Every sentinel names BASE as master, sees the replica healthy and knows the other two
# sentinels; without the last, a failover could not get a majority.
sentinels_ready() {
  local port master replicas
  for port in $(sentinel_ports); do
    [ "$(cli "$port" sentinel get-master-addr-by-name "$NAME" 2>/dev/null | pairs)" = \
      "127.0.0.1	$(master_port)" ] || return 1
    master=$(cli "$port" sentinel master "$NAME" 2>/dev/null | pairs) || return 1
    grep -qx 'flags	master' <<<"$master" || return 1
    grep -qx 'num-other-sentinels	2' <<<"$master" || return 1
    replicas=$(cli "$port" sentinel replicas "$NAME" 2>/dev/null | pairs) || return 1
    grep -qx "name	127.0.0.1:$(replica_port)" <<<"$replicas" || return 1
    grep -qx 'flags	slave' <<<"$replicas" || return 1
    grep -qx 'master-link-status	ok' <<<"$replicas" || return 1
  done
}

start() {
  local port
  require_redis_binaries
  stop_all
  for port in $(all_ports); do port_in_use "$port" && die "port $port is taken"; done
  claim_dir
  # CI may never reach its `stop` step if start fails, so do not leave processes behind.
  trap kill_all EXIT
  start_redis "$(master_port)"
  start_redis "$(replica_port)" --replicaof 127.0.0.1 "$(master_port)"
  # Sentinels find replicas in the master's INFO, which they re-read only every 10 s; starting
  # them after the replica has synced lets them see it on their first read.
  wait_until "the replica to sync" replica_in_sync
  for port in $(sentinel_ports); do start_sentinel "$port"; done
  wait_until "the sentinels to see the master, the replica and each other" sentinels_ready
  trap - EXIT
  log "sentinel set ready in ${SECONDS}s ($DIR)"
  local seeds
  seeds=$(sentinel_ports | sed 's/^/127.0.0.1:/' | paste -sd, -)
  echo "redis+sentinel://$seeds/$NAME"
}

# "key<TAB>value" lines of SENTINEL replicas/sentinels → "<kind> ip:port flags" lines.
describe() {
  awk -F'\t' -v kind="$1" '
    $1 == "ip" { ip = $2 } $1 == "port" { port = $2 }
    $1 == "flags" { print kind " " ip ":" port " " $2 }'
}

# Asks the first sentinel that answers what it currently believes.
status() {
  read_base_port 'sentinel set'
  local port addr
  for port in $(sentinel_ports); do
    addr=$(cli "$port" sentinel get-master-addr-by-name "$NAME" 2>/dev/null | paste -sd: -) ||
      continue
    echo "sentinel 127.0.0.1:$port says master $NAME is $addr"
    cli "$port" sentinel replicas "$NAME" | pairs | describe replica
    cli "$port" sentinel sentinels "$NAME" | pairs | describe sentinel
    return 0
  done
  die "no sentinel in $DIR answers"
}

main "$@"
