// `npm run build:cli` (also the prepare script): bundles the two commands into build/cli/ (webpack.cli.config.js),
// then runs each command once on a real fixture so that bin/load.js saves V8's code cache for it next to the
// bundle (build/cli/main.cache, update-main.cache): later runs skip compiling what that run compiled. A cache that this Node rejects
// (another version, another build) is ignored, never fatal; without the fixture there is simply no cache.
// Each file is built aside and renamed into place, so a command started meanwhile (tests build and run in parallel)
// loads a whole old file or a whole new one.
"use strict";
const { spawnSync } = require("child_process");
const { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const target = path.join(root, "build", "cli");
mkdirSync(target, { recursive: true });
const aside = mkdtempSync(path.join(root, "build", ".cli-"));
try {
  const webpack = require.resolve("webpack-cli/bin/cli.js");
  const built = spawnSync(process.execPath, [webpack, "-c", "webpack.cli.config.js", "--env", `out=${aside}`], {
    cwd: root,
    stdio: "inherit",
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const files = readdirSync(aside);
  for (const file of files) renameSync(path.join(aside, file), path.join(target, file));
  // What an older build left goes: tsc's one file per module, and a cache of another bundle (a build running
  // alongside writes its own cache under a temporary name, which stays).
  for (const file of readdirSync(target)) {
    if (!files.includes(file) && !file.endsWith(".tmp")) rmSync(path.join(target, file), { recursive: true, force: true });
  }
  for (const folder of ["docx", "model"]) rmSync(path.join(root, "build", folder), { recursive: true, force: true });
} finally {
  rmSync(aside, { recursive: true, force: true });
}

const fixture = path.join(root, "tests", "fixtures", "docx", "careers-provision.docx");
if (existsSync(fixture)) {
  const out = mkdtempSync(path.join(root, "build", ".train-"));
  try {
    const month = new Date().toISOString().slice(0, 7);
    train("scrutiny-check.js", [fixture]);
    train("scrutiny-update.js", ["add-update", "--month", month, "--out", out, fixture]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function train(bin, args) {
  const run = spawnSync(process.execPath, [path.join(root, "bin", bin), ...args], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, SCRUTINY_WRITE_CODE_CACHE: "1" },
  });
  // 0 or 1 (the fixture's findings) are both a complete run; anything else means the bundle does not work.
  if (run.status !== 0 && run.status !== 1) {
    process.stderr.write(`build-cli: the bundled ${bin} failed on ${fixture} (exit ${run.status})\n`);
    process.exit(1);
  }
}
