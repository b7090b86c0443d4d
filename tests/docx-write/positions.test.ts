/**
 * The places the reader notes as it reads (positions.ts) are exactly those the writer's own position
 * pass found before (old-structure.ts: a second tokenization into a tree, searched by name): on every
 * .docx fixture, on generated documents, and on what the writer itself wrote (dropdowns, tracked
 * insertions, a summary). Where that search by name could not match the reader (other prefixes,
 * mc:AlternateContent around blocks), the document is marked as one the writer cannot match.
 */
import { readdirSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { readDocx } from "../../src/docx";
import { applyPlanToDocx, DocxWriteError } from "../../src/docx/write";
import { openDocx, readWithPositions } from "../../src/docx/write-open";
import type { DocumentStructure } from "../../src/docx/write-structure";
import { parseXmlTree, type XmlElement } from "../../src/docx/write-xml";
import { docxFromSnapshot } from "../fixtures/docx-builder";
import { syntheticSnapshot } from "../helpers/synthetic";
import { addPlan, documentXml, FIXTURES, NOW, summaryPlan, withTrackedChanges } from "./helpers";
import { documentStructure } from "./old-structure";

jest.setTimeout(60_000);

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function span(element: XmlElement | undefined): number[] | undefined {
  return element && [element.start, element.contentStart, element.contentEnd, element.end];
}

/** An element and its whole subtree: names and the four offsets of each. */
function subtree(element: XmlElement): unknown {
  return { name: element.name, at: span(element), children: element.children.map(subtree) };
}

function places(structure: DocumentStructure): unknown {
  return {
    body: [structure.body.name, structure.body.contentStart, structure.body.contentEnd, structure.body.end],
    sectPr: span(structure.sectPr),
    paragraphs: structure.paragraphs.map(span),
    tables: structure.tables.map((table) => ({
      index: table.index,
      element: span(table.element),
      sdts: table.sdts.map(span),
      rows: table.rows.map((row) => ({
        element: span(row.element),
        cells: row.cells.map((cell) => ({ element: span(cell.element), paragraphs: cell.paragraphs.map(span) })),
      })),
    })),
  };
}

async function expectSamePlaces(bytes: Uint8Array): Promise<void> {
  const xml = await documentXml(bytes);
  const old = documentStructure(parseXmlTree(xml));
  const { snapshot, positions } = readWithPositions(xml);
  expect(positions.mismatch).toBe(false);
  expect(positions.notWord).toBe(false);
  const recorded = positions.structure()!;
  expect(places(recorded)).toEqual(places(old));
  // The children the writer asks for, parsed from each element's own text, are the old tree's.
  expect(subtree(recorded.body)).toEqual(subtree(old.body));
  expect(recorded.sectPr && subtree(recorded.sectPr)).toEqual(old.sectPr && subtree(old.sectPr));
  // The same element is one object, whether noted by the reader or found among its parent's children.
  for (const table of recorded.tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const own = cell.element.children.filter((child) => child.name === "w:p");
        for (const paragraph of own) expect(cell.paragraphs).toContain(paragraph);
      }
    }
  }
  // And the read is the reader's own.
  expect(snapshot).toEqual(await readDocx(bytes));
  const opened = await openDocx(bytes);
  expect(opened.snapshot).toEqual(snapshot);
  // And openDocx's, which the writer uses (noted as numbers, made into elements when asked for): the same places, the same children.
  const { places: noted } = await opened.writable();
  if (typeof noted === "string") throw new Error(`openDocx found the places ${noted}`);
  const found = noted.structure()!;
  expect(places(found)).toEqual(places(old));
  expect(subtree(found.body)).toEqual(subtree(old.body));
}

function docxFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? docxFiles(join(folder, entry.name)) : entry.name.endsWith(".docx") && !entry.name.startsWith("broken-") ? [join(folder, entry.name)] : [],
  );
}

const FILES = docxFiles(FIXTURES).map((path) => [path.slice(FIXTURES.length + 1), path]);

describe.each(FILES)("%s", (_name, path) => {
  const bytes = () => new Uint8Array(require("fs").readFileSync(path) as Buffer);
  test("the reader's positions are the old position pass's", async () => {
    await expectSamePlaces(bytes());
  });
  test("and so after an update and a summary are written, changes tracked", async () => {
    const tracked = await withTrackedChanges(bytes());
    const snapshot = await readDocx(tracked);
    let written: Uint8Array = tracked;
    try {
      written = await applyPlanToDocx(tracked, addPlan(snapshot), { now: NOW });
      written = await applyPlanToDocx(written, summaryPlan(await readDocx(written)), { now: NOW });
    } catch (error) {
      // The column layouts are refused by the planner; nothing else is expected to fail.
      if (!(error instanceof Error) || !/no plan/.test(error.message)) throw error;
    }
    await expectSamePlaces(written);
  });
});

test("generated documents of every size give the same positions", async () => {
  for (const recommendations of [1, 7, 30]) {
    await expectSamePlaces(await docxFromSnapshot(syntheticSnapshot({ recommendations, rounds: 3 })));
  }
});

async function zipped(xml: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file("word/document.xml", xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const TABLE = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";

test("hand-written structure: self-closing paragraphs, wrappers, block content controls, nested tables, section properties", async () => {
  const body =
    `<w:p/><w:customXml><w:sdt><w:sdtPr><w:tag w:val="x"/></w:sdtPr><w:sdtContent><w:sdt><w:sdtContent>${TABLE}</w:sdtContent></w:sdt></w:sdtContent></w:sdt></w:customXml>` +
    `<w:tbl><w:sdt><w:sdtContent><w:tr><w:ins><w:tc><w:p/>${TABLE}<w:p></w:p></w:tc></w:ins></w:tr></w:sdtContent></w:sdt></w:tbl>` +
    `<w:p><w:pPr><w:sectPr/></w:pPr></w:p><w:sectPr><w:pgSz w:w="11906"/></w:sectPr>`;
  // What a plain scan for tags must step over: comments, CDATA and processing instructions holding
  // markup, ">" and quotes in attribute values, white space in tags.
  const tricky =
    `<w:p w:rsidR='a>"b' ><!-- <w:p> </w:p> --><?pi <w:p>?><w:r ><w:t xml:space="preserve"><![CDATA[<w:p/>]]> a > b</w:t ></w:r></w:p >` +
    `<w:tbl><w:tr w:x="&quot;>&apos;"><w:tc><w:p/><!----></w:tc></w:tr></w:tbl><w:sectPr\n/>`;
  await expectSamePlaces(await zipped(`<?xml version="1.0"?>\n<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`));
  await expectSamePlaces(await zipped(`<w:document xmlns:w="${W}"><w:body>${tricky}</w:body></w:document>`));
  await expectSamePlaces(await zipped(`\uFEFF<w:document xmlns:w="${W}"><w:body><w:sectPr/><w:p/></w:body></w:document>`));
});

describe("documents whose places the writer could not find by name are marked, and refused as before", () => {
  const cases: [string, string, "notWord" | "mismatch"][] = [
    ["the main namespace as the default namespace", `<document xmlns="${W}"><body><p/></body></document>`, "notWord"],
    ["paragraphs under another prefix", `<w:document xmlns:w="${W}" xmlns:x="${W}"><w:body><x:p/></w:body></w:document>`, "mismatch"],
    ["another namespace under w: where blocks are read", `<w:document xmlns:w="${W}"><w:body><w:p/><w:tbl xmlns:w="urn:other"/></w:body></w:document>`, "mismatch"],
    [
      "a paragraph inside mc:AlternateContent in the body",
      `<w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body><mc:AlternateContent><mc:Fallback><w:p/></mc:Fallback></mc:AlternateContent><w:p/></w:body></w:document>`,
      "mismatch",
    ],
  ];
  test.each(cases)("%s", (_name, xml, flag) => {
    const { positions } = readWithPositions(xml);
    expect(positions[flag]).toBe(true);
  });
  test("writing to one is refused without writing", async () => {
    const bytes = await zipped(cases[1][1]);
    const plan = { kind: "summary", description: "", expect: [], writes: [{ kind: "insert-summary", place: { kind: "end" }, rows: [["a"]] }] };
    await expect(applyPlanToDocx(bytes, plan as never)).rejects.toMatchObject({ reason: "layout" });
    await expect(applyPlanToDocx(bytes, plan as never)).rejects.toBeInstanceOf(DocxWriteError);
  });
});
