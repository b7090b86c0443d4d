import type { DocumentSnapshot, Location } from "./snapshot";
import type { Expectation, GradeDropdown, NewCell, NewRow, PlanResult, Write } from "./plan";
import { GRADE_DROPDOWN_TAG, GRADE_PLACEHOLDER } from "./plan";
import type { Month, MonitoringDocument, Recommendation } from "./types";
import { GRADES } from "./types";
import { formatMonth, parseMonth } from "./dates";
import { classifyLabel } from "./labels";
import { parse } from "./parse";
import { bottomUp, findRecommendation, rowAt, shapeExpectations, tablesOf, textAt } from "./edit-locate";
import { gradeWording } from "./grade-wording";

export interface AddRoundIntent {
  /** "YYYY-MM". */
  month: Month;
  recommendations: "all" | string[];
  /** The host supports grade dropdowns (WordApi 1.9): the Assessment value cell starts with one. */
  dropdowns: boolean;
  /** "YYYY-MM-DD": months more than two years after it are refused. */
  today: string;
}

/** The three rows of a round, in order, as the template words their labels. */
export const ROUND_PARTS = ["evidence", "assessment", "impact"] as const;
export type RoundPartName = (typeof ROUND_PARTS)[number];

const TEMPLATE_WORDS: Record<RoundPartName, string> = {
  evidence: "Evidence of Progress",
  assessment: "Assessment of Progress",
  impact: "Evidence of Impact",
};

/** Earliest month an update can be added for, and how far ahead of today. */
const FIRST_YEAR = 2000;
const MONTHS_AHEAD = 24;

export const NOT_MONITORING =
  "This does not look like a Scrutiny Monitoring progress update: no recommendations were found in it.";
export const COLUMN_LAYOUT =
  "This document lists one recommendation per table row (the older column layout), so a new update cannot be added as rows. Add the update by hand, or move the document onto the current template.";

/**
 * The round labels for a month, with the document's own capitalisation of the label words where it
 * already uses them ("Evidence of progress" stays so), else the template's.
 */
export function roundLabels(document: MonitoringDocument, month: Month): Record<RoundPartName, string> {
  const date = formatMonth(month);
  const words = { ...TEMPLATE_WORDS };
  for (const part of ROUND_PARTS) {
    const written = latestLabel(document, part);
    const match = written ? classifyLabel(written) : null;
    if (!written || !match) continue;
    const own = written.slice(0, match.words).replace(/\s+/g, " ");
    if (own.toLowerCase() === TEMPLATE_WORDS[part].toLowerCase()) words[part] = own;
  }
  return {
    evidence: `${words.evidence} (${date}):`,
    assessment: `${words.assessment} (${date}): (include explanation if required)`,
    impact: `${words.impact} (${date}):`,
  };
}

function latestLabel(document: MonitoringDocument, part: RoundPartName): string | null {
  const recommendations = document.recommendations;
  for (let r = recommendations.length - 1; r >= 0; r--) {
    const rounds = recommendations[r].rounds;
    for (let i = rounds.length - 1; i >= 0; i--) {
      const label = rounds[i][part]?.label;
      if (label) return label;
    }
  }
  return null;
}

/** Why a month cannot take an update, or null when it can. */
export function monthProblem(month: Month, today: string): string | null {
  if (!/^\d{4}-\d{2}$/.test(month) || parseMonth(formatMonth(month)) !== month) {
    return `"${month}" is not a month: choose a month and a year.`;
  }
  const todayMonth = /^(\d{4})-(\d{2})-\d{2}$/.exec(today);
  const year = Number(month.slice(0, 4));
  const ordinal = year * 12 + Number(month.slice(5, 7)) - 1;
  if (year < FIRST_YEAR) return `${formatMonth(month)} is too long ago for a progress update.`;
  if (todayMonth) {
    const now = Number(todayMonth[1]) * 12 + Number(todayMonth[2]) - 1;
    if (ordinal > now + MONTHS_AHEAD) return `${formatMonth(month)} is more than two years ahead: choose a nearer month.`;
  }
  return null;
}

/** The recommendations an intent names, or why it cannot be done. */
export function recommendationsInScope(
  document: MonitoringDocument,
  scope: "all" | string[],
): { ok: true; recommendations: Recommendation[] } | { ok: false; reason: string } {
  if (scope === "all") {
    return document.recommendations.length > 0
      ? { ok: true, recommendations: document.recommendations }
      : { ok: false, reason: NOT_MONITORING };
  }
  if (scope.length === 0) return { ok: false, reason: "No recommendation was chosen: put the cursor in one, or choose all." };
  const out: Recommendation[] = [];
  for (const number of scope) {
    const found = findRecommendation(document, number);
    if (!found) return { ok: false, reason: `This document has no Recommendation ${number}.` };
    if (!out.includes(found)) out.push(found);
  }
  return { ok: true, recommendations: out };
}

/** Where a recommendation's new round goes: after its latest round's last row, or after its own fields. */
export function roundAnchor(recommendation: Recommendation): Location | null {
  const last = recommendation.rounds[recommendation.rounds.length - 1];
  if (last) return last.end ?? null;
  return recommendation.fieldsEnd ?? null;
}

/** The unchosen grade dropdown for an Assessment cell. */
export function gradeDropdown(items: string[]): GradeDropdown {
  return { tag: GRADE_DROPDOWN_TAG, title: "Grade", placeholder: GRADE_PLACEHOLDER, items };
}

/**
 * Adds a dated progress update (three rows) to each recommendation in scope, straight after its
 * latest round (after its Agreed Success Measure when it has none). Recommendations that already
 * have a round in that month are skipped, and so are those not laid out as table rows; the user is
 * told which.
 */
export function planAddRound(snapshot: DocumentSnapshot, intent: AddRoundIntent): PlanResult {
  const problem = monthProblem(intent.month, intent.today);
  if (problem) return { ok: false, reason: problem };
  const document = parse(snapshot);
  if (document.recommendations.length === 0) return { ok: false, reason: NOT_MONITORING };
  if (document.layout === "columns") return { ok: false, reason: COLUMN_LAYOUT };
  const scope = recommendationsInScope(document, intent.recommendations);
  if (!scope.ok) return scope;

  const date = formatMonth(intent.month);
  const labels = roundLabels(document, intent.month);
  const wording = gradeWording(document);
  const dropdown = intent.dropdowns ? gradeDropdown(GRADES.map((g) => wording[g])) : null;
  const tables = tablesOf(snapshot);
  const skipped: { recommendation: string; reason: string }[] = [];
  const inserts: { table: number; row: number; rows: NewRow[]; recommendation: string }[] = [];
  const texts: Expectation[] = [];

  for (const recommendation of scope.recommendations) {
    const name = recommendation.number;
    if (recommendation.rounds.some((round) => round.month === intent.month)) {
      skipped.push({ recommendation: name, reason: `already has a ${date} update` });
      continue;
    }
    const anchor = roundAnchor(recommendation);
    const template = anchor?.kind === "cell" ? rowAt(tables, anchor.table, anchor.row) : null;
    if (!anchor || anchor.kind !== "cell" || !template) {
      skipped.push({ recommendation: name, reason: "is not laid out as table rows, so an update cannot be added as rows" });
      continue;
    }
    if (template.cells.length < 2) {
      skipped.push({ recommendation: name, reason: "its last row has a single cell, with no room for a label and a value" });
      continue;
    }
    const width = template.cells.length;
    const rows = ROUND_PARTS.map((part): NewRow => ({
      cells: Array.from({ length: width }, (_, c): NewCell => {
        if (c === 0) return { text: labels[part], bold: true };
        const cell: NewCell = { text: "", bold: false };
        if (c === 1 && part === "assessment" && dropdown) cell.dropdown = dropdown;
        return cell;
      }),
    }));
    inserts.push({ table: anchor.table, row: anchor.row, rows, recommendation: name });
    for (const c of template.cells) {
      const expectation = textAt(snapshot, tables, c.location);
      if (expectation) texts.push(expectation);
    }
  }

  if (inserts.length === 0) {
    const why = skipped.map((s) => `Recommendation ${s.recommendation} ${s.reason}`).join("; ");
    return { ok: false, reason: `Nothing to add: ${why}.` };
  }
  const added = inserts.map((i) => i.recommendation);
  const writes: Write[] = bottomUp(inserts).map((i) => ({ kind: "insert-rows", table: i.table, afterRow: i.row, rows: i.rows }));
  return {
    ok: true,
    plan: {
      kind: "add-round",
      expect: [...shapeExpectations(tables, inserts.map((i) => i.table)), ...texts],
      writes,
      description: `Adds a ${date} update to ${count(added.length, "recommendation")} (3 rows each).`,
      skipped,
      round: { month: intent.month, recommendations: added },
    },
  };
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** What the pane keeps in the document's settings about the last Add, so Remove survives closing the pane. */
export interface AddedRoundRecord {
  month: Month;
  recommendations: string[];
  /** When it was added, as an ISO date-time. */
  addedAt: string;
}

export const ADDED_ROUND_SETTING = "scrutiny-monitoring:last-added-update";

export function addedRoundRecord(plan: { round?: { month: Month; recommendations: string[] } }, now: Date): AddedRoundRecord | null {
  return plan.round ? { month: plan.round.month, recommendations: [...plan.round.recommendations], addedAt: now.toISOString() } : null;
}

/** A saved record read back from the settings, or null when it is not one. */
export function readAddedRoundRecord(value: unknown): AddedRoundRecord | null {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  const { month, recommendations, addedAt } = record;
  if (typeof month !== "string" || !/^\d{4}-\d{2}$/.test(month) || typeof addedAt !== "string") return null;
  if (!Array.isArray(recommendations) || !recommendations.every((r) => typeof r === "string")) return null;
  return { month, recommendations: [...(recommendations as string[])], addedAt };
}
