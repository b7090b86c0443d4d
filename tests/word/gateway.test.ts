import type { DocumentSnapshot, SnapshotBlock, SnapshotRow } from "../../src/model/snapshot";
import { installSimulatedWord, type SimulatedWord } from "../../src/simulated-word";
import { createWordGateway } from "../../src/word/gateway";
import { WordError } from "../../src/word/gateway-types";
import { realSnapshot } from "../helpers/text-snapshot";

/**
 * A monitoring document of `count` recommendations, built here so this test stands alone: a header
 * table, then per recommendation a heading paragraph and a table of labels and rounds, one of whose
 * cells has two paragraphs, then the grading key.
 */
function syntheticSnapshot(count: number): DocumentSnapshot {
  const blocks: SnapshotBlock[] = [];
  let paragraph = 0;
  let tableIndex = 0;
  const addParagraph = (text: string): void => {
    blocks.push({ kind: "paragraph", text, location: { kind: "paragraph", paragraph: paragraph++ } });
  };
  const addTable = (rows: string[][][]): void => {
    const index = tableIndex++;
    const snapshotRows: SnapshotRow[] = rows.map((cells, row) => ({
      cells: cells.map((paragraphs, cell) => {
        paragraph += paragraphs.length;
        return { paragraphs, location: { kind: "cell", table: index, row, cell } };
      }),
    }));
    blocks.push({ kind: "table", index, rows: snapshotRows });
  };
  addParagraph("SCRUTINY MONITORING – PROGRESS UPDATE");
  addTable([
    [["Review:"], ["Scrutiny Review of Synthetic Services"]],
    [["Link Officer/s:"], ["A. Officer"]],
  ]);
  for (let n = 1; n <= count; n++) {
    addParagraph("");
    addTable([
      [[`Recommendation ${n}:`], [`That the council improves service ${n}.`]],
      [["Responsibility:"], ["Service lead"]],
      [["Evidence of Progress (September 2022):"], [`Work began on ${n}.`, "A second paragraph."]],
      [["Assessment of Progress (September 2022): (include explanation if required)"], ["2. On track"]],
      [["Evidence of Impact (September 2022):"], [""]],
    ]);
  }
  addParagraph("");
  addTable([[["Assessment of Progress Gradings:"], ["1 Fully Achieved"], ["2 On-Track"], ["3 Slipped"], ["4 Not Achieved"]]]);
  return { blocks };
}

let word: SimulatedWord | null = null;
afterEach(() => {
  word?.uninstall();
  word = null;
});

function install(snapshot: DocumentSnapshot, requirementSets?: Record<string, string>): SimulatedWord {
  word = installSimulatedWord(snapshot, requirementSets ? { requirementSets } : {});
  return word;
}

describe("scan", () => {
  it.each(["careersProvision", "careLeaversEet"] as const)("reads %s back as its source snapshot in one sync", async (name) => {
    const source = realSnapshot(name);
    const w = install(source);
    const scanned = await createWordGateway().scan();
    expect(scanned).toEqual(source);
    expect(w.syncCount).toBe(1);
    expect(w.runCount).toBe(1);
  });
});
