/**
 * Regressions from fuzzing the .docx reader: XML that is not what it claims is refused as damaged;
 * valid packages Word reads are read; every limit is a DocxError naming it, in bounded time.
 */
import JSZip from "jszip";
import { DocxError, MAX_DEPTH, MAX_PARAGRAPHS, MAX_TABLE_PARTS, readDocx } from "../../src/docx";
import type { SnapshotBlock } from "../../src/model/snapshot";
import { docxWithBody, p, r, tbl, tc, tr } from "./minimal-docx";

jest.setTimeout(60_000);

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

async function docxWithDocumentXml(xml: string, path = "word/document.xml"): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("_rels/.rels", RELS);
  zip.file(path, xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function paragraphs(blocks: SnapshotBlock[]): string[] {
  return blocks.flatMap((block) => (block.kind === "paragraph" ? [block.text] : []));
}

async function refusal(bytes: Uint8Array): Promise<DocxError> {
  try {
    await readDocx(bytes);
  } catch (error) {
    if (error instanceof DocxError) return error;
    throw error;
  }
  throw new Error("read without complaint");
}

const damaged = expect.objectContaining({ reason: "corrupt", message: expect.stringContaining("not well-formed XML") });

describe("XML that is not well-formed is refused as damaged", () => {
  it.each([
    ["an unbalanced element", p(r("a")) + "<w:p><w:r><w:t>b</w:t></w:r>"],
    ["a mismatched end tag", "<w:p><w:r><w:t>a</w:t></w:p></w:r>"],
    ["a duplicate attribute", '<w:p w:rsidR="1" w:rsidR="2">' + r("a") + "</w:p>"],
    ["an attribute without quotes", "<w:p w:rsidR=1>" + r("a") + "</w:p>"],
    ["an undeclared prefix", "<x:p>" + r("a") + "</x:p>"],
    ["an undeclared prefix on an attribute", '<w:p x:rsidR="1">' + r("a") + "</w:p>"],
    ["a prefix undeclared (XML 1.0)", '<w:p xmlns:x="">' + r("a") + "</w:p>"],
    ["the xml prefix bound elsewhere", '<w:p xmlns:xml="urn:x">' + r("a") + "</w:p>"],
    ["the xmlns prefix declared", `<w:p xmlns:xmlns="${W}">` + r("a") + "</w:p>"],
    ["the xml namespace under another prefix", '<w:p xmlns:x="http://www.w3.org/XML/1998/namespace">' + r("a") + "</w:p>"],
    ["an element prefixed xmlns", "<xmlns:p>" + r("a") + "</xmlns:p>"],
    ["a malformed qualified name", "<w:p:q>" + r("a") + "</w:p:q>"],
    ["one attribute under two prefixes", `<w:p xmlns:v="${W}" w:rsidR="1" v:rsidR="2">` + r("a") + "</w:p>"],
    ["an unknown entity", p(r("&nbsp;"))],
  ])("%s", async (_name, body) => {
    expect(await refusal(await docxWithBody(body))).toEqual(damaged);
  });

  it("a document.xml cut short is refused, not reported complete with no recommendations", async () => {
    const whole = `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${p(r("Recommendation 1:"))}${p(r("more"))}</w:body></w:document>`;
    for (const cut of [whole.length - 1, whole.length - 12, whole.indexOf("<w:body>") + 8, 60]) {
      expect(await refusal(await docxWithDocumentXml(whole.slice(0, cut)))).toEqual(damaged);
    }
  });

  it("a DOCTYPE anywhere is refused, and its entities are never expanded", async () => {
    const doctype = '<!DOCTYPE w:document [<!ENTITY boom "BOOM">]>';
    const padding = `<!--${"x".repeat(5000)}-->`;
    const xml = `<?xml version="1.0"?>${padding}${doctype}<w:document xmlns:w="${W}"><w:body>${p(r("&boom;"))}</w:body></w:document>`;
    const error = await refusal(await docxWithDocumentXml(xml));
    expect(error.message).toMatch(/damaged|document type declaration/);
    const late = `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${p(r(padding))}</w:body></w:document>${doctype}`;
    expect((await refusal(await docxWithDocumentXml(late))).reason).toBe("corrupt");
  });
});

describe("valid packages are read", () => {
  it("the main namespace as the default namespace", async () => {
    const xml = `<?xml version="1.0"?><document xmlns="${W}"><body><p><r><t>Default namespace</t></r></p></body></document>`;
    expect(paragraphs((await readDocx(await docxWithDocumentXml(xml))).blocks)).toEqual(["Default namespace"]);
  });

  it("the main namespace under another prefix, and another namespace under w:", async () => {
    const xml =
      `<?xml version="1.0"?><word:document xmlns:word="${W}" xmlns:w="urn:not-word"><word:body>` +
      `<word:p><word:r><word:t>Other prefix</word:t></word:r><w:r><w:t>not Word's</w:t></w:r></word:p></word:body></word:document>`;
    expect(paragraphs((await readDocx(await docxWithDocumentXml(xml))).blocks)).toEqual(["Other prefix"]);
  });

  it("part names that differ only in case (Word/Document.xml)", async () => {
    const xml = `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${p(r("Any case"))}</w:body></w:document>`;
    expect(paragraphs((await readDocx(await docxWithDocumentXml(xml, "Word/Document.xml"))).blocks)).toEqual(["Any case"]);
  });

  it("mc:AlternateContent: the first understood mc:Choice, else mc:Fallback, never both", async () => {
    const alternate = (requires: string): string =>
      `<mc:AlternateContent xmlns:mc="${MC}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:z="urn:unknown">` +
      `<mc:Choice Requires="${requires}">${p(r(`choice ${requires}`))}</mc:Choice>` +
      `<mc:Choice Requires="w14">${p(r("second choice"))}</mc:Choice>` +
      `<mc:Fallback>${p(r("fallback"))}</mc:Fallback></mc:AlternateContent>`;
    const inRun = `<w:p><w:r><mc:AlternateContent xmlns:mc="${MC}"><mc:Choice Requires="z" xmlns:z="urn:unknown"><w:t>new</w:t></mc:Choice><mc:Fallback><w:t>old</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const snapshot = await readDocx(await docxWithBody(alternate("w14") + alternate("z") + inRun));
    expect(paragraphs(snapshot.blocks)).toEqual(["choice w14", "second choice", "old"]);
  });

  it(`nesting of ${MAX_DEPTH - 10} levels is read (it was refused past 100 as "not well-formed")`, async () => {
    const levels = MAX_DEPTH - 10;
    const body = "<w:sdt><w:sdtContent>".repeat(levels / 2 - 3) + p(r("deep")) + "</w:sdtContent></w:sdt>".repeat(levels / 2 - 3);
    expect(paragraphs((await readDocx(await docxWithBody(body))).blocks)).toEqual(["deep"]);
  });

  it("one content control wrapping 130,000 rows is read (spreading them overflowed the stack)", async () => {
    const rows = tr(tc(p(r("x")))).repeat(130_000);
    const snapshot = await readDocx(await docxWithBody(`<w:tbl><w:sdt><w:sdtContent>${rows}</w:sdtContent></w:sdt></w:tbl>`));
    const table = snapshot.blocks[0];
    expect(table.kind === "table" && table.rows.length).toBe(130_000);
  });
});

describe("limits are DocxErrors that name them", () => {
  it("deeper than the depth limit: too deeply nested", async () => {
    const body = "<w:sdt><w:sdtContent>".repeat(MAX_DEPTH) + p(r("deep")) + "</w:sdtContent></w:sdt>".repeat(MAX_DEPTH);
    const error = await refusal(await docxWithBody(body));
    expect(error.message).toContain(`too deeply nested to check (more than ${MAX_DEPTH} levels`);
  });

  it("a million nested elements refuse at the depth limit, quickly and without a stack overflow", async () => {
    const body = "<w:customXml>".repeat(1_000_000) + "</w:customXml>".repeat(1_000_000);
    const start = performance.now();
    expect((await refusal(await docxWithBody(body))).message).toContain("too deeply nested");
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it("more paragraphs than the limit", async () => {
    const error = await refusal(await docxWithBody("<w:p/>".repeat(MAX_PARAGRAPHS + 1)));
    expect(error.message).toContain("too many paragraphs to check (more than 500,000)");
  });

  it("more tables, rows and cells than the limit", async () => {
    const error = await refusal(await docxWithBody(tbl(tr(tc()).repeat(MAX_TABLE_PARTS / 2))));
    expect(error.message).toContain("too many tables, rows and cells to check (more than 500,000 in all)");
  });

  it("more text than the limit, from a small file", async () => {
    const text = "x".repeat(1024 * 1024);
    const bytes = await docxWithBody(p(r(text)).repeat(33));
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect((await refusal(bytes)).message).toContain("too much text to check");
  });
});

