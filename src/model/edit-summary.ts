import type { DocumentSnapshot, Location } from "./snapshot";
import type { PlanResult, SummaryPlace } from "./plan";
import { SUMMARY_TITLE_PREFIX } from "./plan";
import { GRADES, type Grade, type GradeCounts, type MonitoringDocument, type Totals } from "./types";
import { parse, isSummaryTable } from "./parse";
import { totals } from "./totals";
import { groupCycles, type CyclePlan } from "./cycles";
import { reviewName } from "./summary";
import { bodyParagraphAt, shapeExpectations, tablesOf, textAt } from "./edit-locate";
import { NOT_MONITORING } from "./edit-add-round";
import { gradeWording } from "./grade-wording";

export interface SummaryIntent {
  place: SummaryPlace;
  /** "YYYY-MM-DD": the date the summary says it was made. */
  today: string;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export const SUMMARY_IN_TABLE =
  "The cursor is in a table: put it in a paragraph (outside any table) to insert the summary there, or insert it at the end.";

/** "2026-12-02" → "2 December 2026"; null when it is not such a date. */
export function formatDay(day: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) return null;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** Where the summary goes for a cursor: after its paragraph; refused in a table; the end when there is no cursor. */
export function summaryPlaceAt(cursor: Location | null): { ok: true; place: SummaryPlace } | { ok: false; reason: string } {
  if (!cursor) return { ok: true, place: { kind: "end" } };
  if (cursor.kind === "cell") return { ok: false, reason: SUMMARY_IN_TABLE };
  return { ok: true, place: { kind: "after-paragraph", paragraph: cursor.paragraph } };
}

/**
 * The summary table's rows, every row as wide: a title row; the grades' names with the latest
 * update's counts and each update's counts under them; each recommendation's grade in each update.
 */
export function summaryRows(
  document: MonitoringDocument,
  cycles: CyclePlan,
  sums: Totals,
  wording: Record<Grade, string>,
  made: string,
): string[][] {
  const review = reviewName(document);
  const title = `${SUMMARY_TITLE_PREFIX} for ${review ?? "this review"}, made on ${made}`;
  const counts = (c: GradeCounts): string[] => [...GRADES.map((g) => String(c[g])), String(c.none)];
  const rows: string[][] = [
    [title],
    ["Update", ...GRADES.map((g) => wording[g]), "No grade"],
    ["Latest update of each recommendation", ...counts(sums.latest)],
    ...sums.rounds.map((round) => [round.label, ...counts(round.counts)]),
    ["Recommendation", ...sums.rounds.map((round) => round.label)],
    ...sums.history.map((history, rec) => {
      // Each round in the column of its update cycle, as the totals count it.
      const cells = sums.rounds.map(() => "");
      history.grades.forEach((entry, round) => {
        const column = cycles.roundCycle[rec]?.[round];
        if (column !== undefined && column >= 0) cells[column] = entry.grade === null ? "No grade" : wording[entry.grade];
      });
      return [`Recommendation ${history.recommendation}`, ...cells];
    }),
  ];
  let width = 0;
  for (const r of rows) width = Math.max(width, r.length);
  return rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => "")]);
}

/**
 * The grade summary for committee: refreshes the summary already in the document (only it), or
 * inserts one at the end or after a body paragraph.
 */
export function planSummary(snapshot: DocumentSnapshot, intent: SummaryIntent): PlanResult {
  const made = formatDay(intent.today);
  if (!made) return { ok: false, reason: `"${intent.today}" is not a date.` };
  const document = parse(snapshot);
  if (document.recommendations.length === 0) return { ok: false, reason: NOT_MONITORING };
  const cycles = groupCycles(document);
  const rows = summaryRows(document, cycles, totals(document, cycles), gradeWording(document), made);
  const tables = tablesOf(snapshot);
  const existing = tables.find((t) => t !== undefined && isSummaryTable(t));
  if (existing) {
    const title = textAt(snapshot, tables, existing.rows[0].cells[0].location);
    return {
      ok: true,
      plan: {
        kind: "summary",
        expect: [...shapeExpectations(tables, [existing.index]), ...(title ? [title] : [])],
        writes: [{ kind: "replace-summary", table: existing.index, rows }],
        description: "Refreshes the grade summary in the document.",
        skipped: [],
      },
    };
  }
  const place = intent.place;
  const expect = shapeExpectations(tables, []);
  if (place.kind === "after-paragraph") {
    const paragraph = bodyParagraphAt(snapshot, place.paragraph);
    if (!paragraph) return { ok: false, reason: SUMMARY_IN_TABLE };
    expect.push({ kind: "text", location: { kind: "paragraph", paragraph: place.paragraph }, paragraphs: [paragraph.text] });
  }
  return {
    ok: true,
    plan: {
      kind: "summary",
      expect,
      writes: [{ kind: "insert-summary", place: place.kind === "end" ? { kind: "end" } : { kind: "after-paragraph", paragraph: place.paragraph }, rows }],
      description: place.kind === "end" ? "Inserts the grade summary at the end of the document." : "Inserts the grade summary after the paragraph at the cursor.",
      skipped: [],
    },
  };
}
