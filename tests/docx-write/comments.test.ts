/**
 * Review comments written into .docx files as Word stores them (word/comments.xml, range marks and a
 * reference run in word/document.xml, the relationship and the content type), on every fixture: the
 * file reads back as before (comments hold no document text), comments.xml parses and every id is
 * unique, adding twice adds once, and removing gives back the package as it was. The officer's own
 * comments are never touched.
 */
import JSZip from "jszip";
import { readDocx } from "../../src/docx";
import { applyPlanToDocx } from "../../src/docx/write";
import { parseXmlTree } from "../../src/docx/write-xml";
import { COMMENT_PREFIX, planAddComments, planRemoveComments, type Plan } from "../../src/model";
import { COLUMN_FIXTURES, documentXml, editDocumentXml, entries, fixture, NOW, planned, ROW_FIXTURES } from "./helpers";

jest.setTimeout(60_000);

const ALL_FIXTURES = [...ROW_FIXTURES, ...COLUMN_FIXTURES, "careers-provision-set-aside.docx"];
const CREATED = ["word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"];

async function addComments(bytes: Uint8Array): Promise<{ bytes: Uint8Array; plan: Plan }> {
  const plan = planned(planAddComments(await readDocx(bytes)));
  return { bytes: await applyPlanToDocx(bytes, plan, { now: NOW }), plan };
}

async function removeComments(bytes: Uint8Array): Promise<Uint8Array> {
  return applyPlanToDocx(bytes, planned(planRemoveComments(await readDocx(bytes))), { now: NOW });
}

async function part(bytes: Uint8Array, name: string): Promise<string | undefined> {
  return (await JSZip.loadAsync(bytes)).file(name)?.async("string");
}

interface Comment {
  id: string;
  author: string;
  date: string;
  initials: string;
  text: string;
}

/** comments.xml's comments, read with the writer's own XML parser (which refuses XML that is not well-formed). */
async function commentsIn(bytes: Uint8Array): Promise<Comment[]> {
  const xml = await part(bytes, "word/comments.xml");
  if (xml === undefined) return [];
  const tree = parseXmlTree(xml);
  const root = tree.roots.find((element) => element.name === "w:comments")!;
  return root.children
    .filter((child) => child.name === "w:comment")
    .map((comment) => ({
      id: comment.attributes["w:id"],
      author: comment.attributes["w:author"],
      date: comment.attributes["w:date"],
      initials: comment.attributes["w:initials"],
      text: [...xml.slice(comment.start, comment.end).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')).join(""),
    }));
}

function count(xml: string, pattern: RegExp): number {
  return xml.match(pattern)?.length ?? 0;
}

/** The fixtures on which the check finds errors or warnings (on the others there is nothing to comment on). */
const COMMENTED = ALL_FIXTURES.filter((file) => file !== "care-leavers-eet-columns.docx");

test("care-leavers-eet-columns.docx has no error or warning: no plan, nothing written", async () => {
  const result = planAddComments(await readDocx(fixture("care-leavers-eet-columns.docx")));
  expect(result).toEqual({ ok: false, reason: "The check found no errors or warnings to comment on." });
  const removed = await removeComments(fixture("care-leavers-eet-columns.docx"));
  expect(Buffer.from(removed).equals(fixture("care-leavers-eet-columns.docx"))).toBe(true);
});

describe.each(COMMENTED)("%s", (file) => {
  const original = fixture(file);

  test("add: reads back as before; comments.xml parses, one comment per write with unique ids and Word's marks around its place", async () => {
    const { bytes, plan } = await addComments(original);
    expect(await readDocx(bytes)).toEqual(await readDocx(original));
    const comments = await commentsIn(bytes);
    const texts = plan.writes.map((write) => (write.kind === "add-comment" ? write.text : ""));
    expect(comments.map((comment) => comment.text)).toEqual(texts);
    expect(new Set(comments.map((comment) => comment.id)).size).toBe(comments.length);
    for (const comment of comments) {
      expect(comment).toMatchObject({ author: "Scrutiny Monitoring", initials: "SM", date: "2026-12-02T09:30:00Z" });
      expect(comment.text.startsWith(COMMENT_PREFIX)).toBe(true);
    }
    const xml = await documentXml(bytes);
    const before = await documentXml(original);
    for (const { id } of comments) {
      // The id is new to the document, and marks exactly one range, start before end, then its reference.
      expect(before).not.toContain(`w:id="${id}"`);
      const start = xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
      const end = xml.indexOf(`<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`);
      expect(start).toBeGreaterThan(0);
      expect(end).toBeGreaterThan(start);
      expect(count(xml, new RegExp(`w:id="${id}"`, "g"))).toBe(3);
    }
    expect(await part(bytes, "word/_rels/document.xml.rels")).toMatch(
      /<Relationship Id="rId\d+" Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/comments" Target="comments.xml"\/><\/Relationships>$/,
    );
    expect(await part(bytes, "[Content_Types].xml")).toContain(
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>',
    );
    // Every other part keeps its bytes.
    const [a, b] = [await entries(original), await entries(bytes)];
    expect([...b.keys()]).toEqual([...a.keys(), "word/comments.xml"]);
    for (const [name, entry] of a) {
      if (name === "word/document.xml" || CREATED.includes(name) || name.endsWith("/")) continue;
      expect(Buffer.from(b.get(name)!.stored!).equals(Buffer.from(entry.stored!))).toBe(true);
    }
  });

  test("adding twice adds once: the second time returns the same bytes", async () => {
    const once = await addComments(original);
    const twice = await addComments(once.bytes);
    expect(Buffer.from(twice.bytes).equals(Buffer.from(once.bytes))).toBe(true);
    expect(await commentsIn(twice.bytes)).toHaveLength(once.plan.writes.length);
  });

  test("add then remove: document.xml byte for byte, and the package as it was (the parts created for the comments gone again)", async () => {
    const { bytes } = await addComments(original);
    const removed = await removeComments(bytes);
    expect(await documentXml(removed)).toBe(await documentXml(original));
    const [a, b] = [await entries(original), await entries(removed)];
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, entry] of a) {
      expect({ name, same: Buffer.from(b.get(name)!.content).equals(Buffer.from(entry.content)) }).toEqual({ name, same: true });
      // The relationships and content types were rewritten (to what they were); every other part was never touched.
      if (name !== "word/document.xml" && !CREATED.includes(name) && !name.endsWith("/")) expect(Buffer.from(b.get(name)!.stored!).equals(Buffer.from(entry.stored!))).toBe(true);
    }
    // Nothing of ours left to remove: the same bytes.
    expect(await removeComments(removed)).toBe(removed);
  });
});

/** careers-provision.docx with an officer's comment on its first run of text (id 7), as Word saves one. */
async function withOfficerComment(): Promise<Buffer> {
  const bytes = await editDocumentXml(fixture("careers-provision.docx"), (xml) => {
    const run = xml.indexOf('<w:r><w:t xml:space="preserve">');
    const end = xml.indexOf("</w:t></w:r>", run) + "</w:t></w:r>".length;
    return (
      `${xml.slice(0, run)}<w:commentRangeStart w:id="7"/>${xml.slice(run, end)}<w:commentRangeEnd w:id="7"/>` +
      `<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="7"/></w:r>${xml.slice(end)}`
    );
  });
  const zip = await JSZip.loadAsync(bytes);
  zip.file(
    "word/comments.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:comment w:id="7" w:author="A. Officer" w:date="2026-11-20T10:00:00Z" w:initials="AO"><w:p><w:r><w:t>Check the dates with the chair &amp; clerk.</w:t></w:r></w:p></w:comment></w:comments>',
  );
  const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
  zip.file("word/_rels/document.xml.rels", rels.replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", types.replace("</Types>", '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>'));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("the officer's comments", () => {
  test("ours are added beside them with ids of their own, and removing ours leaves every byte of theirs", async () => {
    const original = await withOfficerComment();
    expect(await commentsIn(original)).toHaveLength(1);
    const { bytes, plan } = await addComments(original);
    const comments = await commentsIn(bytes);
    expect(comments).toHaveLength(1 + plan.writes.length);
    expect(comments[0]).toEqual({ id: "7", author: "A. Officer", date: "2026-11-20T10:00:00Z", initials: "AO", text: "Check the dates with the chair & clerk." });
    expect(new Set(comments.map((comment) => comment.id)).size).toBe(comments.length);
    expect(comments.slice(1).every((comment) => Number(comment.id) > 7)).toBe(true);
    // The relationship and content type were there: those parts are not touched.
    const [a, b] = [await entries(original), await entries(bytes)];
    for (const name of ["word/_rels/document.xml.rels", "[Content_Types].xml"]) expect(Buffer.from(b.get(name)!.stored!).equals(Buffer.from(a.get(name)!.stored!))).toBe(true);

    const removed = await removeComments(bytes);
    expect(await documentXml(removed)).toBe(await documentXml(original));
    expect(await part(removed, "word/comments.xml")).toBe(await part(original, "word/comments.xml"));
    const c = await entries(removed);
    expect([...c.keys()]).toEqual([...a.keys()]);
    for (const [name, entry] of a) {
      if (name === "word/document.xml" || name === "word/comments.xml" || name.endsWith("/")) continue;
      expect(Buffer.from(c.get(name)!.stored!).equals(Buffer.from(entry.stored!))).toBe(true);
    }
  });

  test("a comment of the officer's with the very text of ours is not repeated; removing removes only those starting with the prefix", async () => {
    const { bytes, plan } = await addComments(await withOfficerComment());
    const removed = await removeComments(bytes);
    expect((await commentsIn(removed)).map((comment) => comment.author)).toEqual(["A. Officer"]);
    expect(plan.writes.length).toBeGreaterThan(0);
  });
});
