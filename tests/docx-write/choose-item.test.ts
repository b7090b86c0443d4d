/**
 * A grade chosen in our dropdown (on the preview's page, as in Word), replayed on the .docx file: the
 * control's content becomes the item, its placeholder flag goes and the list records the item as its
 * w:lastValue, as Word saves a choice; choosing again replaces the first choice. Nothing else changes.
 */
import { readDocx } from "../../src/docx";
import { parse, planChooseItem, type Plan } from "../../src/model";
import type { DocumentSnapshot } from "../../src/model/snapshot";
import { addPlan, applied, documentXml, fixture, planned, withTrackedChanges } from "./helpers";

function choice(snapshot: DocumentSnapshot, recommendation: number, item: string): Plan {
  const round = parse(snapshot).recommendations[recommendation]!.rounds.at(-1)!;
  const items = ["1. Fully Achieved", "2. On-Track", "3. Slipped", "4. Not Achieved"];
  return planned(planChooseItem(round.assessment!.location, items, item));
}

const DROPDOWN = /<w:sdt><w:sdtPr>(?:(?!<\/w:sdt>).)*<\/w:sdt>/g;

test.each([false, true])("chosen, then chosen again, as Word saves a choice (changes tracked: %s)", async (tracked) => {
  const original = tracked ? await withTrackedChanges(fixture("careers-provision.docx")) : fixture("careers-provision.docx");
  const added = await applied(original, addPlan(await readDocx(original)));
  const first = await applied(added.bytes, choice(added.snapshot, 0, "2. On-Track"));
  expect(parse(first.snapshot).recommendations[0]!.rounds.at(-1)!.assessment!.grade).toBe(2);
  const second = await applied(first.bytes, choice(first.snapshot, 0, "3. Slipped"));
  expect(parse(second.snapshot).recommendations[0]!.rounds.at(-1)!.assessment!.grade).toBe(3);

  const [before, after] = [await documentXml(added.bytes), await documentXml(second.bytes)];
  const controls = [before.match(DROPDOWN)!, after.match(DROPDOWN)!];
  expect(controls[1]).toHaveLength(controls[0].length);
  const changed = controls[1].filter((control, index) => control !== controls[0][index]);
  expect(changed).toHaveLength(1);
  expect(changed[0]).toContain('<w:dropDownList w:lastValue="3. Slipped">');
  expect(changed[0]).not.toContain("<w:showingPlcHdr/>");
  expect(changed[0]).not.toContain("Choose a grade");
  expect(changed[0]).not.toContain("On-Track</w:t>");
  // Outside the one control, every character is as it was.
  expect(after.split(changed[0]).join("")).toBe(before.split(controls[0][controls[1].indexOf(changed[0])]).join(""));
});

test("a choice that is not one of the four grades, or not in a cell, is not a plan", () => {
  const items = ["1. Fully Achieved", "2. On-Track", "3. Slipped", "4. Not Achieved"];
  expect(planChooseItem({ kind: "cell", table: 0, row: 0, cell: 1 }, items, "5. Other").ok).toBe(false);
  expect(planChooseItem({ kind: "paragraph", paragraph: 3 }, items, "2. On-Track").ok).toBe(false);
  expect(planChooseItem(null, items, "2. On-Track").ok).toBe(false);
});
