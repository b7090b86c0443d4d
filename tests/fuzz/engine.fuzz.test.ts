/**
 * Any snapshot, generated or a mutation of the real documents (rows dropped, duplicated, shuffled,
 * cells emptied, labels mangled, huge cells, deep nesting): analyse never throws, every recommendation
 * has a number, the totals add up, and every finding has a message and a location that exists (or
 * null: the start of the document).
 */
import fc from "fast-check";
import { analyse } from "../../src/model";
import type { DocumentSnapshot, Location, SnapshotBlock } from "../../src/model/snapshot";
import { realSnapshot } from "../helpers/text-snapshot";
import { TEST_TIMEOUT_MS, fuzzParameters, uniformFraction } from "./settings";

jest.setTimeout(TEST_TIMEOUT_MS);

const LABELS = [
  "Recommendation 1:", "Recommendation:", "Rec 2 –", "Evidence of Progress (July 21):", "Assessment of Progress (July 21):",
  "Evidence of Impact (July 21):", "Evidence of Progress:", "Responsibility:", "Target Date:", "Agreed Action:",
  "Success Measure:", "Scrutiny Review:", "Link Officer/s:", "Action Plan Agreed:", "Progress Gradings:", "(February 2023):",
];
const TEXTS = ["", " ", "2. On track", "Grade" + " ".repeat(300), "Fully Achieved", "TBC", "(July 21)".repeat(50), "x".repeat(5000), "1", "–"];
const text = fc.oneof(fc.constantFrom(...LABELS, ...TEXTS), fc.string({ maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 20 }));

/** Plain tables and paragraphs, locations assigned as the readers assign them. */
const plainBlocks = fc.array(
  fc.oneof(
    text.map((t) => ({ kind: "paragraph" as const, text: t })),
    fc.array(fc.array(fc.array(text, { maxLength: 3 }), { maxLength: 4 }), { maxLength: 12 }).map((rows) => ({ kind: "table" as const, rows })),
  ),
  { maxLength: 25 },
);

type Plain = { kind: "paragraph"; text: string } | { kind: "table"; rows: string[][][] };

function snapshotOf(plain: readonly Plain[]): DocumentSnapshot {
  let paragraph = 0;
  let table = 0;
  const blocks: SnapshotBlock[] = plain.map((block) => {
    if (block.kind === "paragraph") return { kind: "paragraph", text: block.text, location: { kind: "paragraph", paragraph: paragraph++ } };
    const index = table++;
    return {
      kind: "table",
      index,
      rows: block.rows.map((cells, row) => ({
        cells: cells.map((paragraphs, cell) => {
          paragraph += paragraphs.length;
          return { paragraphs, location: { kind: "cell" as const, table: index, row, cell } };
        }),
      })),
    };
  });
  return { blocks };
}

function plainOf(snapshot: DocumentSnapshot): Plain[] {
  return snapshot.blocks.map((block) =>
    block.kind === "paragraph" ? { kind: "paragraph", text: block.text } : { kind: "table", rows: block.rows.map((row) => row.cells.map((cell) => [...cell.paragraphs])) },
  );
}

function exists(snapshot: DocumentSnapshot, location: Location): boolean {
  if (location.kind === "paragraph") return Number.isInteger(location.paragraph) && location.paragraph >= 0;
  const table = snapshot.blocks.find((block) => block.kind === "table" && block.index === location.table);
  return table?.kind === "table" && table.rows[location.row]?.cells[location.cell] !== undefined;
}

function holdsTheProperties(snapshot: DocumentSnapshot): void {
  const analysis = analyse(snapshot);
  const recommendations = analysis.document.recommendations;
  for (const recommendation of recommendations) expect(recommendation.number.trim()).not.toBe("");
  const { latest, rounds } = analysis.totals;
  expect(latest[1] + latest[2] + latest[3] + latest[4] + latest.none).toBe(recommendations.length);
  const roundCount = recommendations.reduce((sum, r) => sum + r.rounds.length, 0);
  expect(rounds.reduce((sum, r) => sum + r.counts[1] + r.counts[2] + r.counts[3] + r.counts[4] + r.counts.none, 0)).toBe(roundCount);
  for (const finding of analysis.findings) {
    expect(finding.message.trim()).not.toBe("");
    expect(finding.message).not.toMatch(/ {2}/);
    if (finding.location !== null) expect(exists(snapshot, finding.location)).toBe(true);
  }
}

/** A mutation of a real document: rows dropped, duplicated, moved, cells emptied or enlarged, labels mangled. */
const mutation = fc.record({
  kind: fc.constantFrom("drop", "duplicate", "move", "empty", "huge", "mangle", "nest"),
  at: uniformFraction,
  to: uniformFraction,
  text,
});

/** An index below `length` from a fraction in [0, 1]. */
function pick(fraction: number, length: number): number {
  return Math.min(length - 1, Math.floor(fraction * length));
}

function mutate(plain: Plain[], m: { kind: string; at: number; to: number; text: string }): Plain[] {
  const rows: { block: number; row: number }[] = [];
  plain.forEach((block, b) => block.kind === "table" && block.rows.forEach((_row, r) => rows.push({ block: b, row: r })));
  if (rows.length === 0) return plain;
  const target = rows[pick(m.at, rows.length)];
  const table = plain[target.block] as { kind: "table"; rows: string[][][] };
  const row = table.rows[target.row];
  switch (m.kind) {
    case "drop":
      table.rows.splice(target.row, 1);
      break;
    case "duplicate":
      table.rows.splice(target.row, 0, row.map((cell) => [...cell]));
      break;
    case "move": {
      const other = rows[pick(m.to, rows.length)];
      table.rows.splice(target.row, 1);
      (plain[other.block] as { rows: string[][][] }).rows.splice(other.row, 0, row);
      break;
    }
    case "empty":
      if (row.length > 0) row[pick(m.to, row.length)] = [];
      break;
    case "huge":
      if (row.length > 0) row[row.length - 1] = [m.text.repeat(2000) || "y".repeat(20_000)];
      break;
    case "mangle":
      if (row.length > 0 && row[0].length > 0) row[0][0] = row[0][0].slice(0, Math.floor(m.to * row[0][0].length)) + m.text;
      break;
    default:
      // A nested table's text is flattened into its cell: many paragraphs in one cell.
      if (row.length > 0) row[row.length - 1] = Array.from({ length: 200 }, (_, i) => `${m.text} ${i}`);
  }
  return plain;
}

describe("the engine on any snapshot", () => {
  it("generated snapshots", () => {
    fc.assert(fc.property(plainBlocks, (plain) => holdsTheProperties(snapshotOf(plain))), fuzzParameters(300));
  });

  it.each(["careersProvision", "careLeaversEet"] as const)("mutations of %s", (name) => {
    const real = plainOf(realSnapshot(name));
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        let plain: Plain[] = JSON.parse(JSON.stringify(real)) as Plain[];
        for (const m of mutations) plain = mutate(plain, m);
        holdsTheProperties(snapshotOf(plain));
      }),
      fuzzParameters(150),
    );
  });
});
