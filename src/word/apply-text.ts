import type { Location } from "../model/snapshot";
import { textChange } from "../model/text-change";
import { WordError } from "./gateway-types";
import { splitCellValue, tableStarts } from "./interleave";

/** Said when typed text would change what a content control locked for editing holds: nothing was written. */
export const LOCKED_MESSAGE =
  "That text is inside a content control that is locked for editing (its “Contents cannot be edited” box is ticked), " +
  "so nothing was written. Unlock the control in Word first if it should change.";

/** What sync 1 loaded that a replace-text write is checked against. */
export interface TextLoaded {
  /** body.tables, nested ones included (values, nestingLevel). */
  allTables: Word.Table[];
  /** The top-level ones among them (nestingLevel 1), as the snapshot numbers tables. */
  tables: Word.Table[];
  /** body.paragraphs, with text, tableNestingLevel and parentContentControlOrNullObject/cannotEdit. */
  paragraphs: Word.Paragraph[];
}

/** A replace-text write's paragraph, found and checked: what it holds, and that no locked control holds it. */
export interface TypedTarget {
  paragraph: Word.Paragraph;
  old: string;
}

/**
 * Finds the paragraph a replace-text write names among body.paragraphs: a body paragraph by its
 * index; a cell's n-th paragraph by where its table's paragraphs start (as the scan interleaves
 * them), once every paragraph of that table reads as its values say (so an empty paragraph is never
 * taken for its neighbour). Throws `changed()` when it cannot be found so, and a WordError with
 * code "ContentControlLocked" when it lies in a content control whose contents cannot be edited.
 */
export function typedTarget(loaded: TextLoaded, location: Location, index: number, changed: () => Error, starts: () => (number | undefined)[]): TypedTarget {
  const { paragraphs } = loaded;
  let at: number;
  if (location.kind === "paragraph") {
    at = location.paragraph;
    if (paragraphs[at]?.tableNestingLevel !== 0) throw changed();
  } else {
    const table = loaded.tables[location.table];
    const start = starts()[location.table];
    if (!table || start === undefined) throw changed();
    const texts = table.values.flatMap((row) => row.flatMap(splitCellValue));
    if (!texts.every((text, k) => paragraphs[start + k]?.text === text && paragraphs[start + k]!.tableNestingLevel > 0)) throw changed();
    const row = table.values[location.row];
    const cell = row?.[location.cell];
    if (cell === undefined || index >= splitCellValue(cell).length) throw changed();
    const before = table.values.slice(0, location.row).reduce((n, r) => n + r.reduce((m, value) => m + splitCellValue(value).length, 0), 0);
    at = start + before + row!.slice(0, location.cell).reduce((n, value) => n + splitCellValue(value).length, 0) + index;
  }
  const paragraph = paragraphs[at];
  if (!paragraph) throw changed();
  const control = paragraph.parentContentControlOrNullObject;
  if (!control.isNullObject && control.cannotEdit) throw new WordError(LOCKED_MESSAGE, "ContentControlLocked");
  return { paragraph, old: paragraph.text };
}

/** `tableStarts` over what sync 1 loaded, computed once per plan. */
export function startsOf(loaded: TextLoaded): () => (number | undefined)[] {
  let starts: (number | undefined)[] | null = null;
  return () =>
    (starts ??= tableStarts(
      loaded.allTables.map((t) => ({ values: t.values, nestingLevel: t.nestingLevel })),
      loaded.paragraphs.map((p) => ({ text: p.text, tableNestingLevel: p.tableNestingLevel })),
    ));
}

/** Word's search text limit, and its escape character (^p, ^t…), which a plain search must not hold. */
const MAX_SEARCH = 255;

/**
 * The shortest text next to `position` in `text` whose first occurrence puts one of its ends there:
 * searching the paragraph for it (first hit) gives a range ending at `position` ("before") or
 * starting there ("after"). Null when none fits Word's search (≤ 255 characters, no "^").
 */
function needle(text: string, position: number, side: "before" | "after"): string | null {
  const room = side === "before" ? position : text.length - position;
  for (let length = 1; length <= Math.min(room, MAX_SEARCH); length++) {
    const from = side === "before" ? position - length : position;
    const candidate = text.slice(from, from + length);
    if (candidate.includes("^")) return null;
    // Half a surrogate pair is not a character Word can search for.
    if (/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(candidate)) continue;
    if (text.indexOf(candidate) === from) return candidate;
  }
  return null;
}

/** A collapsed range at `position` in the paragraph's text, through a search for what is next to it; null when none can be found. */
function pointAt(paragraph: Word.Paragraph, text: string, position: number): Word.Range | null {
  if (position === 0) return paragraph.getRange("Start");
  const before = needle(text, position, "before");
  if (before !== null) return paragraph.search(before, { matchCase: true }).getFirst().getRange("End");
  const after = needle(text, position, "after");
  return after === null ? null : paragraph.search(after, { matchCase: true }).getFirst().getRange("Start");
}

/**
 * Queues what makes the paragraph's text `text`, changing only the middle that differs from `old`
 * (common prefix and suffix kept), so the runs around it keep their formatting and the new
 * characters take that of the run where the change starts (Word's own rule for inserted text).
 * The middle is reached by searching the paragraph for the shortest text beside each end whose
 * first occurrence is there. Where no such text fits Word's search (every candidate over 255
 * characters, or holding "^"), the whole paragraph is replaced as one run, as before. Returns the
 * number of commands queued that write (0: the text is already `text`).
 */
export function queueTypedText(target: TypedTarget, text: string): number {
  const { paragraph, old } = target;
  const { start, oldEnd, newEnd } = textChange(old, text);
  const inserted = text.slice(start, newEnd);
  if (start === oldEnd && inserted === "") return 0;
  const middle = old.slice(start, oldEnd);
  let range: Word.Range | null = null;
  if (middle !== "" && middle.length <= MAX_SEARCH && !middle.includes("^") && old.indexOf(middle) === start) {
    range = paragraph.search(middle, { matchCase: true }).getFirst();
  } else {
    const from = pointAt(paragraph, old, start);
    const to = middle === "" ? from : pointAt(paragraph, old, oldEnd);
    range = from && to ? (middle === "" ? from : from.expandTo(to)) : null;
  }
  if (!range) {
    paragraph.insertText(text, "Replace");
    return 1;
  }
  if (inserted === "") range.delete();
  else range.insertText(inserted, "Replace");
  return 1;
}
