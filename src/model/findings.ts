import type { Severity } from "./types";

export interface FindingCodeInfo {
  /** The severities it is raised with: gaps are errors in a recommendation's latest update, warnings before. */
  severities: readonly Severity[];
  /** One line, plain English, for lists of what the checker looks for. */
  description: string;
}

/** Every finding the checker raises, in the order they are described to users. */
export const FINDING_CODES = {
  "missing-evidence": {
    severities: ["error", "warning"],
    description: "An update has no Evidence of Progress (an error in a recommendation's latest update, a warning in earlier ones).",
  },
  "missing-grade": {
    severities: ["error", "warning"],
    description: "An update's Assessment of Progress has no grade on the 1–4 scale, or the grade is written in another row.",
  },
  "missing-impact": {
    severities: ["error", "warning"],
    description: "An update has no Evidence of Impact.",
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
    description: "A recommendation was not updated in the document's newest update.",
  },
  "grade-in-wrong-row": {
    severities: ["warning"],
    description: "A grade is written in Evidence of Progress or Evidence of Impact as well as in Assessment of Progress.",
  },
  "rounds-out-of-order": {
    severities: ["warning"],
    description: "An update is labelled earlier than the update above it.",
  },
  "repeated-round-date": {
    severities: ["warning"],
    description: "An update has the same month as the update above it, as when rows are copied with their old dates.",
  },
  "label-without-date": {
    severities: ["warning"],
    description: "An update's label has no date, or a date that cannot be read.",
  },
  "label-date-mismatch": {
    severities: ["warning"],
    description: "A row is labelled with a different month from the rest of its update.",
  },
  "copied-impact": {
    severities: ["warning"],
    description: "Evidence of Impact is word for word the same as an earlier recommendation's (reported on the later one).",
  },
  "copied-from-last-round": {
    severities: ["warning"],
    description: "Evidence of Progress or Impact is word for word the same as in the recommendation's previous update.",
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
    description: "A row that is not one of the monitoring template's rows, so nothing in it was checked.",
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

/** "Recommendation 2" or, about an update, "Recommendation 2 (July 2021 update)". */
export function subject(recommendation: string, update?: string): string {
  if (update === undefined) return `Recommendation ${recommendation}`;
  return `Recommendation ${recommendation} (${/^Update \d+$/.test(update) ? update : `${update} update`})`;
}
