import type { DocumentSnapshot, SnapshotCell } from "./snapshot";
import type { PlanResult, Write } from "./plan";
import { GRADE_PLACEHOLDER } from "./plan";
import { GRADES, type Grade } from "./types";
import { parse } from "./parse";
import { cellAt, cellLocation, findRecommendation, rowAt, shapeExpectations, tablesOf, textAt } from "./edit-locate";
import { COLUMN_LAYOUT, NOT_MONITORING } from "./edit-add-round";
import { gradeWording } from "./grade-wording";
import { contentParagraphs, hasContent } from "./text";

export interface SetGradeIntent {
  recommendation: string;
  /** Index in the recommendation's rounds. */
  round: number;
  grade: Grade;
}

/** Word's search takes at most 255 characters, and "^" starts a special character there. */
const MAX_FIND = 255;

/**
 * Writes a grade, as the document's key words it, into a round's Assessment cell: at the start of
 * the cell, keeping every character already there, or in place of exactly the grade the engine read.
 * An unchosen grade dropdown in the cell is chosen instead.
 */
export function planSetGrade(snapshot: DocumentSnapshot, intent: SetGradeIntent): PlanResult {
  if (!GRADES.includes(intent.grade)) return { ok: false, reason: `${String(intent.grade)} is not a grade on the 1–4 scale.` };
  const document = parse(snapshot);
  if (document.recommendations.length === 0) return { ok: false, reason: NOT_MONITORING };
  if (document.layout === "columns") return { ok: false, reason: COLUMN_LAYOUT };
  const recommendation = findRecommendation(document, intent.recommendation);
  if (!recommendation) return { ok: false, reason: `This document has no Recommendation ${intent.recommendation}.` };
  const round = recommendation.rounds[intent.round];
  const subject = `Recommendation ${recommendation.number}${round ? ` (${round.label})` : ""}`;
  if (!round) return { ok: false, reason: `Recommendation ${recommendation.number} has no such update.` };
  const assessment = round.assessment;
  if (!assessment) return { ok: false, reason: `${subject} has no Assessment of Progress row to put a grade in.` };
  const labelAt = assessment.labelLocation;
  if (!labelAt || labelAt.kind !== "cell" || assessment.location.kind !== "cell") {
    return { ok: false, reason: `${subject}: the Assessment of Progress is not in a table cell of its own, so the grade cannot be placed exactly. Type it in Word.` };
  }
  if (assessment.location.table === labelAt.table && assessment.location.row === labelAt.row && assessment.location.cell === labelAt.cell) {
    return { ok: false, reason: `${subject}: the assessment shares its cell with the label, so the grade cannot be placed exactly. Type it in Word.` };
  }
  const wording = gradeWording(document);
  const text = wording[intent.grade];
  if (assessment.grade === intent.grade) return { ok: false, reason: `${subject} is already graded ${text}.` };

  const tables = tablesOf(snapshot);
  const labelRow = rowAt(tables, labelAt.table, labelAt.row);
  const dropdownCell = labelRow?.cells.slice(1).find((c) => startsWithPlaceholder(c));
  let write: Write;
  if (dropdownCell) {
    write = {
      kind: "set-grade",
      location: cellLocation(dropdownCell.location),
      grade: intent.grade,
      text,
      replace: null,
      dropdown: true,
      items: GRADES.map((g) => wording[g]),
    };
  } else if (assessment.grade === null) {
    write = { kind: "set-grade", location: cellLocation(assessment.location), grade: intent.grade, text, replace: null, dropdown: false };
  } else {
    const cell = cellAt(tables, assessment.location);
    const at = assessment.gradeAt;
    const found = cell && at ? locateInCell(cell, assessment.text.slice(at.offset, at.offset + at.length), at.offset) : null;
    if (!found) {
      return { ok: false, reason: `${subject}: the grade written there could not be located exactly in its cell, so it was not changed. Change it in Word.` };
    }
    write = { kind: "set-grade", location: cellLocation(assessment.location), grade: intent.grade, text, replace: found, dropdown: false };
  }
  const target = write.location;
  const expectation = textAt(snapshot, tables, target);
  return {
    ok: true,
    plan: {
      kind: "set-grade",
      expect: [...shapeExpectations(tables, [target.table]), ...(expectation ? [expectation] : [])],
      writes: [write],
      description: `Sets the grade of ${subject} to ${text}.`,
      skipped: [],
    },
  };
}

function startsWithPlaceholder(cell: SnapshotCell): boolean {
  const first = cell.paragraphs.find(hasContent);
  return first !== undefined && first.trimStart().startsWith(GRADE_PLACEHOLDER);
}

/**
 * The grade phrase `find`, which starts at `offset` in the assessment's text, as a place in the
 * cell: its paragraph and offset there. The assessment's text is the cell's paragraphs with text,
 * joined by "\n" and trimmed; a grade in a later cell or row (a continuation) is not located. The
 * phrase must also be the first of its kind in its paragraph, as Word finds it by searching.
 */
export function locateInCell(
  cell: SnapshotCell,
  find: string,
  offset: number,
): { paragraph: number; offset: number; find: string } | null {
  if (find === "" || find.length > MAX_FIND || find.includes("^")) return null;
  const content = contentParagraphs(cell.paragraphs);
  const joined = content.join("\n");
  let at = offset + (joined.length - joined.trimStart().length);
  let index = 0;
  for (const p of content) {
    // Each paragraph with text, in order, from its place in the cell.
    while (index < cell.paragraphs.length && cell.paragraphs[index] !== p) index++;
    if (at + find.length <= p.length) {
      if (at < 0 || p.slice(at, at + find.length) !== find || p.indexOf(find) !== at) return null;
      return { paragraph: index, offset: at, find };
    }
    at -= p.length + 1;
    index++;
  }
  return null;
}
