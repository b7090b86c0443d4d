#!/usr/bin/env node
"use strict";
// Runs a TypeScript script (fixture builder, benchmarks) by compiling each module with swc as it is required.
const fs = require("fs");
const path = require("path");
const { transformSync } = require("@swc/core");

for (const ext of [".ts", ".tsx"]) {
  require.extensions[ext] = (module, filename) => {
    const { code } = transformSync(fs.readFileSync(filename, "utf8"), {
      filename,
      jsc: { parser: { syntax: "typescript", tsx: ext === ".tsx" }, target: "es2022" },
      module: { type: "commonjs" },
    });
    module._compile(code, filename);
  };
}

const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write("usage: node scripts/run-ts.js <file.ts> [args...]\n");
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(script), ...args];
require(path.resolve(script));
