/**
 * `npm run bench`: the engine (parse + check + totals) on synthetic documents of 10, 100 and 1,000
 * recommendations × 4 rounds, the .docx reader, and `scrutiny-check` end to end on a 100-recommendation
 * .docx. Prints a table, or with `--json` one JSON object and nothing else on stdout.
 * A benchmark, not a test: it reports whether the targets are met and never fails on time.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import { cpus, loadavg, tmpdir, totalmem } from "os";
import { join } from "path";
import { performance } from "perf_hooks";
import { analyse } from "../../src/model";
import { readDocx } from "../../src/docx";
import { docxFromSnapshot } from "../fixtures/docx-builder";
import { syntheticSnapshot } from "../helpers/synthetic";
import { benchWrites, writesTable, type WritesBench } from "./writes";
import { benchUpdate, updateTable, type UpdateBench } from "./update";
import { benchReader, readerTable, type ReaderBench } from "./reader";
import { benchLimits, limitsTable, type LimitsBench } from "./limits";

const ROOT = join(__dirname, "..", "..");
const SIZES = [10, 100, 1000] as const;
const ROUNDS = 4;
const TARGETS = { engine1000Ms: 25, cliMs100: 500 };

type Size = (typeof SIZES)[number];

interface Measurement {
  medianMs: number;
  minMs: number;
  runs: number;
}

interface BenchResult {
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    platform: string;
    /** One-minute load average when the bench started: above the core count, other work was competing. */
    loadAverage: number;
    /**
     * Median ms of a fixed arithmetic loop, taken before and after the bench: how fast this machine was
     * at the time, so that runs on a shared or throttled host can be compared (lower is faster).
     */
    calibrationMs: number;
  };
  engine: {
    ms: Record<Size, number>;
    /** Median cost per recommendation, µs: flat when the cost grows linearly. */
    usPerRecommendation: Record<Size, number>;
    runs: Record<Size, number>;
  };
  docx: { ms: { "100": number; "1000": number }; bytes: { "100": number; "1000": number } };
  cli: { ms100: number; minMs100: number; runs: number; exitCode: number | null };
  /** The write path (writes.ts): syncs per gateway call at 10 and 1,000 recommendations, planning vs checking. */
  syncs: WritesBench["syncs"];
  writes: Omit<WritesBench, "syncs">;
  /** scrutiny-update add-update on the 100-recommendation .docx (update.ts). */
  update: UpdateBench;
  /** The .docx reader against its floor at 100, 1,000 and 5,000 recommendations (reader.ts). */
  reader: ReaderBench;
  /** Peak memory growth and CPU of hostile and large inputs, each in a child process (limits.ts). */
  limits: LimitsBench;
  targets: {
    engine1000Ms: number;
    cliMs100: number;
    engineMet: boolean;
    /** The per-recommendation cost at 1,000 is within twice that at 100. */
    linear: boolean;
    cliMet: boolean;
  };
}

/** Median of `runs` timed calls after `warmup` untimed ones. */
async function measure(fn: () => unknown, runs: number, warmup: number): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return { medianMs: median(times), minMs: Math.min(...times), runs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Rebuilds build/ when any source the CLI compiles from is newer than build/cli/main.js. */
function ensureFreshCliBuild(log: (line: string) => void): void {
  const built = join(ROOT, "build", "cli", "main.js");
  const builtAt = mtime(built);
  const newest = Math.max(...["cli", "model", "docx"].map((folder) => newestMtime(join(ROOT, "src", folder))));
  if (builtAt !== null && builtAt >= newest) return;
  log("Building the CLI (tsc -p tsconfig.cli.json)…");
  const tsc = require.resolve("typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) log(`tsc reported problems (the build is used anyway):\n${result.stdout}${result.stderr}`);
}

function mtime(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

function newestMtime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : (mtime(path) ?? 0));
  }
  return newest;
}

/** A fixed amount of plain arithmetic, the same on every run: its time tells how fast the machine is just then. */
function calibrationLoop(): number {
  let sum = 0;
  for (let i = 0; i < 20_000_000; i++) sum = (sum + i * 7) % 1_000_003;
  return sum;
}

async function bench(log: (line: string) => void): Promise<BenchResult> {
  const loadAverage = round2(loadavg()[0]);
  const calibrationBefore = await measure(calibrationLoop, 5, 1);
  const engineMs = {} as Record<Size, number>;
  const perRec = {} as Record<Size, number>;
  const runs = {} as Record<Size, number>;
  for (const size of SIZES) {
    const snapshot = syntheticSnapshot({ recommendations: size, rounds: ROUNDS });
    const count = size === 1000 ? 31 : size === 100 ? 101 : 301;
    log(`Engine, ${size} recommendations × ${ROUNDS} rounds: ${count} runs…`);
    const m = await measure(() => analyse(snapshot), count, Math.ceil(count / 3));
    engineMs[size] = round2(m.medianMs);
    perRec[size] = round2((m.medianMs * 1000) / size);
    runs[size] = m.runs;
  }

  const dir = mkdtempSync(join(tmpdir(), "scrutiny-bench-"));
  try {
    const docx100 = await docxFromSnapshot(syntheticSnapshot({ recommendations: 100, rounds: ROUNDS }));
    const docx1000 = await docxFromSnapshot(syntheticSnapshot({ recommendations: 1000, rounds: ROUNDS }));
    log("Reading .docx (100 and 1,000 recommendations)…");
    const read100 = await measure(() => readDocx(docx100), 21, 5);
    const read1000 = await measure(() => readDocx(docx1000), 5, 1);

    ensureFreshCliBuild(log);
    const file = join(dir, "synthetic-100.docx");
    writeFileSync(file, docx100);
    const bin = join(ROOT, "bin", "scrutiny-check.js");
    let exitCode: number | null = null;
    log("scrutiny-check on a 100-recommendation .docx: 9 runs…");
    const cli = await measure(
      () => {
        exitCode = spawnSync(process.execPath, [bin, file], { cwd: ROOT, stdio: "ignore" }).status;
      },
      9,
      2,
    );

    const update = benchUpdate(ROOT, file, log);
    const reader = await benchReader(log);
    const limits = await benchLimits(ROOT, log);
    const { syncs, ...writes } = await benchWrites(log, ROUNDS);
    const calibrationAfter = await measure(calibrationLoop, 5, 1);
    const cpuList = cpus();
    const linear = perRec[1000] <= 2 * perRec[100];
    return {
      machine: {
        cpus: cpuList.length,
        cpuModel: cpuList[0]?.model.trim() ?? "unknown",
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        loadAverage,
        calibrationMs: round2((calibrationBefore.medianMs + calibrationAfter.medianMs) / 2),
      },
      engine: { ms: engineMs, usPerRecommendation: perRec, runs },
      docx: {
        ms: { "100": round2(read100.medianMs), "1000": round2(read1000.medianMs) },
        bytes: { "100": docx100.length, "1000": docx1000.length },
      },
      cli: { ms100: Math.round(cli.medianMs), minMs100: Math.round(cli.minMs), runs: cli.runs, exitCode },
      syncs,
      writes,
      update,
      reader,
      limits,
      targets: {
        ...TARGETS,
        engineMet: engineMs[1000] <= TARGETS.engine1000Ms,
        linear,
        cliMet: cli.medianMs <= TARGETS.cliMs100,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function table(result: BenchResult): string {
  const { engine, docx, cli, targets, machine } = result;
  const met = (ok: boolean): string => (ok ? "met" : "NOT met");
  const lines = [
    `Machine: ${machine.cpus} cores, ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}`,
    `Load average at start: ${machine.loadAverage}${machine.loadAverage > machine.cpus ? " (busy: other work competed, figures are pessimistic)" : ""}`,
    `Machine speed just then: a fixed arithmetic loop took ${machine.calibrationMs} ms (lower is faster; compare runs by it)`,
    "",
    "Engine: parse + check + totals (median)",
    "  recommendations × 4 rounds   ms        µs per recommendation   runs",
    ...SIZES.map(
      (size) =>
        `  ${String(size).padStart(5)}                      ${engine.ms[size].toFixed(2).padStart(7)}   ${engine.usPerRecommendation[size]
          .toFixed(1)
          .padStart(8)}                ${engine.runs[size]}`,
    ),
    "",
    ".docx read (bytes → snapshot, median)",
    `  100 recommendations     ${docx.ms["100"].toFixed(2)} ms  (${Math.round(docx.bytes["100"] / 1024)} KB)`,
    `  1,000 recommendations   ${docx.ms["1000"].toFixed(2)} ms  (${Math.round(docx.bytes["1000"] / 1024)} KB)`,
    "",
    "scrutiny-check on a 100-recommendation .docx (wall time of `node bin/scrutiny-check.js`, median)",
    `  ${cli.ms100} ms (fastest ${cli.minMs100} ms, ${cli.runs} runs, exit ${cli.exitCode})`,
    "",
    ...updateTable(result.update),
    "",
    ...readerTable(result.reader),
    "",
    ...limitsTable(result.limits),
    "",
    ...writesTable({ syncs: result.syncs, ...result.writes }),
    "",
    "Targets",
    `  engine, 1,000 recommendations ≤ ${targets.engine1000Ms} ms: ${met(targets.engineMet)} (${engine.ms[1000]} ms)`,
    `  cost grows linearly (µs per recommendation at 1,000 ≤ 2 × at 100): ${met(targets.linear)}`,
    `  scrutiny-check, 100 recommendations ≤ ${targets.cliMs100} ms: ${met(targets.cliMet)} (${cli.ms100} ms)`,
  ];
  return lines.join("\n") + "\n";
}

async function mainBench(): Promise<void> {
  const asJson = process.argv.includes("--json");
  // Progress goes to stderr, so `--json` leaves stdout to the one JSON object.
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const result = await bench(log);
  if (result.cli.exitCode !== 0) {
    log(`Warning: scrutiny-check exited ${result.cli.exitCode} on the synthetic document; expected 0 (complete).`);
  }
  process.stdout.write(asJson ? JSON.stringify(result, null, 2) + "\n" : table(result));
}

mainBench().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
