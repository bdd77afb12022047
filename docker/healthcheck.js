// Container healthcheck: exits 0 when the URL answers 2xx within 3 seconds, else 1.
// Usage (docker-compose.yml): node docker/healthcheck.js http://127.0.0.1:3000/healthz
fetch(process.argv[2], { signal: AbortSignal.timeout(3000) }).then(
  (res) => process.exit(res.ok ? 0 : 1),
  () => process.exit(1),
)
