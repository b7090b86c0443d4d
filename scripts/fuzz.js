#!/usr/bin/env node
"use strict";
// `npm run fuzz -- --runs N [--seed S]`: the fuzz properties (tests/fuzz) with N cases each instead of the
// quick counts npm test uses. A failure prints its seed and path; replay it with --seed S (FUZZ_PATH=path).
const { spawnSync } = require("child_process");
const path = require("path");

const args = process.argv.slice(2);
const env = { ...process.env };
for (let i = 0; i < args.length; i++) {
  const value = args[i + 1];
  if (args[i] === "--runs" && /^\d+$/.test(value ?? "")) env.FUZZ_RUNS = value;
  else if (args[i] === "--seed" && /^-?\d+$/.test(value ?? "")) env.FUZZ_SEED = value;
  else {
    console.error(`Usage: npm run fuzz -- --runs N [--seed S]   (unrecognised: ${args[i]})`);
    process.exit(2);
  }
  i++;
}
const jest = require.resolve("jest/bin/jest");
const result = spawnSync(process.execPath, [jest, "tests/fuzz"], {
  cwd: path.join(__dirname, ".."),
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
