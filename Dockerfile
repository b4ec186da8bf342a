# syntax=docker/dockerfile:1.7
# Bazaar in one image: the API, which also serves the storefront at / and the
# back-office at /admin/, plus the migration runner. Build from the repo root:
#
#   docker build -t bazaar .
#   docker run --rm -e DATABASE_URL=... bazaar migrate     # release step
#   docker run -p 4000:4000 -e DATABASE_URL=... -e SIGNING_MASTER_KEY=... bazaar
#
# docs/deploy.md explains every command, variable and the Kubernetes manifests.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: the whole workspace, then a pruned production copy of the API ---
FROM ${NODE_IMAGE} AS build
ENV CI=true \
    TURBO_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1
RUN npm install --global pnpm@10.34.9
WORKDIR /repo

# Packages come from the lockfile alone, so this layer survives source edits.
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN --mount=type=cache,id=bazaar-pnpm-store,target=/pnpm-store \
    pnpm fetch --store-dir /pnpm-store

COPY . .
RUN --mount=type=cache,id=bazaar-pnpm-store,target=/pnpm-store \
    pnpm install --frozen-lockfile --offline --store-dir /pnpm-store

# The API with its workspace dependencies (@bazaar/db, @bazaar/schema) and both
# SPAs; codegen (prisma generate, GraphQL documents) runs first through turbo.
RUN pnpm exec turbo run build --output-logs=errors-only \
      --filter=@bazaar/api... --filter=@bazaar/storefront... --filter=@bazaar/backoffice...

# Production dependencies only. The hoisted layout puts every package at the
# top of node_modules: apps/api imports `pg`, which only @bazaar/db declares as
# a production dependency, and an isolated layout would not find it. --legacy:
# pnpm 10 deploys a non-injected workspace only this way.
RUN --mount=type=cache,id=bazaar-pnpm-store,target=/pnpm-store \
    pnpm --filter @bazaar/api deploy --legacy --prod --offline \
      --config.node-linker=hoisted --store-dir /pnpm-store /out/api \
 && rm -rf /out/api/src /out/api/test /out/api/.turbo

# --- runtime: node, the built API and SPAs, nothing else ---
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    SERVE_SPAS=true \
    MEDIA_DIR=/data/media

# The API finds the SPAs at ../storefront/dist and ../backoffice/dist from its
# own folder (apps/api/src/common/http/spa.ts), hence /app/{api,storefront,backoffice}.
# Migrations ship inside @bazaar/db: node_modules/@bazaar/db/migrations.
WORKDIR /app/api
COPY --from=build /out/api /app/api
COPY --from=build /repo/apps/storefront/dist /app/storefront/dist
COPY --from=build /repo/apps/backoffice/dist /app/backoffice/dist
COPY --chmod=0755 deploy/docker/entrypoint.sh /usr/local/bin/bazaar

# Code stays root-owned and read-only; the app user (node, uid 1000) writes
# only uploaded media, and only when S3_BUCKET is unset.
RUN mkdir -p /data/media && chown -R 1000:1000 /data
USER 1000:1000

EXPOSE 4000
# /healthz answers while the process is alive; /readyz also checks PostgreSQL
# and the migrations (the orchestrator's readiness probe uses it).
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["bazaar"]
CMD ["api"]
