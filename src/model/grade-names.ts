import { gradeNamesFromKey, keyReader, readOwnGrade, readOwnMisplacedGrade, type KeyRows } from "./grade-key";
import type { MisplacedGrade, MonitoringDocument, Round } from "./types";

/**
 * The document with the names its own key gives the grades, and its grades read again in those
 * names when they differ from the usual ones. The key comes last in a document, after every grade
 * has been read, so this is a second look, and only at documents whose key words the scale its own way.
 */
export function applyGradeNames(document: MonitoringDocument, keyRows: KeyRows): MonitoringDocument {
  if (keyRows.length === 0) return document;
  const gradeNames = gradeNamesFromKey(keyRows);
  const reader = keyReader(gradeNames);
  if (reader.names.length === 0) return { ...document, gradeNames };
  for (const recommendation of document.recommendations) {
    recommendation.rounds = recommendation.rounds.map((round) => reread(round, reader));
  }
  return { ...document, gradeNames };
}

function reread(round: Round, reader: ReturnType<typeof keyReader>): Round {
  let assessment = round.assessment;
  const own = assessment ? readOwnGrade(assessment.text, reader) : null;
  if (assessment && own) {
    // Where the grade phrase is was read for the usual names: unknown when the key's own words read differently.
    const same = own.grade === assessment.grade && own.explanation === assessment.explanation;
    assessment = { ...assessment, grade: own.grade, explanation: own.explanation, gradeAt: same ? assessment.gradeAt : null };
  }
  const misplacedGrades: MisplacedGrade[] = [...round.misplacedGrades];
  for (const part of ["evidence", "impact"] as const) {
    const row = round[part];
    if (!row || misplacedGrades.some((m) => m.part === part)) continue;
    const grade = readOwnMisplacedGrade(row.text, reader);
    if (grade !== null) misplacedGrades.push({ part, grade, location: row.location });
  }
  misplacedGrades.sort((a, b) => (a.part === b.part ? 0 : a.part === "evidence" ? -1 : 1));
  return { ...round, assessment, misplacedGrades };
}
