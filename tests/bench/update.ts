/**
 * `scrutiny-update`'s part of `npm run bench`: `add-update` on a 100-recommendation .docx, from process
 * start to exit, as a ratio to `scrutiny-check` on the same file (target ≤ 1.5×). The two commands are
 * run in turn, so a busy shared machine slows both alike and the ratio stays comparable.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { performance } from "perf_hooks";

export const UPDATE_RATIO_TARGET = 1.5;

export interface UpdateBench {
  /** Median wall time of `node bin/scrutiny-update.js add-update … --out DIR file`, ms. */
  ms100: number;
  /** That, over the median of `node bin/scrutiny-check.js file` timed in the same turns. */
  ratioToCheck: number;
  runs: number;
  /** Exit codes of the last update and check runs (0 and 0 expected). */
  exitCodes: { update: number | null; check: number | null };
}

export function benchUpdate(root: string, file: string, log: (line: string) => void, runs = 9): UpdateBench {
  const out = mkdtempSync(join(tmpdir(), "scrutiny-bench-update-"));
  const update = join(root, "bin", "scrutiny-update.js");
  const check = join(root, "bin", "scrutiny-check.js");
  const timed = (args: string[]): { ms: number; code: number | null } => {
    const start = performance.now();
    const code = spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" }).status;
    return { ms: performance.now() - start, code };
  };
  log(`scrutiny-update add-update on a 100-recommendation .docx, in turn with scrutiny-check: ${runs} runs each…`);
  try {
    const updates: number[] = [];
    const checks: number[] = [];
    const codes = { update: null as number | null, check: null as number | null };
    // This month: never one the synthetic document's updates have, and never too far ahead to add.
    const month = new Date().toISOString().slice(0, 7);
    for (let i = 0; i < runs + 2; i++) {
      const u = timed([update, "add-update", "--month", month, "--out", out, file]);
      const c = timed([check, file]);
      codes.update = u.code;
      codes.check = c.code;
      // The first two turns warm the disk cache and are not counted.
      if (i >= 2) {
        updates.push(u.ms);
        checks.push(c.ms);
      }
    }
    const ms100 = median(updates);
    return { ms100: Math.round(ms100), ratioToCheck: Math.round((ms100 / median(checks)) * 100) / 100, runs, exitCodes: codes };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function updateTable(update: UpdateBench): string[] {
  const met = update.ratioToCheck <= UPDATE_RATIO_TARGET ? "met" : "NOT met";
  return [
    "scrutiny-update add-update on the same .docx (wall time, median; scrutiny-check timed in the same turns)",
    `  ${update.ms100} ms, ${update.ratioToCheck}× scrutiny-check (target ≤ ${UPDATE_RATIO_TARGET}×: ${met}; ${update.runs} runs, exit ${update.exitCodes.update})`,
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
