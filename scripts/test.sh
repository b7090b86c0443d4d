#!/usr/bin/env bash
# Every check the project has: types, lint, unit and component tests. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh

echo "== typecheck"; npx tsc --noEmit -p tsconfig.json && npx tsc --noEmit -p tsconfig.model.json
echo "== lint";      npx eslint .
echo "== unit";      npx jest --ci
