#!/usr/bin/env bash
# `npm run test:cluster`: Baton beyond one Redis (README, Scaling beyond one machine). On a local
# 3-master, 3-replica Redis Cluster (scripts/redis-cluster.sh) with two workers per role: the
# cluster suite (100 tenants' keys on every master, no slot error reaching Baton), the
# invitation and write-back integration tests, and the fairness and lever-budget bench suites,
# short. Then the invitation tests again through Sentinel (scripts/redis-sentinel.sh). The
# cluster-failover fault scenario brings its own cluster: `npm run chaos -- cluster-failover`.
# Needs a built tree (npm run build) and Debian's redis-server.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 TEST_WORKERS_PER_ROLE=2

cluster_url=$(scripts/redis-cluster.sh start)
trap 'scripts/redis-cluster.sh stop; scripts/redis-sentinel.sh stop' EXIT
sentinel_url=$(scripts/redis-sentinel.sh start)

echo "== Redis Cluster $cluster_url: cluster suite, invitations, write-back"
(cd tests/system && REDIS_URL=$cluster_url npx jest --config jest.cluster.config.js)
(cd packages/core && REDIS_URL=$cluster_url npx jest --config jest.cluster.config.js)

echo "== Redis Cluster: fairness and lever-budget bench suites, short"
REDIS_URL=$cluster_url node tools/bench/dist/main.js --short fairness lever-budget

echo "== Sentinel $sentinel_url: invitations"
(cd tests/system && REDIS_URL=$sentinel_url npx jest --config jest.cluster.config.js src/e2e/invitations.int.test.ts)
