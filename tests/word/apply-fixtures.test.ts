import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { readDocx } from "../../src/docx";
import type { DocumentSnapshot } from "../../src/model/snapshot";
import { applyPlanToSnapshot, parse, planAddRound, planRemoveRound } from "../../src/model";
import { COLUMN_LAYOUT } from "../../src/model/edit-add-round";
import { createWordGateway } from "../../src/word/gateway";
import { install } from "../helpers/simulated-word";

const FOLDER = join(__dirname, "../fixtures/docx");
const TODAY = "2026-12-02";

/** Every .docx fixture built from the real documents (layouts and variants; not the broken files). */
const FIXTURES = readdirSync(FOLDER).filter((f) => f.endsWith(".docx") && !f.startsWith("broken-"));

async function snapshotOf(file: string): Promise<DocumentSnapshot> {
  return readDocx(new Uint8Array(readFileSync(join(FOLDER, file))));
}

describe("an update added to, then removed from, every .docx fixture on the simulated Word", () => {
  it.each(FIXTURES)("%s", async (file) => {
    const source = await snapshotOf(file);
    const result = planAddRound(source, { month: "2026-11", recommendations: "all", dropdowns: true, today: TODAY });
    if (file.includes("-columns")) {
      expect(result).toEqual({ ok: false, reason: COLUMN_LAYOUT });
      return;
    }
    if (!result.ok) throw new Error(result.reason);
    expect(result.plan.skipped).toEqual([]);
    const word = install(source);
    const gateway = createWordGateway();
    const before = await gateway.scan();
    word.resetCounters();
    await gateway.apply(result.plan);
    expect(word.syncCount).toBe(2);
    const after = await gateway.scan();
    expect(after).toEqual(applyPlanToSnapshot(before, result.plan));
    const added = parse(after).recommendations;
    expect(added.every((r) => r.rounds[r.rounds.length - 1]!.month === "2026-11")).toBe(true);
    const remove = planRemoveRound(after, { month: "2026-11", recommendations: result.plan.round!.recommendations });
    if (!remove.ok) throw new Error(remove.reason);
    await gateway.apply(remove.plan);
    expect(await gateway.scan()).toEqual(before);
  });
});
