import type {
  CellLocation,
  DocumentSnapshot,
  Location,
  SnapshotCell,
  SnapshotParagraph,
  SnapshotRow,
  SnapshotTable,
} from "./snapshot";
import type { MonitoringDocument, Recommendation } from "./types";
import type { Expectation } from "./plan";
import { parse } from "./parse";

/** Finding things in a snapshot by location, for the planners. */

/** The snapshot's top-level tables by index. */
export function tablesOf(snapshot: DocumentSnapshot): SnapshotTable[] {
  const tables: SnapshotTable[] = [];
  for (const block of snapshot.blocks) if (block.kind === "table") tables[block.index] = block;
  return tables;
}

export function rowAt(tables: readonly SnapshotTable[], table: number, row: number): SnapshotRow | null {
  return tables[table]?.rows[row] ?? null;
}

export function cellAt(tables: readonly SnapshotTable[], location: CellLocation): SnapshotCell | null {
  return rowAt(tables, location.table, location.row)?.cells[location.cell] ?? null;
}

const bodyParagraphs = new WeakMap<DocumentSnapshot, Map<number, SnapshotParagraph>>();

/** The body paragraph (not one in a table) with this index in `body.paragraphs`, or null. */
export function bodyParagraphAt(snapshot: DocumentSnapshot, paragraph: number): SnapshotParagraph | null {
  // Planners look up many paragraphs of one snapshot: indexed once per snapshot.
  let index = bodyParagraphs.get(snapshot);
  if (!index) {
    index = new Map();
    for (const block of snapshot.blocks) if (block.kind === "paragraph") index.set(block.location.paragraph, block);
    bodyParagraphs.set(snapshot, index);
  }
  return index.get(paragraph) ?? null;
}

/** What a place holds, as an expectation: its paragraphs exactly as scanned (null when there is no such place). */
export function textAt(snapshot: DocumentSnapshot, tables: readonly SnapshotTable[], location: Location): Expectation | null {
  if (location.kind === "cell") {
    const found = cellAt(tables, location);
    return found ? { kind: "text", location: cellLocation(location), paragraphs: [...found.paragraphs] } : null;
  }
  const found = bodyParagraphAt(snapshot, location.paragraph);
  return found ? { kind: "text", location: { kind: "paragraph", paragraph: location.paragraph }, paragraphs: [found.text] } : null;
}

export function cellLocation(location: CellLocation): CellLocation {
  return { kind: "cell", table: location.table, row: location.row, cell: location.cell };
}

/** The table count and, for each table touched, its row count: what every structural write relies on. */
export function shapeExpectations(tables: readonly SnapshotTable[], touched: Iterable<number>): Expectation[] {
  const out: Expectation[] = [{ kind: "table-count", count: tables.length }];
  for (const table of [...new Set(touched)].sort((a, b) => a - b)) {
    out.push({ kind: "row-count", table, rowCount: tables[table]?.rows.length ?? 0 });
  }
  return out;
}

/**
 * The location of paragraph `index` of `body.paragraphs` (which lists the paragraphs in tables too):
 * the body paragraph itself, or the top-level cell holding it. Null when the snapshot has no such
 * paragraph. Cell paragraphs are counted between the body paragraphs around their table, so a table
 * never shifts where a later body paragraph is.
 */
export function locationOfParagraph(snapshot: DocumentSnapshot, index: number): Location | null {
  if (index < 0) return null;
  let next = 0;
  for (const block of snapshot.blocks) {
    if (block.kind === "paragraph") {
      if (block.location.paragraph === index) return { kind: "paragraph", paragraph: index };
      next = block.location.paragraph + 1;
      continue;
    }
    for (const row of block.rows) {
      for (const c of row.cells) {
        const count = Math.max(1, c.paragraphs.length);
        if (index < next + count) return next <= index ? cellLocation(c.location) : null;
        next += count;
      }
    }
  }
  return null;
}

/** Document order of locations: a key for every body paragraph and table cell. */
function orderOf(snapshot: DocumentSnapshot): (location: Location) => number {
  const paragraphs = new Map<number, number>();
  const tableStart: number[] = [];
  let order = 0;
  for (const block of snapshot.blocks) {
    if (block.kind === "paragraph") paragraphs.set(block.location.paragraph, order++);
    else {
      tableStart[block.index] = order;
      for (const row of block.rows) order += row.cells.length + 1;
    }
  }
  const tables = tablesOf(snapshot);
  return (location) => {
    if (location.kind === "paragraph") return paragraphs.get(location.paragraph) ?? -1;
    const start = tableStart[location.table];
    const t = tables[location.table];
    if (start === undefined || !t) return -1;
    let at = start;
    for (let r = 0; r < location.row && r < t.rows.length; r++) at += t.rows[r].cells.length + 1;
    return at + location.cell;
  };
}

/**
 * The recommendation holding a cell or paragraph: the last one whose heading is at or before it.
 * Null before the first heading, after the grading key, or where the snapshot has no such place.
 */
export function recommendationAt(snapshot: DocumentSnapshot, location: Location, document?: MonitoringDocument): string | null {
  const parsed = document ?? parse(snapshot);
  const order = orderOf(snapshot);
  const at = order(location);
  if (at < 0) return null;
  let found: Recommendation | null = null;
  let foundAt = -1;
  for (const recommendation of parsed.recommendations) {
    const heading = order(recommendation.location);
    if (heading >= 0 && heading <= at && heading >= foundAt) {
      found = recommendation;
      foundAt = heading;
    }
  }
  const key = parsed.gradingKey ? order(parsed.gradingKey) : -1;
  if (!found || (key > foundAt && key <= at)) return null;
  return found.number;
}

/** The recommendation with this number as written ("3a"), or null. */
export function findRecommendation(document: MonitoringDocument, number: string): Recommendation | null {
  const wanted = number.trim().toLowerCase();
  return document.recommendations.find((r) => r.number.toLowerCase() === wanted) ?? null;
}

/** Sorts writes bottom-up: highest table first, then highest row. */
export function bottomUp<T extends { table: number; row: number }>(items: T[]): T[] {
  return items.sort((a, b) => b.table - a.table || b.row - a.row);
}
