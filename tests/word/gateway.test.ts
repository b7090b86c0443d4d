import type { DocumentSnapshot, SnapshotBlock, SnapshotRow } from "../../src/model/snapshot";
import {
  cell,
  paragraph,
  snapshotOfDocument,
  table,
  type SimDocument,
} from "../../src/simulated-word";
import { createWordGateway } from "../../src/word/gateway";
import { WordError } from "../../src/word/gateway-types";
import { install } from "../helpers/simulated-word";
import { realSnapshot } from "../helpers/text-snapshot";

/**
 * A monitoring document of `count` recommendations, built here so this test stands alone: a header
 * table, then per recommendation a heading paragraph and a table of labels and rounds, one of whose
 * cells has two paragraphs, then the grading key.
 */
function syntheticSnapshot(count: number): DocumentSnapshot {
  const blocks: SnapshotBlock[] = [];
  let paragraph = 0;
  let tableIndex = 0;
  const addParagraph = (text: string): void => {
    blocks.push({ kind: "paragraph", text, location: { kind: "paragraph", paragraph: paragraph++ } });
  };
  const addTable = (rows: string[][][]): void => {
    const index = tableIndex++;
    const snapshotRows: SnapshotRow[] = rows.map((cells, row) => ({
      cells: cells.map((paragraphs, cell) => {
        paragraph += paragraphs.length;
        return { paragraphs, location: { kind: "cell", table: index, row, cell } };
      }),
    }));
    blocks.push({ kind: "table", index, rows: snapshotRows });
  };
  addParagraph("SCRUTINY MONITORING – PROGRESS UPDATE");
  addTable([
    [["Review:"], ["Scrutiny Review of Synthetic Services"]],
    [["Link Officer/s:"], ["A. Officer"]],
  ]);
  for (let n = 1; n <= count; n++) {
    addParagraph("");
    addTable([
      [[`Recommendation ${n}:`], [`That the council improves service ${n}.`]],
      [["Responsibility:"], ["Service lead"]],
      [["Evidence of Progress (September 2022):"], [`Work began on ${n}.`, "A second paragraph."]],
      [["Assessment of Progress (September 2022): (include explanation if required)"], ["2. On track"]],
      [["Evidence of Impact (September 2022):"], [""]],
    ]);
  }
  addParagraph("");
  addTable([[["Assessment of Progress Gradings:"], ["1 Fully Achieved"], ["2 On-Track"], ["3 Slipped"], ["4 Not Achieved"]]]);
  return { blocks };
}


describe("scan", () => {
  it.each(["careersProvision", "careLeaversEet"] as const)("reads %s back as its source snapshot in one sync", async (name) => {
    const source = realSnapshot(name);
    const w = install(source);
    const scanned = await createWordGateway().scan();
    expect(scanned).toEqual({ ...source, trackingChanges: false });
    expect(w.syncCount).toBe(1);
    expect(w.runCount).toBe(1);
  });
});

/** A cell holding a nested table, then a second top-level table. */
const nestedDocument = (): SimDocument => ({
  blocks: [
    paragraph("Before"),
    table([["Recommendation 1:", cell("Outer", table([["Inner 1", "Inner 2"]]), "After inner")]]),
    paragraph(""),
    table([["Responsibility:", "Lead"]]),
  ],
});

describe("scan, with a nested table", () => {
  it("flattens the nested table into its cell and numbers top-level tables only", async () => {
    const w = install(nestedDocument());
    const scanned = await createWordGateway().scan();
    expect(scanned).toEqual({ ...snapshotOfDocument(w.document), trackingChanges: false });
    expect(scanned.blocks.map((b) => (b.kind === "table" ? `table ${b.index}` : `paragraph ${b.location.paragraph}`))).toEqual([
      "paragraph 0",
      "table 0",
      "paragraph 6",
      "table 1",
    ]);
    expect(w.syncCount).toBe(1);
  });

  it("selects a top-level table that follows a nested one by its top-level index", async () => {
    const w = install(nestedDocument());
    await createWordGateway().select({ kind: "cell", table: 1, row: 0, cell: 1 });
    expect(w.selection).toEqual({ kind: "cell", table: 1, row: 0, cell: 1 });
  });
});

describe("scan, in documents of 10 and 500 recommendations", () => {
  it.each([10, 500])("takes one sync for %i recommendations and returns the source snapshot", async (count) => {
    const source = syntheticSnapshot(count);
    const w = install(source);
    const scanned = await createWordGateway().scan();
    expect(w.syncCount).toBe(1);
    expect(scanned).toEqual({ ...source, trackingChanges: false });
    expect(scanned.blocks.filter((b) => b.kind === "table")).toHaveLength(count + 2);
  });
});

describe("select", () => {
  const gateway = createWordGateway();

  it.each([10, 500])("puts the cursor in a cell in two syncs (%i recommendations)", async (count) => {
    const w = install(syntheticSnapshot(count));
    const target = { kind: "cell", table: count, row: 3, cell: 1 } as const;
    await gateway.select(target);
    expect(w.selection).toEqual(target);
    expect(w.syncCount).toBe(2);
  });

  it.each([10, 500])("selects the body paragraph that follows every table paragraph, in two syncs (%i)", async (count) => {
    const source = syntheticSnapshot(count);
    const w = install(source);
    const last = source.blocks[source.blocks.length - 2]!;
    if (last.kind !== "paragraph") throw new Error("fixture: expected the blank paragraph before the key");
    await gateway.select(last.location);
    expect(w.selection).toEqual(last.location);
    expect(w.syncCount).toBe(2);
  });

  it("selects a paragraph inside a cell by its body.paragraphs index", async () => {
    const w = install(realSnapshot("careersProvision"));
    await gateway.select({ kind: "paragraph", paragraph: 3 });
    expect(w.selection).toEqual({ kind: "paragraph", paragraph: 3 });
    expect(w.syncCount).toBe(2);
  });

  it("works on a WordApi 1.3 host (Office 2019 and 2021)", async () => {
    const source = syntheticSnapshot(3);
    const w = install(source, { requirementSets: { WordApi: "1.3" } });
    expect(await gateway.scan()).toEqual(source);
    await gateway.select({ kind: "cell", table: 2, row: 2, cell: 1 });
    expect(w.selection).toEqual({ kind: "cell", table: 2, row: 2, cell: 1 });
  });

  it("selects the cell of a real document found by scan", async () => {
    const w = install(realSnapshot("careLeaversEet"));
    const scanned = await gateway.scan();
    const tables = scanned.blocks.filter((b) => b.kind === "table");
    const target = tables[tables.length - 1]!.rows[0]!.cells[1]!.location;
    const changes: unknown[] = [];
    w.onSelectionChange((location) => changes.push(location));
    w.resetCounters();
    await gateway.select(target);
    expect(changes).toEqual([target]);
    expect(w.syncCount).toBe(2);
  });

  it("reports a cell that is no longer there as a changed document", async () => {
    const word = install(syntheticSnapshot(10));
    const missingCell = gateway.select({ kind: "cell", table: 1, row: 99, cell: 0 });
    await expect(missingCell).rejects.toThrow(WordError);
    await expect(gateway.select({ kind: "cell", table: 1, row: 99, cell: 0 })).rejects.toMatchObject({
      code: "ItemNotFound",
      message: expect.stringContaining("has changed since the last check"),
    });
    await expect(gateway.select({ kind: "cell", table: 999, row: 0, cell: 0 })).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(gateway.select({ kind: "paragraph", paragraph: 1_000_000 })).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(word.selection).toBeNull();
  });
});

describe("capabilities", () => {
  it.each([
    [{ WordApi: "1.3" }, { wordApi14: false, wordApi19: false }],
    [{ WordApi: "1.4" }, { wordApi14: true, wordApi19: false }],
    [{ WordApi: "1.8" }, { wordApi14: true, wordApi19: false }],
    [{ WordApi: "1.9" }, { wordApi14: true, wordApi19: true }],
  ])("for a host with %j: %j", (sets, expected) => {
    install({ blocks: [] }, { requirementSets: sets });
    expect(createWordGateway().capabilities()).toEqual(expected);
  });

  it("reports nothing, and scan fails clearly, outside Word", async () => {
    const gateway = createWordGateway();
    expect(gateway.capabilities()).toEqual({ wordApi14: false, wordApi19: false });
    expect(gateway.getAutoOpen()).toBe(false);
    await expect(gateway.scan()).rejects.toMatchObject({ name: "WordError", code: "NoHost" });
  });
});

describe("errors from Word", () => {
  it.each([
    ["ItemNotFound", "That part of the document has changed since the last check — re-check and try again"],
    ["AccessDenied", "Word did not let the add-in read or change this document"],
    ["GeneralException", "Word could not finish the request"],
    ["RequestPayloadSizeLimitExceeded", "too large"],
  ])("a sync failing with %s becomes a WordError saying so", async (code, text) => {
    install(syntheticSnapshot(1)).failNextSync(code);
    const failure = createWordGateway().scan();
    await expect(failure).rejects.toBeInstanceOf(WordError);
    await expect(failure).rejects.toMatchObject({ code, message: expect.stringContaining(text) });
  });

  it("a host without WordApi 1.3 fails the scan with ApiNotFound explained", async () => {
    install(syntheticSnapshot(1), { requirementSets: { WordApi: "1.2" } });
    await expect(createWordGateway().scan()).rejects.toMatchObject({
      code: "ApiNotFound",
      message: expect.stringContaining("does not support"),
    });
  });
});

describe("auto-open", () => {
  it("is off until set, and setting it saves the document setting", async () => {
    const w = install({ blocks: [] });
    const gateway = createWordGateway();
    expect(gateway.getAutoOpen()).toBe(false);
    await gateway.setAutoOpen(true);
    expect(gateway.getAutoOpen()).toBe(true);
    expect(w.savedSettings).toEqual({ "Office.AutoShowTaskpaneWithDocument": true });
    await gateway.setAutoOpen(false);
    expect(w.savedSettings).toEqual({ "Office.AutoShowTaskpaneWithDocument": false });
    expect(gateway.getAutoOpen()).toBe(false);
  });

  it("reads a setting the document already carries", () => {
    install({ blocks: [] }, { settings: { "Office.AutoShowTaskpaneWithDocument": true } });
    expect(createWordGateway().getAutoOpen()).toBe(true);
  });

  it("rejects with a WordError when Word cannot save", async () => {
    const w = install({ blocks: [] });
    w.failSettingsSave("The document is read-only");
    await expect(createWordGateway().setAutoOpen(true)).rejects.toMatchObject({
      name: "WordError",
      message: expect.stringContaining("The document is read-only"),
    });
    expect(w.savedSettings).toEqual({});
  });

  it("puts a setting back when its save fails, so a later save cannot carry it into the document", async () => {
    const w = install({ blocks: [] }, { settings: { kept: ["first"] } });
    const gateway = createWordGateway();
    w.failSettingsSave("The document is read-only");
    await expect(gateway.saveSetting("kept", ["first", "second"])).rejects.toMatchObject({ code: "SaveFailed" });
    await expect(gateway.saveSetting("new", 1)).rejects.toMatchObject({ code: "SaveFailed" });
    expect(gateway.readSetting("kept")).toEqual(["first"]);
    expect(gateway.readSetting("new")).toBeNull();
    w.failSettingsSave(null);
    await gateway.setAutoOpen(true);
    expect(w.savedSettings).toEqual({ kept: ["first"], "Office.AutoShowTaskpaneWithDocument": true });
  });

  it("refuses, as a WordError, a value that has no JSON form", async () => {
    install({ blocks: [] });
    await expect(createWordGateway().saveSetting("bad", () => 1)).rejects.toMatchObject({
      name: "WordError",
      code: "SaveFailed",
    });
  });
});
