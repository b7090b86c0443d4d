/**
 * Memory and CPU limits as numbers (issue 9), for `npm run bench`: each input is read and checked
 * (`readDocx` then `analyse`) in a child process of its own (limits-child.ts), which reports its peak memory
 * growth (peak RSS from `process.resourceUsage()` less the RSS just before reading) and the CPU time
 * of the read and check. The inputs: the hostile fixtures (tests/fixtures/hostile/), a zip bomb, a file
 * that unpacks to about 60 MB of paragraphs, 130,000 rows in one content control and a real-shaped
 * document of 3,000 recommendations. Targets: growth under 300 MB for every input, accepted or refused;
 * at most 2 s of CPU per unpacked MB (counting at least 1 MB, so that a file of a few bytes is not held to
 * microseconds); 3,000 recommendations read and checked in under 1 s of CPU. The write path is held to the same
 * memory and CPU targets: every input through `scrutiny-update add-update`, and the large accepted ones through
 * `summary` and `comments` too (`limits.update` in the JSON).
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import { join } from "path";
import { docxFromSnapshot } from "../fixtures/docx-builder";
import { zipBomb } from "../fixtures/broken";
import { largeSnapshot } from "../fixtures/large";

export const LIMIT_TARGETS = { peakGrowthMb: 300, cpuSecondsPerMb: 2, cpuSeconds3000: 1 };

export interface LimitCase {
  input: string;
  /** "read", or the DocxError reason and message that refused it. */
  outcome: string;
  /** word/document.xml's size as its zip entry gives it (what it would unpack to), MB. */
  unpackedMb: number;
  peakGrowthMb: number;
  cpuSeconds: number;
  cpuSecondsPerMb: number;
}

export interface LimitsBench {
  cases: LimitCase[];
  worstPeakGrowthMb: number;
  worstCpuSecondsPerMb: number;
  cpuSeconds3000: number;
  met: { memory: boolean; cpuPerMb: boolean; recommendations3000: boolean };
  /** The write path: every input through `scrutiny-update add-update`, and the large accepted ones through `summary` and `comments`. */
  update: UpdateLimits;
}

export interface UpdateLimits {
  /** As the read path's, with the command in `input` ("add-update: hostile/…"). */
  cases: LimitCase[];
  worstPeakGrowthMb: number;
  worstCpuSecondsPerMb: number;
  met: { memory: boolean; cpuPerMb: boolean };
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

async function docxOf(body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("_rels/.rels", RELS);
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

async function generatedInputs(): Promise<[string, () => Promise<Buffer>][]> {
  const paragraph = "<w:p><w:r><w:t>Evidence of progress, written out at length.</w:t></w:r></w:p>";
  return [
    ["zip bomb (1 MB unpacking to 1 GB)", async () => zipBomb(1024)],
    ["about 60 MB of paragraphs", () => docxOf(paragraph.repeat(Math.ceil((60 * 2 ** 20) / paragraph.length)))],
    ["130,000 rows in one content control", () => docxOf(`<w:tbl><w:sdt><w:sdtContent>${"<w:tr><w:tc><w:p/></w:tc></w:tr>".repeat(130_000)}</w:sdtContent></w:sdt></w:tbl><w:p/>`)],
    ["3,000 recommendations (real text, repeated)", () => docxFromSnapshot(largeSnapshot(3000))],
  ];
}

async function unpackedMb(bytes: Buffer): Promise<number> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const entry = zip.file("word/document.xml") as unknown as { _data?: { uncompressedSize?: number } } | null;
    return (entry?._data?.uncompressedSize ?? 0) / 2 ** 20;
  } catch {
    return 0;
  }
}

export async function benchLimits(root: string, log: (line: string) => void): Promise<LimitsBench> {
  const dir = mkdtempSync(join(tmpdir(), "scrutiny-bench-limits-"));
  const hostile = join(root, "tests", "fixtures", "hostile");
  const inputs: [string, () => Promise<Buffer>][] = [
    ...readdirSync(hostile)
      .filter((name) => name.endsWith(".docx"))
      .sort()
      .map((name): [string, () => Promise<Buffer>] => [`hostile/${name}`, async () => readFileSync(join(hostile, name))]),
    ...(await generatedInputs()),
  ];
  const cases: LimitCase[] = [];
  const updates: LimitCase[] = [];
  // This month: never one the generated documents' updates have, and never too far ahead to add.
  const month = new Date().toISOString().slice(0, 7);
  try {
    for (const [input, build] of inputs) {
      log(`Limits: ${input}…`);
      const bytes = await build();
      const file = join(dir, "input.docx");
      writeFileSync(file, bytes);
      const mb = await unpackedMb(bytes);
      cases.push(measured(root, input, mb, [file]));
      const commands = [["add-update", "--month", month], ...(LARGE_ACCEPTED.test(input) ? [["summary"], ["comments"]] : [])];
      for (const command of commands) {
        const out = mkdtempSync(join(dir, "out-"));
        updates.push(measured(root, `${command[0]}: ${input}`, mb, [file, out, ...command]));
        rmSync(out, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const cpuSeconds3000 = cases.find((c) => c.input.startsWith("3,000"))?.cpuSeconds ?? NaN;
  return {
    cases,
    ...worst(cases),
    cpuSeconds3000,
    met: { ...meets(cases), recommendations3000: cpuSeconds3000 < LIMIT_TARGETS.cpuSeconds3000 },
    update: { cases: updates, ...worst(updates), met: meets(updates) },
  };
}

/** The large inputs that are read (not refused), so are worth each write command. */
const LARGE_ACCEPTED = /^(3,000 recommendations|about 60 MB|130,000 rows)/;

function measured(root: string, input: string, mb: number, args: string[]): LimitCase {
  const child = spawnSync(process.execPath, [join(root, "scripts", "run-ts.js"), join(root, "tests", "bench", "limits-child.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 16 * 2 ** 20,
  });
  let reported: { outcome: string; cpuSeconds: number; peakGrowthMb: number };
  try {
    reported = JSON.parse(child.stdout) as typeof reported;
  } catch {
    reported = { outcome: `FAILED: exit ${child.status}: ${child.stderr.slice(0, 300)}`, cpuSeconds: NaN, peakGrowthMb: NaN };
  }
  return {
    input,
    outcome: reported.outcome,
    unpackedMb: round2(mb),
    peakGrowthMb: Math.round(reported.peakGrowthMb),
    cpuSeconds: round2(reported.cpuSeconds),
    cpuSecondsPerMb: round2(reported.cpuSeconds / Math.max(mb, 1)),
  };
}

function worst(cases: LimitCase[]): { worstPeakGrowthMb: number; worstCpuSecondsPerMb: number } {
  return {
    worstPeakGrowthMb: cases.reduce((w, c) => Math.max(w, Number.isNaN(c.peakGrowthMb) ? Infinity : c.peakGrowthMb), 0),
    worstCpuSecondsPerMb: cases.reduce((w, c) => Math.max(w, Number.isNaN(c.cpuSecondsPerMb) ? Infinity : c.cpuSecondsPerMb), 0),
  };
}

function meets(cases: LimitCase[]): { memory: boolean; cpuPerMb: boolean } {
  return {
    memory: cases.every((c) => c.peakGrowthMb < LIMIT_TARGETS.peakGrowthMb),
    cpuPerMb: cases.every((c) => c.cpuSecondsPerMb <= LIMIT_TARGETS.cpuSecondsPerMb),
  };
}

const met = (ok: boolean): string => (ok ? "met" : "NOT met");

function caseRows(cases: LimitCase[], width: number): string[] {
  return [
    `  ${"input".padEnd(width)}  unpacked   peak growth   CPU      CPU per MB   outcome`,
    ...cases.map(
      (c) =>
        `  ${c.input.padEnd(width)}  ${c.unpackedMb.toFixed(1).padStart(7)} MB ${String(c.peakGrowthMb).padStart(8)} MB   ${c.cpuSeconds
          .toFixed(2)
          .padStart(5)} s   ${c.cpuSecondsPerMb.toFixed(2).padStart(6)} s    ${c.outcome.slice(0, 60)}`,
    ),
  ];
}

function targetRows(limits: { met: { memory: boolean; cpuPerMb: boolean }; worstPeakGrowthMb: number; worstCpuSecondsPerMb: number }): string[] {
  return [
    `  peak growth < ${LIMIT_TARGETS.peakGrowthMb} MB for every input: ${met(limits.met.memory)} (worst ${limits.worstPeakGrowthMb} MB)`,
    `  ≤ ${LIMIT_TARGETS.cpuSecondsPerMb} s CPU per unpacked MB: ${met(limits.met.cpuPerMb)} (worst ${limits.worstCpuSecondsPerMb} s)`,
  ];
}

export function limitsTable(limits: LimitsBench): string[] {
  return [
    "Limits: each input read and checked in a child process (peak RSS growth; CPU of the read and check)",
    ...caseRows(limits.cases, 44),
    ...targetRows(limits),
    `  3,000 recommendations in < ${LIMIT_TARGETS.cpuSeconds3000} s CPU: ${met(limits.met.recommendations3000)} (${limits.cpuSeconds3000} s)`,
    "Limits, write path: scrutiny-update (--json --out DIR) on each input in a child process (peak RSS growth; CPU of the command)",
    ...caseRows(limits.update.cases, 56),
    ...targetRows(limits.update),
  ];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
