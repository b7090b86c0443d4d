/**
 * The child process of tests/bench/limits.ts (run by scripts/run-ts.js). `limits-child.ts FILE` reads and
 * checks one file; `limits-child.ts FILE OUTDIR COMMAND [ARGS...]` runs `scrutiny-update COMMAND [ARGS...]
 * --json --out OUTDIR FILE` in this process. Either prints one JSON line with the outcome, the CPU time of
 * the work and the peak memory growth (peak RSS less the RSS once everything is loaded, just before it).
 */
import { readFileSync } from "fs";
import { DocxError, readDocx } from "../../src/docx";
import { analyse } from "../../src/model";
import "../../src/cli/update-file";
import { run } from "../../src/cli/update-main";
import type { UpdateReport } from "../../src/cli/update-file";

async function read(bytes: Buffer): Promise<string> {
  try {
    analyse(await readDocx(bytes));
    return "read";
  } catch (error) {
    return error instanceof DocxError ? `refused (${error.reason}): ${error.message}` : `FAILED: ${error instanceof Error ? error.stack : String(error)}`;
  }
}

async function update(file: string, out: string, command: string[]): Promise<string> {
  let stdout = "";
  let stderr = "";
  const io = { stdout: { write: (t: string) => ((stdout += t), true) }, stderr: { write: (t: string) => ((stderr += t), true) }, env: {} };
  const code = await run([...command, "--json", "--out", out, file], io as never);
  try {
    const [report] = JSON.parse(stdout) as UpdateReport[];
    return `exit ${code} ${report.status}: ${report.message}`;
  } catch {
    return `FAILED: exit ${code}: ${stderr.slice(0, 300)}`;
  }
}

async function child([file, out, ...command]: string[]): Promise<void> {
  // The read path is given the bytes (read before the baseline, as before); the update reads the file itself.
  const bytes = out === undefined ? readFileSync(file) : undefined;
  const rss = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const outcome = bytes !== undefined ? await read(bytes) : await update(file, out, command);
  const used = process.cpuUsage(cpu);
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ outcome, cpuSeconds: (used.user + used.system) / 1e6, peakGrowthMb: (peak - rss) / 2 ** 20 }));
}

void child(process.argv.slice(2));
