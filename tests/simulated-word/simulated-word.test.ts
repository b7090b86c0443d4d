import type { DocumentSnapshot } from "../../src/model/snapshot";
import {
  SimOfficeError,
  cell,
  paragraph,
  snapshotOfDocument,
  table,
  type SimDocument,
} from "../../src/simulated-word";
import { install } from "../helpers/simulated-word";
import { realSnapshot } from "../helpers/text-snapshot";

/** A title, a 2×2 table whose second row holds a two-paragraph cell, and a closing paragraph. */
const small: DocumentSnapshot = {
  blocks: [
    { kind: "paragraph", text: "Title", location: { kind: "paragraph", paragraph: 0 } },
    {
      kind: "table",
      index: 0,
      rows: [
        {
          cells: [
            { paragraphs: ["Recommendation 1:"], location: { kind: "cell", table: 0, row: 0, cell: 0 } },
            { paragraphs: ["Do things."], location: { kind: "cell", table: 0, row: 0, cell: 1 } },
          ],
        },
        {
          cells: [
            { paragraphs: ["Evidence of Progress"], location: { kind: "cell", table: 0, row: 1, cell: 0 } },
            { paragraphs: ["First.", "Second."], location: { kind: "cell", table: 0, row: 1, cell: 1 } },
          ],
        },
      ],
    },
    { kind: "paragraph", text: "End", location: { kind: "paragraph", paragraph: 6 } },
  ],
};

/** A top-level table with a table nested in its second cell, then a second top-level table. */
const nested: SimDocument = {
  blocks: [
    paragraph("Before"),
    table([["A", cell("B1", table([["N1", "N2"]]), "B2")]]),
    paragraph(""),
    table([["C", "D"]]),
  ],
};


const NOT_LOADED = /^The property 'values' is not available\. Before reading the property's value, call the load method on the containing object and call "context\.sync\(\)" on the associated request context\.$/;

describe("load and sync rules", () => {
  it("throws PropertyNotLoaded when a property is read before load", async () => {
    install(small);
    await Word.run(async (context) => {
      const tables = context.document.body.tables.load("rowCount");
      await context.sync();
      const t = tables.items[0]!;
      expect(() => t.values).toThrow(NOT_LOADED);
      expect(() => t.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("throws when a property is read after load but before sync", async () => {
    install(small);
    await Word.run(async (context) => {
      const tables = context.document.body.tables.load("$none");
      await context.sync();
      const t = tables.items[0]!;
      t.load("values");
      expect(() => t.values).toThrow(NOT_LOADED);
      await context.sync();
      expect(t.values).toEqual([
        ["Recommendation 1:", "Do things."],
        ["Evidence of Progress", "First.\rSecond."],
      ]);
    });
  });

  it("gives a collection's items only after load and sync", async () => {
    install(small);
    await Word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs;
      expect(() => paragraphs.items).toThrow(/The property 'items' is not available/);
      paragraphs.load("text");
      expect(() => paragraphs.items).toThrow(/The property 'items' is not available/);
      await context.sync();
      expect(paragraphs.items.map((p) => p.text)).toEqual([
        "Title", "Recommendation 1:", "Do things.", "Evidence of Progress", "First.", "Second.", "End",
      ]);
      expect(() => paragraphs.items[0]!.tableNestingLevel).toThrow(/'tableNestingLevel' is not available/);
    });
  });

  it("loads with every form Office.js accepts", async () => {
    install(small);
    await Word.run(async (context) => {
      const body = context.document.body;
      const byString = body.tables.load("values, rowCount");
      const byArray = body.paragraphs.load(["text", "tableNestingLevel"]);
      const byPath = context.document.body.getRange("Whole");
      byPath.load("text");
      await context.sync();
      expect(byString.items[0]!.rowCount).toBe(2);
      expect(byArray.items.map((p) => p.tableNestingLevel)).toEqual([0, 1, 1, 1, 1, 1, 0]);
      expect(byPath.text).toBe("Title\rRecommendation 1:\rDo things.\rEvidence of Progress\rFirst.\rSecond.\rEnd");
    });
    await Word.run(async (context) => {
      const byObject = context.document.body.tables.load({ values: true, nestingLevel: true });
      const byItemsPath = context.document.body.paragraphs.load("items/text");
      await context.sync();
      expect(byObject.items[0]!.nestingLevel).toBe(1);
      expect(byItemsPath.items.map((p) => p.text)).toHaveLength(7);
    });
    await Word.run(async (context) => {
      const paged = context.document.body.paragraphs.load({ select: "text", top: 2, skip: 4 });
      await context.sync();
      expect(paged.items.map((p) => p.text)).toEqual(["First.", "Second."]);
    });
  });

  it("fails the sync when asked to load a property that does not exist", async () => {
    install(small);
    const run = Word.run(async (context) => {
      context.document.body.tables.load("colour");
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("returns values as they were at the sync, until loaded again", async () => {
    const w = install(small);
    await Word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs.load("text");
      await context.sync();
      const first = w.document.blocks[0]!;
      if (first.kind === "paragraph") first.text = "Changed";
      expect(paragraphs.items[0]!.text).toBe("Title");
      paragraphs.load("text");
      await context.sync();
      expect(paragraphs.items[0]!.text).toBe("Changed");
    });
  });
});

describe("writes and syncs", () => {
  it("queues a select until sync, and reports the new selection to listeners then", async () => {
    const w = install(small);
    const seen: unknown[] = [];
    w.onSelectionChange((location) => seen.push(location));
    await Word.run(async (context) => {
      const tables = context.document.body.tables.load("$none");
      await context.sync();
      tables.items[0]!.getCell(1, 1).body.getRange("Start").select();
      expect(w.selection).toBeNull();
      expect(seen).toEqual([]);
      await context.sync();
      expect(w.selection).toEqual({ kind: "cell", table: 0, row: 1, cell: 1 });
      expect(seen).toEqual([{ kind: "cell", table: 0, row: 1, cell: 1 }]);
    });
  });

  it("counts every sync, across runs, until reset", async () => {
    const w = install(small);
    await Word.run(async (context) => {
      await context.sync();
      await context.sync();
    });
    expect(w.syncCount).toBe(2);
    await Word.run(async (context) => {
      context.document.body.paragraphs.load("$none");
      await context.sync();
    });
    expect(w.syncCount).toBe(3);
    expect(w.runCount).toBe(2);
    w.resetCounters();
    expect([w.syncCount, w.runCount]).toEqual([0, 0]);
  });

  it("syncs once more at the end of Word.run when commands are still queued, as Office.js does", async () => {
    const w = install(small);
    await Word.run(async (context) => {
      context.document.body.getRange("End").select();
    });
    expect(w.syncCount).toBe(1);
    expect(w.selection).toEqual({ kind: "paragraph", paragraph: 6 });
    await Word.run(async () => undefined);
    expect(w.syncCount).toBe(1);
  });

  it("fails getCell on a missing cell at sync, not at the call, with ItemNotFound", async () => {
    install(small);
    let queued = false;
    const run = Word.run(async (context) => {
      const tables = context.document.body.tables.load("$none");
      await context.sync();
      const missing = tables.items[0]!.getCell(1, 2);
      missing.load("value");
      queued = true;
      await context.sync();
    });
    await expect(run).rejects.toBeInstanceOf(SimOfficeError);
    await expect(run).rejects.toMatchObject({
      name: "RichApi.Error",
      code: "ItemNotFound",
      debugInfo: { code: "ItemNotFound", errorLocation: "Table.getCell" },
    });
    expect(queued).toBe(true);
  });

  it("keeps the effect of commands queued before the one that failed (a batch is not a transaction)", async () => {
    const w = install(small);
    const run = Word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs.load("$none");
      const tables = context.document.body.tables.load("$none");
      await context.sync();
      paragraphs.items[6]!.select();
      tables.items[0]!.getCell(5, 0).body.getRange("Start").select();
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(w.selection).toEqual({ kind: "paragraph", paragraph: 6 });
  });

  it("rejects a bad selection mode at sync", async () => {
    install(small);
    const run = Word.run(async (context) => {
      context.document.body.getRange("Start").select("Sideways" as Word.SelectionMode);
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("requires the batch to return a promise, as Office.js does", async () => {
    install(small);
    const notAsync = (() => undefined) as unknown as (context: Word.RequestContext) => Promise<void>;
    await expect(Word.run(notAsync)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });

  it("refuses work from a proxy whose Word.run has ended", async () => {
    install(small);
    const body = await Word.run(async (context) => context.document.body);
    expect(() => body.paragraphs.load("text")).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
  });
});

describe("the document model", () => {
  it("lists nested tables in body.tables after their parent, and their paragraphs at level 2", async () => {
    install(nested);
    await Word.run(async (context) => {
      const tables = context.document.body.tables.load("values,nestingLevel");
      const paragraphs = context.document.body.paragraphs.load("text,tableNestingLevel");
      await context.sync();
      expect(tables.items.map((t) => [t.nestingLevel, t.values])).toEqual([
        [1, [["A", "B1\rN1\rN2\rB2"]]],
        [2, [["N1", "N2"]]],
        [1, [["C", "D"]]],
      ]);
      expect(paragraphs.items.map((p) => [p.text, p.tableNestingLevel])).toEqual([
        ["Before", 0], ["A", 1], ["B1", 1], ["N1", 2], ["N2", 2], ["B2", 1], ["", 0], ["C", 1], ["D", 1],
      ]);
    });
  });

  it("reports a nested cell's selection as the top-level cell holding it", async () => {
    const w = install(nested);
    await Word.run(async (context) => {
      const tables = context.document.body.tables.load("$none");
      await context.sync();
      tables.items[1]!.getCell(0, 1).body.getRange("Whole").select();
      await context.sync();
    });
    expect(w.selection).toEqual({ kind: "cell", table: 0, row: 0, cell: 1 });
  });

  it("reads a cell's value and its body's paragraphs through getCell", async () => {
    install(small);
    await Word.run(async (context) => {
      const tables = context.document.body.tables.load("$none");
      await context.sync();
      const c = tables.items[0]!.getCell(1, 1);
      c.load("value");
      const paragraphs = c.body.paragraphs.load("text");
      await context.sync();
      expect(c.value).toBe("First.\rSecond.");
      expect(paragraphs.items.map((p) => p.text)).toEqual(["First.", "Second."]);
    });
  });

  it.each(["careersProvision", "careLeaversEet"] as const)("holds %s exactly as its snapshot", (name) => {
    const source = realSnapshot(name);
    expect(snapshotOfDocument(install(source).document)).toEqual(source);
  });
});

describe("requirement sets", () => {
  it("fails Body.tables with ApiNotFound below WordApi 1.3, and leaves table paragraphs out, as Word 2016 does", async () => {
    install(small, { requirementSets: { WordApi: "1.2" } });
    await Word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs.load("text");
      await context.sync();
      expect(paragraphs.items.map((p) => p.text)).toEqual(["Title", "End"]);
    });
    const run = Word.run(async (context) => {
      context.document.body.tables.load("values");
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("answers isSetSupported by comparing versions numerically", () => {
    install(small, { requirementSets: { WordApi: "1.10", WordApiDesktop: "1.1" } });
    const requirements = Office.context.requirements;
    expect(requirements.isSetSupported("WordApi", "1.9")).toBe(true);
    expect(requirements.isSetSupported("WordApi", "1.10")).toBe(true);
    expect(requirements.isSetSupported("WordApi", "1.11")).toBe(false);
    expect(requirements.isSetSupported("WordApiDesktop", "1.4")).toBe(false);
    expect(requirements.isSetSupported("ExcelApi", "1.1")).toBe(false);
    expect(requirements.isSetSupported("WordApi")).toBe(true);
  });
});

describe("the Office global", () => {
  it("is ready as Word on the web", async () => {
    install(small);
    const seen: unknown[] = [];
    await expect(Office.onReady((info) => seen.push(info))).resolves.toEqual({ host: "Word", platform: "OfficeOnline" });
    expect(seen).toEqual([{ host: "Word", platform: "OfficeOnline" }]);
    expect(Word.SelectionMode.start).toBe("Start");
    expect(Word.RangeLocation.whole).toBe("Whole");
    expect(Word.InsertLocation.after).toBe("After");
  });

  it("keeps settings in memory until saveAsync saves them", async () => {
    const w = install(small);
    const settings = Office.context.document.settings;
    expect(settings.get("a")).toBeNull();
    settings.set("a", 1);
    expect(settings.get("a")).toBe(1);
    expect(w.savedSettings).toEqual({});
    const status = await new Promise((resolve) => settings.saveAsync((result) => resolve(result.status)));
    expect(status).toBe("succeeded");
    expect(w.savedSettings).toEqual({ a: 1 });
    settings.remove("a");
    expect(settings.get("a")).toBeNull();
  });

  it("keeps each setting as its JSON, as Office does: values must have one, and get returns a copy", async () => {
    const w = install(small, { settings: { kept: { reasons: ["one"] } } });
    const settings = Office.context.document.settings;
    expect(() => settings.set("f", () => 1)).toThrow(/"f" cannot be saved/);
    expect(() => settings.set("u", undefined)).toThrow(/"u" cannot be saved/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => settings.set("loop", loop)).toThrow(/"loop" cannot be saved/);
    expect(settings.get("f")).toBeNull();

    const read = settings.get("kept") as { reasons: string[] };
    read.reasons.push("changed here only");
    expect(settings.get("kept")).toEqual({ reasons: ["one"] });
    const value = { when: "2026-12-02", skipped: undefined };
    settings.set("record", value);
    value.when = "later";
    expect(settings.get("record")).toEqual({ when: "2026-12-02" });

    const result = await new Promise<Office.AsyncResult<void>>((resolve) => settings.saveAsync({ asyncContext: "mine" }, resolve));
    expect(result).toMatchObject({ status: "succeeded", asyncContext: "mine" });
    expect(w.savedSettings).toEqual({ kept: { reasons: ["one"] }, record: { when: "2026-12-02" } });
  });

  it("refuses to save more than the 2 MB Office keeps for an add-in's settings", async () => {
    const w = install(small);
    const settings = Office.context.document.settings;
    settings.set("big", "x".repeat(2 * 1024 * 1024));
    const result = await new Promise<Office.AsyncResult<void>>((resolve) => settings.saveAsync(resolve));
    expect(result.status).toBe("failed");
    expect(result.error.message).toMatch(/2 MB/);
    expect(w.savedSettings).toEqual({});
  });

  it("removes its globals on uninstall", () => {
    install(small).uninstall();
    expect(typeof Word).toBe("undefined");
    expect(typeof Office).toBe("undefined");
  });
});
