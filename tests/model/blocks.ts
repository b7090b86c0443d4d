/**
 * Snapshots built by hand for the parser's tests, and the layout variations of design.md §2 applied
 * to a real document. Locations are counted as Word counts them.
 */
import type { DocumentSnapshot, SnapshotBlock } from "../../src/model/snapshot";
import type { MonitoringDocument } from "../../src/model/types";

/** A paragraph's text, or a table as rows of cells of paragraphs. */
export type Plain = string | string[][][];

export function snapshotOf(blocks: readonly Plain[]): DocumentSnapshot {
  let paragraph = 0;
  let table = 0;
  const out: SnapshotBlock[] = [];
  for (const block of blocks) {
    if (typeof block === "string") {
      out.push({ kind: "paragraph", text: block, location: { kind: "paragraph", paragraph: paragraph++ } });
      continue;
    }
    const index = table++;
    out.push({
      kind: "table",
      index,
      rows: block.map((cells, row) => ({
        cells: cells.map((paragraphs, cell) => {
          paragraph += paragraphs.length;
          return { paragraphs, location: { kind: "cell", table: index, row, cell } };
        }),
      })),
    });
  }
  return { blocks: out };
}

/** A row from tab-separated text, one paragraph per cell ("¶" splits a cell into paragraphs). */
export function row(text: string): string[][] {
  return text.split("\t").map((cell) => cell.split("¶"));
}

export function table(...rows: string[]): string[][][] {
  return rows.map(row);
}

export function toPlain(snapshot: DocumentSnapshot): Plain[] {
  return snapshot.blocks.map((b) =>
    b.kind === "paragraph" ? b.text : b.rows.map((r) => r.cells.map((c) => [...c.paragraphs])),
  );
}

const HEADING = /^Recommendation\s+\d+:?$/;

/** Every table joined into one; paragraphs between them (headings, noise) become one-cell rows. */
export function oneTable(blocks: readonly Plain[]): Plain[] {
  const rows: string[][][] = [];
  for (const block of blocks) {
    if (typeof block !== "string") rows.push(...block);
    else if (block.trim() !== "") rows.push([[block]]);
  }
  return [rows];
}

/** One table per recommendation (and one for the header), with an empty paragraph between them. */
export function perRecommendationTables(blocks: readonly Plain[]): Plain[] {
  const [rows] = oneTable(blocks) as string[][][][];
  const out: Plain[] = [];
  let current: string[][][] = [];
  for (const r of rows) {
    if (HEADING.test(r[0].join(" ").trim()) && current.length > 0) {
      out.push(current, "");
      current = [];
    }
    current.push(r);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** "Recommendation N:" rows become a bold-less heading paragraph between tables. */
export function headingParagraphs(blocks: readonly Plain[]): Plain[] {
  const out: Plain[] = [];
  for (const block of blocks) {
    if (typeof block === "string") {
      out.push(block);
      continue;
    }
    let current: string[][][] = [];
    for (const r of block) {
      const label = r[0].join(" ").trim();
      if (HEADING.test(label)) {
        if (current.length > 0) out.push(current);
        current = [];
        const text = r
          .slice(1)
          .map((c) => c.join(" "))
          .join(" ")
          .trim();
        out.push(`${label} ${text}`, "--");
      } else {
        current.push(r);
      }
    }
    if (current.length > 0) out.push(current);
  }
  return out;
}

/** A round label cell wraps: "Evidence of Progress" ¶ "(September 2022):". */
export function labelDatesInSecondParagraph(blocks: readonly Plain[]): Plain[] {
  return blocks.map((block) =>
    typeof block === "string"
      ? block
      : block.map((r) => {
          const [label, ...rest] = r;
          const text = label.join(" ");
          const m = /^((?:Evidence|Assessment) of (?:Progress|Impact))\s+(\(.*)$/.exec(text);
          return m ? [[m[1], m[2]], ...rest] : r;
        }),
  );
}

/** What a document says, without where it says it: for comparing layouts of the same document. */
export function content(document: MonitoringDocument): unknown {
  return {
    title: document.title,
    review: document.review?.text,
    linkOfficers: document.linkOfficers?.text,
    actionPlanAgreed: document.actionPlanAgreed?.text,
    keyFound: document.gradingKey !== null,
    unrecognised: document.unrecognised.map((u) => [u.text, u.recommendation]),
    recommendations: document.recommendations.map((r) => ({
      number: r.number,
      text: r.text,
      fields: [r.responsibility, r.targetDate, r.agreedAction, r.successMeasure].map((f) => f?.text ?? null),
      rounds: r.rounds.map((round) => ({
        label: round.label,
        month: round.month,
        months: [round.evidence?.month, round.assessment?.month, round.impact?.month],
        evidence: round.evidence?.text,
        grade: round.assessment?.grade,
        explanation: round.assessment?.explanation,
        impact: round.impact?.text,
        misplaced: round.misplacedGrades.map((m) => [m.part, m.grade]),
      })),
    })),
  };
}
