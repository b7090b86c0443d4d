import type { Severity } from "./types";

export interface FindingCodeInfo {
  /** The severities it is raised with: gaps are errors in a recommendation's latest round, warnings before. */
  severities: readonly Severity[];
  /** One line, plain English, for lists of what the checker looks for. */
  description: string;
}

/** Every finding the checker raises, in the order they are described to users. */
export const FINDING_CODES = {
  "missing-evidence": {
    severities: ["error", "warning"],
    description: "A round has no Evidence of Progress (an error in the latest round, a warning in earlier ones).",
  },
  "missing-grade": {
    severities: ["error", "warning"],
    description: "A round's Assessment of Progress has no grade on the 1–4 scale.",
  },
  "missing-impact": {
    severities: ["error", "warning"],
    description: "A round has no Evidence of Impact.",
  },
  "no-explanation": {
    severities: ["error", "warning"],
    description: "A grade of 3 (Slipped) or 4 (Not Achieved) is given with no explanation.",
  },
  "no-rounds": {
    severities: ["error"],
    description: "A recommendation has no progress update while others have one.",
  },
  "not-updated": {
    severities: ["warning"],
    description: "A recommendation was not updated in the document's newest round.",
  },
  "grade-in-wrong-row": {
    severities: ["warning"],
    description: "A grade is written in Evidence of Progress or Evidence of Impact, where it does not count.",
  },
  "rounds-out-of-order": {
    severities: ["warning"],
    description: "A round is dated earlier than the round above it.",
  },
  "repeated-round-date": {
    severities: ["warning"],
    description: "A round has the same month as the round above it, as when rows are copied with their old dates.",
  },
  "label-without-date": {
    severities: ["warning"],
    description: "A round's label has no date, or a date that cannot be read.",
  },
  "label-date-mismatch": {
    severities: ["warning"],
    description: "A row's label date differs from the rest of its round.",
  },
  "copied-impact": {
    severities: ["warning"],
    description: "Evidence of Impact is word for word the same as an earlier recommendation's (reported on the later one).",
  },
  "copied-from-last-round": {
    severities: ["warning"],
    description: "Evidence of Progress or Impact is word for word the same as in the recommendation's previous round.",
  },
  "template-text": {
    severities: ["warning"],
    description: "Template or placeholder text (such as “Click or tap here to enter text.”) was left unfilled.",
  },
  "missing-review": {
    severities: ["warning"],
    description: "The document does not name the scrutiny review.",
  },
  "missing-link-officer": {
    severities: ["warning"],
    description: "The document does not name a link officer.",
  },
  "missing-action-plan-date": {
    severities: ["warning"],
    description: "The document does not give the date the action plan was agreed.",
  },
  "as-above": {
    severities: ["info"],
    description: "Evidence only says “As above”, which points at another recommendation's text.",
  },
  "no-rounds-yet": {
    severities: ["info"],
    description: "The document has no progress updates yet.",
  },
  "unrecognised-row": {
    severities: ["info"],
    description: "A row the checker could not place; check it is where it belongs.",
  },
} as const satisfies Record<string, FindingCodeInfo>;

export type FindingCode = keyof typeof FINDING_CODES;

/** What each part of a round is called in the document. */
export const PART_NAMES = {
  evidence: "Evidence of Progress",
  assessment: "Assessment of Progress",
  impact: "Evidence of Impact",
} as const;

export type PartName = keyof typeof PART_NAMES;

/** "Recommendation 2" or, about a round, "Recommendation 2 (July 21 update)". */
export function subject(recommendation: string, roundLabel?: string): string {
  if (roundLabel === undefined) return `Recommendation ${recommendation}`;
  const round = /^Update \d+$/.test(roundLabel) ? roundLabel : `${roundLabel} update`;
  return `Recommendation ${recommendation} (${round})`;
}
