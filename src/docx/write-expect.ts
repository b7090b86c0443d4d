import type { Expectation } from "../model/plan";
import type { DocumentSnapshot, Location, SnapshotTable } from "../model/snapshot";

/** The first of the plan's expectations the snapshot does not meet, in words, or undefined when all hold. */
export function unmetExpectation(snapshot: DocumentSnapshot, expectations: readonly Expectation[]): string | undefined {
  const tables: SnapshotTable[] = [];
  const paragraphs = new Map<number, string>();
  for (const block of snapshot.blocks) {
    if (block.kind === "table") tables[block.index] = block;
    else paragraphs.set(block.location.paragraph, block.text);
  }
  const paragraphsAt = (location: Location): readonly string[] | undefined => {
    if (location.kind === "cell") return tables[location.table]?.rows[location.row]?.cells[location.cell]?.paragraphs;
    const text = paragraphs.get(location.paragraph);
    return text === undefined ? undefined : [text];
  };
  const tableCount = snapshot.blocks.filter((block) => block.kind === "table").length;
  for (const expectation of expectations) {
    switch (expectation.kind) {
      case "table-count":
        if (tableCount !== expectation.count) return `it has ${tableCount} tables where ${expectation.count} were expected`;
        break;
      case "row-count": {
        const rows = tables[expectation.table]?.rows.length;
        if (rows !== expectation.rowCount) return `table ${expectation.table + 1} no longer has ${expectation.rowCount} rows`;
        break;
      }
      case "text": {
        const found = paragraphsAt(expectation.location);
        const same =
          found !== undefined &&
          found.length === expectation.paragraphs.length &&
          found.every((text, index) => text === expectation.paragraphs[index]);
        if (!same) return `${describe(expectation.location)} no longer holds what it held`;
        break;
      }
      case "paragraph-text": {
        const found = paragraphsAt(expectation.location)?.[expectation.paragraph];
        if (found !== expectation.text) return `${describe(expectation.location)} no longer holds what it held`;
        break;
      }
    }
  }
  return undefined;
}

function describe(location: Location): string {
  return location.kind === "paragraph"
    ? `paragraph ${location.paragraph + 1}`
    : `table ${location.table + 1}, row ${location.row + 1}, cell ${location.cell + 1}`;
}

/** Whether two snapshots hold the same text at the same places. */
export function sameSnapshot(a: DocumentSnapshot, b: DocumentSnapshot): boolean {
  if (a.blocks.length !== b.blocks.length) return false;
  return a.blocks.every((block, index) => {
    const other = b.blocks[index];
    if (block.kind === "paragraph") {
      return other.kind === "paragraph" && other.text === block.text && other.location.paragraph === block.location.paragraph;
    }
    return (
      other.kind === "table" &&
      other.index === block.index &&
      other.rows.length === block.rows.length &&
      block.rows.every((row, r) => {
        const cells = other.rows[r].cells;
        return (
          cells.length === row.cells.length &&
          row.cells.every((cell, c) => {
            const paragraphs = cells[c].paragraphs;
            const { location } = cells[c];
            return (
              paragraphs.length === cell.paragraphs.length &&
              paragraphs.every((text, p) => text === cell.paragraphs[p]) &&
              location.table === cell.location.table &&
              location.row === cell.location.row &&
              location.cell === cell.location.cell
            );
          })
        );
      })
    );
  });
}
