import type { CellLocation } from "../model/snapshot";
import type { Expectation, Plan, Write } from "../model/plan";
import { COMMENT_PREFIX, GRADE_DROPDOWN_TAG, SUMMARY_TAG } from "../model/plan";
import { WRITE_CHANGED_MESSAGE } from "./errors";
import { WordError } from "./gateway-types";
import { splitCellValue } from "./interleave";
import { queueTypedText, startsOf, typedTarget, type TypedTarget } from "./apply-text";

/** What a plan needs of the host, beyond the manifest's WordApi 1.3. */
export function planRequirement(plan: Plan): { version: string; why: string } | null {
  const dropdowns = plan.writes.some(
    (w) => (w.kind === "insert-rows" && w.rows.some((r) => r.cells.some((c) => c.dropdown))) || (w.kind === "set-grade" && w.dropdown),
  );
  if (dropdowns) return { version: "1.9", why: "Grade dropdowns need Word with WordApi 1.9 (Microsoft 365 or Word on the web)." };
  if (plan.writes.some((w) => w.kind === "add-comment" || w.kind === "remove-comments")) {
    return { version: "1.4", why: "Review comments need Word with WordApi 1.4 (Microsoft 365, Word 2024, Word on the web or on a Mac; not Word 2019 or 2021 LTSC)." };
  }
  return null;
}

/** What the first sync loaded: everything the expectations and the writes need. */
interface Loaded {
  tables: Word.Table[];
  /** body.tables as Word lists them, nested ones included. */
  allTables: Word.Table[];
  paragraphs: Word.Paragraph[] | null;
  comments: Word.Comment[] | null;
  summaryControls: number | null;
}

function sameParagraphs(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

function cellParagraphs(tables: Word.Table[], location: CellLocation): string[] | null {
  const value = tables[location.table]?.values[location.row]?.[location.cell];
  return value === undefined ? null : splitCellValue(value);
}

function holds(loaded: Loaded, expectation: Expectation): boolean {
  switch (expectation.kind) {
    case "table-count":
      return loaded.tables.length === expectation.count;
    case "row-count":
      return loaded.tables[expectation.table]?.rowCount === expectation.rowCount;
    case "text": {
      const location = expectation.location;
      if (location.kind === "cell") {
        const found = cellParagraphs(loaded.tables, location);
        return found !== null && sameParagraphs(found, expectation.paragraphs);
      }
      const p = loaded.paragraphs?.[location.paragraph];
      return p !== undefined && p.tableNestingLevel === 0 && sameParagraphs([p.text], expectation.paragraphs);
    }
    case "paragraph-text": {
      const location = expectation.location;
      if (location.kind === "cell") return cellParagraphs(loaded.tables, location)?.[expectation.paragraph] === expectation.text;
      const p = loaded.paragraphs?.[location.paragraph];
      return p !== undefined && p.tableNestingLevel === 0 && p.text === expectation.text;
    }
  }
}

function changed(): WordError {
  return new WordError(WRITE_CHANGED_MESSAGE, "DocumentChanged");
}

/**
 * Applies a plan in at most two syncs, whatever the document's size: the first loads what the
 * plan's expectations name and the proxies its writes go through; if anything differs from the
 * scan the plan was made from, nothing is written and a DocumentChanged WordError is thrown; the
 * second sync carries every write. No sync runs in a loop.
 */
export async function applyPlan(context: Word.RequestContext, plan: Plan): Promise<void> {
  const writes = plan.writes;
  const body = context.document.body;
  const typing = writes.some((w) => w.kind === "replace-text");
  const needsValues =
    plan.expect.some((e) => (e.kind === "text" || e.kind === "paragraph-text") && e.location.kind === "cell") ||
    writes.some((w) => w.kind === "replace-summary" || (w.kind === "replace-text" && w.location.kind === "cell"));
  const needsTables =
    needsValues ||
    plan.expect.some((e) => e.kind !== "text" && e.kind !== "paragraph-text") ||
    writes.some(
      (w) =>
        w.kind !== "remove-comments" &&
        w.kind !== "insert-summary" &&
        !((w.kind === "add-comment" || w.kind === "replace-text") && w.location.kind === "paragraph"),
    );
  // Typed text is written through body.paragraphs (cells' too), each loaded with the content control around it.
  const needsParagraphs =
    typing ||
    plan.expect.some((e) => (e.kind === "text" || e.kind === "paragraph-text") && e.location.kind === "paragraph") ||
    writes.some((w) => (w.kind === "insert-summary" && w.place.kind === "after-paragraph") || (w.kind === "add-comment" && w.location.kind === "paragraph"));
  const needsComments = writes.some((w) => w.kind === "add-comment" || w.kind === "remove-comments");
  const needsSummaryControl = writes.some((w) => w.kind === "replace-summary");

  const tables = needsTables ? body.tables.load(needsValues ? "nestingLevel,rowCount,values" : "nestingLevel,rowCount") : null;
  const paragraphs = needsParagraphs ? body.paragraphs.load(typing ? "text,tableNestingLevel,parentContentControlOrNullObject/cannotEdit" : "text,tableNestingLevel") : null;
  const comments = needsComments ? body.getComments().load("content") : null;
  const summaryControls = needsSummaryControl ? context.document.contentControls.getByTag(SUMMARY_TAG).load("tag") : null;
  await context.sync();

  const loaded: Loaded = {
    tables: tables ? tables.items.filter((t) => t.nestingLevel === 1) : [],
    allTables: tables ? tables.items : [],
    paragraphs: paragraphs ? paragraphs.items : null,
    comments: comments ? comments.items : null,
    summaryControls: summaryControls ? summaryControls.items.length : null,
  };
  if (!plan.expect.every((e) => holds(loaded, e))) throw changed();
  // Every typed paragraph is found and checked (not in a locked content control) before anything is queued.
  const targets = new Map<Write, TypedTarget>();
  const text = { allTables: loaded.allTables, tables: loaded.tables, paragraphs: loaded.paragraphs ?? [] };
  const starts = startsOf(text);
  for (const write of writes) {
    if (write.kind === "replace-text") targets.set(write, typedTarget(text, write.location, write.paragraph, changed, starts));
  }

  let queued = 0;
  const existingComments = new Set(loaded.comments?.map((c) => c.content) ?? []);
  for (const write of writes) queued += write.kind === "replace-text" ? queueTypedText(targets.get(write)!, write.text) : queueWrite(context, loaded, write, existingComments);
  if (queued > 0) await context.sync();
}

function tableAt(loaded: Loaded, index: number): Word.Table {
  const table = loaded.tables[index];
  if (!table) throw changed();
  return table;
}

/** Queues one write's commands; returns how many it queued (0 when there is nothing to do). */
function queueWrite(context: Word.RequestContext, loaded: Loaded, write: Write, existingComments: Set<string>): number {
  switch (write.kind) {
    case "insert-rows": {
      const table = tableAt(loaded, write.table);
      const values = write.rows.map((row) => row.cells.map((c) => c.text));
      table.getCell(write.afterRow, 0).parentRow.insertRows("After", write.rows.length, values);
      write.rows.forEach((row, i) => {
        row.cells.forEach((c, index) => {
          const cell = table.getCell(write.afterRow + 1 + i, index);
          // Set both ways: the template row's formatting is copied into the new rows.
          cell.body.font.bold = c.bold;
          if (!c.dropdown) return;
          const control = cell.body.getRange("Start").insertContentControl(Word.ContentControlType.dropDownList);
          control.tag = c.dropdown.tag;
          control.title = c.dropdown.title;
          control.placeholderText = c.dropdown.placeholder;
          control.appearance = Word.ContentControlAppearance.boundingBox;
          for (const item of c.dropdown.items) control.dropDownListContentControl.addListItem(item);
        });
      });
      return 1;
    }
    case "delete-rows":
      tableAt(loaded, write.table).deleteRows(write.row, write.count);
      return 1;
    case "set-grade": {
      const at = write.location;
      const cell = tableAt(loaded, at.table).getCell(at.row, at.cell);
      if (write.dropdown) {
        // The list is rebuilt in its order with the grade chosen: items can be chosen without a read.
        const control = cell.body.contentControls.getByTag(GRADE_DROPDOWN_TAG).getFirst();
        // A navigation property (a proxy for the list), not a value: nothing to load.
        // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
        const list = control.dropDownListContentControl;
        list.deleteAllListItems();
        const listed = write.items ?? [];
        const items = listed.includes(write.text) ? listed : [...listed, write.text];
        for (const item of items) {
          const added = list.addListItem(item);
          if (item === write.text) added.select();
        }
        return 1;
      }
      const paragraphs = cellParagraphs(loaded.tables, at) ?? [];
      if (write.replace) {
        const { paragraph, offset, find } = write.replace;
        if (paragraphs[paragraph]?.indexOf(find) !== offset) throw changed();
        let target = cell.body.paragraphs.getFirst();
        for (let p = 0; p < paragraph; p++) target = target.getNext();
        target.search(find, { matchCase: true }).getFirst().insertText(write.text, "Replace");
        return 1;
      }
      const first = paragraphs[0] ?? "";
      cell.body.paragraphs.getFirst().insertText(first === "" ? write.text : `${write.text} `, "Start");
      return 1;
    }
    case "insert-summary": {
      const width = write.rows[0]?.length ?? 1;
      let table: Word.Table;
      if (write.place.kind === "end") {
        table = context.document.body.insertTable(write.rows.length, width, "End", write.rows);
      } else {
        const paragraph = loaded.paragraphs?.[write.place.paragraph];
        if (!paragraph) throw changed();
        table = paragraph.insertTable(write.rows.length, width, "After", write.rows);
      }
      wrapSummary(table);
      return 1;
    }
    case "replace-summary": {
      const table = tableAt(loaded, write.table);
      const rows = table.rowCount;
      const width = table.values[0]?.length ?? 0;
      const newWidth = write.rows[0]?.length ?? 0;
      if (table.values.some((r) => r.length !== width)) throw changed();
      if (write.rows.length > rows) table.addRows("End", write.rows.length - rows);
      else if (write.rows.length < rows) table.deleteRows(write.rows.length, rows - write.rows.length);
      if (newWidth > width) table.addColumns("End", newWidth - width);
      else if (newWidth < width) table.deleteColumns(newWidth, width - newWidth);
      table.values = write.rows;
      // The table is ours by its title (checked above); if someone removed its content control, it gets one again.
      if (loaded.summaryControls === 0) wrapSummary(table);
      return 1;
    }
    case "replace-text":
      // Queued by queueTypedText, against the paragraph checked before any write.
      return 0;
    case "add-comment": {
      if (existingComments.has(write.text)) return 0;
      existingComments.add(write.text);
      const location = write.location;
      const range =
        location.kind === "cell"
          ? tableAt(loaded, location.table).getCell(location.row, location.cell).body.getRange("Whole")
          : (loaded.paragraphs?.[location.paragraph] ?? throwChanged()).getRange("Whole");
      range.insertComment(write.text);
      return 1;
    }
    case "remove-comments": {
      let n = 0;
      for (const comment of loaded.comments ?? []) {
        if (!comment.content.startsWith(COMMENT_PREFIX)) continue;
        comment.delete();
        n++;
      }
      return n;
    }
  }
}

/** The summary's content control, tagged as ours, around its table (Table.insertContentControl, 1.3). */
function wrapSummary(table: Word.Table): void {
  const control = table.insertContentControl();
  control.tag = SUMMARY_TAG;
  control.title = "Grade summary";
  control.appearance = Word.ContentControlAppearance.boundingBox;
}

function throwChanged(): never {
  throw changed();
}
