/**
 * Memory and CPU limits as numbers (issue 9), for `npm run bench`: each input is read and checked
 * (`readDocx` then `analyse`) in a child process of its own (limits-child.ts), which reports its peak memory
 * growth (peak RSS from `process.resourceUsage()` less the RSS just before reading) and the CPU time
 * of the read and check. The inputs: the hostile fixtures (tests/fixtures/hostile/), a zip bomb, a file
 * that unpacks to about 60 MB of paragraphs, 130,000 rows in one content control and a real-shaped
 * document of 3,000 recommendations. Targets: growth under 300 MB for every input, accepted or refused;
 * at most 2 s of CPU per unpacked MB (counting at least 1 MB, so that a file of a few bytes is not held to
 * microseconds); 3,000 recommendations read and checked in under 1 s of CPU.
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
  try {
    for (const [input, build] of inputs) {
      log(`Limits: ${input}…`);
      const bytes = await build();
      const file = join(dir, "input.docx");
      writeFileSync(file, bytes);
      const child = spawnSync(process.execPath, [join(root, "scripts", "run-ts.js"), join(root, "tests", "bench", "limits-child.ts"), file], {
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
      const mb = await unpackedMb(bytes);
      cases.push({
        input,
        outcome: reported.outcome,
        unpackedMb: round2(mb),
        peakGrowthMb: Math.round(reported.peakGrowthMb),
        cpuSeconds: round2(reported.cpuSeconds),
        cpuSecondsPerMb: round2(reported.cpuSeconds / Math.max(mb, 1)),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const worstPeakGrowthMb = cases.reduce((worst, c) => Math.max(worst, c.peakGrowthMb), 0);
  const worstCpuSecondsPerMb = cases.reduce((worst, c) => Math.max(worst, c.cpuSecondsPerMb), 0);
  const cpuSeconds3000 = cases.find((c) => c.input.startsWith("3,000"))?.cpuSeconds ?? NaN;
  return {
    cases,
    worstPeakGrowthMb,
    worstCpuSecondsPerMb,
    cpuSeconds3000,
    met: {
      memory: cases.every((c) => c.peakGrowthMb < LIMIT_TARGETS.peakGrowthMb),
      cpuPerMb: cases.every((c) => c.cpuSecondsPerMb <= LIMIT_TARGETS.cpuSecondsPerMb),
      recommendations3000: cpuSeconds3000 < LIMIT_TARGETS.cpuSeconds3000,
    },
  };
}

export function limitsTable(limits: LimitsBench): string[] {
  const met = (ok: boolean): string => (ok ? "met" : "NOT met");
  return [
    "Limits: each input read and checked in a child process (peak RSS growth; CPU of the read and check)",
    "  input                                         unpacked   peak growth   CPU      CPU per MB   outcome",
    ...limits.cases.map(
      (c) =>
        `  ${c.input.padEnd(44)}  ${c.unpackedMb.toFixed(1).padStart(7)} MB ${String(c.peakGrowthMb).padStart(8)} MB   ${c.cpuSeconds
          .toFixed(2)
          .padStart(5)} s   ${c.cpuSecondsPerMb.toFixed(2).padStart(6)} s    ${c.outcome.slice(0, 60)}`,
    ),
    `  peak growth < ${LIMIT_TARGETS.peakGrowthMb} MB for every input: ${met(limits.met.memory)} (worst ${limits.worstPeakGrowthMb} MB)`,
    `  ≤ ${LIMIT_TARGETS.cpuSecondsPerMb} s CPU per unpacked MB: ${met(limits.met.cpuPerMb)} (worst ${limits.worstCpuSecondsPerMb} s)`,
    `  3,000 recommendations in < ${LIMIT_TARGETS.cpuSeconds3000} s CPU: ${met(limits.met.recommendations3000)} (${limits.cpuSeconds3000} s)`,
  ];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
