/**
 * The child process of tests/bench/limits.ts (run by scripts/run-ts.js): reads and checks one file and
 * prints one JSON line with the outcome, the CPU time of the read and check, and the peak memory growth
 * (peak RSS less the RSS once everything is loaded, just before reading).
 */
import { readFileSync } from "fs";
import { DocxError, readDocx } from "../../src/docx";
import { analyse } from "../../src/model";

async function child(file: string): Promise<void> {
  const bytes = readFileSync(file);
  const rss = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  let outcome: string;
  try {
    analyse(await readDocx(bytes));
    outcome = "read";
  } catch (error) {
    outcome = error instanceof DocxError ? `refused (${error.reason}): ${error.message}` : `FAILED: ${error instanceof Error ? error.stack : String(error)}`;
  }
  const used = process.cpuUsage(cpu);
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ outcome, cpuSeconds: (used.user + used.system) / 1e6, peakGrowthMb: (peak - rss) / 2 ** 20 }));
}

void child(process.argv[2]);
