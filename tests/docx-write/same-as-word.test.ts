/**
 * One plan, two appliers: over generated documents of every row layout and both real documents, a
 * run of writes (add an update, set a grade, the summary at the end or after a paragraph, remove an update)
 * applied by the .docx applier to a .docx file and by the Word gateway to the simulated Word (changes
 * tracked or not, in both) gives,
 * after every write, the same snapshot (the reader's of the file, the gateway's scan of Word), and
 * both are applyPlanToSnapshot's.
 */
import fc from "fast-check";
import { readDocx } from "../../src/docx";
import { applyPlanToDocx } from "../../src/docx/write";
import { applyPlanToSnapshot, parse, planAddRound, planRemoveRound, planSetGrade, planSummary, type PlanResult } from "../../src/model";
import type { DocumentSnapshot } from "../../src/model/snapshot";
import { createWordGateway } from "../../src/word/gateway";
import { docxFromSnapshot } from "../fixtures/docx-builder";
import { layout, type LayoutName } from "../fixtures/layouts";
import { install } from "../helpers/simulated-word";
import { syntheticSnapshot } from "../helpers/synthetic";
import { realSnapshot } from "../helpers/text-snapshot";
import { NOW, TODAY, withTrackedChanges } from "./helpers";

jest.setTimeout(300_000);

const ROW_LAYOUTS: LayoutName[] = ["real", "per-recommendation-tables", "one-table", "heading-paragraphs", "label-dates-in-second-paragraph"];
const MONTHS = ["2026-11", "2027-01", "2027-03"];

type Step =
  | { kind: "add"; month: string; some: number[] | null; dropdowns: boolean }
  | { kind: "remove"; month: string }
  | { kind: "summary"; afterParagraph: number | null }
  | { kind: "grade"; recommendation: number; round: number; grade: 1 | 2 | 3 | 4 };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("add" as const),
    month: fc.constantFrom(...MONTHS),
    some: fc.option(fc.uniqueArray(fc.nat(8), { minLength: 1, maxLength: 3 }), { nil: null }),
    dropdowns: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("remove" as const), month: fc.constantFrom(...MONTHS) }),
  fc.record({ kind: fc.constant("summary" as const), afterParagraph: fc.option(fc.nat(40), { nil: null }) }),
  fc.record({
    kind: fc.constant("grade" as const),
    recommendation: fc.nat(8),
    round: fc.nat(4),
    grade: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  }),
);

const source: fc.Arbitrary<DocumentSnapshot> = fc.oneof(
  fc.constantFrom(realSnapshot("careersProvision"), realSnapshot("careLeaversEet")).chain((snapshot) =>
    fc.constantFrom(...ROW_LAYOUTS).map((name) => layout(snapshot, name)),
  ),
  fc
    .record({ recommendations: fc.integer({ min: 1, max: 6 }), rounds: fc.integer({ min: 0, max: 3 }), seed: fc.nat(1000) })
    .chain((options) => fc.constantFrom(...ROW_LAYOUTS).map((name) => layout(syntheticSnapshot(options), name))),
);

function planFor(snapshot: DocumentSnapshot, next: Step): PlanResult {
  const document = parse(snapshot);
  switch (next.kind) {
    case "add": {
      const numbers = document.recommendations.map((recommendation) => recommendation.number);
      const some = next.some?.map((index) => numbers[index % numbers.length]);
      return planAddRound(snapshot, { month: next.month, recommendations: some ?? "all", dropdowns: next.dropdowns, today: TODAY });
    }
    case "remove": {
      // The month of an update a step added, when there is one, so that removing is tried often.
      const added = MONTHS.filter((month) => document.recommendations.some((r) => r.rounds.some((round) => round.month === month)));
      return planRemoveRound(snapshot, { month: added.includes(next.month) ? next.month : (added[0] ?? next.month) });
    }
    case "summary": {
      const paragraphs = snapshot.blocks.filter((block) => block.kind === "paragraph");
      const chosen = next.afterParagraph === null || paragraphs.length === 0 ? null : paragraphs[next.afterParagraph % paragraphs.length];
      const place = chosen?.kind === "paragraph" ? { kind: "after-paragraph" as const, paragraph: chosen.location.paragraph } : { kind: "end" as const };
      return planSummary(snapshot, { place, today: TODAY });
    }
    case "grade": {
      const recommendations = document.recommendations.filter((recommendation) => recommendation.rounds.length > 0);
      if (recommendations.length === 0) return { ok: false, reason: "no update to grade" };
      const recommendation = recommendations[next.recommendation % recommendations.length];
      // Mostly the latest update (where the new dropdowns are), sometimes an earlier one.
      const round = next.round < 3 ? recommendation.rounds.length - 1 : next.round % recommendation.rounds.length;
      return planSetGrade(snapshot, { recommendation: recommendation.number, round, grade: next.grade });
    }
  }
}

test("the .docx applier and the Word gateway give the same document after every write", async () => {
  let compared = 0;
  await fc.assert(
    fc.asyncProperty(source, fc.array(step, { minLength: 1, maxLength: 5 }), fc.boolean(), async (start, steps, tracked) => {
      install(start, { trackingChanges: tracked });
      const gateway = createWordGateway();
      const scan = async (): Promise<DocumentSnapshot> => ({ blocks: (await gateway.scan()).blocks });
      const built = await docxFromSnapshot(start);
      let bytes: Uint8Array = tracked ? await withTrackedChanges(built) : built;
      let snapshot = await readDocx(bytes);
      expect(await scan()).toEqual(snapshot);
      for (const next of steps) {
        const planned = planFor(snapshot, next);
        if (!planned.ok) continue;
        const expected = applyPlanToSnapshot(snapshot, planned.plan);
        await gateway.apply(planned.plan);
        bytes = await applyPlanToDocx(bytes, planned.plan, { now: NOW });
        snapshot = await readDocx(bytes);
        expect(snapshot).toEqual(expected);
        expect(await scan()).toEqual(snapshot);
        compared++;
      }
    }),
    { numRuns: 30, seed: 20261202 },
  );
  // The runs did write: most steps give a plan.
  expect(compared).toBeGreaterThan(25);
});
