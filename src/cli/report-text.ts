/** The default report: plain text for a terminal. Colour only adds emphasis; words carry the meaning. */
import type { Severity } from "../model/types";
import { pushAll } from "../model/arrays";
import {
  describeCounts,
  gradeText,
  latestRound,
  latestState,
  plural,
  type FileReport,
  type JsonCounts,
} from "./report";

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

const plain = (text: string): string => text;
export const NO_STYLE: Style = { bold: plain, dim: plain, red: plain, green: plain, yellow: plain };

const ansi =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;
export const ANSI_STYLE: Style = {
  bold: ansi(1, 22),
  dim: ansi(2, 22),
  red: ansi(31, 39),
  green: ansi(32, 39),
  yellow: ansi(33, 39),
};

const SEVERITY_WORD: Record<Severity, string> = { error: "ERROR", warning: "warning", info: "note" };
const GRADE_NUMBERS = ["1", "2", "3", "4"] as const;

export function textReport(reports: readonly FileReport[], style: Style = NO_STYLE): string {
  const blocks = reports.map((report) => fileBlock(report, style));
  if (reports.length > 1) blocks.push(summaryLine(reports));
  return blocks.join("\n") + "\n";
}

function fileBlock(report: FileReport, style: Style): string {
  const lines: string[] = [style.bold(report.file)];
  if (report.error) {
    const what = report.error.code === "unreadable" ? "UNREADABLE" : "NOT A MONITORING DOCUMENT";
    lines.push(`  ${style.red(what)}: ${report.error.message}`);
    return lines.join("\n") + "\n";
  }
  if (report.review) lines.push(`  ${report.review}`);
  const counts = describeCounts(report.findings);
  lines.push(
    report.ok
      ? `  ${style.green("COMPLETE")}: ${plural(report.recommendations.length, "recommendation")}, ${counts}.`
      : `  ${style.red("NOT COMPLETE")}: ${counts}.`,
  );
  if (report.latestUpdate) lines.push(`  ${report.latestUpdate}`);

  lines.push("", style.bold("  Recommendations (latest update)"));
  pushAll(
    lines,
    table(
      ["No.", "Latest update", "Grade", "State"],
      report.recommendations.map((r) => {
        const latest = latestRound(r);
        return [r.number, latest?.label ?? "-", latest ? gradeText(latest.grade, report.gradeNames) : "-", latestState(r)];
      }),
      (row, text) => (row[3] === "complete" ? text : style.yellow(text)),
    ).map((line) => `  ${line}`),
  );

  lines.push("", style.bold("  Findings"));
  if (report.findings.length === 0) lines.push("  none");
  for (const finding of report.findings) {
    const word = SEVERITY_WORD[finding.severity].padEnd(7);
    const coloured = finding.severity === "error" ? style.red(word) : finding.severity === "warning" ? style.yellow(word) : style.dim(word);
    lines.push(`  ${coloured}  ${finding.message} ${style.dim(`[${finding.code}]`)}`);
  }

  const setAside = report.setAside ?? [];
  if (setAside.length > 0) {
    const counted = report.setAsideCounted ? "counted, as --include-set-aside asks" : "not counted";
    lines.push("", style.bold(`  Set aside in the document (${setAside.length}, ${counted})`));
    for (const finding of setAside) {
      const word = SEVERITY_WORD[finding.severity].padEnd(7);
      lines.push(`  ${style.dim(word)}  ${finding.message} ${style.dim(`[${finding.code}]`)}`);
      lines.push(`           ${style.dim(`set aside ${finding.date}: “${finding.reason}”`)}`);
    }
  }

  lines.push("", style.bold("  Totals"));
  const rounds = report.totals.rounds;
  pushAll(
    lines,
    table(
      ["", ...GRADE_NUMBERS.map((g) => `${g} ${report.gradeNames[g]}`), "No grade"],
      [
        ["Latest update", ...countCells(report.totals.latest)],
        ...rounds.map((round) => [round.label, ...countCells(round.counts)]),
      ],
      undefined,
      [false, true, true, true, true, true],
    ).map((line) => `  ${line}`),
  );
  return lines.join("\n") + "\n";
}

function countCells(counts: JsonCounts): string[] {
  return [String(counts["1"]), String(counts["2"]), String(counts["3"]), String(counts["4"]), String(counts.none)];
}

function summaryLine(reports: readonly FileReport[]): string {
  const complete = reports.filter((r) => r.ok).length;
  const failed = reports.filter((r) => r.error).length;
  const incomplete = reports.length - complete - failed;
  return `${plural(reports.length, "file")} checked: ${complete} complete, ${incomplete} with errors, ${failed} could not be checked.\n`;
}

/**
 * Columns padded to the widest cell (numbers right-aligned); `paint` may colour a whole body line
 * (after padding, so escape codes never upset the widths).
 */
function table(
  head: string[],
  rows: string[][],
  paint?: (row: string[], text: string) => string,
  rightAligned: boolean[] = [],
): string[] {
  const widths = head.map((h, i) => {
    let width = h.length;
    for (const row of rows) width = Math.max(width, (row[i] ?? "").length);
    return width;
  });
  const format = (row: string[]): string =>
    row
      .map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [format(head), ...rows.map((row) => (paint ? paint(row, format(row)) : format(row)))];
}
