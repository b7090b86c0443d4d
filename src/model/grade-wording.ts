import type { DocumentSnapshot } from "./snapshot";
import { GRADES, GRADE_NAMES, type Grade, type MonitoringDocument } from "./types";
import { isGradeKeyCell, readAssessment } from "./grades";
import { tablesOf } from "./edit-locate";

/**
 * The four grades as the document's key words them, "1. Fully Achieved" … "4. Not Achieved": the
 * key's own spelling of each name when the key is a table with the names in a row (as in the
 * template), else the council's standard names.
 */
export function gradeWording(snapshot: DocumentSnapshot, document: MonitoringDocument): Record<Grade, string> {
  const names: Record<Grade, string> = { ...GRADE_NAMES };
  const key = document.gradingKey;
  if (key && key.kind === "cell") {
    const table = tablesOf(snapshot)[key.table];
    const rows = table ? table.rows.slice(key.row, key.row + 3) : [];
    for (const row of rows) {
      for (const cell of row.cells) {
        const text = cell.paragraphs.join(" ").trim();
        if (/^\d$/.test(text) || !isGradeKeyCell(text)) continue;
        const grade = readAssessment(text).grade;
        if (grade !== null) names[grade] = text.replace(/\s+/g, " ");
      }
    }
  }
  const out = {} as Record<Grade, string>;
  for (const grade of GRADES) out[grade] = `${grade}. ${names[grade]}`;
  return out;
}
