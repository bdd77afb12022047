#!/bin/sh
# One image, every process: the first word of the command picks which one runs.
#   docker run baton ingress | console | worker <role> | migrate | lever-sandbox | platform-sandbox
# `exec` makes node the container's main process, so `docker stop` (SIGTERM) reaches its
# graceful shutdown.
set -eu
cd "$(dirname "$0")/.."

usage() {
  cat >&2 <<'USAGE'
usage: docker run baton <command>
  ingress             HTTP in: Lever and platform webhooks (port INGRESS_PORT, 3000)
  console             settings page, admin API and Bull Board (port CONSOLE_PORT, 3001)
  worker <role>       one worker process: lever-events, invitations, writeback, scheduler or sweeper
  migrate             apply pending database migrations (npm run db:migrate), then exit
  lever-sandbox       the Lever API lookalike (port LEVER_SANDBOX_PORT, 4010)
  platform-sandbox    the reference assessment platform (port PLATFORM_SANDBOX_PORT, 4020)
USAGE
}

command="${1:-}"
[ "$#" -gt 0 ] && shift

case "$command" in
  ingress) exec node apps/ingress/dist/main.js "$@" ;;
  console) exec node apps/console/dist/main.js "$@" ;;
  worker)
    if [ "$#" -eq 0 ]; then
      echo 'baton: worker needs a role.' >&2
      usage
      exit 64
    fi
    exec node apps/workers/dist/main.js "$@"
    ;;
  migrate) exec npm run --silent db:migrate ;;
  lever-sandbox) exec node sandboxes/lever-sandbox/dist/main.js "$@" ;;
  platform-sandbox) exec node sandboxes/platform-sandbox/dist/main.js "$@" ;;
  help | -h | --help)
    usage
    exit 0
    ;;
  '')
    echo 'baton: no command given.' >&2
    usage
    exit 64
    ;;
  *)
    echo "baton: unknown command \"$command\"." >&2
    usage
    exit 64
    ;;
esac
