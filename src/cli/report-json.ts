/** `--json`: an array, one object per file, shaped as `FileReport` (see report.ts). */
import type { FileReport } from "./report";

export function jsonReport(reports: readonly FileReport[]): string {
  return JSON.stringify(reports, null, 2) + "\n";
}
