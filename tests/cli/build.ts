/** Compiles the CLI (tsconfig.cli.json → build/) so tests run the real `bin/scrutiny-check.js`. */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";

export const ROOT = join(__dirname, "..", "..");

export function buildCli(): void {
  const tsc = require.resolve("typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
  // tsc still writes the JavaScript when some file has a type error; only a missing build is fatal here.
  if (!existsSync(join(ROOT, "build", "cli", "main.js"))) {
    throw new Error(`tsc -p tsconfig.cli.json did not build the CLI:\n${result.stdout}${result.stderr}`);
  }
}
