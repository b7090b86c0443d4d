/**
 * Any bytes, any zip mutation, any XML mutation of the real fixtures: the reader returns a snapshot or
 * a DocxError, never another exception, in bounded time. Semantics-preserving changes (CDATA for
 * text, comments and whitespace between elements, other compression) give the identical report.
 */
import { readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import JSZip from "jszip";
import { DocxError, readDocx } from "../../src/docx";
import { analyse } from "../../src/model";
import { CASE_MS, TEST_TIMEOUT_MS, fuzzParameters, uniformFraction } from "./settings";

jest.setTimeout(TEST_TIMEOUT_MS);

const FIXTURE = readFileSync(join(__dirname, "../fixtures/docx/careers-provision.docx"));
let documentXml = "";
let expected = "";

beforeAll(async () => {
  documentXml = await (await JSZip.loadAsync(FIXTURE)).file("word/document.xml")!.async("string");
  expected = JSON.stringify(analyse(await readDocx(FIXTURE)));
});

/** Reads, and fails the property on anything but a snapshot or a DocxError, or on a slow read. */
async function readsOrRefuses(bytes: Uint8Array): Promise<void> {
  const start = performance.now();
  try {
    await readDocx(bytes);
  } catch (error) {
    if (!(error instanceof DocxError)) throw new Error(`not a DocxError: ${String(error)}`);
    if (error.message.trim() === "") throw new Error("a DocxError with no message");
  }
  const ms = performance.now() - start;
  if (ms > CASE_MS) throw new Error(`read took ${Math.round(ms)} ms`);
}

async function zipWith(xml: string, compression: "DEFLATE" | "STORE" = "DEFLATE", level = 6): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(FIXTURE);
  zip.file("word/document.xml", xml);
  return zip.generateAsync({ type: "uint8array", compression, compressionOptions: { level } });
}

/** An edit of a string: a range deleted, duplicated or replaced by hostile markup. */
const XML_PIECES = [
  "<", ">", "</w:p>", "<w:p>", "<w:tbl>", "</w:tc>", "<w:tr>", "&", "&amp;", "&#0;", "&nbsp;", "<!DOCTYPE x>",
  '<!ENTITY a "b">', "<![CDATA[", "]]>", "<!--", "-->", '"', "'", "w:", "xmlns:w=\"urn:x\"", "<w:sdt><w:sdtContent>",
  "</w:sdtContent></w:sdt>", "<mc:AlternateContent>", "\u0000", "\uFFFF", "<?pi?>", "<w:t>Grade 2</w:t>",
];
const xmlEdit = fc.record({
  at: uniformFraction,
  length: fc.nat({ max: 400 }),
  kind: fc.constantFrom("delete", "duplicate", "insert", "truncate"),
  piece: fc.constantFrom(...XML_PIECES),
  times: fc.integer({ min: 1, max: 50 }),
});

function applyEdit(xml: string, edit: { at: number; length: number; kind: string; piece: string; times: number }): string {
  const at = Math.floor(edit.at * xml.length);
  const end = Math.min(xml.length, at + edit.length);
  switch (edit.kind) {
    case "delete":
      return xml.slice(0, at) + xml.slice(end);
    case "duplicate":
      return xml.slice(0, end) + xml.slice(at, end).repeat(edit.times) + xml.slice(end);
    case "truncate":
      return xml.slice(0, at);
    default:
      return xml.slice(0, at) + edit.piece.repeat(edit.times) + xml.slice(at);
  }
}

describe("the reader on hostile input", () => {
  it("any bytes: a snapshot or a DocxError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, zipLike) => {
        if (zipLike && bytes.length >= 4) bytes.set([0x50, 0x4b, 0x03, 0x04]);
        await readsOrRefuses(bytes);
      }),
      fuzzParameters(300),
    );
  });

  it("any zip mutation of a real fixture: a snapshot or a DocxError", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 20 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (flips, cut) => {
          const bytes = new Uint8Array(FIXTURE);
          for (const flip of flips) bytes[flip.at % bytes.length] = flip.value;
          await readsOrRefuses(cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length));
        },
      ),
      fuzzParameters(80),
    );
  });

  it("any XML mutation of a real document.xml: a snapshot or a DocxError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(xmlEdit, { minLength: 1, maxLength: 4 }), async (edits) => {
        let xml = documentXml;
        for (const edit of edits) xml = applyEdit(xml, edit);
        await readsOrRefuses(await zipWith(xml, "STORE"));
      }),
      fuzzParameters(80),
    );
  });
});

describe("semantics-preserving changes give the identical report", () => {
  /** Text of a w:t as CDATA, a comment or whitespace between elements, compression: none changes the document. */
  const change = fc.record({
    cdataEvery: fc.integer({ min: 1, max: 5 }),
    commentEvery: fc.integer({ min: 0, max: 7 }),
    whitespace: fc.constantFrom("", " ", "\n", "\r\n  ", "\t"),
    compression: fc.constantFrom<"DEFLATE" | "STORE">("DEFLATE", "STORE"),
    level: fc.integer({ min: 1, max: 9 }),
  });

  it("CDATA for text, comments and whitespace between elements, other compression", async () => {
    await fc.assert(
      fc.asyncProperty(change, async ({ cdataEvery, commentEvery, whitespace, compression, level }) => {
        let n = 0;
        let xml = documentXml.replace(/(<w:t(?: [^>]*)?>)([^<]*)(<\/w:t>)/g, (all, open: string, text: string, close: string) =>
          ++n % cdataEvery === 0 && !text.includes("]]>") ? `${open}<![CDATA[${decodeXml(text)}]]>${close}` : all,
        );
        let m = 0;
        // Between elements of the body, never inside a w:t (whose text is the document's).
        xml = xml.replace(/(<\/w:(?:p|r|tc|tr|tbl|rPr|pPr)>)/g, (end: string) =>
          commentEvery > 0 && ++m % commentEvery === 0 ? `${end}<!-- fuzz -->${whitespace}` : `${end}${whitespace}`,
        );
        const report = JSON.stringify(analyse(await readDocx(await zipWith(xml, compression, level))));
        expect(report).toBe(expected);
      }),
      fuzzParameters(25),
    );
  });
});

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_all, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_all, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, "&");
}
