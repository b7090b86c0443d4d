/**
 * w:t text as XML defines it: XML's five predefined entities and numeric character references are
 * decoded, CDATA is text, comments are not; anything else XML does not allow (HTML entities such as
 * &nbsp;, a stray "&", references to characters XML forbids) makes the part not well-formed, and
 * the file is refused as damaged, as Word refuses it.
 */
import { readDocx } from "../../src/docx";
import type { SnapshotBlock } from "../../src/model/snapshot";
import { docxWithBody, p, r, tbl, tc, tr } from "./minimal-docx";

function paragraphs(blocks: SnapshotBlock[]): string[] {
  return blocks.flatMap((block) => (block.kind === "paragraph" ? [block.text] : []));
}

/** w:t contents as they may stand in the XML, and the text each reads as. */
const WELL_FORMED: [string, string][] = [
  ["plain text", "plain text"],
  ["", ""],
  ["   ", "   "],
  ["&amp;amp;", "&amp;"],
  ["en dash &#8211; caf&#233; &#x2713;", "en dash – café ✓"],
  ["&#9;tab", "\ttab"],
  ["&amp;&lt;", "&<"],
  ["a > b", "a > b"],
  ["line one\r\nline two\rline three", "line one\nline two\nline three"],
  ["&apos;".repeat(50), "'".repeat(50)],
  ["mixed &apos; and &#8217; and <![CDATA[&apos;]]>", "mixed ' and \u2019 and &apos;"],
];

const NOT_WELL_FORMED = [
  "non-breaking&nbsp;space",
  "&pound;5",
  "AT&T",
  "a stray & alone",
  "&; and &#;",
  "&amp&lt;",
  "&#0;",
  "&#xD800;",
  "&#x110000;",
  "&#X41;",
  "a < b",
  "<w:t>",
];

describe("w:t text as XML defines it", () => {
  test("each well-formed content reads as XML decodes it", async () => {
    const body = WELL_FORMED.map(([content]) => p(r(content))).join("");
    const snapshot = await readDocx(await docxWithBody(body));
    expect(paragraphs(snapshot.blocks)).toEqual(WELL_FORMED.map(([, text]) => text));
  });

  test.each(NOT_WELL_FORMED)("%j is not well-formed: the file is refused as damaged", async (content) => {
    await expect(readDocx(await docxWithBody(p(r(content))))).rejects.toMatchObject({
      name: "DocxError",
      reason: "corrupt",
      message: expect.stringContaining("not well-formed XML"),
    });
  });

  test("the decoded text, spelled out for the common cases", async () => {
    const body = [
      "council&apos;s &quot;plan&quot; &amp; the board",
      "&lt;done&gt; &amp;lt; stays escaped once",
      "en dash &#8211; caf&#233;",
      "<![CDATA[2. <On> track]]>",
      "before<!-- a comment -->after",
    ]
      .map((content) => p(r(content)))
      .join("");
    expect(paragraphs((await readDocx(await docxWithBody(body))).blocks)).toEqual([
      `council's "plan" & the board`,
      "<done> &lt; stays escaped once",
      "en dash – café",
      "2. <On> track",
      "beforeafter",
    ]);
  });

  test("empty and self-closing w:t, attributes on w:t, and text split over runs", async () => {
    const body =
      p("<w:r><w:t/></w:r>", "<w:r><w:t></w:t></w:r>", r("2.")) +
      p('<w:r><w:t xml:space="preserve" w:other="&amp;">On </w:t><w:t>track &amp; </w:t></w:r>', r("more"));
    expect(paragraphs((await readDocx(await docxWithBody(body))).blocks)).toEqual(["2.", "On track & more"]);
  });

  test("deleted text and field codes stay unread whatever they hold; text in cells and nested tables is decoded", async () => {
    const body =
      p(
        "<w:del><w:r><w:delText>Slipped &amp; gone</w:delText></w:r></w:del>",
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "a&amp;b" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        r("Jones &amp; Co"),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      ) + tbl(tr(tc(p(r("cell &apos;a&apos;")), tbl(tr(tc(p(r("nested &#8211; b"))))))));
    const snapshot = await readDocx(await docxWithBody(body));
    expect(paragraphs(snapshot.blocks)).toEqual(["Jones & Co"]);
    const table = snapshot.blocks.find((block) => block.kind === "table");
    expect(table?.kind === "table" && table.rows[0].cells[0].paragraphs).toEqual(["cell 'a'", "nested – b"]);
  });
});
