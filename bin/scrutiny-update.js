#!/usr/bin/env node
"use strict";
// Entry point for `npx scrutiny-update`; the code is bundled into build/ by `npm install` (the prepare script).
const { loadCommand, exitWhenWritten } = require("./load.js");
const cli = loadCommand("update-main");
if (cli === null) {
  process.stderr.write("scrutiny-update: not built yet. Run `npm install` (or `npm run build:cli`) in the project first.\n");
  process.exit(2);
}
cli.main(process.argv.slice(2)).then(exitWhenWritten);
