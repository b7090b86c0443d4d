/**
 * What a snapshot costs to keep. The reader collects each top-level table's rows, row's cells and
 * cell's paragraphs in reused arrays and copies them into the snapshot when each closes: every array
 * in the snapshot is exactly as long as its backing store (an array grown by `push` keeps up to 16
 * spare slots), with no holes. And its texts keep only their own characters, not the decoded pieces
 * of the part they were cut from.
 */
import { spawnSync } from "child_process";
import { join } from "path";
import { snapshotFromDocumentXml } from "../../src/docx/ooxml";
import type { DocumentSnapshot } from "../../src/model/snapshot";

jest.setTimeout(60_000);

const ROOT = join(__dirname, "..", "..");
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const p = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const paragraphs = (n: number, label: string): string => Array.from({ length: n }, (_, i) => p(`${label} paragraph ${i}`)).join("");
const tc = (content: string): string => `<w:tc><w:tcPr/>${content}</w:tc>`;
const tr = (...cells: string[]): string => `<w:tr><w:trPr/>${cells.join("")}</w:tr>`;
const tbl = (...rows: string[]): string => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join("")}</w:tbl>`;

const XML =
  `<w:document xmlns:w="${W}"><w:body>${paragraphs(3, "body")}` +
  tbl(
    tr(tc(p("one"))),
    tr(tc(paragraphs(2, "two")), tc(paragraphs(20, "twenty"))),
    tr(tc(`${p("before")}${tbl(tr(tc(p("nested")), tc(p("nested too"))))}${p("after")}`), tc(""), tc(paragraphs(17, "seventeen"))),
    `<w:sdt><w:sdtContent>${tr(tc(p("in a control")))}</w:sdtContent></w:sdt>`,
  ) +
  `<w:sdt><w:sdtContent>${tbl(...Array.from({ length: 18 }, (_, i) => tr(tc(p(`row ${i}`)), tc(p("x")))))}</w:sdtContent></w:sdt>` +
  `${tbl()}${paragraphs(1, "last")}</w:body></w:document>`;

function arraysOf(snapshot: DocumentSnapshot): unknown[][] {
  const arrays: unknown[][] = [snapshot.blocks];
  for (const block of snapshot.blocks) {
    if (block.kind !== "table") continue;
    arrays.push(block.rows);
    for (const row of block.rows) {
      arrays.push(row.cells);
      for (const cell of row.cells) arrays.push(cell.paragraphs);
    }
  }
  return arrays;
}

test("the document above has arrays of many lengths, nested tables and controls read through", () => {
  const snapshot = snapshotFromDocumentXml(new TextEncoder().encode(XML));
  const lengths = arraysOf(snapshot).map((array) => array.length);
  expect(new Set(lengths)).toEqual(new Set([0, 1, 2, 3, 4, 7, 17, 18, 20]));
  const first = snapshot.blocks[3];
  expect(first.kind === "table" && first.rows[2].cells[0].paragraphs).toEqual(["before", "nested", "nested too", "after"]);
});

test("no array in the snapshot has holes", () => {
  for (const array of arraysOf(snapshotFromDocumentXml(new TextEncoder().encode(XML)))) {
    for (let i = 0; i < array.length; i++) expect(i in array).toBe(true);
  }
});

/** snapshot-memory.child.ts run on `xml` in a node of its own with `flag`; its standard output. */
function child(flag: string, mode: string, xml: string): string {
  const run = spawnSync(process.execPath, [flag, join(ROOT, "scripts/run-ts.js"), join(__dirname, "snapshot-memory.child.ts"), mode], {
    cwd: ROOT,
    input: xml,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run.stdout;
}

test("every array in the snapshot has exactly as many slots as items (V8's own account)", () => {
  const stdout = child("--allow-natives-syntax", "arrays", XML);
  // Each array printed: "- length: N" then "- elements: 0x… <FixedArray[CAPACITY]> [KIND]".
  const printed = stdout.split("DebugPrint:").slice(1).map((print) => {
    const length = /- length: (\d+)/.exec(print);
    const elements = /- elements: \S+ <FixedArray\[(\d+)\]> \[(\w+)\]/.exec(print);
    return { length: Number(length?.[1]), capacity: Number(elements?.[1]), kind: elements?.[2] ?? "unknown" };
  });
  const expected = arraysOf(snapshotFromDocumentXml(new TextEncoder().encode(XML))).map((array) => array.length);
  expect(printed.map((array) => array.length)).toEqual(expected);
  expect(printed.map((array) => array.capacity)).toEqual(expected);
  for (const { kind } of printed) expect(kind).toMatch(/^PACKED_/);
});

test("a snapshot keeps its texts' characters, not the part they were read from", () => {
  // 4,000 cells of 40 characters each, in 8 MB of markup the reader skips (properties, deleted text):
  // texts cut from the part's decoded pieces would keep all 8 MB alive.
  const skipped = `<w:tcPr><w:tcW w:w="2708" w:type="dxa"/></w:tcPr><w:del w:id="1" w:author="A"><w:r><w:delText>${"d".repeat(2000)}</w:delText></w:r></w:del>`;
  const cells = Array.from({ length: 4000 }, (_, i) => `<w:tc>${skipped}${p(`cell ${i} of the table`.padEnd(40, "."))}</w:tc>`);
  const rows = Array.from({ length: 2000 }, (_, i) => tr(cells[2 * i], cells[2 * i + 1]));
  const body = `${Array.from({ length: 2000 }, (_, i) => `${skipped.slice(skipped.indexOf("<w:del"))}${p(`body paragraph ${i}`.padEnd(40, "."))}`).join("")}${tbl(...rows)}`;
  const xml = `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
  expect(xml.length).toBeGreaterThan(12_000_000);
  const { retainedBytes, textCharacters } = JSON.parse(child("--expose-gc", "retained", xml)) as { retainedBytes: number; textCharacters: number };
  expect(textCharacters).toBe(6000 * 40);
  // The objects (about 150 bytes a cell) and the texts: about 1.5 MB; the part's pieces, over 12 MB.
  expect(retainedBytes).toBeLessThan(4_000_000);
});
