/**
 * Run by snapshot-arrays.test.ts with `node --allow-natives-syntax`: reads the document.xml given on
 * stdin and has V8 print every array of the snapshot (blocks, each table's rows, each row's cells,
 * each cell's paragraphs, in document order), its length and the capacity of its backing store.
 */
import { readFileSync } from "fs";
import { runInThisContext } from "vm";
import { snapshotFromDocumentXml } from "../../src/docx/ooxml";

// A V8 intrinsic, which only a script compiled with --allow-natives-syntax may call.
const debugPrint = runInThisContext("(value) => %DebugPrint(value)") as (value: unknown) => void;
const snapshot = snapshotFromDocumentXml(readFileSync(0));
debugPrint(snapshot.blocks);
for (const block of snapshot.blocks) {
  if (block.kind !== "table") continue;
  debugPrint(block.rows);
  for (const row of block.rows) {
    debugPrint(row.cells);
    for (const cell of row.cells) debugPrint(cell.paragraphs);
  }
}
