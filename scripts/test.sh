#!/usr/bin/env bash
# Every check the project has: types, lint, unit and component tests, the manifest, the production build and the
# browser tests. Installs what is missing first (npm packages; Debian's Chromium for the browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --browser --libreoffice

echo "== typecheck"; npm run --silent typecheck
echo "== lint";      npx eslint .
mkdir -p test-results
echo "== unit";      npx jest --ci --json --outputFile=test-results/unit.json
echo "== manifest";  node scripts/run-ts.js scripts/check-manifest.ts manifest.xml
echo "== build";     npm run --silent build
echo "== browser";   npx jest --ci -c jest.e2e.config.js --json --outputFile=test-results/browser.json

# One closing line for both runs, in the plain form CI reads.
node -e '
  const runs = ["unit", "browser"].map((name) => require(`./test-results/${name}.json`));
  const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
  console.log(`Tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
'
