/**
 * Run by snapshot-memory.test.ts in a node of its own, the document.xml given on stdin:
 * - `arrays` (with --allow-natives-syntax): V8 prints every array of the snapshot (blocks, each
 *   table's rows, each row's cells, each cell's paragraphs, in document order), its length and the
 *   capacity of its backing store;
 * - `retained` (with --expose-gc): the part in a .docx, read by readDocx as the checker reads it, and
 *   the heap the snapshot keeps, as JSON `{ "retainedBytes": n, "textCharacters": n }`.
 */
import { readFileSync } from "fs";
import JSZip from "jszip";
import { runInThisContext } from "vm";
import { readDocx } from "../../src/docx";
import { snapshotFromDocumentXml } from "../../src/docx/ooxml";
import type { DocumentSnapshot } from "../../src/model/snapshot";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const RELATIONSHIPS =
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document.xml"/></Relationships>`;

function arrays(xml: Buffer): void {
  // A V8 intrinsic, which only a script compiled with --allow-natives-syntax may call.
  const debugPrint = runInThisContext("(value) => %DebugPrint(value)") as (value: unknown) => void;
  const snapshot = snapshotFromDocumentXml(xml);
  debugPrint(snapshot.blocks);
  for (const block of snapshot.blocks) {
    if (block.kind !== "table") continue;
    debugPrint(block.rows);
    for (const row of block.rows) {
      debugPrint(row.cells);
      for (const cell of row.cells) debugPrint(cell.paragraphs);
    }
  }
}

function textCharacters(snapshot: DocumentSnapshot): number {
  let characters = 0;
  for (const block of snapshot.blocks) {
    if (block.kind === "paragraph") characters += block.text.length;
    else for (const row of block.rows) for (const cell of row.cells) for (const text of cell.paragraphs) characters += text.length;
  }
  return characters;
}

async function docx(xml: Buffer | string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("_rels/.rels", RELATIONSHIPS);
  zip.file("word/document.xml", xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The heap in use once everything unreachable is collected. */
async function settledHeap(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return process.memoryUsage().heapUsed;
}

async function retained(xml: Buffer): Promise<void> {
  const bytes = await docx(xml);
  // A small read first, so that the code the reader loads and compiles is not counted.
  await readDocx(await docx(`<w:document xmlns:w="${W}"><w:body><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>`));
  const before = await settledHeap();
  const snapshot = await readDocx(bytes);
  const retainedBytes = (await settledHeap()) - before;
  process.stdout.write(JSON.stringify({ retainedBytes, textCharacters: textCharacters(snapshot) }));
}

const xml = readFileSync(0);
if (process.argv[2] === "arrays") arrays(xml);
else void retained(xml);
