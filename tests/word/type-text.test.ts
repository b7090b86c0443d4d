/** Typed text (a replace-text plan) applied through the Word gateway, on the simulated Word. */
import { readFileSync } from "fs";
import { join } from "path";
import { readDocx } from "../../src/docx";
import { applyPlanToSnapshot, parse, planReplaceParagraphText, type Plan } from "../../src/model";
import type { DocumentSnapshot, Location } from "../../src/model/snapshot";
import { createWordGateway } from "../../src/word/gateway";
import { install } from "../helpers/simulated-word";

async function fixture(): Promise<DocumentSnapshot> {
  return readDocx(new Uint8Array(readFileSync(join(__dirname, "../fixtures/docx/careers-provision.docx"))));
}

function planned(location: Location, paragraph: number, old: string, text: string): Plan {
  const result = planReplaceParagraphText({ location, paragraph }, old, text);
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

test("a cell paragraph's text replaced, in two syncs, as applyPlanToSnapshot says", async () => {
  const source = await fixture();
  const location = parse(source).recommendations[1]!.rounds.at(-1)!.assessment!.location;
  if (location.kind !== "cell") throw new Error("not a cell");
  const table = source.blocks.find((block) => block.kind === "table" && block.index === location.table);
  if (table?.kind !== "table") throw new Error("no table");
  const old = table.rows[location.row]!.cells[location.cell]!.paragraphs[0]!;
  const word = install(source);
  const gateway = createWordGateway();
  const before = await gateway.scan();
  word.resetCounters();
  const plan = planned(location, 0, old, "3. Slipped, typed in Word");
  await gateway.apply(plan);
  expect(word.syncCount).toBe(2);
  const after = await gateway.scan();
  expect(after).toEqual(applyPlanToSnapshot(before, plan));
  expect(parse(after).recommendations[1]!.rounds.at(-1)!.assessment!.grade).toBe(3);
});

test("a body paragraph's text replaced", async () => {
  const source = await fixture();
  const body = source.blocks.find((block) => block.kind === "paragraph" && block.text !== "");
  if (body?.kind !== "paragraph") throw new Error("no body paragraph");
  install(source);
  const gateway = createWordGateway();
  const before = await gateway.scan();
  const plan = planned(body.location, 0, body.text, "A heading, retyped");
  await gateway.apply(plan);
  expect(await gateway.scan()).toEqual(applyPlanToSnapshot(before, plan));
});

test("a paragraph that no longer holds the text typed over: DocumentChanged, nothing written", async () => {
  const source = await fixture();
  const location = parse(source).recommendations[0]!.rounds.at(-1)!.assessment!.location;
  install(source);
  const gateway = createWordGateway();
  const before = await gateway.scan();
  await expect(gateway.apply(planned(location, 0, "not what it holds", "1. Fully Achieved"))).rejects.toMatchObject({ code: "DocumentChanged" });
  expect(await gateway.scan()).toEqual(before);
});
