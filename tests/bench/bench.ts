/**
 * `npm run bench`: each figure against its floor, measured in the same run, interleaved, as the median of
 * per-pair ratios (this machine's speed varies by up to 3×, so absolute milliseconds are kept for context only):
 * - engine.ts: `analyse` against a JSON round trip of the same snapshot, at 100, 1,000 and 5,000 recommendations;
 * - cli.ts: `scrutiny-check` on a 100-recommendation .docx against a bare `node -e 0`;
 * - bundle.ts: the task pane's JavaScript before first paint, gzipped (a size, not a time);
 * - writes.ts: the write path's syncs and planning; update.ts: `scrutiny-update` against `scrutiny-check`.
 * Prints a table, or with `--json` one JSON object and nothing else on stdout.
 * A benchmark, not a test: it reports whether the targets are met and never fails on time.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { cpus, loadavg, tmpdir, totalmem } from "os";
import { join } from "path";
import { readDocx } from "../../src/docx";
import { docxFromSnapshot } from "../fixtures/docx-builder";
import { syntheticSnapshot } from "../helpers/synthetic";
import { BUNDLE_TARGET_GZIP_BYTES, benchBundle, bundleTable, type BundleBench } from "./bundle";
import { CLI_RATIO_TARGET, benchCli, cliTable, ensureFreshCliBuild, type CliBench } from "./cli";
import { ENGINE_RATIO_TARGET, benchEngine, engineTable, type EngineBench } from "./engine";
import { measure, met, round2 } from "./measure";
import { benchUpdate, updateTable, type UpdateBench } from "./update";
import { benchWrites, writesTable, type WritesBench } from "./writes";

const ROOT = join(__dirname, "..", "..");
const ROUNDS = 4;
const TARGETS = { engine1000Ms: 25, cliMs100: 500 };

interface BenchResult {
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    platform: string;
    /** One-minute load average when the bench started: above the core count, other work was competing. */
    loadAverage: number;
    /** One-minute load average when it ended. */
    loadAverageAtEnd: number;
    /**
     * Median ms of a fixed arithmetic loop, taken before and after the bench: how fast this machine was
     * at the time, so that runs on a shared or throttled host can be compared (lower is faster).
     */
    calibrationMs: number;
  };
  engine: EngineBench;
  docx: { ms: { "100": number; "1000": number }; bytes: { "100": number; "1000": number } };
  cli: CliBench;
  /** The write path (writes.ts): syncs per gateway call at 10 and 1,000 recommendations, planning vs checking. */
  syncs: WritesBench["syncs"];
  writes: Omit<WritesBench, "syncs">;
  /** scrutiny-update add-update on the 100-recommendation .docx (update.ts). */
  update: UpdateBench;
  bundle: BundleBench;
  targets: {
    engineRatio: number;
    cliRatio: number;
    bundleGzipBytes: number;
    engineRatioMet: boolean;
    cliRatioMet: boolean;
    bundleMet: boolean;
    /** The per-recommendation cost at 1,000 is within twice that at 100. */
    linear: boolean;
    /** The older absolute targets, kept for comparison with earlier runs. */
    engine1000Ms: number;
    cliMs100: number;
    engineMet: boolean;
    cliMet: boolean;
  };
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
  const bundle = benchBundle(ROOT, log);
  ensureFreshCliBuild(ROOT, log);
  const engine = await benchEngine(log);

  const dir = mkdtempSync(join(tmpdir(), "scrutiny-bench-"));
  try {
    const docx100 = await docxFromSnapshot(syntheticSnapshot({ recommendations: 100, rounds: ROUNDS }));
    const docx1000 = await docxFromSnapshot(syntheticSnapshot({ recommendations: 1000, rounds: ROUNDS }));
    log("Reading .docx (100 and 1,000 recommendations)…");
    const read100 = await measure(() => readDocx(docx100), 21, 5);
    const read1000 = await measure(() => readDocx(docx1000), 5, 1);

    const file = join(dir, "synthetic-100.docx");
    writeFileSync(file, docx100);
    const cli = await benchCli(ROOT, file, log);
    const update = benchUpdate(ROOT, file, log);
    const { syncs, ...writes } = await benchWrites(log, ROUNDS);
    const calibrationAfter = await measure(calibrationLoop, 5, 1);
    const cpuList = cpus();
    const engineRatio = Math.max(engine.ratioToJsonRoundTrip["100"], engine.ratioToJsonRoundTrip["1000"], engine.ratioToJsonRoundTrip["5000"]);
    return {
      machine: {
        cpus: cpuList.length,
        cpuModel: cpuList[0]?.model.trim() ?? "unknown",
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        loadAverage,
        loadAverageAtEnd: round2(loadavg()[0]),
        calibrationMs: round2((calibrationBefore.medianMs + calibrationAfter.medianMs) / 2),
      },
      engine,
      docx: {
        ms: { "100": round2(read100.medianMs), "1000": round2(read1000.medianMs) },
        bytes: { "100": docx100.length, "1000": docx1000.length },
      },
      cli,
      syncs,
      writes,
      update,
      bundle,
      targets: {
        engineRatio: ENGINE_RATIO_TARGET,
        cliRatio: CLI_RATIO_TARGET,
        bundleGzipBytes: BUNDLE_TARGET_GZIP_BYTES,
        engineRatioMet: engineRatio <= ENGINE_RATIO_TARGET,
        cliRatioMet: cli.ratioToNodeStart["100"] <= CLI_RATIO_TARGET,
        bundleMet: bundle.initialJsGzipBytes <= BUNDLE_TARGET_GZIP_BYTES,
        linear: engine.usPerRecommendation[1000] <= 2 * engine.usPerRecommendation[100],
        ...TARGETS,
        engineMet: engine.ms[1000] <= TARGETS.engine1000Ms,
        cliMet: cli.ms100 <= TARGETS.cliMs100,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function table(result: BenchResult): string {
  const { docx, targets, machine } = result;
  const lines = [
    `Machine: ${machine.cpus} cores, ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}`,
    `Load average at start: ${machine.loadAverage}, at end: ${machine.loadAverageAtEnd}${machine.loadAverage > machine.cpus ? " (busy: other work competed)" : ""}`,
    `Machine speed just then: a fixed arithmetic loop took ${machine.calibrationMs} ms (lower is faster; compare runs by it)`,
    "",
    ...engineTable(result.engine),
    "",
    ".docx read (bytes → snapshot, median)",
    `  100 recommendations     ${docx.ms["100"].toFixed(2)} ms  (${Math.round(docx.bytes["100"] / 1024)} KB)`,
    `  1,000 recommendations   ${docx.ms["1000"].toFixed(2)} ms  (${Math.round(docx.bytes["1000"] / 1024)} KB)`,
    "",
    ...cliTable(result.cli),
    "",
    ...bundleTable(result.bundle),
    "",
    ...updateTable(result.update),
    "",
    ...writesTable({ syncs: result.syncs, ...result.writes }),
    "",
    "Targets",
    `  engine ≤ ${targets.engineRatio}× a JSON round trip at 100, 1,000 and 5,000 recommendations: ${met(targets.engineRatioMet)}`,
    `  cost grows linearly (µs per recommendation at 1,000 ≤ 2 × at 100): ${met(targets.linear)}`,
    `  scrutiny-check, 100 recommendations ≤ ${targets.cliRatio}× \`node -e 0\`: ${met(targets.cliRatioMet)} (${result.cli.ratioToNodeStart["100"]}×)`,
    `  task pane JavaScript before first paint ≤ ${Math.round(targets.bundleGzipBytes / 1024)} KB gzipped: ${met(targets.bundleMet)}`,
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
