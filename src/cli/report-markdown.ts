/** `--markdown`: a report a scrutiny officer can paste into an email or a committee paper. */
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

const SEVERITY_WORD: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Note" };
const GRADE_COLUMNS = [1, 2, 3, 4] as const;

export function markdownReport(reports: readonly FileReport[]): string {
  const sections: string[] = [];
  if (reports.length > 1) {
    const complete = reports.filter((r) => r.ok).length;
    sections.push(
      `# Scrutiny monitoring check\n\n${plural(reports.length, "document")} checked; ${complete} complete.`,
    );
  }
  const level = reports.length > 1 ? "##" : "#";
  for (const report of reports) sections.push(fileSection(report, level));
  return sections.join("\n\n") + "\n";
}

function fileSection(report: FileReport, h: string): string {
  const title = report.review ?? fileName(report.file);
  const out: string[] = [`${h} ${escape(title)}`, "", `File: ${code(report.file)}`, ""];
  if (report.error) {
    const what = report.error.code === "unreadable" ? "could not be read" : "is not a Scrutiny Monitoring document";
    out.push(`**Status: not checked** – this file ${what}. ${escape(report.error.message)}`);
    return out.join("\n");
  }

  const recs = report.recommendations;
  const completeRecs = recs.filter((r) => r.complete).length;
  out.push(
    report.ok
      ? `**Status: complete** – ${plural(recs.length, "recommendation")}, all complete; ${describeCounts(report.findings)}.`
      : `**Status: not complete** – ${completeRecs} of ${plural(recs.length, "recommendation")} complete; ${describeCounts(report.findings)}.`,
  );
  if (report.latestUpdate) out.push("", escape(report.latestUpdate));

  out.push("", `${h}# Recommendations`, "");
  pushAll(
    out,
    table(
      ["Recommendation", "Latest update", "Grade", "Complete?"],
      recs.map((r) => {
        const latest = latestRound(r);
        const state = latestState(r);
        return [
          escape(r.number),
          latest ? escape(latest.label) : "–",
          latest ? gradeText(latest.grade, report.gradeNames) : "–",
          state === "complete" ? "Yes" : `No – ${state}`,
        ];
      }),
    ),
  );

  out.push("", `${h}# Findings`, "");
  if (report.findings.length === 0) out.push("None.");
  for (const finding of report.findings) {
    out.push(`- **${SEVERITY_WORD[finding.severity]}:** ${escape(finding.message)}`);
  }

  const setAside = report.setAside ?? [];
  if (setAside.length > 0) {
    const counted = report.setAsideCounted ? "counted above, as asked" : "not counted above";
    out.push("", `${h}# Set aside in the document (${counted})`, "");
    for (const finding of setAside) {
      out.push(
        `- **${SEVERITY_WORD[finding.severity]}:** ${escape(finding.message)} *Set aside ${finding.date}: “${escape(finding.reason)}”*`,
      );
    }
  }

  out.push("", `${h}# Totals: latest update of each recommendation`, "");
  pushAll(
    out,
    table(
      ["Grade", "Recommendations"],
      [
        ...GRADE_COLUMNS.map((g) => [`${g} ${escape(report.gradeNames[g])}`, String(report.totals.latest[g])]),
        ["No grade", String(report.totals.latest.none)],
        ["**Total**", `**${sum(report.totals.latest)}**`],
      ],
      [false, true],
    ),
  );

  out.push("", `${h}# Totals: every update`, "");
  if (report.totals.rounds.length === 0) out.push("No progress updates yet.");
  else
    pushAll(
      out,
      table(
        ["Update", ...GRADE_COLUMNS.map((g) => `${g} ${escape(report.gradeNames[g])}`), "No grade"],
        report.totals.rounds.map((round) => [escape(round.label), ...countCells(round.counts)]),
        [false, true, true, true, true, true],
      ),
    );
  return out.join("\n");
}

function countCells(counts: JsonCounts): string[] {
  return [...GRADE_COLUMNS.map((g) => String(counts[g])), String(counts.none)];
}

function sum(counts: JsonCounts): number {
  return counts["1"] + counts["2"] + counts["3"] + counts["4"] + counts.none;
}

function table(head: string[], rows: string[][], rightAligned: boolean[] = []): string[] {
  const rule = head.map((_, i) => (rightAligned[i] ? "---:" : "---"));
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [line(head), line(rule), ...rows.map(line)];
}

/** Officers' text is shown as written: escape what Markdown would otherwise read as markup. */
function escape(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)
    .replace(/\s*\n\s*/g, " ");
}

function code(text: string): string {
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
