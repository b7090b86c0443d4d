import type { DocumentSnapshot, SnapshotBlock, SnapshotTable } from "../model/snapshot";

/** What the scan loads of each table in `body.tables`. */
export interface LoadedTable {
  values: string[][];
  nestingLevel: number;
}

/** What the scan loads of each paragraph in `body.paragraphs`. */
export interface LoadedParagraph {
  text: string;
  tableNestingLevel: number;
}

/**
 * Splits one `Table.values` entry into the cell's paragraphs. Word's separator between a cell's
 * paragraphs is undocumented, so accept every line-ending Word is known to use (and \v, its
 * manual line break).
 */
export function splitCellValue(value: string): string[] {
  return value.split(/\r\n|\r|\n|\v/);
}

function paragraphCount(t: LoadedTable): number {
  return t.values.reduce((sum, row) => sum + row.reduce((n, value) => n + splitCellValue(value).length, 0), 0);
}

/**
 * How many top-level tables, from `from` on, a run of `runLength` in-table paragraphs belongs to.
 * Normally one. Several only when their paragraph counts add up exactly to the run: tables that
 * touch with no paragraph between them, which Word normally joins into one (UNCONFIRMED).
 */
function tablesInRun(tables: LoadedTable[], from: number, runLength: number): number {
  if (from >= tables.length) return 0;
  let total = 0;
  for (let k = from; k < tables.length; k++) {
    total += paragraphCount(tables[k]!);
    if (total === runLength) return k - from + 1;
    if (total > runLength) break;
  }
  return 1;
}

function tableBlock(t: LoadedTable, index: number): SnapshotTable {
  return {
    kind: "table",
    index,
    rows: t.values.map((row, rowIndex) => ({
      cells: row.map((value, cell) => ({
        paragraphs: splitCellValue(value),
        location: { kind: "cell", table: index, row: rowIndex, cell },
      })),
    })),
  };
}

/**
 * Builds the snapshot from what one sync loaded: `body.tables` (values, nestingLevel) and
 * `body.paragraphs` (text, tableNestingLevel), both in document order. Body paragraphs
 * (tableNestingLevel 0) keep their index in body.paragraphs as their location; each run of in-table
 * paragraphs is the next top-level table. Paragraph indices advance by the run's actual length,
 * not by what the table's values split into, so a separator Word writes differently than expected
 * can make a cell's paragraphs wrong but never shifts a later location.
 */
export function snapshotFromWord(tables: readonly LoadedTable[], paragraphs: readonly LoadedParagraph[]): DocumentSnapshot {
  return { blocks: interleave(tables, paragraphs).blocks };
}

/**
 * Where each top-level table's paragraphs start in `body.paragraphs`, as snapshotFromWord places
 * the tables (undefined for a table it found no paragraphs for).
 */
export function tableStarts(tables: readonly LoadedTable[], paragraphs: readonly LoadedParagraph[]): (number | undefined)[] {
  return interleave(tables, paragraphs).starts;
}

function interleave(tables: readonly LoadedTable[], paragraphs: readonly LoadedParagraph[]): { blocks: SnapshotBlock[]; starts: (number | undefined)[] } {
  const topLevel = tables.filter((t) => t.nestingLevel === 1);
  const starts: (number | undefined)[] = [];
  const blocks: SnapshotBlock[] = [];
  let nextTable = 0;
  const pushParagraph = (index: number): void => {
    blocks.push({ kind: "paragraph", text: paragraphs[index]!.text, location: { kind: "paragraph", paragraph: index } });
  };

  let i = 0;
  while (i < paragraphs.length) {
    if (paragraphs[i]!.tableNestingLevel === 0) {
      pushParagraph(i++);
      continue;
    }
    let end = i;
    while (end < paragraphs.length && paragraphs[end]!.tableNestingLevel > 0) end++;
    const count = tablesInRun(topLevel, nextTable, end - i);
    if (count === 0) {
      // More table runs than tables: keep the text, as paragraphs, rather than lose it.
      for (let k = i; k < end; k++) pushParagraph(k);
    }
    let start = i;
    for (let k = 0; k < count; k++, nextTable++) {
      starts[nextTable] = start;
      start += paragraphCount(topLevel[nextTable]!);
      blocks.push(tableBlock(topLevel[nextTable]!, nextTable));
    }
    i = end;
  }
  // Tables with no paragraphs of their own cannot happen in Word; keep them reachable if they do.
  for (; nextTable < topLevel.length; nextTable++) blocks.push(tableBlock(topLevel[nextTable]!, nextTable));
  return { blocks, starts };
}
