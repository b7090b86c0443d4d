/**
 * The .docx applier on every fixture of the row layouts: what it writes reads back (with the
 * project's reader) as exactly applyPlanToSnapshot's snapshot, only the inserted or removed rows and
 * the summary differ in word/document.xml, every other part keeps its bytes, and add then remove
 * gives back document.xml byte for byte.
 */
import { DocxError, readDocx } from "../../src/docx";
import { applyPlanToDocx, DocxWriteError } from "../../src/docx/write";
import { parse, planAddRound, planSetGrade, planSummary, SUMMARY_TAG, type Plan } from "../../src/model";
import {
  addPlan,
  applied,
  BROKEN_FIXTURES,
  documentXml,
  editDocumentXml,
  entries,
  fixture,
  MONTH,
  NOW,
  planned,
  removePlan,
  ROW_FIXTURES,
  summaryPlan,
  TODAY,
  withTrackedChanges,
} from "./helpers";

jest.setTimeout(60_000);

/** A new row of the January 2027 update: `<w:tr …>` to its `</w:tr>`, never crossing another row's end. */
const NEW_ROW = /<w:tr\b[^>]*>(?:(?!<\/w:tr>)[\s\S])*?\(January 2027\)(?:(?!<\/w:tr>)[\s\S])*?<\/w:tr>/g;
/** A tracked row deletion this applier writes (the date is the tests' NOW). */
const ROW_DELETION = /<w:del w:id="\d+" w:author="Scrutiny Monitoring" w:date="2026-12-02T09:30:00Z"\/>/g;
/** A run this applier marked deleted: its w:del around it, its w:t as w:delText. */
const DELETED_RUN = /<w:del w:id="\d+" w:author="Scrutiny Monitoring" w:date="2026-12-02T09:30:00Z">((?:(?!<\/w:del>)[\s\S])*)<\/w:del>/g;
/** The text with the row deletions this applier marks taken back: the row marks (and the properties made for them) and the runs' marks. */
const withoutRowDeletions = (xml: string): string =>
  xml
    .replace(/<w:trPr><w:del [^>]*\/><\/w:trPr>/g, "")
    .replace(ROW_DELETION, "")
    .replace(DELETED_RUN, (_run, inner: string) => inner.replace(/<w:delText\b/g, "<w:t").replace(/<\/w:delText>/g, "</w:t>"));
const SUMMARY_SDT = /<w:sdt><w:sdtPr><w:alias w:val="Grade summary"\/>[\s\S]*?<\/w:sdtContent><\/w:sdt>/;

async function expectOtherPartsUnchanged(before: Uint8Array, after: Uint8Array): Promise<void> {
  const [a, b] = [await entries(before), await entries(after)];
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [name, entry] of a) {
    if (name === "word/document.xml" || name.endsWith("/")) continue;
    const other = b.get(name)!;
    expect(Buffer.from(other.content).equals(Buffer.from(entry.content))).toBe(true);
    // Not only the same content: the same compressed bytes, passed through as they were.
    expect(other.method).toBe(entry.method);
    expect(other.stored && entry.stored && Buffer.from(other.stored).equals(Buffer.from(entry.stored))).toBe(true);
  }
}

describe.each(ROW_FIXTURES)("%s", (file) => {
  const original = fixture(file);

  test("add-update: reads back as planned; only the new rows differ; other parts keep their bytes", async () => {
    const snapshot = await readDocx(original);
    const plan = addPlan(snapshot);
    const { bytes } = await applied(original, plan);
    const [before, after] = [await documentXml(original), await documentXml(bytes)];
    const newRows = after.match(NEW_ROW) ?? [];
    expect(newRows).toHaveLength(3 * plan.round!.recommendations.length);
    // A textual diff touches only the inserted rows: without them, every character is as it was.
    expect(after.replace(NEW_ROW, "")).toBe(before);
    await expectOtherPartsUnchanged(original, bytes);
  });

  test("add then remove gives back document.xml byte for byte", async () => {
    const added = await applied(original, addPlan(await readDocx(original)));
    const removed = await applied(added.bytes, removePlan(added.snapshot));
    expect(await documentXml(removed.bytes)).toBe(await documentXml(original));
    expect(removed.snapshot).toEqual(await readDocx(original));
  });

  test("adding twice adds once: the second plan has nothing to add", async () => {
    const added = await applied(original, addPlan(await readDocx(original)));
    const again = planAddRound(added.snapshot, { month: MONTH, recommendations: "all", dropdowns: true, today: TODAY });
    expect(again.ok).toBe(false);
  });

  test("summary: inserted at the end, then refreshed to the same bytes, and a refresh replaces only the summary", async () => {
    const inserted = await applied(original, summaryPlan(await readDocx(original)));
    const xml = await documentXml(inserted.bytes);
    expect(xml.match(new RegExp(SUMMARY_TAG, "g"))).toHaveLength(1);
    const refresh = summaryPlan(inserted.snapshot);
    expect(refresh.writes.map((write) => write.kind)).toEqual(["replace-summary"]);
    const refreshed = await applied(inserted.bytes, refresh);
    expect(await documentXml(refreshed.bytes)).toBe(xml);

    // After an update is added the figures change: the refresh rewrites the summary's control and nothing else.
    const added = await applied(inserted.bytes, addPlan(inserted.snapshot));
    const again = await applied(added.bytes, summaryPlan(added.snapshot));
    const [before, after] = [await documentXml(added.bytes), await documentXml(again.bytes)];
    expect(after).not.toBe(before);
    expect(after.replace(SUMMARY_SDT, "")).toBe(before.replace(SUMMARY_SDT, ""));
  });
});

describe("tracked changes on (w:trackRevisions in settings.xml)", () => {
  test("new rows are tracked insertions by Scrutiny Monitoring, and removing them takes them out entirely", async () => {
    const original = await withTrackedChanges(fixture("careers-provision.docx"));
    const added = await applied(original, addPlan(await readDocx(original)));
    const xml = await documentXml(added.bytes);
    const rows = xml.match(NEW_ROW) ?? [];
    expect(rows).toHaveLength(21);
    for (const row of rows) {
      expect(row).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:ins w:id="\d+" w:author="Scrutiny Monitoring" w:date="2026-12-02T09:30:00Z"\/><\/w:trPr>/);
      // Every run of text is inside a tracked insertion, and so is every paragraph mark.
      const runs = row.match(/<w:r>/g)?.length ?? 0;
      expect(row.match(/<w:ins w:id="\d+" w:author="Scrutiny Monitoring" w:date="[^"]+"><w:r>/g)).toHaveLength(runs);
      expect(row.match(/<w:pPr><w:rPr><w:ins /g)?.length).toBe(row.match(/<w:p>/g)?.length);
    }
    const ids = [...xml.matchAll(/ w:id="(\d+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const removed = await applied(added.bytes, removePlan(added.snapshot));
    expect(await documentXml(removed.bytes)).toBe(await documentXml(original));
  });

  test("removing rows whose insertion was accepted marks each row deleted, as Word does; every character of them stays", async () => {
    const added = await applied(fixture("careers-provision.docx"), addPlan(await readDocx(fixture("careers-provision.docx"))));
    // The new rows were accepted (written without tracking); now the document records changes.
    const tracked = await withTrackedChanges(added.bytes);
    const removed = await applied(tracked, removePlan(added.snapshot));
    const [before, after] = [await documentXml(tracked), await documentXml(removed.bytes)];
    const marks = after.match(ROW_DELETION) ?? [];
    expect(marks).toHaveLength(21);
    // The new rows had no properties: each now has them, holding the mark and nothing else; each of their runs is deleted text.
    expect(after.match(/<w:tr><w:trPr><w:del [^>]*\/><\/w:trPr>/g)).toHaveLength(21);
    expect(after.match(DELETED_RUN)).toHaveLength(28);
    expect(after.match(/<w:delText/g)).toHaveLength(28);
    // Without the marks, every character is as it was.
    expect(withoutRowDeletions(after)).toBe(before);
    // Read as Word shows it once the deletions are accepted: as it was before the update was added.
    expect(removed.snapshot).toEqual(await readDocx(fixture("careers-provision.docx")));
    const ids = [...after.matchAll(/ w:id="(\d+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("a row without properties, and one whose properties end in a tracked change of them, get the mark where the schema has it", async () => {
    const added = await applied(fixture("careers-provision.docx"), addPlan(await readDocx(fixture("careers-provision.docx"))));
    let n = 0;
    // The new rows (which have no properties) given, in turn, none, a self-closing w:trPr, or properties ending in a w:trPrChange.
    const CHANGE = '<w:trPrChange w:id="900001" w:author="A" w:date="2023-01-01T00:00:00Z"><w:trPr/></w:trPrChange>';
    const varied = await editDocumentXml(added.bytes, (xml) =>
      xml.replace(NEW_ROW, (row) => {
        const kind = n++ % 3;
        if (kind === 0) return row;
        return row.replace(/^<w:tr>/, kind === 1 ? "<w:tr><w:trPr/>" : `<w:tr><w:trPr><w:cantSplit/>${CHANGE}</w:trPr>`);
      }),
    );
    const tracked = await withTrackedChanges(varied);
    const removed = await applied(tracked, removePlan(await readDocx(tracked)));
    const after = await documentXml(removed.bytes);
    const mark = '<w:del w:id="\\d+" w:author="Scrutiny Monitoring" w:date="2026-12-02T09:30:00Z"/>';
    expect(after.match(new RegExp(`<w:tr><w:trPr>${mark}</w:trPr><w:tc>`, "g"))).toHaveLength(14);
    expect(after.match(new RegExp(`<w:tr><w:trPr><w:cantSplit/>${mark}<w:trPrChange `, "g"))).toHaveLength(7);
    // Without the marks (and the properties made to hold one), every character is as it was.
    expect(withoutRowDeletions(after)).toBe((await documentXml(tracked)).replace(/<w:tr><w:trPr\/>/g, "<w:tr>"));
  });

  test("the grade summary is a tracked insertion too", async () => {
    const original = await withTrackedChanges(fixture("care-leavers-eet.docx"));
    const { bytes } = await applied(original, summaryPlan(await readDocx(original)));
    const summary = (await documentXml(bytes)).match(SUMMARY_SDT)![0];
    expect(summary.match(/<w:trPr><w:ins /g)?.length).toBe(summary.match(/<w:tr>/g)?.length);
  });
});

describe("a new row copies formatting, never what belongs to one place", () => {
  let paraIds = 0;
  let bookmarks = 9000;
  /** Every paragraph gets rsids, a Word 2010 paragraph id, a bookmark and a comment's marks, as Word files have. */
  const wordish = (xml: string): string =>
    xml
      .replace(/<w:tr>/g, '<w:tr w:rsidR="00A1B2C3" w:rsidTr="00D4E5F6">')
      .replace(/<w:p>/g, () => {
        const id = ++bookmarks;
        return (
          `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3" w14:paraId="${(++paraIds).toString(16).padStart(8, "0").toUpperCase()}" w14:textId="77777777">` +
          `<w:bookmarkStart w:id="${id}" w:name="_Ref${id}"/><w:bookmarkEnd w:id="${id}"/><w:commentRangeStart w:id="${id}"/><w:commentRangeEnd w:id="${id}"/>` +
          `<w:r><w:commentReference w:id="${id}"/></w:r>`
        );
      })
      .replace(/<w:tcPr>/g, '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"/>');

  test("borders, shading and widths are kept; rsids, paragraph ids, bookmarks and comments are not", async () => {
    const original = await editDocumentXml(fixture("careers-provision.docx"), wordish);
    const { bytes } = await applied(original, addPlan(await readDocx(original)));
    const rows = (await documentXml(bytes)).match(NEW_ROW)!;
    expect(rows).toHaveLength(21);
    for (const row of rows) {
      expect(row).not.toMatch(/w:rsid|w14:paraId|w14:textId|bookmark|comment/);
      expect(row).toMatch(/<w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"\/>/);
      expect(row).toMatch(/<w:tcW w:type="dxa" w:w="2708"\/>/);
      // The label is bold, the value is not.
      expect(row).toMatch(/<w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">(Evidence|Assessment)/);
    }
    const xml = await documentXml(bytes);
    const paraIdValues = [...xml.matchAll(/w14:paraId="([0-9A-F]+)"/g)].map((match) => match[1]);
    expect(new Set(paraIdValues).size).toBe(paraIdValues.length);
  });

  test("the grade dropdown: our tag, the key's four grades, the placeholder showing, a fresh id", async () => {
    const original = fixture("careers-provision.docx");
    const { bytes } = await applied(original, addPlan(await readDocx(original)));
    const xml = await documentXml(bytes);
    const dropdowns = [...xml.matchAll(/<w:sdt><w:sdtPr>(?:(?!<\/w:sdtPr>).)*<w:tag w:val="scrutiny-monitoring:grade"\/>(?:(?!<\/w:sdtPr>).)*<\/w:sdtPr>/g)].map((m) => m[0]);
    expect(dropdowns).toHaveLength(7);
    for (const dropdown of dropdowns) {
      expect(dropdown).toMatch(/<w:showingPlcHdr\/>/);
      expect([...dropdown.matchAll(/<w:listItem w:displayText="([^"]+)"/g)].map((m) => m[1])).toEqual([
        "1. Fully Achieved",
        "2. On-Track",
        "3. Slipped",
        "4. Not Achieved",
      ]);
    }
    const ids = [...xml.matchAll(/<w:id w:val="(-?\d+)"\/>/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("without dropdowns the assessment value is left empty", async () => {
    const original = fixture("care-leavers-eet.docx");
    const { bytes, snapshot } = await applied(original, addPlan(await readDocx(original), false));
    expect(await documentXml(bytes)).not.toMatch(/scrutiny-monitoring:grade/);
    expect(snapshot).toEqual((await applied(original, addPlan(await readDocx(original), false))).snapshot);
  });
});

describe("refusals write nothing", () => {
  test("a plan made from another version of the document: DocumentChanged, not a partial write", async () => {
    const plan = addPlan(await readDocx(fixture("careers-provision.docx")));
    const changed = fixture("careers-provision-missing-impact.docx");
    await expect(applyPlanToDocx(changed, plan)).rejects.toMatchObject({ reason: "document-changed" });
    await expect(applyPlanToDocx(changed, plan)).rejects.toBeInstanceOf(DocxWriteError);
  });

  test("writes the .docx applier does not make together (comments with other writes) are refused whole", async () => {
    const bytes = fixture("careers-provision.docx");
    const plan: Plan = {
      kind: "add-comments",
      expect: [],
      writes: [
        { kind: "add-comment", location: { kind: "paragraph", paragraph: 0 }, text: "[Scrutiny check] x" },
        { kind: "insert-summary", place: { kind: "end" }, rows: [["Grade summary"]] },
      ],
      description: "",
      skipped: [],
    };
    await expect(applyPlanToDocx(bytes, plan)).rejects.toMatchObject({ reason: "unsupported" });
  });

  test.each(BROKEN_FIXTURES)("%s: the reader's DocxError", async (file) => {
    const plan = planSummary({ blocks: [] }, { place: { kind: "end" }, today: TODAY });
    const anyPlan: Plan = plan.ok ? plan.plan : { kind: "summary", expect: [], writes: [], description: "", skipped: [] };
    await expect(applyPlanToDocx(fixture(file), anyPlan)).rejects.toBeInstanceOf(DocxError);
  });

  test("a plan with nothing to write returns the very same bytes", async () => {
    const bytes = fixture("careers-provision.docx");
    const plan: Plan = { kind: "summary", expect: [], writes: [], description: "", skipped: [] };
    expect(await applyPlanToDocx(bytes, plan, { now: NOW })).toBe(bytes);
  });
});

describe("set-grade: only the grade's characters change", () => {
  const grade = (snapshot: Awaited<ReturnType<typeof readDocx>>, recommendation: string, round: number, to: 1 | 2 | 3 | 4): Plan =>
    planned(planSetGrade(snapshot, { recommendation, round, grade: to }));

  test.each([false, true])("the new update's dropdown chosen, a grade replaced, a missing grade put in (changes tracked: %s)", async (tracked) => {
    const source = fixture("careers-provision-missing-grade.docx");
    const original = tracked ? await withTrackedChanges(source) : source;
    const added = await applied(original, addPlan(await readDocx(original)));
    const latest = parse(added.snapshot).recommendations.find((r) => r.number === "2")!;
    // The dropdown of the update just added.
    const chosen = await applied(added.bytes, grade(added.snapshot, "2", latest.rounds.length - 1, 2));
    // A grade as written ("2. On-Track" or similar) in an earlier update, replaced.
    const replaced = await applied(chosen.bytes, grade(chosen.snapshot, "1", 0, 4));
    // Recommendation 6's assessment had no grade: it goes at the start of the cell.
    const six = parse(replaced.snapshot).recommendations.find((r) => r.number === "6")!;
    const putIn = await applied(replaced.bytes, grade(replaced.snapshot, "6", six.rounds.length - 2, 3));
    const xml = await documentXml(putIn.bytes);
    expect(xml.match(/<w:showingPlcHdr\/>/g)).toHaveLength(6);
    if (tracked) expect(xml).toMatch(/<w:del w:id="\d+" w:author="Scrutiny Monitoring"/);
  });
});
