import type { DocumentSnapshot } from "../../src/model/snapshot";
import { snapshotOfDocument } from "../../src/simulated-word";
import { install } from "../helpers/simulated-word";
import { snapshotFromText } from "../helpers/text-snapshot";

/** A title paragraph, a three-row table (labels bold in Word's template), a closing paragraph. */
const doc: DocumentSnapshot = snapshotFromText(
  ["Title", "Recommendation 1:\tDo things.", "Evidence of Progress (July 2021):\tFirst.", "Evidence of Impact (July 2021):\tLater.", "End", ""].join("\n"),
);

function texts(word: ReturnType<typeof install>): string[][] {
  const snapshot = snapshotOfDocument(word.document);
  return snapshot.blocks.map((b) => (b.kind === "paragraph" ? [b.text] : b.rows.map((r) => r.cells.map((c) => c.paragraphs.join("|")).join(" / "))));
}

async function inWord(batch: (context: Word.RequestContext) => Promise<void>): Promise<void> {
  await Word.run(batch);
}

describe("rows", () => {
  it("insertRows queues until sync, copies the template row's cell count and bold, and shifts later rows", async () => {
    const word = install(doc);
    await inWord(async (context) => {
      const tables = context.document.body.tables.load("rowCount");
      await context.sync();
      const table = tables.items[0]!;
      table.getCell(1, 0).body.font.bold = true;
      table.getCell(1, 0).parentRow.insertRows("After", 2, [["New A"], ["New B", "b"]]);
      expect(texts(word)[1]).toEqual(["Recommendation 1: / Do things.", "Evidence of Progress (July 2021): / First.", "Evidence of Impact (July 2021): / Later."]);
      const moved = table.getCell(4, 0).body.paragraphs.load("text");
      await context.sync();
      expect(moved.items.map((p) => p.text)).toEqual(["Evidence of Impact (July 2021):"]);
    });
    expect(texts(word)[1]).toEqual([
      "Recommendation 1: / Do things.",
      "Evidence of Progress (July 2021): / First.",
      "New A / ",
      "New B / b",
      "Evidence of Impact (July 2021): / Later.",
    ]);
    const table = word.document.blocks[1]!;
    if (table.kind !== "table") throw new Error("no table");
    const first = table.rows[2]!.cells[0]!.blocks[0]!;
    expect(first.kind === "paragraph" && first.bold).toBe(true);
  });

  it("refuses values wider than the template row (InvalidArgument), and deletes rows", async () => {
    const word = install(doc);
    const wide = inWord(async (context) => {
      const tables = context.document.body.tables.load("$none");
      await context.sync();
      tables.items[0]!.getCell(0, 0).parentRow.insertRows("After", 1, [["a", "b", "c"]]);
      await context.sync();
    });
    await expect(wide).rejects.toMatchObject({ code: "InvalidArgument" });
    await inWord(async (context) => {
      const tables = context.document.body.tables.load("$none");
      await context.sync();
      tables.items[0]!.getCell(2, 1).parentRow.delete();
      tables.items[0]!.deleteRows(0, 1);
      await context.sync();
    });
    expect(texts(word)[1]).toEqual(["Evidence of Progress (July 2021): / First."]);
  });
});

describe("text", () => {
  it("inserts at the start and end, and replaces exactly a range found by search", async () => {
    const word = install(doc);
    await inWord(async (context) => {
      const tables = context.document.body.tables.load("$none");
      await context.sync();
      const cell = tables.items[0]!.getCell(1, 1);
      cell.body.paragraphs.getFirst().insertText("2. On-Track ", "Start");
      cell.body.paragraphs.getFirst().insertText(" More.", "End");
      tables.items[0]!.getCell(2, 1).body.paragraphs.getFirst().search("Late", { matchCase: true }).getFirst().insertText("Soon", "Replace");
      await context.sync();
    });
    expect(texts(word)[1]!.slice(1)).toEqual(["Evidence of Progress (July 2021): / 2. On-Track First. More.", "Evidence of Impact (July 2021): / Soonr."]);
  });
});

describe("content controls", () => {
  it("a dropdown at the start of a cell: tag, title, placeholder, items; choosing one puts its text in the cell", async () => {
    const word = install(doc);
    await inWord(async (context) => {
      const tables = context.document.body.tables.load("$none");
      await context.sync();
      const control = tables.items[0]!.getCell(2, 1).body.getRange("Start").insertContentControl(Word.ContentControlType.dropDownList);
      control.tag = "grade";
      control.title = "Grade";
      control.placeholderText = "Choose a grade";
      control.appearance = Word.ContentControlAppearance.boundingBox;
      for (const item of ["1. Fully Achieved", "2. On-Track"]) control.dropDownListContentControl.addListItem(item);
      await context.sync();
    });
    expect(texts(word)[1]![2]).toBe("Evidence of Impact (July 2021): / Choose a gradeLater.");
    expect(word.contentControls()).toEqual([
      expect.objectContaining({ tag: "grade", title: "Grade", type: "DropDownList", items: ["1. Fully Achieved", "2. On-Track"], selected: null, location: { kind: "cell", table: 0, row: 2, cell: 1 }, table: null }),
    ]);
    await inWord(async (context) => {
      const found = context.document.contentControls.getByTag("grade").load("items/text,items/tag");
      await context.sync();
      expect(found.items.map((c) => c.text)).toEqual(["Choose a grade"]);
      found.items[0]!.dropDownListContentControl.listItems.getFirst().select();
      await context.sync();
    });
    expect(texts(word)[1]![2]).toBe("Evidence of Impact (July 2021): / 1. Fully AchievedLater.");
    word.chooseItem(word.contentControls()[0]!.id, "2. On-Track");
    expect(word.contentControls()[0]!.selected).toBe("2. On-Track");
    expect(texts(word)[1]![2]).toBe("Evidence of Impact (July 2021): / 2. On-TrackLater.");
    await inWord(async (context) => {
      context.document.contentControls.getByTag("grade").getFirst().delete(false);
      await context.sync();
    });
    expect(texts(word)[1]![2]).toBe("Evidence of Impact (July 2021): / Later.");
  });

  it("a table wrapped in a control, found by its tag", async () => {
    const word = install(doc);
    await inWord(async (context) => {
      const table = context.document.body.insertTable(2, 2, "End", [["Grade summary", ""], ["a", "b"]]);
      const control = table.insertContentControl();
      control.tag = "summary";
      await context.sync();
      const found = context.document.contentControls.getByTag("summary").getFirst().tables.getFirst().load("values");
      await context.sync();
      expect(found.values).toEqual([["Grade summary", ""], ["a", "b"]]);
    });
    expect(word.contentControls()).toEqual([expect.objectContaining({ tag: "summary", type: "RichText", table: 1, location: null })]);
    // A body ends with a paragraph: one follows the new table.
    expect(texts(word).slice(-2)).toEqual([["Grade summary / ", "a / b"], [""]]);
  });

  it.each([
    ["1.3", "RichText", "Range.insertContentControl(contentControlType)"],
    ["1.4", "RichText", "Range.insertContentControl(contentControlType)"],
    ["1.8", "DropDownList", 'Range.insertContentControl("DropDownList")'],
  ])("on WordApi %s, a %s control with a type is refused (ApiNotFound)", async (version, type, member) => {
    install(doc, { requirementSets: { WordApi: version } });
    const run = inWord(async (context) => {
      context.document.body.getRange("Start").insertContentControl(type as "RichText" | "DropDownList");
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "ApiNotFound", debugInfo: { errorLocation: member } });
  });
});

describe("comments (WordApi 1.4)", () => {
  it("on a cell and a paragraph, read back with their content, deleted one by one; a comment goes with its row", async () => {
    const word = install(doc);
    await inWord(async (context) => {
      const tables = context.document.body.tables.load("$none");
      const paragraphs = context.document.body.paragraphs.load("$none");
      await context.sync();
      tables.items[0]!.getCell(1, 1).body.getRange("Whole").insertComment("[Scrutiny check] First");
      tables.items[0]!.getCell(2, 1).body.getRange("Whole").insertComment("Someone else's");
      paragraphs.items[0]!.getRange("Whole").insertComment("[Scrutiny check] Title");
      await context.sync();
    });
    expect(word.comments().map((c) => [c.text, c.location])).toEqual([
      ["[Scrutiny check] First", { kind: "cell", table: 0, row: 1, cell: 1 }],
      ["Someone else's", { kind: "cell", table: 0, row: 2, cell: 1 }],
      ["[Scrutiny check] Title", { kind: "paragraph", paragraph: 0 }],
    ]);
    await inWord(async (context) => {
      const comments = context.document.body.getComments().load("content");
      await context.sync();
      comments.items.filter((c) => c.content === "[Scrutiny check] Title").forEach((c) => c.delete());
      const tables = context.document.body.tables.load("$none");
      await context.sync();
      tables.items[0]!.deleteRows(1, 1);
      await context.sync();
    });
    expect(word.comments().map((c) => c.text)).toEqual(["Someone else's"]);
  });

  it("are refused on WordApi 1.3", async () => {
    install(doc, { requirementSets: { WordApi: "1.3" } });
    const insert = inWord(async (context) => {
      context.document.body.getRange("Whole").insertComment("x");
      await context.sync();
    });
    await expect(insert).rejects.toMatchObject({ code: "ApiNotFound" });
    const read = inWord(async (context) => {
      context.document.body.getComments().load("content");
      await context.sync();
    });
    await expect(read).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("the document", () => {
  it("reports change tracking on WordApi 1.4, and refuses to on 1.3", async () => {
    const word = install(doc, { trackingChanges: true });
    await inWord(async (context) => {
      context.document.load("changeTrackingMode");
      await context.sync();
      expect(context.document.changeTrackingMode).toBe("TrackAll");
    });
    expect(word.changeTrackingMode).toBe("TrackAll");
    install(doc, { requirementSets: { WordApi: "1.3" } });
    const run = inWord(async (context) => {
      context.document.load("changeTrackingMode");
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("gives the cursor's paragraph index: the paragraphs from the body's start to the selection", async () => {
    const word = install(doc);
    const count = async (): Promise<number> => {
      let n = -1;
      await inWord(async (context) => {
        const selection = context.document.getSelection();
        const before = context.document.body.getRange("Start").expandTo(selection.getRange("Start")).paragraphs.load("$none");
        await context.sync();
        n = before.items.length;
      });
      return n;
    };
    expect(await count()).toBe(1);
    await inWord(async (context) => {
      const tables = context.document.body.tables.load("$none");
      await context.sync();
      tables.items[0]!.getCell(2, 1).body.getRange("Start").select();
      await context.sync();
    });
    expect(word.selection).toEqual({ kind: "cell", table: 0, row: 2, cell: 1 });
    // Title, then six cell paragraphs: the cursor's is the sixth paragraph (index 5) plus the title.
    expect(await count()).toBe(7);
  });

  it("inserts a table after a paragraph, and sets a uniform table's values after resizing it", async () => {
    const word = install(doc);
    await inWord(async (context) => {
      const paragraphs = context.document.body.paragraphs.load("$none");
      await context.sync();
      const table = paragraphs.items[0]!.insertTable(1, 2, "After", [["x", "y"]]);
      table.addRows("End", 1);
      table.addColumns("End", 1);
      table.values = [["1", "2", "3"], ["4", "5", "6"]];
      table.deleteColumns(0, 1);
      await context.sync();
    });
    // A table is never next to a table: an empty paragraph keeps them apart.
    expect(texts(word).slice(0, 3)).toEqual([["Title"], ["2 / 3", "5 / 6"], [""]]);
  });
});

describe("the preview's view", () => {
  it("places the cursor where the user clicks, and tells listeners", async () => {
    const word = install(doc);
    const seen: unknown[] = [];
    word.onSelectionChange((location) => seen.push(location));
    word.placeCursor({ kind: "cell", table: 0, row: 1, cell: 1 });
    expect(word.selection).toEqual({ kind: "cell", table: 0, row: 1, cell: 1 });
    expect(seen).toEqual([{ kind: "cell", table: 0, row: 1, cell: 1 }]);
    expect(() => word.placeCursor({ kind: "cell", table: 5, row: 0, cell: 0 })).toThrow(/No cell/);
  });
});
