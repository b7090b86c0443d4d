import type { SnapshotCell, SnapshotTable } from "./snapshot";
import {
  appendText,
  hasText,
  newRecommendation,
  newSink,
  type RecommendationBuilder,
  type RecommendationFieldKey,
  type RoundBuilder,
  type Sink,
} from "./build";
import { findWrittenDate } from "./dates";
import { isGradingKey, type RoundPartKind } from "./labels";
import { contentParagraphs, joinLine } from "./text";

/**
 * The older layout some councils use: one table row per recommendation, under a header row such as
 * `No. | Recommendation | Responsibility | Date | Progress (July 2021) | Assessment of progress 1-4`.
 * Each Progress / Assessment (/ Impact) group of columns is a round, dated by its header.
 */

type Column = "number" | "recommendation" | RecommendationFieldKey | RoundPartKind | null;

const NUMBER_COLUMN = /^(?:rec(?:ommendation)?\.?\s*)?(?:no\.?|number|ref(?:erence)?\.?|#)$/i;

const COLUMN_RULES: readonly [RegExp, Exclude<Column, null>][] = [
  [NUMBER_COLUMN, "number"],
  [/\bassessment\b|\bgrade\b|\brag\b/i, "assessment"],
  [/\bimpact\b/i, "impact"],
  [/^(?:evidence\s+of\s+)?progress\b|\bupdate\b/i, "evidence"],
  [/^recommendations?\b/i, "recommendation"],
  [/\bsuccess\b|\bmeasures?\b/i, "successMeasure"],
  [/\bactions?\b/i, "agreedAction"],
  [/\bresponsib|\blead\b|\bofficers?\b/i, "responsibility"],
  [/\bdate\b|\btimescales?\b|\bdeadline\b/i, "targetDate"],
];

const HEADER_ROWS_SEARCHED = 3;
/** "1." and "1)" are list punctuation: the number is "1". Anything else is kept as written. */
const NUMBER_AS_WRITTEN = /^(\d+[a-z]?)[.:)]?$/i;

export function classifyColumn(text: string): Column {
  const t = text.trim();
  for (const [rule, column] of COLUMN_RULES) if (rule.test(t)) return column;
  return null;
}

function columnsOf(cells: readonly SnapshotCell[]): Column[] {
  return cells.map((cell) => classifyColumn(joinLine(cell.paragraphs)));
}

/** A header cell is a few words; a longer cell means the row is content. */
const MAX_HEADER_CELL = 80;

function isColumnsHeader(cells: readonly SnapshotCell[]): boolean {
  if (cells.length < 3) return false;
  for (const cell of cells) {
    let length = 0;
    for (const p of cell.paragraphs) length += p.length;
    if (length > MAX_HEADER_CELL) return false;
  }
  // The number column's rule comes first, so a cell it matches is that column: a row without one (a
  // grading key) is turned away before the other rules are compiled.
  if (!cells.some((cell) => NUMBER_COLUMN.test(joinLine(cell.paragraphs).trim()))) return false;
  const columns = columnsOf(cells);
  return (
    columns.includes("number") &&
    columns.includes("recommendation") &&
    (columns.includes("evidence") || columns.includes("assessment"))
  );
}

/** The index of the table's column header row (searched among its first rows), or -1. */
export function findColumnsHeader(table: SnapshotTable): number {
  const limit = Math.min(HEADER_ROWS_SEARCHED, table.rows.length);
  for (let r = 0; r < limit; r++) if (isColumnsHeader(table.rows[r].cells)) return r;
  return -1;
}

/** In document order: recommendations read from rows, and rows left for the label parser (key, noise). */
export type ColumnsItem =
  { kind: "recommendation"; recommendation: RecommendationBuilder } | { kind: "row"; row: number };

interface RoundColumns {
  evidence: number | null;
  assessment: number | null;
  impact: number | null;
}

function isRoundColumn(column: Column): column is RoundPartKind {
  return column === "evidence" || column === "assessment" || column === "impact";
}

function roundColumns(columns: readonly Column[]): RoundColumns[] {
  const rounds: RoundColumns[] = [];
  columns.forEach((column, index) => {
    if (!isRoundColumn(column)) return;
    let round = rounds.length > 0 ? rounds[rounds.length - 1] : null;
    if (!round || column === "evidence" || round[column] !== null) {
      round = { evidence: null, assessment: null, impact: null };
      rounds.push(round);
    }
    round[column] = index;
  });
  return rounds;
}

export function parseColumns(table: SnapshotTable, headerRow: number): { items: ColumnsItem[] } {
  const headerCells = table.rows[headerRow].cells;
  const columns = columnsOf(headerCells);
  const rounds = roundColumns(columns);
  const fieldColumn = (wanted: Column): number => columns.indexOf(wanted);
  const numberColumn = fieldColumn("number");
  const textColumn = fieldColumn("recommendation");
  const fields: [RecommendationFieldKey, number][] = (
    ["responsibility", "targetDate", "agreedAction", "successMeasure"] as const
  ).map((key) => [key, fieldColumn(key)]);

  const items: ColumnsItem[] = [];
  const made: RecommendationBuilder[] = [];
  // Per recommendation, its round builders by round-column group, for continuation rows.
  const roundsByGroup = new Map<RecommendationBuilder, RoundBuilder[]>();

  const headerLabels = headerCells.map((cell) => joinLine(cell.paragraphs));
  const headerDates = headerLabels.map((label, column) =>
    isRoundColumn(columns[column]) ? findWrittenDate(label) : null,
  );

  const sinkAt = (cells: readonly SnapshotCell[], column: number, dated: boolean): Sink | null => {
    if (column < 0 || column >= cells.length) return null;
    return newSink({
      label: headerLabels[column],
      labelLocation: headerCells[column].location,
      paragraphs: contentParagraphs(cells[column].paragraphs),
      location: cells[column].location,
      dated,
      date: headerDates[column],
    });
  };

  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const cells = table.rows[r].cells;
    const texts = cells.map((cell) => joinLine(cell.paragraphs));
    if (texts.every((t) => t === "")) continue;
    if (cells.length < 2 || isGradingKey(texts[0], texts.slice(1))) {
      items.push({ kind: "row", row: r });
      continue;
    }
    const number = numberColumn >= 0 ? (texts[numberColumn] ?? "") : "";
    const text = textColumn >= 0 ? (texts[textColumn] ?? "") : "";
    const previous = made.length > 0 ? made[made.length - 1] : null;

    if (number === "" && text === "") {
      if (!previous) {
        items.push({ kind: "row", row: r });
        continue;
      }
      // A row split across a page or typed below: more of the recommendation above.
      continueRecommendation(previous, roundsByGroup.get(previous) ?? [], cells, { fields, rounds, sinkAt });
      continue;
    }

    const heading =
      sinkAt(cells, textColumn, false) ??
      newSink({ label: "", labelLocation: null, paragraphs: [], location: cells[0].location });
    const recommendation = newRecommendation(
      NUMBER_AS_WRITTEN.exec(number)?.[1] ?? number,
      cells[numberColumn >= 0 && numberColumn < cells.length ? numberColumn : 0].location,
      heading,
    );
    for (const [key, column] of fields) recommendation[key] = sinkAt(cells, column, false);
    const groups: RoundBuilder[] = rounds.map((group) => ({
      evidence: group.evidence === null ? null : sinkAt(cells, group.evidence, true),
      assessment: group.assessment === null ? null : sinkAt(cells, group.assessment, true),
      impact: group.impact === null ? null : sinkAt(cells, group.impact, true),
    }));
    recommendation.rounds = groups;
    roundsByGroup.set(recommendation, groups);
    made.push(recommendation);
    items.push({ kind: "recommendation", recommendation });
  }

  // An update column not yet filled in is not a round.
  for (const recommendation of made) {
    recommendation.rounds = recommendation.rounds.filter(
      (round) => hasText(round.evidence) || hasText(round.assessment) || hasText(round.impact),
    );
  }
  return { items };
}

interface Layout {
  fields: [RecommendationFieldKey, number][];
  rounds: RoundColumns[];
  sinkAt: (cells: readonly SnapshotCell[], column: number, dated: boolean) => Sink | null;
}

function continueRecommendation(
  recommendation: RecommendationBuilder,
  groups: RoundBuilder[],
  cells: readonly SnapshotCell[],
  layout: Layout,
): void {
  const add = (existing: Sink | null, column: number, dated: boolean): Sink | null => {
    if (column < 0 || column >= cells.length) return existing;
    if (!existing) return layout.sinkAt(cells, column, dated);
    appendText(existing, contentParagraphs(cells[column].paragraphs), cells[column].location);
    return existing;
  };
  for (const [key, column] of layout.fields) recommendation[key] = add(recommendation[key], column, false);
  layout.rounds.forEach((group, g) => {
    const round = groups[g];
    if (!round) return;
    for (const part of ["evidence", "assessment", "impact"] as const) {
      const column = group[part];
      if (column !== null) round[part] = add(round[part], column, true);
    }
  });
}
