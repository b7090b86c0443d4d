/**
 * The .docx reader's part of `npm run bench` (issue 9): `readDocx` on synthetic documents of 100, 1,000
 * and 5,000 recommendations against its floor, measured in the same run, interleaved (floor, reader,
 * floor, reader…), as the median of the per-pair ratios. The floor is what no reader of this design can
 * avoid: opening the zip, unpacking word/document.xml (streamed, as the reader does) and the same
 * tokenizer (src/docx/xml-scan.ts) visiting every node without building anything. A second floor is
 * timed in the same turns: saxes resolving namespaces itself (xmlns: true, as the reader did before it
 * had its own tokenizer and scopes), the reader's cost before issue 9's work on it.
 */
import { performance } from "perf_hooks";
import { SaxesParser } from "saxes";
import { XmlScanner } from "../../src/docx/xml-scan";
import { readDocx } from "../../src/docx";
import { openZip, streamEntryInto } from "../../src/docx/zip";
import { docxFromSnapshot } from "../fixtures/docx-builder";
import { syntheticSnapshot } from "../helpers/synthetic";

export const READER_RATIO_TARGET = 1.5;
export const READER_SIZES = [100, 1000, 5000] as const;
type Size = (typeof READER_SIZES)[number];
type BySize = Record<`${Size}`, number>;

export interface ReaderBench {
  /** Median of reader ÷ floor over interleaved pairs. */
  ratioToFloor: BySize;
  /** Median of reader ÷ the floor with saxes resolving namespaces, over the same turns. */
  ratioToNamespaceFloor: BySize;
  /** Median reader time per recommendation, µs: flat when the cost grows linearly. */
  usPerRecommendation: BySize;
  readerMs: BySize;
  floorMs: BySize;
  /** word/document.xml's unpacked size. */
  documentBytes: BySize;
  pairs: BySize;
}

const PAIRS: Record<Size, number> = { 100: 15, 1000: 9, 5000: 7 };

/** The floor: unzip and tokenize word/document.xml, every node visited, nothing built. */
export async function floorRead(bytes: Uint8Array, namespaces = false): Promise<number> {
  const zip = await openZip(bytes);
  let nodes = 0;
  const visited = await streamEntryInto(zip, "word/document.xml", () => {
    const decoder = new TextDecoder();
    if (namespaces) {
      const parser = new SaxesParser({ xmlns: true, position: true });
      parser.on("opentag", () => nodes++);
      parser.on("closetag", () => nodes++);
      parser.on("text", () => nodes++);
      return {
        chunk: (piece) => parser.write(decoder.decode(piece, { stream: true })),
        end: () => {
          parser.write(decoder.decode()).close();
          return nodes;
        },
      };
    }
    // Every attribute split out and checked, as the tokenizer did before it left that to its sink (xml-scan.ts).
    const scanner = new XmlScanner({
      start: (tag) => {
        tag.parse();
        nodes++;
      },
      end: () => nodes++,
      text: () => nodes++,
    });
    return {
      chunk: (piece) => scanner.write(decoder.decode(piece, { stream: true })),
      end: () => {
        scanner.write(decoder.decode());
        scanner.end();
        return nodes;
      },
    };
  });
  return visited ?? 0;
}

export async function benchReader(log: (line: string) => void): Promise<ReaderBench> {
  const result = { ratioToFloor: {}, ratioToNamespaceFloor: {}, usPerRecommendation: {}, readerMs: {}, floorMs: {}, documentBytes: {}, pairs: {} } as ReaderBench;
  for (const size of READER_SIZES) {
    const key = `${size}` as const;
    log(`Reader against its floor, ${size} recommendations: building the .docx…`);
    const bytes = await docxFromSnapshot(syntheticSnapshot({ recommendations: size, rounds: 4 }));
    const zip = await openZip(bytes);
    result.documentBytes[key] = (await zip.file("word/document.xml")!.async("uint8array")).length;
    const pairs = PAIRS[size];
    log(`  ${pairs} interleaved pairs (floor, reader) after one warm-up pair…`);
    const ratios: number[] = [];
    const namespaceRatios: number[] = [];
    const readerTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let i = 0; i <= pairs; i++) {
      const floor = await timed(() => floorRead(bytes));
      const namespaceFloor = await timed(() => floorRead(bytes, true));
      const reader = await timed(() => readDocx(bytes));
      if (i === 0) continue;
      floorTimes.push(floor);
      readerTimes.push(reader);
      ratios.push(reader / floor);
      namespaceRatios.push(reader / namespaceFloor);
    }
    result.ratioToFloor[key] = round2(median(ratios));
    result.ratioToNamespaceFloor[key] = round2(median(namespaceRatios));
    result.readerMs[key] = round2(median(readerTimes));
    result.floorMs[key] = round2(median(floorTimes));
    result.usPerRecommendation[key] = Math.round((median(readerTimes) * 1000) / size);
    result.pairs[key] = pairs;
  }
  return result;
}

export function readerTable(reader: ReaderBench): string[] {
  return [
    "Reader against its floor (unzip + the same tokenizer visiting every node; interleaved pairs, median of ratios)",
    "  recommendations   document.xml   floor ms   reader ms   ratio   µs per recommendation   ratio to saxes resolving namespaces",
    ...READER_SIZES.map((size) => {
      const key = `${size}` as const;
      return `  ${String(size).padStart(6)}          ${(reader.documentBytes[key] / 2 ** 20).toFixed(1).padStart(6)} MB   ${reader.floorMs[key]
        .toFixed(1)
        .padStart(8)}   ${reader.readerMs[key].toFixed(1).padStart(9)}   ${reader.ratioToFloor[key].toFixed(2).padStart(5)}   ${String(reader.usPerRecommendation[key]).padStart(6)}                  ${reader.ratioToNamespaceFloor[key].toFixed(2)}`;
    }),
    `  target ≤ ${READER_RATIO_TARGET}× at every size: ${READER_SIZES.every((size) => reader.ratioToFloor[`${size}`] <= READER_RATIO_TARGET) ? "met" : "NOT met"}`,
  ];
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
