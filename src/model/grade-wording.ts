import { GRADES, type Grade, type MonitoringDocument } from "./types";

/** The four grades as the document's key words them: "1. Fully Achieved" … "4. Not Achieved". */
export function gradeWording(document: MonitoringDocument): Record<Grade, string> {
  const out = {} as Record<Grade, string>;
  for (const grade of GRADES) out[grade] = `${grade}. ${document.gradeNames[grade]}`;
  return out;
}
