/**
 * The grade summary at the end of a body whose last block is a table (every fixture ends with the
 * grade key's table) never touches that table: Word merges adjacent tables into one, so an empty
 * paragraph goes between them, as Word's own body always ends with a paragraph. The .docx applier,
 * the gateway on the simulated Word and applyPlanToSnapshot agree.
 */
import { readDocx } from "../../src/docx";
import { applyPlanToSnapshot } from "../../src/model";
import type { DocumentSnapshot } from "../../src/model/snapshot";
import { createWordGateway } from "../../src/word/gateway";
import { install } from "../helpers/simulated-word";
import { applied, documentXml, fixture, ROW_FIXTURES, summaryPlan } from "./helpers";

jest.setTimeout(60_000);

const SUMMARY_START = '<w:sdt><w:sdtPr><w:alias w:val="Grade summary"/>';

function lastKinds(snapshot: DocumentSnapshot, count: number): string[] {
  return snapshot.blocks.slice(-count).map((block) => (block.kind === "paragraph" ? `paragraph "${block.text}"` : "table"));
}

describe.each(ROW_FIXTURES)("%s", (file) => {
  test("the summary at the end: after the last table, an empty paragraph, then the summary, then an empty paragraph", async () => {
    const original = fixture(file);
    const before = await readDocx(original);
    expect(before.blocks[before.blocks.length - 1].kind).toBe("table");
    const { bytes, snapshot } = await applied(original, summaryPlan(before));
    expect(snapshot.blocks).toHaveLength(before.blocks.length + 3);
    expect(lastKinds(snapshot, 4)).toEqual(["table", 'paragraph ""', "table", 'paragraph ""']);

    const xml = await documentXml(bytes);
    const at = xml.indexOf(SUMMARY_START);
    const paragraphBefore = xml.lastIndexOf("<w:p>", at);
    expect(xml.slice(0, paragraphBefore)).toMatch(/<\/w:tbl>$/);
    expect(xml.slice(paragraphBefore, at)).toMatch(/^<w:p>(?:(?!<w:t[ >]).)*<\/w:p>$/);
  });
});

test("the gateway on the simulated Word leaves the same paragraph between the tables", async () => {
  const before = await readDocx(fixture("careers-provision.docx"));
  const word = install(before, { requirementSets: { WordApi: "1.9" } });
  const gateway = createWordGateway();
  const plan = summaryPlan(before);
  await gateway.apply(plan);
  const scanned = await gateway.scan();
  expect(scanned.blocks).toEqual(applyPlanToSnapshot(before, plan).blocks);
  expect(lastKinds(scanned, 4)).toEqual(["table", 'paragraph ""', "table", 'paragraph ""']);
  expect(word.document.blocks.slice(-4).map((block) => block.kind)).toEqual(["table", "paragraph", "table", "paragraph"]);
});
