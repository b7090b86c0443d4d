import type { DocumentSnapshot } from "./snapshot";
import type { Finding, MonitoringDocument, Totals } from "./types";
import { parse } from "./parse";
import { check } from "./check";
import { totals } from "./totals";
import { groupCycles } from "./cycles";

export interface Analysis {
  document: MonitoringDocument;
  findings: Finding[];
  totals: Totals;
  /** False when the snapshot does not look like a Scrutiny Monitoring document at all. */
  recognised: boolean;
}

/** Snapshot → document → findings and totals: the one way through the engine. */
export function analyse(snapshot: DocumentSnapshot): Analysis {
  const document = parse(snapshot);
  // Checking and adding up both need the update cycles: worked out once.
  const plan = groupCycles(document);
  return {
    document,
    findings: check(document, plan),
    totals: totals(document, plan),
    recognised: isMonitoringDocument(document),
  };
}

export function isMonitoringDocument(document: MonitoringDocument): boolean {
  return document.recommendations.length > 0 || (document.review !== null && document.title !== null);
}
