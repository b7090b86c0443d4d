#!/usr/bin/env node
"use strict";
// Entry point for `npx scrutiny-update`; the code is compiled to build/ by `npm install` (the prepare script).
let cli;
try {
  cli = require("../build/cli/update-main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND") {
    process.stderr.write("scrutiny-update: not built yet. Run `npm install` (or `npm run build:cli`) in the project first.\n");
    process.exit(2);
  }
  throw error;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
