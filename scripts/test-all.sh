#!/usr/bin/env bash
# `npm test`: typecheck, lint, then every test on the embedded SQLite default and again on PostgreSQL.
# With TEST_POSTGRES_URL set, that server is used; otherwise a throwaway server is started from
# Debian's postgresql package for this run and removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint --max-warnings 0 .

echo "== vitest on SQLite"
TEST_DATABASE=sqlite npx vitest run

pg_dir=""
if [ -z "${TEST_POSTGRES_URL:-}" ]; then
  pg_dir=$(mktemp -d /tmp/tsuzuku-pg.XXXXXX)
  trap 'scripts/postgres-throwaway.sh stop "$pg_dir"' EXIT
  TEST_POSTGRES_URL=$(scripts/postgres-throwaway.sh start "$pg_dir" "${TEST_POSTGRES_PORT:-54329}")
  export TEST_POSTGRES_URL
fi
echo "== vitest on PostgreSQL ($(echo "$TEST_POSTGRES_URL" | sed 's#//[^@]*@#//…@#'))"
TEST_DATABASE=postgres npx vitest run
