import { readFileSync } from "fs";
import { join } from "path";
import type { DocumentSnapshot, SnapshotBlock, SnapshotRow } from "../../src/model/snapshot";

/** The two real monitoring documents, as text taken from Word (a tab separates table cells). */
export const REAL_DOCUMENTS = {
  careersProvision: join(__dirname, "../fixtures/text/careers-provision.txt"),
  careLeaversEet: join(__dirname, "../fixtures/text/care-leavers-eet.txt"),
} as const;

export function readRealDocument(name: keyof typeof REAL_DOCUMENTS): string {
  return readFileSync(REAL_DOCUMENTS[name], "utf8");
}

/**
 * Turns text taken from Word into a snapshot, as Word would give it: a line with a tab is a
 * table row (consecutive rows form one table), any other line is a paragraph (a blank line is an
 * empty paragraph, which ends a table). Each cell holds one paragraph; paragraph locations count
 * every paragraph in document order, those in cells included, as Word's body.paragraphs does.
 * Inline markup left by the extraction (<b>, <u>) is dropped.
 */
export function snapshotFromText(text: string): DocumentSnapshot {
  const blocks: SnapshotBlock[] = [];
  let paragraph = 0;
  let tableIndex = 0;
  let rows: SnapshotRow[] | null = null;
  const lines = text.replace(/\r\n?/g, "\n").replace(/<\/?[bu]>/g, "").split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  for (const line of lines) {
    if (line.includes("\t")) {
      if (!rows) {
        rows = [];
        blocks.push({ kind: "table", index: tableIndex++, rows });
      }
      const row = rows.length;
      rows.push({
        cells: line.split("\t").map((cellText, cell) => {
          paragraph++;
          return { paragraphs: [cellText], location: { kind: "cell", table: tableIndex - 1, row, cell } };
        }),
      });
    } else {
      rows = null;
      blocks.push({ kind: "paragraph", text: line, location: { kind: "paragraph", paragraph: paragraph++ } });
    }
  }
  return { blocks };
}

export function realSnapshot(name: keyof typeof REAL_DOCUMENTS): DocumentSnapshot {
  return snapshotFromText(readRealDocument(name));
}
