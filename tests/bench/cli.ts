/**
 * `scrutiny-check`'s part of `npm run bench`: the wall time of `node bin/scrutiny-check.js synthetic-100.docx`
 * (a complete document, so exit 0), as a ratio to its floor, a bare `node -e 0`: Node's own start, which no
 * command written for Node can avoid. The two are spawned in pairs, so a busy machine slows both alike.
 */
import { spawnSync } from "child_process";
import { join } from "path";
import { isStale } from "./fresh";
import { pairedRatio } from "./measure";

export const CLI_RATIO_TARGET = 2;

export interface CliBench {
  /** Median wall time on the 100-recommendation .docx, ms (context only: this machine's speed varies by up to 3×). */
  ms100: number;
  minMs100: number;
  /** Median wall time of `node -e 0` in the same pairs, ms. */
  nodeStartMs: number;
  /** Median of per-pair ratios scrutiny-check / `node -e 0` (target ≤ 2). */
  ratioToNodeStart: { "100": number };
  runs: number;
  exitCode: number | null;
}

/** Rebuilds build/ (`npm run build:cli`) when any source the CLI is built from is newer than its entry point. */
export function ensureFreshCliBuild(root: string, log: (line: string) => void): void {
  if (!isStale(root, "build/cli/main.js", ["src/cli", "src/model", "src/docx", "webpack.cli.config.js", "scripts/build-cli.js", "package.json"])) return;
  log("Building the CLI (npm run build:cli)…");
  const result = spawnSync("npm", ["run", "--silent", "build:cli"], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) log(`The CLI build reported problems (what it built is used anyway):\n${result.stdout}${result.stderr}`);
}

export async function benchCli(root: string, file: string, log: (line: string) => void, runs = 15): Promise<CliBench> {
  const bin = join(root, "bin", "scrutiny-check.js");
  let exitCode: number | null = null;
  log(`scrutiny-check on a 100-recommendation .docx against \`node -e 0\`: ${runs} pairs…`);
  const r = await pairedRatio(
    () => {
      exitCode = spawnSync(process.execPath, [bin, file], { cwd: root, stdio: "ignore" }).status;
    },
    () => spawnSync(process.execPath, ["-e", "0"], { cwd: root, stdio: "ignore" }),
    runs,
    2,
  );
  return {
    ms100: Math.round(r.subjectMs),
    minMs100: Math.round(r.subjectMinMs),
    nodeStartMs: Math.round(r.floorMs),
    ratioToNodeStart: { "100": r.ratio },
    runs,
    exitCode,
  };
}

export function cliTable(cli: CliBench): string[] {
  return [
    `scrutiny-check on a 100-recommendation .docx against a bare \`node -e 0\` (median of per-pair ratios; target ≤ ${CLI_RATIO_TARGET}×)`,
    `  ${cli.ratioToNodeStart["100"].toFixed(2)}×   (${cli.ms100} ms against ${cli.nodeStartMs} ms, ${cli.runs} pairs, exit ${cli.exitCode})`,
  ];
}
