import type { DocumentSnapshot, SnapshotBlock, SnapshotTable } from "./snapshot";
import type { NewCell, Plan, Write } from "./plan";
import { GRADE_PLACEHOLDER } from "./plan";
import { insertAll } from "./arrays";

/** A table or paragraph while a plan is applied: plain paragraphs, renumbered at the end. */
type Draft =
  /** `was`: the paragraph's index in the snapshot (absent for a new one). */
  | { kind: "paragraph"; text: string; was?: number }
  /** `was`: how many paragraphs the table held in the snapshot (absent for a new one). */
  | { kind: "table"; rows: string[][][]; was?: number };

function paragraphCount(rows: readonly (readonly (readonly string[])[])[]): number {
  let n = 0;
  for (const row of rows) for (const cell of row) n += Math.max(1, cell.length);
  return n;
}

/** The paragraphs a new cell holds: its text, after our dropdown's placeholder when it has one. */
export function newCellParagraphs(cell: NewCell): string[] {
  return [cell.dropdown ? `${GRADE_PLACEHOLDER}${cell.text === "" ? "" : ` ${cell.text}`}` : cell.text];
}

/**
 * What the document holds after the plan, as a scan would read it: tables, rows and paragraphs
 * renumbered as Word (and the .docx reader) number them. A new cell with a dropdown reads as the
 * dropdown's placeholder; formatting (bold) and comments do not show in a snapshot. The plan is
 * taken as applicable: its expectations are not checked here.
 */
export function applyPlanToSnapshot(snapshot: DocumentSnapshot, plan: Plan): DocumentSnapshot {
  const drafts: Draft[] = snapshot.blocks.map((block): Draft =>
    block.kind === "paragraph"
      ? { kind: "paragraph", text: block.text, was: block.location.paragraph }
      : {
          kind: "table",
          rows: block.rows.map((row) => row.cells.map((cell) => [...cell.paragraphs])),
          was: paragraphCount(block.rows.map((row) => row.cells.map((cell) => cell.paragraphs))),
        },
  );
  // Writes name tables and paragraphs as the snapshot numbered them.
  const tables: Draft[] = [];
  const paragraphs = new Map<number, Draft>();
  snapshot.blocks.forEach((block, i) => {
    if (block.kind === "table") tables[block.index] = drafts[i];
    else paragraphs.set(block.location.paragraph, drafts[i]);
  });
  for (const write of plan.writes) applyWrite(write, drafts, tables, paragraphs);
  const after = renumber(drafts);
  if (snapshot.trackingChanges !== undefined) after.trackingChanges = snapshot.trackingChanges;
  return after;
}

function tableRows(draft: Draft | undefined): string[][][] {
  if (!draft || draft.kind !== "table") throw new Error("The plan names a table the snapshot does not have.");
  return draft.rows;
}

function applyWrite(write: Write, drafts: Draft[], tables: Draft[], paragraphs: Map<number, Draft>): void {
  switch (write.kind) {
    case "insert-rows": {
      const rows = tableRows(tables[write.table]);
      insertAll(rows, write.afterRow + 1, write.rows.map((row) => row.cells.map(newCellParagraphs)));
      return;
    }
    case "delete-rows":
      tableRows(tables[write.table]).splice(write.row, write.count);
      return;
    case "set-grade": {
      const cell = tableRows(tables[write.location.table])[write.location.row]?.[write.location.cell];
      if (!cell) throw new Error("The plan names a cell the snapshot does not have.");
      if (write.dropdown) {
        // The control shows its placeholder, or (chosen before) one of its items, at the start of its paragraph.
        const starting = (texts: readonly string[]) => {
          for (const [index, p] of cell.entries()) {
            const was = texts.find((text) => p.trimStart().startsWith(text));
            if (was !== undefined) return { index, was };
          }
          return undefined;
        };
        const found = starting([GRADE_PLACEHOLDER]) ?? starting(write.items ?? []);
        if (found) {
          const p = cell[found.index];
          const at = p.indexOf(found.was);
          cell[found.index] = p.slice(0, at) + write.text + p.slice(at + found.was.length);
        }
      } else if (write.replace) {
        const { paragraph, offset, find } = write.replace;
        const p = cell[paragraph] ?? "";
        cell[paragraph] = p.slice(0, offset) + write.text + p.slice(offset + find.length);
      } else {
        const first = cell[0] ?? "";
        cell[0] = first === "" ? write.text : `${write.text} ${first}`;
      }
      return;
    }
    case "insert-summary": {
      const table: Draft = { kind: "table", rows: write.rows.map((row) => row.map((text) => [text])) };
      const at = write.place.kind === "end" ? drafts.length : drafts.indexOf(paragraphs.get(write.place.paragraph)!) + 1;
      if (at <= 0) throw new Error("The plan names a paragraph the snapshot does not have.");
      const next = drafts[at];
      const after: Draft[] = next === undefined || next.kind === "table" ? [table, { kind: "paragraph", text: "" }] : [table];
      // At the end of a body that ends with a table, an empty paragraph keeps the two apart (Word would merge them).
      const before: Draft[] = write.place.kind === "end" && drafts[at - 1]?.kind === "table" ? [{ kind: "paragraph", text: "" }] : [];
      insertAll(drafts, at, before.concat(after));
      return;
    }
    case "replace-summary": {
      const rows = tableRows(tables[write.table]);
      rows.length = 0;
      for (const row of write.rows) rows.push(row.map((text) => [text]));
      return;
    }
    case "replace-text": {
      if (write.location.kind === "paragraph") {
        const draft = paragraphs.get(write.location.paragraph);
        if (!draft || draft.kind !== "paragraph") throw new Error("The plan names a paragraph the snapshot does not have.");
        draft.text = write.text;
        return;
      }
      const cell = tableRows(tables[write.location.table])[write.location.row]?.[write.location.cell];
      if (!cell || write.paragraph >= cell.length) throw new Error("The plan names a paragraph the snapshot does not have.");
      cell[write.paragraph] = write.text;
      return;
    }
    case "add-comment":
    case "remove-comments":
      return;
  }
}

/**
 * Locations afresh. A paragraph the snapshot had moves by the paragraphs added and removed before
 * it (so a snapshot whose tables Word counted differently keeps its numbering); a new one takes the
 * next index.
 */
function renumber(drafts: Draft[]): DocumentSnapshot {
  const blocks: SnapshotBlock[] = [];
  let next = 0;
  let shift = 0;
  let tableIndex = 0;
  for (const draft of drafts) {
    if (draft.kind === "paragraph") {
      const at = draft.was === undefined ? next : draft.was + shift;
      if (draft.was === undefined) shift++;
      blocks.push({ kind: "paragraph", text: draft.text, location: { kind: "paragraph", paragraph: at } });
      next = at + 1;
      continue;
    }
    const index = tableIndex++;
    const count = paragraphCount(draft.rows);
    shift += count - (draft.was ?? 0);
    next += count;
    const table: SnapshotTable = {
      kind: "table",
      index,
      rows: draft.rows.map((row, r) => ({
        cells: row.map((paragraphs, c) => ({ paragraphs, location: { kind: "cell", table: index, row: r, cell: c } })),
      })),
    };
    blocks.push(table);
  }
  return { blocks };
}
