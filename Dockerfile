# Baton: one image for every process. The command picks which one runs (docker/entrypoint.sh):
#
#   docker build -t baton .
#   docker run --rm baton migrate              # npm run db:migrate, then exit
#   docker run -p 3000:3000 baton ingress
#   docker run -p 3001:3001 baton console
#   docker run baton worker invitations        # lever-events, invitations, writeback, scheduler, sweeper
#   docker run -p 4010:4010 baton lever-sandbox
#   docker run -p 4020:4020 baton platform-sandbox
#
# Each needs its environment (README, Configuration); docker-compose.yml runs the whole system.
# Node 20, within package.json's engines (^20.19 || ^22.13 || >=24): node:20 is 20.19 or later.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# Only the package manifests and the lock, so the install below is redone only when one changes.
FROM base AS manifests
COPY . /src
RUN mkdir /manifests \
 && cd /src \
 && find . \( -name package.json -o -name package-lock.json \) -exec cp --parents {} /manifests/ \;

# The whole workspace: install, build the processes the image runs, then drop the dev dependencies.
FROM base AS build
# The npm of package.json's packageManager, which wrote the lock.
ARG NPM_VERSION=11.19.1
ENV TURBO_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1
RUN npm install --global npm@${NPM_VERSION}
COPY --from=manifests /manifests/ ./
# No install scripts: none is needed to build or run Baton, and @prisma/engines' would download a
# schema-engine binary (migrations run on the Wasm engine of @prisma/schema-engine-wasm instead).
RUN npm ci --ignore-scripts
COPY . .
RUN npx turbo run build --output-logs=errors-only \
      --filter=@baton/ingress --filter=@baton/console --filter=@baton/workers \
      --filter=@baton/lever-sandbox --filter=@baton/platform-sandbox
RUN npm prune --omit=dev --ignore-scripts
# What the runtime needs: production node_modules (with the workspace links), each workspace's
# package.json and dist/, the migrations and the scripts of `npm run db:migrate`, the console's
# static page, and the entrypoint.
RUN mkdir /out \
 && cp -a package.json package-lock.json node_modules docker /out/ \
 && for dir in apps/* packages/* sandboxes/*; do \
      mkdir -p "/out/$dir" && cp -a "$dir/package.json" "/out/$dir/"; \
      if [ -d "$dir/dist" ]; then cp -a "$dir/dist" "/out/$dir/"; fi; \
    done \
 && cp -a packages/db/prisma packages/db/scripts /out/packages/db/ \
 && cp -a apps/console/public /out/apps/console/

FROM base AS runtime
ENV NODE_ENV=production
COPY --from=build /out/ ./
# The files stay root's: the processes only read them.
USER node
EXPOSE 3000 3001 4010 4020
ENTRYPOINT ["/bin/sh", "/app/docker/entrypoint.sh"]
