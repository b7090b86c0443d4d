/** Builds the CLI (`npm run build:cli`: scripts/build-cli.js → build/cli/) so tests run the real `bin/scrutiny-check.js`. */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";

export const ROOT = join(__dirname, "..", "..");

export function buildCli(): void {
  const result = spawnSync(process.execPath, [join(ROOT, "scripts", "build-cli.js")], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0 || !existsSync(join(ROOT, "build", "cli", "main.js"))) {
    throw new Error(`scripts/build-cli.js did not build the CLI:\n${result.stdout}${result.stderr}`);
  }
}
