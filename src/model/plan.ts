import type { CellLocation, DocumentSnapshot, Location } from "./snapshot";
import type { Grade, Month } from "./types";

/**
 * Edit plans: what a write will do, as plain data, computed purely by the engine from the last scan
 * and the user's intent. One plan, two appliers: the Word gateway (`src/word/`, at most two syncs)
 * and the `.docx` applier (`src/docx/`). `applyPlanToSnapshot` (model) says what the document holds
 * afterwards, so both appliers are tested against the same expectation.
 *
 * Locations and indices are those of the snapshot the plan was made from. `writes` are listed in
 * the order they must be applied: rows bottom-up (highest table, then highest row first), so no
 * write shifts a position a later write uses.
 */

/** Tags and markers that identify what the add-in wrote, in Word and in `.docx` alike. */
export const GRADE_DROPDOWN_TAG = "scrutiny-monitoring:grade";
export const SUMMARY_TAG = "scrutiny-monitoring:summary";
export const GRADE_PLACEHOLDER = "Choose a grade";
/** Every review comment the add-in writes starts with this, and only those are ever removed. */
export const COMMENT_PREFIX = "[Scrutiny check] ";
/** The summary table's first cell starts with this; the parser never reads such a table as monitoring content. */
export const SUMMARY_TITLE_PREFIX = "Grade summary";

export type PlanKind = "add-round" | "remove-round" | "set-grade" | "summary" | "add-comments" | "remove-comments" | "type-text";

/** What a place must still hold for the plan to apply. Any mismatch: nothing is written. */
export type Expectation =
  /** The number of top-level tables. */
  | { kind: "table-count"; count: number }
  /** A top-level table's row count. */
  | { kind: "row-count"; table: number; rowCount: number }
  /** A cell's or paragraph's paragraphs, exactly as scanned. */
  | { kind: "text"; location: Location; paragraphs: string[] }
  /** One paragraph's text, exactly as scanned (`paragraph`: its index in the cell; 0 for a body paragraph). */
  | { kind: "paragraph-text"; location: Location; paragraph: number; text: string };

/** A grade dropdown (WordApi 1.9 content control / `w:sdt` with `w:dropDownList`), unchosen. */
export interface GradeDropdown {
  tag: typeof GRADE_DROPDOWN_TAG;
  title: string;
  placeholder: typeof GRADE_PLACEHOLDER;
  /** The four grades as the document's key words them, e.g. "1. Fully Achieved". */
  items: string[];
}

export interface NewCell {
  text: string;
  bold: boolean;
  /** At the start of the cell (Assessment value cells, on hosts that support it). */
  dropdown?: GradeDropdown;
}

/** A new row: exactly as many cells as the row it copies (the template row). */
export interface NewRow {
  cells: NewCell[];
}

export type SummaryPlace = { kind: "end" } | { kind: "after-paragraph"; paragraph: number };

export type Write =
  /** New rows after `afterRow`, each a copy of that row's formatting (TableRow.insertRows "After"). */
  | { kind: "insert-rows"; table: number; afterRow: number; rows: NewRow[] }
  /** Deletes `count` rows from `row` on. */
  | { kind: "delete-rows"; table: number; row: number; count: number }
  /**
   * Puts a grade into an Assessment cell. `replace` null: `text` goes at the very start of the cell's
   * first paragraph (followed by a space when that paragraph already has text); every character
   * already there is kept. `replace` set: exactly the characters `find` at `offset` in paragraph
   * `paragraph` of the cell (the grade as the engine read it) become `text`; nothing else changes.
   * `find` is the first occurrence of itself in that paragraph (Word finds it by searching).
   * `dropdown` set: the cell holds our unchosen dropdown; choose the item `text` in it instead
   * (`items` are the dropdown's items, in order, for appliers that rebuild its list).
   */
  | {
      kind: "set-grade";
      location: CellLocation;
      grade: Grade;
      text: string;
      replace: { paragraph: number; offset: number; find: string } | null;
      dropdown: boolean;
      items?: string[];
    }
  /**
   * Inserts the grade summary table (title row first; every row as wide), wrapped in a content
   * control tagged SUMMARY_TAG, at the end of the body or straight after a body paragraph. When no
   * paragraph would follow it (the end) or a table would, an empty paragraph follows it; at the end
   * of a body whose last block is a table, an empty paragraph also precedes it: Word keeps tables
   * apart (adjacent tables merge into one) and ends a document with a paragraph.
   */
  | { kind: "insert-summary"; place: SummaryPlace; rows: string[][] }
  /** Replaces the summary table at `table` (found by its tag in Word, by its title in a snapshot) with `rows`. */
  | { kind: "replace-summary"; table: number; rows: string[][] }
  /** A comment on the cell or paragraph; skipped when a comment with exactly this text already exists. */
  | { kind: "add-comment"; location: Location; text: string }
  /** Deletes every comment whose text starts with COMMENT_PREFIX, and no other. */
  | { kind: "remove-comments" }
  /**
   * The paragraph's whole text becomes `text` (what the user typed there, on the page or in Word):
   * `paragraph` is its index in the cell (0 for a body paragraph). It keeps its paragraph formatting;
   * appliers replace only the characters between the old and new text's common prefix and suffix
   * (textChange), in the run where the change starts, so untouched runs keep their formatting.
   */
  | { kind: "replace-text"; location: Location; paragraph: number; text: string };

export interface Plan {
  kind: PlanKind;
  expect: Expectation[];
  writes: Write[];
  /** One line for the user, e.g. "Adds a November 2026 update to 7 recommendations (3 rows each)." */
  description: string;
  /** Recommendations in scope that get nothing, each with why, e.g. "already has a November 2026 update". */
  skipped: { recommendation: string; reason: string }[];
  /** For add-round and remove-round: the update's month and the recommendations it touches. */
  round?: { month: Month; recommendations: string[] };
}

/** A plan, or why there can be none (shown to the user as it is; nothing is written). */
export type PlanResult = { ok: true; plan: Plan } | { ok: false; reason: string };

/** The snapshot the plan was made from, for appliers that verify against it. */
export interface PlannedEdit {
  snapshot: DocumentSnapshot;
  plan: Plan;
}
