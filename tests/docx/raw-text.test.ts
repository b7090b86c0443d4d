/**
 * The reader has fast-xml-parser keep w:t content raw (a stop node) and decodes it itself (src/docx/xml.ts).
 * These tests hold it to what a full parse of the same XML gives: the oracle below parses the whole body with
 * the reader's previous options (w:t parsed like any element) and joins each w:t's text children.
 */
import { XMLParser } from "fast-xml-parser";
import { readDocx } from "../../src/docx";
import type { SnapshotBlock } from "../../src/model/snapshot";
import { docxWithBody, p, r, tbl, tc, tr } from "./minimal-docx";

const UNREAD = ["w:pPr", "w:rPr", "w:tcPr", "w:trPr", "w:tblPr", "w:tblGrid", "w:sectPr", "w:sdtPr", "w:drawing", "w:pict", "w:object"];

const fullParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  stopNodes: UNREAD.map((name) => `*.${name}`),
});

type Node = Record<string, unknown>;

/** Each w:t's text in document order, from a full parse. */
function fullParseTexts(xml: string): string[] {
  const texts: string[] = [];
  const walk = (nodes: Node[]): void => {
    for (const node of nodes) {
      const name = Object.keys(node).find((key) => key !== ":@");
      const children = name === undefined ? undefined : node[name];
      if (!Array.isArray(children)) continue;
      if (name === "w:t") {
        texts.push(children.map((child: Node) => (typeof child["#text"] === "string" ? child["#text"] : "")).join(""));
      } else {
        walk(children as Node[]);
      }
    }
  };
  walk(fullParser.parse(xml) as Node[]);
  return texts;
}

function paragraphs(blocks: SnapshotBlock[]): string[] {
  return blocks.flatMap((block) => (block.kind === "paragraph" ? [block.text] : []));
}

/** w:t contents as they may stand in the XML, each read as one paragraph. */
const CONTENTS = [
  "plain text",
  "",
  "   ",
  "council&apos;s &quot;plan&quot; &amp; the board",
  "&lt;done&gt; &amp;lt; stays escaped once",
  "&amp;amp;",
  "en dash &#8211; caf&#233; &#x2713; &#X41;",
  "non-breaking&nbsp;space, &pound;5, &euro;6, &copy;",
  "AT&T and a stray & and &; and &unknown; and &#;",
  "&amp&lt;",
  "&#0; &#xD800; &#x110000; &#9;",
  "<![CDATA[2. <On> track & more]]>",
  "before<!-- a comment -->after",
  "a > b",
  "line one\r\nline two\rline three",
  "&apos;".repeat(50),
  "mixed &apos; and &#8217; and <![CDATA[&apos;]]>",
];

describe("w:t text read raw and decoded by the reader", () => {
  test("every content reads as a full parse of the same XML reads it", async () => {
    const body = CONTENTS.map((content) => p(r(content))).join("");
    const expected = fullParseTexts(`<w:document><w:body>${body.replace(/\r\n?/g, "\n")}</w:body></w:document>`);
    expect(expected).toHaveLength(CONTENTS.length);
    const snapshot = await readDocx(await docxWithBody(body));
    expect(paragraphs(snapshot.blocks)).toEqual(expected);
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
