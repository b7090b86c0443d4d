/** What `scrutiny-update` prints: a line per file (and its skipped recommendations), or JSON; and its exit status. */
import type { Destination } from "./update-args";
import type { UpdateReport } from "./update-file";

/** 2 when a file is unreadable (or not a monitoring document) or a path is missing, 1 when a file was refused, else 0. */
export function updateExitCode(reports: readonly UpdateReport[], pathProblems: boolean): number {
  if (pathProblems || reports.some((report) => report.status === "unreadable")) return 2;
  if (reports.some((report) => report.status === "refused")) return 1;
  return 0;
}

export function updateJsonReport(reports: readonly UpdateReport[]): string {
  return `${JSON.stringify(reports, null, 2)}\n`;
}

const STATUS_WORDS: Record<UpdateReport["status"], string> = {
  written: "written",
  "would-write": "would be written (dry run, nothing written)",
  unchanged: "nothing to do",
  refused: "refused, nothing written",
  unreadable: "cannot be updated",
};

export function updateTextReport(reports: readonly UpdateReport[], destination: Destination): string {
  const lines: string[] = [];
  for (const report of reports) {
    const where = report.status === "written" && report.output && report.output !== report.file ? ` to ${report.output}` : "";
    const backup = report.status === "written" && destination.kind === "in-place" ? " (the original is kept as a .bak.docx)" : "";
    lines.push(`${report.file}: ${STATUS_WORDS[report.status]}${where}${backup}. ${report.message}`);
    for (const skipped of report.skipped) lines.push(`  Recommendation ${skipped.recommendation} ${skipped.reason}.`);
  }
  const counts = new Map<string, number>();
  for (const report of reports) counts.set(report.status, (counts.get(report.status) ?? 0) + 1);
  if (reports.length > 1) {
    const parts = (Object.keys(STATUS_WORDS) as UpdateReport["status"][])
      .filter((status) => counts.has(status))
      .map((status) => `${counts.get(status)} ${SUMMARY_WORDS[status]}`);
    lines.push("", `${reports.length} files: ${parts.join(", ")}.`);
  }
  return `${lines.join("\n")}\n`;
}

const SUMMARY_WORDS: Record<UpdateReport["status"], string> = {
  written: "written",
  "would-write": "would be written",
  unchanged: "with nothing to do",
  refused: "refused",
  unreadable: "unreadable",
};
