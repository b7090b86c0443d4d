import type { DocumentSnapshot } from "../../src/model/snapshot";
import type { Plan } from "../../src/model/plan";
import { COMMENT_PREFIX, GRADE_DROPDOWN_TAG, SUMMARY_TAG } from "../../src/model/plan";
import {
  applyPlanToSnapshot,
  parse,
  planAddComments,
  planAddRound,
  planRemoveComments,
  planRemoveRound,
  planSetGrade,
  planSummary,
} from "../../src/model";
import { createWordGateway } from "../../src/word/gateway";
import { WordError } from "../../src/word/gateway-types";
import { install } from "../helpers/simulated-word";
import { realSnapshot } from "../helpers/text-snapshot";
import { TODAY, planOf } from "../model/edit-helpers";



/** Applies a plan on the simulated Word; returns the rescan and the syncs apply took. */
async function applied(source: DocumentSnapshot, plan: Plan, options = {}) {
  const word = install(source, options);
  const gateway = createWordGateway();
  const before = await gateway.scan();
  word.resetCounters();
  await gateway.apply(plan);
  const syncs = word.syncCount;
  const after = await gateway.scan();
  return { word, gateway, before, after, syncs };
}

describe.each(["careersProvision", "careLeaversEet"] as const)("gateway.apply on %s", (name) => {
  const source = realSnapshot(name);

  it("adds an update with dropdowns in two syncs; the rescan is what the engine said it would be", async () => {
    const plan = planOf(planAddRound(source, { month: "2026-11", recommendations: "all", dropdowns: true, today: TODAY }));
    const { word, before, after, syncs } = await applied(source, plan);
    expect(syncs).toBe(2);
    expect(after).toEqual(applyPlanToSnapshot(before, plan));
    const document = parse(after);
    for (const recommendation of document.recommendations) {
      const last = recommendation.rounds[recommendation.rounds.length - 1]!;
      expect(last.month).toBe("2026-11");
      expect([last.evidence?.text, last.assessment?.text, last.impact?.text]).toEqual(["", "", ""]);
    }
    const dropdowns = word.contentControls().filter((c) => c.tag === GRADE_DROPDOWN_TAG);
    expect(dropdowns).toHaveLength(document.recommendations.length);
    expect(dropdowns[0]!.items).toEqual(["1. Fully Achieved", "2. On-Track", "3. Slipped", "4. Not Achieved"]);
  });

  it("removes what it added, giving back the document scanned before", async () => {
    const add = planOf(planAddRound(source, { month: "2026-11", recommendations: "all", dropdowns: true, today: TODAY }));
    const { gateway, before, after, word } = await applied(source, add);
    const remove = planOf(planRemoveRound(after, { month: "2026-11", recommendations: add.round!.recommendations }));
    word.resetCounters();
    await gateway.apply(remove);
    expect(word.syncCount).toBe(2);
    expect(await gateway.scan()).toEqual(before);
  });

  it("chooses a grade in a new dropdown, then changes it by replacing exactly the grade", async () => {
    const add = planOf(planAddRound(source, { month: "2026-11", recommendations: "all", dropdowns: true, today: TODAY }));
    const { gateway, after, word } = await applied(source, add);
    const first = parse(after).recommendations[0]!;
    const set = planOf(planSetGrade(after, { recommendation: first.number, round: first.rounds.length - 1, grade: 2 }));
    word.resetCounters();
    await gateway.apply(set);
    expect(word.syncCount).toBe(2);
    const graded = await gateway.scan();
    expect(graded).toEqual(applyPlanToSnapshot(after, set));
    expect(parse(graded).recommendations[0]!.rounds[first.rounds.length - 1]!.assessment?.grade).toBe(2);
    const original = parse(source).recommendations[0]!;
    const change = planOf(planSetGrade(graded, { recommendation: original.number, round: 0, grade: 4 }));
    await gateway.apply(change);
    const changed = await gateway.scan();
    expect(changed).toEqual(applyPlanToSnapshot(graded, change));
    expect(parse(changed).recommendations[0]!.rounds[0]!.assessment?.grade).toBe(4);
  });

  it("inserts the summary at the end and refreshes only it", async () => {
    const insert = planOf(planSummary(source, { place: { kind: "end" }, today: TODAY }));
    const { gateway, before, after, word } = await applied(source, insert);
    expect(after).toEqual(applyPlanToSnapshot(before, insert));
    expect(word.contentControls().filter((c) => c.tag === SUMMARY_TAG)).toHaveLength(1);
    const refresh = planOf(planSummary(after, { place: { kind: "end" }, today: "2026-12-03" }));
    expect(refresh.writes[0]!.kind).toBe("replace-summary");
    word.resetCounters();
    await gateway.apply(refresh);
    expect(word.syncCount).toBe(2);
    expect(await gateway.scan()).toEqual(applyPlanToSnapshot(after, refresh));
  });

  it("refreshes a summary whose content control someone removed, and wraps it again", async () => {
    const insert = planOf(planSummary(source, { place: { kind: "end" }, today: TODAY }));
    const { gateway, after, word } = await applied(source, insert);
    await Word.run(async (context) => {
      context.document.contentControls.getByTag(SUMMARY_TAG).getFirst().delete(true);
      await context.sync();
    });
    expect(word.contentControls()).toEqual([]);
    const refresh = planOf(planSummary(after, { place: { kind: "end" }, today: "2026-12-03" }));
    await gateway.apply(refresh);
    expect(await gateway.scan()).toEqual(applyPlanToSnapshot(after, refresh));
    expect(word.contentControls().map((c) => c.tag)).toEqual([SUMMARY_TAG]);
  });

  it("adds review comments once, on the cells the findings name, and removes only its own", async () => {
    const add = planOf(planAddComments(source));
    const colleague = { text: "Can you add the July figures?", location: { kind: "cell" as const, table: 1, row: 1, cell: 1 } };
    const { gateway, word } = await applied(source, add, { comments: [colleague] });
    const ours = word.comments().filter((c) => c.text.startsWith(COMMENT_PREFIX));
    expect(ours.map((c) => [c.text, c.location])).toEqual(add.writes.map((w) => (w.kind === "add-comment" ? [w.text, w.location] : null)));
    word.resetCounters();
    await gateway.apply(add);
    expect(word.syncCount).toBe(1);
    expect(word.comments()).toHaveLength(ours.length + 1);
    word.resetCounters();
    await gateway.apply(planOf(planRemoveComments(source)));
    expect(word.syncCount).toBe(2);
    expect(word.comments().map((c) => [c.text, c.location])).toEqual([[colleague.text, colleague.location]]);
  });
});

describe("gateway.apply refuses", () => {
  const source = realSnapshot("careLeaversEet");

  it("writes nothing when the document changed since the scan", async () => {
    const plan = planOf(planAddRound(source, { month: "2026-11", recommendations: "all", dropdowns: false, today: TODAY }));
    const moved = planOf(planAddRound(source, { month: "2026-10", recommendations: ["2"], dropdowns: false, today: TODAY }));
    const word = install(applyPlanToSnapshot(source, moved));
    const gateway = createWordGateway();
    const before = await gateway.scan();
    word.resetCounters();
    await expect(gateway.apply(plan)).rejects.toMatchObject({ code: "DocumentChanged" });
    expect(word.syncCount).toBe(1);
    expect(await gateway.scan()).toEqual(before);
  });

  it("a dropdown plan on a host without WordApi 1.9, before any sync", async () => {
    const plan = planOf(planAddRound(source, { month: "2026-11", recommendations: "all", dropdowns: true, today: TODAY }));
    const word = install(source, { requirementSets: { WordApi: "1.4" } });
    await expect(createWordGateway().apply(plan)).rejects.toBeInstanceOf(WordError);
    expect(word.syncCount).toBe(0);
  });
});

describe("scan reads change tracking, never sets it", () => {
  const source = realSnapshot("careersProvision");

  it.each([
    [{ trackingChanges: true }, true],
    [{ trackingChanges: false }, false],
  ])("on WordApi 1.4 and later (%j)", async (options, tracking) => {
    const word = install(source, options);
    const scanned = await createWordGateway().scan();
    expect(scanned.trackingChanges).toBe(tracking);
    expect(word.syncCount).toBe(1);
    const plan = planOf(planAddRound(scanned, { month: "2026-11", recommendations: "all", dropdowns: true, today: TODAY }));
    await createWordGateway().apply(plan);
    expect(word.changeTrackingMode).toBe(tracking ? "TrackAll" : "Off");
  });

  it("leaves it unknown on WordApi 1.3", async () => {
    install(source, { requirementSets: { WordApi: "1.3" } });
    const scanned = await createWordGateway().scan();
    expect(scanned.trackingChanges).toBeUndefined();
    expect(scanned).toEqual(source);
  });
});

describe("cursor", () => {
  const source = realSnapshot("careLeaversEet");

  it("is the cell or paragraph holding the selection, in one sync", async () => {
    const word = install(source);
    const gateway = createWordGateway();
    const cell = { kind: "cell" as const, table: 2, row: 3, cell: 1 };
    await gateway.select(cell);
    word.resetCounters();
    expect(await gateway.cursor()).toEqual(cell);
    expect(word.syncCount).toBe(1);
    const paragraph = source.blocks.filter((b) => b.kind === "paragraph")[3]!;
    if (paragraph.kind !== "paragraph") throw new Error("no paragraph");
    await gateway.select(paragraph.location);
    expect(await gateway.cursor()).toEqual(paragraph.location);
  });

  it("is the document's start before anything was selected", async () => {
    install(source);
    expect(await createWordGateway().cursor()).toEqual({ kind: "cell", table: 0, row: 0, cell: 0 });
  });
});

describe("document settings", () => {
  it("are read and saved into the document, on WordApi 1.3 too", async () => {
    const word = install(realSnapshot("careersProvision"), { requirementSets: { WordApi: "1.3" }, settings: { keep: 1 } });
    const gateway = createWordGateway();
    expect(gateway.readSetting("keep")).toBe(1);
    expect(gateway.readSetting("missing")).toBeNull();
    const record = { month: "2026-11", recommendations: ["1", "2"], addedAt: "2026-12-02T01:00:00.000Z" };
    await gateway.saveSetting("last-add", record);
    expect(word.savedSettings).toEqual({ keep: 1, "last-add": record });
    expect(gateway.readSetting("last-add")).toEqual(record);
    word.failSettingsSave("read-only");
    await expect(gateway.saveSetting("x", 1)).rejects.toMatchObject({ code: "SaveFailed" });
  });
});

describe("gateway.apply: the document moved", () => {
  const source = realSnapshot("careersProvision");
  const plan = planOf(planAddRound(source, { month: "2026-11", recommendations: "all", dropdowns: true, today: TODAY }));

  it.each([
    ["someone typed in a template row", (s: DocumentSnapshot): DocumentSnapshot => {
      const write = plan.writes[3]!;
      if (write.kind !== "insert-rows") throw new Error(write.kind);
      return {
        blocks: s.blocks.map((b) =>
          b.kind === "table" && b.index === write.table
            ? { ...b, rows: b.rows.map((r, i) => (i === write.afterRow ? { cells: r.cells.map((c, k) => (k === 1 ? { ...c, paragraphs: [...c.paragraphs, "typed"] } : c)) } : r)) }
            : b,
        ),
      };
    }],
    ["a table was added", (s: DocumentSnapshot): DocumentSnapshot => applyPlanToSnapshot(s, planOf(planSummary(s, { place: { kind: "end" }, today: TODAY })))],
  ])("%s: nothing is written", async (_what, change) => {
    const word = install(change(source));
    const gateway = createWordGateway();
    const before = await gateway.scan();
    word.resetCounters();
    const failure = gateway.apply(plan);
    await expect(failure).rejects.toBeInstanceOf(WordError);
    await expect(failure).rejects.toMatchObject({ code: "DocumentChanged", message: expect.stringMatching(/nothing was written/) });
    expect(word.syncCount).toBe(1);
    expect(await gateway.scan()).toEqual(before);
    expect(word.contentControls()).toEqual([]);
  });

  it("comments on a host without WordApi 1.4: refused before any sync", async () => {
    const word = install(source, { requirementSets: { WordApi: "1.3" } });
    await expect(createWordGateway().apply(planOf(planAddComments(source)))).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(word.syncCount).toBe(0);
  });
});
