import { readFileSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { readDocx } from "../../src/docx";
import type { DocumentSnapshot, SnapshotBlock, SnapshotCell, SnapshotTable } from "../../src/model/snapshot";
import { findRow, NESTED_TABLE } from "../fixtures/catalogue";
import { toPlain } from "../fixtures/layouts";
import { realSnapshot } from "../helpers/text-snapshot";
import { docxWithBody, p, r, tbl, tc, tr } from "./minimal-docx";

const DIR = join(__dirname, "../fixtures/docx");

async function fixture(file: string): Promise<{ snapshot: DocumentSnapshot; xml: string }> {
  const bytes = readFileSync(join(DIR, file));
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  return { snapshot: await readDocx(bytes), xml };
}

function allText(snapshot: DocumentSnapshot): string {
  return snapshot.blocks
    .flatMap((block) =>
      block.kind === "paragraph" ? [block.text] : block.rows.flatMap((row) => row.cells.flatMap((cell) => cell.paragraphs)),
    )
    .join("\n");
}

/** The value cell of a recommendation's row, located as in the real careers-provision layout. */
function careersCell(snapshot: DocumentSnapshot, recommendation: number, label: string, cell = 1): SnapshotCell {
  const place = findRow(toPlain(realSnapshot("careersProvision")), recommendation, label);
  const table = snapshot.blocks.filter((block): block is SnapshotTable => block.kind === "table")[place.table];
  return table.rows[place.row].cells[cell];
}

function paragraphs(blocks: SnapshotBlock[]): string[] {
  return blocks.flatMap((block) => (block.kind === "paragraph" ? [block.text] : []));
}

describe("tracked changes", () => {
  test("deleted text is absent, inserted text present", async () => {
    const { snapshot, xml } = await fixture("careers-provision-tracked-changes.docx");
    expect(xml).toContain('<w:delText xml:space="preserve">3. Slipped</w:delText>');
    expect(xml).toMatch(/<w:ins [^>]*><w:r>.*?2\. Largely met/);
    expect(careersCell(snapshot, 1, "Assessment of Progress").paragraphs[0]).toMatch(/^2\. Largely met\. Stockton/);
    expect(allText(snapshot)).not.toContain("3. Slipped");
    expect(allText(snapshot)).not.toContain("Not Achieved: no data yet");
  });

  test("moved text is read once, at its new place", async () => {
    const body = p(`<w:moveFrom w:id="1" w:author="A" w:date="2023-01-01T00:00:00Z">${r("2. On track")}</w:moveFrom>`, r("Evidence")) +
      p(r("Grade: "), `<w:moveTo w:id="2" w:author="A" w:date="2023-01-01T00:00:00Z">${r("2. On track")}</w:moveTo>`);
    expect(paragraphs((await readDocx(await docxWithBody(body))).blocks)).toEqual(["Evidence", "Grade: 2. On track"]);
  });
});

describe("tracked row deletions (w:trPr/w:del)", () => {
  const DEL = '<w:del w:id="7" w:author="A" w:date="2023-01-01T00:00:00Z"/>';
  /** A row as Word writes one deleted with Track Changes on: the row marked, and its runs deleted text. */
  const deletedRow = (text: string, properties = `<w:trPr><w:cantSplit/>${DEL}</w:trPr>`): string =>
    `<w:tr>${properties}${tc(p(`<w:del w:id="8" w:author="A" w:date="2023-01-01T00:00:00Z"><w:r><w:delText>${text}</w:delText></w:r></w:del>`))}${tc(p(r(text)))}</w:tr>`;
  const rowsOf = (snapshot: DocumentSnapshot): string[][][] =>
    snapshot.blocks.flatMap((block) => (block.kind === "table" ? [block.rows.map((row) => row.cells.map((cell) => cell.paragraphs))] : [])).flat();

  test("a row marked deleted is read as Word shows it once the change is accepted: not at all, the rows after it numbered on", async () => {
    const body = tbl(tr(tc(p(r("Recommendation 1:"))), tc(p(r("Do things.")))), deletedRow("Gone"), tr(tc(p(r("Evidence:"))), tc(p(r("Done."))))) + p(r("After"));
    const snapshot = await readDocx(await docxWithBody(body));
    expect(rowsOf(snapshot)).toEqual([[["Recommendation 1:"], ["Do things."]], [["Evidence:"], ["Done."]]]);
    const table = snapshot.blocks[0] as SnapshotTable;
    expect(table.rows[1]!.cells[1]!.location).toEqual({ kind: "cell", table: 0, row: 1, cell: 1 });
    // Its paragraphs are not counted either: the body paragraph after the table is the fifth.
    expect(snapshot.blocks[1]).toEqual({ kind: "paragraph", text: "After", location: { kind: "paragraph", paragraph: 4 } });
  });

  test("in a nested table too, a deleted row's text is not in the cell; a deletion mark only in properties or after a cell changes nothing", async () => {
    const nested = tbl(tr(tc(p(r("kept")))), deletedRow("gone"));
    const afterCell = `<w:tr>${tc(p(r("first")))}<w:trPr>${DEL}</w:trPr>${tc(p(r("second")))}</w:tr>`;
    const inRunProperties = `<w:tr><w:trPr><w:cantSplit/></w:trPr>${tc(p(`<w:r><w:rPr>${DEL}</w:rPr><w:t>mark</w:t></w:r>`))}</w:tr>`;
    const body = tbl(tr(tc(p(r("Outer")), nested, p(r("end")))), afterCell, inRunProperties);
    expect(rowsOf(await readDocx(await docxWithBody(body)))).toEqual([[["Outer", "kept", "end"]], [["first"], ["second"]], [["mark"]]]);
  });

  test("a tracked row insertion is read as any row; a self-closing w:trPr and a deleted last row are fine", async () => {
    const inserted = `<w:tr><w:trPr><w:ins w:id="3" w:author="A" w:date="2023-01-01T00:00:00Z"/></w:trPr>${tc(p(r("new")))}</w:tr>`;
    const body = tbl(`<w:tr><w:trPr/>${tc(p(r("plain")))}</w:tr>`, inserted, deletedRow("gone"));
    expect(rowsOf(await readDocx(await docxWithBody(body)))).toEqual([[["plain"]], [["new"]]]);
  });
});

describe("content controls", () => {
  test("a grade only inside an inline content control is read, as is a block content control in a cell", async () => {
    const { snapshot, xml } = await fixture("careers-provision-grade-in-content-control.docx");
    expect(xml.match(/<w:sdt>/g)).toHaveLength(2);
    expect(xml).toMatch(/<w:dropDownList>.*<w:sdtContent><w:r><w:t xml:space="preserve">1\.<\/w:t>/);
    expect(careersCell(snapshot, 7, "Assessment of Progress").paragraphs).toEqual(["1."]);
    expect(careersCell(snapshot, 2, "Date").paragraphs).toEqual(["April 2021"]);
  });

  test("block content controls around paragraphs, a table, a row and a cell keep order and indices", async () => {
    const sdt = (content: string): string => `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    const body =
      sdt(p(r("Intro"))) +
      sdt(tbl(tr(tc(p(r("A"))), sdt(tc(p(r("B"))))), sdt(tr(tc(p(r("C"))), tc(p(r("D"))))))) +
      p(r("Between")) +
      tbl(tr(tc(p(r("E"))))) +
      `<w:customXml w:element="x">${p(r("Custom"))}</w:customXml>`;
    const snapshot = await readDocx(await docxWithBody(body));
    expect(snapshot.blocks).toEqual([
      { kind: "paragraph", text: "Intro", location: { kind: "paragraph", paragraph: 0 } },
      {
        kind: "table",
        index: 0,
        rows: [
          { cells: [cell(["A"], 0, 0, 0), cell(["B"], 0, 0, 1)] },
          { cells: [cell(["C"], 0, 1, 0), cell(["D"], 0, 1, 1)] },
        ],
      },
      { kind: "paragraph", text: "Between", location: { kind: "paragraph", paragraph: 5 } },
      { kind: "table", index: 1, rows: [{ cells: [cell(["E"], 1, 0, 0)] }] },
      { kind: "paragraph", text: "Custom", location: { kind: "paragraph", paragraph: 7 } },
    ]);
  });
});

function cell(paragraphTexts: string[], table: number, row: number, index: number): SnapshotCell {
  return { paragraphs: paragraphTexts, location: { kind: "cell", table, row, cell: index } };
}

describe("hyperlinks and fields", () => {
  test("hyperlink text, a complex field's result and a simple field's result are read; field code is not", async () => {
    const { snapshot, xml } = await fixture("careers-provision-links-and-fields.docx");
    expect(xml).toMatch(/<w:hyperlink [^>]*>.*?Careers Hub/);
    expect(xml).toContain("<w:instrText");
    expect(xml).toContain("<w:fldSimple");
    expect(careersCell(snapshot, 5, "Evidence of Progress").paragraphs[0]).toMatch(/^Update from CEC Careers Hub lead/);
    expect(careersCell(snapshot, 1, "Date").paragraphs).toEqual(["April 2021"]);
    const officers = (snapshot.blocks[0] as SnapshotTable).rows[2].cells[1];
    expect(officers.paragraphs).toEqual(["David Willingham/ Ian Caley"]);
    expect(allText(snapshot)).not.toMatch(/DOCPROPERTY|MERGEFORMAT/);
  });

  const field = (code: string, result?: string): string =>
    `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>${code}</w:instrText></w:r>` +
    (result === undefined ? "" : `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${result}`) +
    `<w:r><w:fldChar w:fldCharType="end"/></w:r>`;

  test("nested fields show the outer result; a field with no result shows nothing", async () => {
    const nestedCode = `<w:r><w:instrText> IF </w:instrText></w:r>${field(" MERGEFIELD Grade ", r("2"))}<w:r><w:instrText> = "2" "On-Track" "" </w:instrText></w:r>`;
    const outer =
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r>${nestedCode}` +
      `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${r("On-Track")}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const body = p(r("Grade: "), outer, r(".")) + p(r("Page "), field(" PAGE "), r("!"));
    expect(paragraphs((await readDocx(await docxWithBody(body))).blocks)).toEqual(["Grade: On-Track.", "Page !"]);
  });

  test("a field left open hides no more than its own paragraph", async () => {
    const body = p(r("A"), `<w:r><w:fldChar w:fldCharType="begin"/></w:r>`, r("hidden")) + p(r("B"));
    expect(paragraphs((await readDocx(await docxWithBody(body))).blocks)).toEqual(["A", "B"]);
  });
});

describe("run content", () => {
  test("tabs and breaks as spaces, non-breaking hyphens, symbols, entities; smart tags read; text boxes skipped", async () => {
    const body = p(
      r("Assessment of Progress"),
      "<w:r><w:tab/><w:t>2.</w:t><w:br/><w:t>On</w:t><w:cr/><w:t>track</w:t><w:noBreakHyphen/><w:t>ish</w:t><w:softHyphen/></w:r>",
      `<w:smartTag w:uri="x" w:element="date">${r(" (Sept 2022)")}</w:smartTag>`,
      `<w:r><w:sym w:font="Symbol" w:char="2713"/></w:r>`,
      r(" &amp; &lt;done&gt; &#8211; caf&#233;"),
      `<w:r><w:drawing><wp:inline xmlns:wp="wp"><w:txbxContent><w:p>${r("text box")}</w:p></w:txbxContent></wp:inline></w:drawing></w:r>`,
      `<w:bookmarkStart w:id="0" w:name="x"/><w:proofErr w:type="spellStart"/>`,
    );
    const snapshot = await readDocx(await docxWithBody(body));
    expect(paragraphs(snapshot.blocks)).toEqual(["Assessment of Progress 2. On track-ish (Sept 2022)✓ & <done> – café"]);
  });

  test("properties, including tracked property changes that nest the same element, are skipped", async () => {
    const pPr = '<w:pPr><w:jc w:val="left"/><w:rPr><w:del w:id="9" w:author="A" w:date="2023-01-01T00:00:00Z"/></w:rPr>' +
      '<w:pPrChange w:id="8" w:author="A" w:date="2023-01-01T00:00:00Z"><w:pPr><w:jc w:val="center"/></w:pPr></w:pPrChange></w:pPr>';
    const rPr = "<w:rPr><w:b/><w:rPrChange w:id=\"7\" w:author=\"A\"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr>";
    const body = p(pPr, `<w:r>${rPr}<w:t>2. On track</w:t></w:r>`) + p(r("next"));
    expect(paragraphs((await readDocx(await docxWithBody(body))).blocks)).toEqual(["2. On track", "next"]);
  });

  test("leading and trailing spaces and empty paragraphs are kept as written", async () => {
    const body = p(r("  two spaces  ")) + "<w:p/>" + p("<w:pPr><w:jc w:val=\"center\"/></w:pPr>") + p(r("On"), r(" "), r("track"));
    expect(paragraphs((await readDocx(await docxWithBody(body))).blocks)).toEqual(["  two spaces  ", "", "", "On track"]);
  });
});

describe("merged cells", () => {
  test("a horizontally merged title row is one cell; vMerge continuation cells stay as empty cells", async () => {
    const { snapshot, xml } = await fixture("care-leavers-eet-merged-cells.docx");
    expect(xml).toContain('<w:gridSpan w:val="4"/>');
    expect(xml.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(3);
    const [title] = snapshot.blocks as SnapshotTable[];
    expect(title.rows.map((row) => row.cells.length)).toEqual([1, 4, 4, 4]);
    const real = realSnapshot("careLeaversEet");
    // Same cells as the real layout apart from the title row: continuation cells still counted.
    const cellsOf = (s: DocumentSnapshot): SnapshotCell[] =>
      s.blocks.slice(1).flatMap((block) => (block.kind === "table" ? block.rows.flatMap((row) => row.cells) : []));
    expect(cellsOf(snapshot).map((c) => c.location)).toEqual(cellsOf(real).map((c) => c.location));
    const start = findRow(toPlain(real), 6, "(February 2023)");
    const rows = (snapshot.blocks.filter((b) => b.kind === "table") as SnapshotTable[])[start.table].rows;
    expect(rows[start.row].cells[0].paragraphs).toEqual(["(February 2023): (include explanation if required)"]);
    expect(rows.slice(start.row + 1, start.row + 3).map((row) => row.cells[0].paragraphs)).toEqual([[""], [""]]);
    expect(rows[start.row + 1].cells[1].paragraphs[0]).toMatch(/^Further work will be/);
  });

  test("a jagged row (gridSpan on its last cell) is a shorter row; hand-written merges read per w:tc", async () => {
    const merged = (span: number, text: string): string => `<w:tc><w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>${p(r(text))}</w:tc>`;
    const restart = `<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>${p(r("Label"))}</w:tc>`;
    const cont = `<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>`;
    const body = tbl(tr(merged(3, "Title")), tr(restart, tc(p(r("one"))), tc(p(r("x")))), tr(cont, merged(2, "two")));
    const [table] = (await readDocx(await docxWithBody(body))).blocks as SnapshotTable[];
    expect(table.rows.map((row) => row.cells.map((c) => c.paragraphs.join("|")))).toEqual([["Title"], ["Label", "one", "x"], ["", "two"]]);
  });
});

describe("nested tables", () => {
  test("nested table text is in the parent cell and its paragraphs count in later indices", async () => {
    const { snapshot, xml } = await fixture("careers-provision-nested-table.docx");
    expect(xml.match(/<w:tbl>/g)!.length).toBe((realSnapshot("careersProvision").blocks.filter((b) => b.kind === "table").length) + 1);
    const evidence = careersCell(snapshot, 1, "Evidence of Progress");
    expect(evidence.paragraphs.slice(1)).toEqual([...NESTED_TABLE.flat(), ""]);
    const real = realSnapshot("careersProvision");
    const lastParagraph = (s: DocumentSnapshot): number =>
      s.blocks.flatMap((block) => (block.kind === "paragraph" ? [block.location.paragraph] : [])).pop()!;
    expect(lastParagraph(snapshot)).toBe(lastParagraph(real) + NESTED_TABLE.flat().length + 1);
    // Only top-level tables are numbered.
    expect((snapshot.blocks.filter((b) => b.kind === "table") as SnapshotTable[]).map((t) => t.index)).toEqual(
      (real.blocks.filter((b) => b.kind === "table") as SnapshotTable[]).map((t) => t.index),
    );
  });

  test("a doubly nested table in the middle of a cell keeps document order", async () => {
    const inner = tbl(tr(tc(p(r("deep")))));
    const middle = tbl(tr(tc(p(r("m1")), inner, p(r("m2"))), tc(p(r("m3")))));
    const body = tbl(tr(tc(p(r("label"))), tc(p(r("before")), middle, p(r("after"))))) + p(r("end"));
    const snapshot = await readDocx(await docxWithBody(body));
    expect((snapshot.blocks[0] as SnapshotTable).rows[0].cells[1].paragraphs).toEqual(["before", "m1", "deep", "m2", "m3", "after"]);
    expect(snapshot.blocks[1]).toEqual({ kind: "paragraph", text: "end", location: { kind: "paragraph", paragraph: 7 } });
  });
});

describe("package", () => {
  test("the main part is found through the package relationships", async () => {
    const bytes = await docxWithBody(p(r("Found")), { mainPart: "word/document2.xml" });
    expect(paragraphs((await readDocx(bytes)).blocks)).toEqual(["Found"]);
  });
});
