/**
 * Removing an update with changes tracked, once its rows were accepted, over generated documents of every row
 * layout and both real documents: the rows are marked deleted and nothing else changes, so every character the
 * file held is still there, in order (taking the marks out gives back the file's document.xml byte for byte);
 * the reader reads the document as it was before the update was added; every w:id stays unique.
 */
import fc from "fast-check";
import { readDocx } from "../../src/docx";
import { applyPlanToDocx } from "../../src/docx/write";
import { applyPlanToSnapshot, planAddRound, planRemoveRound } from "../../src/model";
import type { DocumentSnapshot } from "../../src/model/snapshot";
import { docxFromSnapshot } from "../fixtures/docx-builder";
import { layout, type LayoutName } from "../fixtures/layouts";
import { syntheticSnapshot } from "../helpers/synthetic";
import { realSnapshot } from "../helpers/text-snapshot";
import { documentXml, NOW, TODAY, withTrackedChanges } from "./helpers";

jest.setTimeout(120_000);

const ROW_LAYOUTS: LayoutName[] = ["real", "per-recommendation-tables", "one-table", "heading-paragraphs", "label-dates-in-second-paragraph"];
const MARK = 'w:author="Scrutiny Monitoring" w:date="2026-12-02T09:30:00Z"';

const source: fc.Arbitrary<DocumentSnapshot> = fc.oneof(
  fc.constantFrom(realSnapshot("careersProvision"), realSnapshot("careLeaversEet")).chain((snapshot) =>
    fc.constantFrom(...ROW_LAYOUTS).map((name) => layout(snapshot, name)),
  ),
  fc
    .record({ recommendations: fc.integer({ min: 1, max: 6 }), rounds: fc.integer({ min: 0, max: 3 }), seed: fc.nat(1000) })
    .chain((options) => fc.constantFrom(...ROW_LAYOUTS).map((name) => layout(syntheticSnapshot(options), name))),
);

/** document.xml with the deletions this applier marked taken back. */
function unmarked(xml: string): string {
  return xml
    .replace(new RegExp(`<w:trPr><w:del w:id="\\d+" ${MARK}/></w:trPr>`, "g"), "")
    .replace(new RegExp(`<w:del w:id="\\d+" ${MARK}/>`, "g"), "")
    .replace(new RegExp(`<w:del w:id="\\d+" ${MARK}>((?:(?!</w:del>)[\\s\\S])*)</w:del>`, "g"), (_run, inner: string) =>
      inner.replace(/<w:delText\b/g, "<w:t").replace(/<\/w:delText>/g, "</w:t>").replace(/<w:delInstrText\b/g, "<w:instrText").replace(/<\/w:delInstrText>/g, "</w:instrText>"),
    );
}

test("an accepted update removed with changes tracked: only marks are added, and the file reads as it did before the update", async () => {
  let removed = 0;
  await fc.assert(
    fc.asyncProperty(source, fc.boolean(), async (start, dropdowns) => {
      const original = await docxFromSnapshot(start);
      const before = await readDocx(original);
      const add = planAddRound(before, { month: "2027-01", recommendations: "all", dropdowns, today: TODAY });
      if (!add.ok) return;
      // Added without tracking (as if accepted), then the document records changes.
      const added = await withTrackedChanges(await applyPlanToDocx(original, add.plan, { now: NOW }));
      const snapshot = await readDocx(added);
      const remove = planRemoveRound(snapshot, { month: "2027-01" });
      if (!remove.ok) throw new Error(remove.reason);
      const bytes = await applyPlanToDocx(added, remove.plan, { now: NOW });
      const [was, now] = [await documentXml(added), await documentXml(bytes)];
      expect(now).not.toBe(was);
      expect(unmarked(now)).toBe(was);
      const read = await readDocx(bytes);
      expect(read).toEqual(applyPlanToSnapshot(snapshot, remove.plan));
      expect(read).toEqual(before);
      const ids = [...now.matchAll(/ w:id="(\d+)"/g)].map((match) => match[1]);
      expect(new Set(ids).size).toBe(ids.length);
      removed++;
    }),
    { numRuns: 40, seed: 20261202 },
  );
  expect(removed).toBeGreaterThan(30);
});
