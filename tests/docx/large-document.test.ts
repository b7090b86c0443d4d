import { readDocx } from "../../src/docx";
import type { DocumentSnapshot } from "../../src/model/snapshot";
import { docxFromSnapshot } from "../fixtures/docx-builder";
import { largeSnapshot } from "../fixtures/large";

function recommendationNumbers(snapshot: DocumentSnapshot): number[] {
  return snapshot.blocks.flatMap((block) => {
    const texts = block.kind === "paragraph" ? [block.text] : block.rows.map((row) => row.cells[0].paragraphs[0]);
    return texts.flatMap((text) => /^Recommendation (\d+):/.exec(text)?.[1] ?? []).map(Number);
  });
}

// Its reading speed is measured by `npm run bench`, not asserted here.
test("a 100-recommendation document reads back whole", async () => {
  const snapshot = largeSnapshot(100);
  expect(recommendationNumbers(snapshot)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
  const bytes = await docxFromSnapshot(snapshot);
  expect(await readDocx(bytes)).toEqual(snapshot);
}, 60_000);
