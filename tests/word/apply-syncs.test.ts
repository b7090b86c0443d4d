import type { DocumentSnapshot } from "../../src/model/snapshot";
import type { Plan } from "../../src/model/plan";
import {
  applyPlanToSnapshot,
  parse,
  planAddComments,
  planAddRound,
  planRemoveComments,
  planRemoveRound,
  planReplaceParagraphText,
  planSetGrade,
  planSummary,
} from "../../src/model";
import { createWordGateway } from "../../src/word/gateway";
import { install } from "../helpers/simulated-word";
import { syntheticSnapshot } from "../helpers/synthetic";
import { TODAY, planOf } from "../model/edit-helpers";



/**
 * The round trips of every write, counted on the simulated Word, for a small and a large document:
 * the same for both, and within the budget (at most two, whatever the size).
 */
describe.each([10, 1000])("sync counts with %i recommendations", (count) => {
  const source: DocumentSnapshot = syntheticSnapshot({ recommendations: count, rounds: 2, gradeMissingEvery: 3 });

  it("scan 1, cursor 1, and each write 2 (add, grade, remove, summary insert and refresh, comments add and remove, typed text)", async () => {
    const word = install(source);
    const gateway = createWordGateway();
    const syncs = async (action: () => Promise<unknown>): Promise<number> => {
      word.resetCounters();
      await action();
      return word.syncCount;
    };
    let snapshot = source;
    const apply = async (plan: Plan): Promise<number> => {
      const n = await syncs(() => gateway.apply(plan));
      snapshot = applyPlanToSnapshot(snapshot, plan);
      return n;
    };
    const counted: Record<string, number> = {};
    counted.scan = await syncs(() => gateway.scan());
    counted.cursor = await syncs(() => gateway.cursor());

    const add = planOf(planAddRound(snapshot, { month: "2026-11", recommendations: "all", dropdowns: true, today: TODAY }));
    expect(add.round?.recommendations).toHaveLength(count);
    counted.addRound = await apply(add);
    const last = parse(snapshot).recommendations[count - 1]!;
    counted.setGrade = await apply(planOf(planSetGrade(snapshot, { recommendation: last.number, round: last.rounds.length - 1, grade: 2 })));
    counted.changeGrade = await apply(planOf(planSetGrade(snapshot, { recommendation: last.number, round: 0, grade: 4 })));
    counted.removeRound = await apply(
      planOf(planRemoveRound(snapshot, { month: "2026-11", recommendations: add.round!.recommendations.slice(0, -1) })),
    );
    counted.summaryInsert = await apply(planOf(planSummary(snapshot, { place: { kind: "end" }, today: TODAY })));
    counted.summaryRefresh = await apply(planOf(planSummary(snapshot, { place: { kind: "end" }, today: TODAY })));
    const comments = planOf(planAddComments(snapshot));
    counted.commentsAdd = await apply(comments);
    counted.commentsAgain = await apply(comments);
    counted.commentsRemove = await apply(planOf(planRemoveComments(snapshot)));
    // Typed text, in the last recommendation's cell and in a body paragraph.
    const typedIn = parse(snapshot).recommendations[count - 1]!.rounds[0]!.assessment!.location;
    const cellTable = snapshot.blocks.find((block) => block.kind === "table" && typedIn.kind === "cell" && block.index === typedIn.table);
    if (cellTable?.kind !== "table" || typedIn.kind !== "cell") throw new Error("no Assessment cell");
    const cellText = cellTable.rows[typedIn.row]!.cells[typedIn.cell]!.paragraphs[0]!;
    counted.typeInCell = await apply(planOf(planReplaceParagraphText({ location: typedIn, paragraph: 0 }, cellText, `${cellText} (typed)`)));
    const bodyParagraph = snapshot.blocks.find((block) => block.kind === "paragraph" && block.text !== "");
    if (bodyParagraph?.kind !== "paragraph") throw new Error("no body paragraph");
    counted.typeInParagraph = await apply(planOf(planReplaceParagraphText({ location: bodyParagraph.location, paragraph: 0 }, bodyParagraph.text, `Typed: ${bodyParagraph.text}`)));

    expect(counted).toEqual({
      scan: 1,
      cursor: 1,
      addRound: 2,
      setGrade: 2,
      changeGrade: 2,
      removeRound: 2,
      summaryInsert: 2,
      summaryRefresh: 2,
      commentsAdd: 2,
      // Every comment is already there: nothing to write, so no second sync.
      commentsAgain: 1,
      commentsRemove: 2,
      typeInCell: 2,
      typeInParagraph: 2,
    });
    // The simulated document is what the engine said each write would make of it.
    expect(await gateway.scan()).toEqual({ ...snapshot, trackingChanges: false });
    expect(word.comments()).toHaveLength(0);
  });
});
