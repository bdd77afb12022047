# shellcheck shell=bash
# What scripts/redis-cluster.sh and scripts/redis-sentinel.sh share: options, logging, and how
# they find, stop and clean up the redis-server processes they started in DIR. Both source it
# (`source "$(dirname "$0")/lib/local-redis.sh"`); it only defines functions.
#
# The sourcing script sets these globals and defines `start` and `status`:
#   BASE, DIR            defaults for --port and --dir
#   LOG_PREFIX           what every message on stderr starts with, e.g. redis-cluster
#   HIGHEST_PORT_OFFSET  BASE + this is the highest port the set listens on
#   PROCESS_NOUN         what `stop` calls the processes it stopped, e.g. node(s)
#   MARKER               file that marks DIR as created by the script
#   WAIT_SECONDS         how long wait_until waits before giving up

die() { echo "$LOG_PREFIX: $*" >&2; exit 1; }
log() { echo "$LOG_PREFIX: $*" >&2; }
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
  if [ "$BASE" -lt 1024 ] || [ $((BASE + HIGHEST_PORT_OFFSET)) -gt 65535 ]; then
    die "--port must be between 1024 and $((65535 - HIGHEST_PORT_OFFSET))"
  fi
}

require_redis_binaries() {
  local bin
  for bin in redis-server redis-cli; do
    command -v "$bin" >/dev/null || die "$bin not found: apt-get install -y redis-server"
  done
}

# True when something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp, no nc needed).
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when $1 is alive and still a redis on port $2: a stale pidfile may name a reused pid.
is_our_redis() { ps -p "$1" -o args= 2>/dev/null | grep -qE "redis.*:$2( |$)"; }

# A zombie counts as gone: its sockets are closed, and some containers' init reaps it late.
is_alive() { ps -o stat= -p "$1" 2>/dev/null | grep -qv '^Z'; }

# Marks DIR as ours and records BASE there, for `stop` and `status`.
claim_dir() {
  mkdir -p "$DIR"
  touch "$DIR/$MARKER"
  echo "$BASE" >"$DIR/base-port"
}

# `status` is given no --port: it reads the one `start` used. $1 names the set for the error.
read_base_port() {
  [ -r "$DIR/base-port" ] || die "no $1 in $DIR"
  BASE=$(cat "$DIR/base-port")
}

stop_all() {
  [ -d "$DIR" ] || return 0
  if [ ! -e "$DIR/$MARKER" ]; then
    [ -z "$(ls -A "$DIR")" ] && return 0
    die "$DIR was not created by this script; not touching it"
  fi
  kill_all
  rm -rf "$DIR"
}

# Kills every process but keeps DIR, so a failed start leaves its logs to read.
kill_all() {
  local pidfile pid port pids=()
  for pidfile in "$DIR"/*.pid; do
    [ -e "$pidfile" ] || continue
    port=$(basename "$pidfile" .pid)
    pid=$(cat "$pidfile" 2>/dev/null) || continue
    if is_our_redis "$pid" "$port"; then
      kill "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
  done
  # Everything exits at once on SIGTERM (shutdown-on-sigterm); SIGKILL any still up after 5 s.
  local deadline=$((SECONDS + 5))
  for pid in ${pids[@]+"${pids[@]}"}; do
    while is_alive "$pid" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  [ ${#pids[@]} -eq 0 ] || log "stopped ${#pids[@]} $PROCESS_NOUN from $DIR"
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

main() {
  local cmd=${1:-}
  [ $# -eq 0 ] || shift
  parse_args "$@"
  case "$cmd" in
    start) start ;;
    stop) stop_all ;;
    status) status ;;
    *) die "usage: $0 start|stop|status [--port BASE] [--dir DIR]" ;;
  esac
}
