#!/bin/sh
# Entrypoint of the Bazaar image (see the Dockerfile and docs/deploy.md).
#   api                      serve GraphQL and both SPAs (default)
#   migrate                  apply pending migrations and exit (`pnpm db:migrate`)
#   seed [--scale S] [--reset]  demo data into an empty database (`pnpm db:seed`)
#   reindex [--queue]        rebuild the search index (`pnpm search:reindex`)
#   anything else            run as a command (`bazaar node -v`)
set -e
cd /app/api
command="${1:-api}"
[ "$#" -gt 0 ] && shift
case "$command" in
  api) exec node dist/main.js "$@" ;;
  migrate) exec node node_modules/@bazaar/db/dist/cli.js migrate "$@" ;;
  seed) exec node node_modules/@bazaar/db/dist/cli.js seed "$@" ;;
  reindex) exec node dist/cli/search-reindex.js "$@" ;;
  *) exec "$command" "$@" ;;
esac
