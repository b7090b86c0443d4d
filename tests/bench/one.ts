/**
 * `npm run bench:one -- <part> [--json]`: one part of `npm run bench` on its own (reader, limits, cli, update,
 * engine, bundle, writes), for measuring a change to that part without the whole run. The same modules, the
 * same floors and pairs; the figures are recorded from full `npm run bench` runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { loadavg, tmpdir } from "os";
import { join } from "path";
import { docxFromSnapshot } from "../fixtures/docx-builder";
import { syntheticSnapshot } from "../helpers/synthetic";
import { benchBundle, bundleTable } from "./bundle";
import { benchCli, cliTable, ensureFreshCliBuild } from "./cli";
import { benchEngine, engineTable } from "./engine";
import { benchLimits, limitsTable } from "./limits";
import { benchReader, readerTable } from "./reader";
import { benchUpdate, updateTable } from "./update";
import { benchWrites, writesTable } from "./writes";

const ROOT = join(__dirname, "..", "..");
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function withDocx100<T>(run: (file: string) => T | Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "scrutiny-bench-one-"));
  try {
    const file = join(dir, "synthetic-100.docx");
    writeFileSync(file, await docxFromSnapshot(syntheticSnapshot({ recommendations: 100, rounds: 4 })));
    return await run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PARTS: Record<string, () => Promise<[unknown, string[]]>> = {
  reader: async () => benchReader(log).then((r) => [r, readerTable(r)]),
  limits: async () => benchLimits(ROOT, log).then((r) => [r, limitsTable(r)]),
  engine: async () => benchEngine(log).then((r) => [r, engineTable(r)]),
  bundle: async () => {
    const r = benchBundle(ROOT, log);
    return [r, bundleTable(r)];
  },
  writes: async () => benchWrites(log, 4).then((r) => [r, writesTable(r)]),
  cli: async () => {
    ensureFreshCliBuild(ROOT, log);
    const r = await withDocx100((file) => benchCli(ROOT, file, log));
    return [r, cliTable(r)];
  },
  update: async () => {
    ensureFreshCliBuild(ROOT, log);
    const r = await withDocx100((file) => benchUpdate(ROOT, file, log));
    return [r, updateTable(r)];
  },
};

async function main(): Promise<void> {
  const part = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
  const run = part === undefined ? undefined : PARTS[part];
  if (run === undefined) {
    log(`usage: npm run bench:one -- <${Object.keys(PARTS).join("|")}> [--json]`);
    process.exitCode = 2;
    return;
  }
  const loadAtStart = loadavg()[0];
  const [result, lines] = await run();
  const machine = { loadAverage: Math.round(loadAtStart * 100) / 100, loadAverageAtEnd: Math.round(loadavg()[0] * 100) / 100 };
  process.stdout.write(process.argv.includes("--json") ? JSON.stringify({ [part!]: result, machine }, null, 2) + "\n" : `${lines.join("\n")}\n(load ${machine.loadAverage} → ${machine.loadAverageAtEnd})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
