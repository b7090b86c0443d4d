import type { DocumentSnapshot, Location } from "./snapshot";
import type { Expectation, PlanResult, Write } from "./plan";
import { COMMENT_PREFIX } from "./plan";
import { analyse } from "./analyse";
import { shapeExpectations, tablesOf, textAt } from "./edit-locate";
import { NOT_MONITORING, count } from "./edit-add-round";
import { partitionFindings, type SetAsideRecord } from "./set-aside";

function key(location: Location): string {
  return location.kind === "cell" ? `c${location.table}:${location.row}:${location.cell}` : `p${location.paragraph}`;
}

/**
 * One review comment on each cell or paragraph with an error or warning finding: the findings' messages.
 * Findings the officer has set aside (the document's records) get no comment.
 */
export function planAddComments(snapshot: DocumentSnapshot, setAside: readonly SetAsideRecord[] = []): PlanResult {
  const analysis = analyse(snapshot);
  const { document } = analysis;
  if (document.recommendations.length === 0) return { ok: false, reason: NOT_MONITORING };
  const findings = partitionFindings(analysis.findings, setAside, document).shown;
  const tables = tablesOf(snapshot);
  const byPlace = new Map<string, { location: Location; messages: string[] }>();
  for (const finding of findings) {
    if ((finding.severity !== "error" && finding.severity !== "warning") || !finding.location) continue;
    const k = key(finding.location);
    const entry = byPlace.get(k);
    if (entry) {
      if (!entry.messages.includes(finding.message)) entry.messages.push(finding.message);
    } else byPlace.set(k, { location: finding.location, messages: [finding.message] });
  }
  const writes: Write[] = [];
  const texts: Expectation[] = [];
  const touched: number[] = [];
  for (const { location, messages } of byPlace.values()) {
    const expectation = textAt(snapshot, tables, location);
    if (!expectation) continue;
    texts.push(expectation);
    if (location.kind === "cell") touched.push(location.table);
    writes.push({ kind: "add-comment", location: expectation.kind === "text" ? expectation.location : location, text: COMMENT_PREFIX + messages.join(" ") });
  }
  if (writes.length === 0) {
    return {
      ok: false,
      reason:
        findings.length < analysis.findings.length
          ? "The check found no errors or warnings to comment on that are not set aside."
          : "The check found no errors or warnings to comment on.",
    };
  }
  return {
    ok: true,
    plan: {
      kind: "add-comments",
      expect: [...shapeExpectations(tables, touched), ...texts],
      writes,
      description:
        `Adds ${count(writes.length, "review comment")} where the check found errors or warnings (comments already there are not repeated)` +
        (findings.length < analysis.findings.length ? "; findings set aside get none." : "."),
      skipped: [],
    },
  };
}

/** Removes every comment the check added (those starting with COMMENT_PREFIX), and no other. */
export function planRemoveComments(_snapshot: DocumentSnapshot): PlanResult {
  return {
    ok: true,
    plan: {
      kind: "remove-comments",
      expect: [],
      writes: [{ kind: "remove-comments" }],
      description: "Removes the review comments the check added; other comments stay.",
      skipped: [],
    },
  };
}
