import { isGradeKeyCell } from "./grades";
import { DASHES } from "./text";
import { compiled } from "./compiled";

/** What a label cell (or the start of a paragraph) says the row holds. */
export type LabelKind =
  | "review"
  | "linkOfficers"
  | "actionPlanAgreed"
  | "recommendation"
  | "responsibility"
  | "targetDate"
  | "agreedAction"
  | "successMeasure"
  | "evidence"
  | "assessment"
  | "impact"
  /** The second half of a label that wrapped into the next row: "(February 2023): (include explanation if required)". */
  | "continuation";

export type RoundPartKind = "evidence" | "assessment" | "impact";

export interface LabelMatch {
  kind: LabelKind;
  /** The label part of the text, as written and trimmed. */
  label: string;
  /** Whatever follows the label in the same text, trimmed ("" when the label is the whole text). */
  rest: string;
  /** Length of the label's own words: a date in the label comes after them. */
  words: number;
  /** For "recommendation": the number as written ("" when none is written). */
  number?: string;
}

interface LabelSpec {
  kind: LabelKind;
  words: RegExp;
  /** Distinctive enough to be a label at the start of a paragraph without a colon after it. */
  distinctive: boolean;
}

/**
 * Dates and "(include explanation if required)" that follow a round label's words: pieces matched one
 * at a time (ROUND_PIECE, sticky) by `tailLength`, as one pattern repeating them overflows the regular
 * expression stack on a label of 700,000 "(July 21)".
 */
const ROUND_PIECE = compiled(
  new RegExp(
    `\\s*(?:\\([^()]{0,80}\\)|[${DASHES},]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?[\\s${DASHES}/']*\\d{2,4}\\b)`,
    "iy",
  ),
);
const ROUND_END = compiled(/\s*:?(?:\s*\(\s*include\s+explanation[^()]*\)\s*:?)?/iy);
const COLON_TAIL = /^\s*[:.]?/;
/** In a label cell, bracketed text after the label is more label: "(i ebituary 2023)." wrapped from the date. */
const LABEL_CELL_PIECE = /\s*\([^()]{0,80}\)\s*[.:]?/y;

/** Length of as many `pieces` as follow one another from the start of `text`, then of `end` (both sticky). */
function tailLength(text: string, pieces: RegExp, end?: RegExp): number {
  let at = 0;
  for (;;) {
    pieces.lastIndex = at;
    if (!pieces.test(text)) break;
    at = pieces.lastIndex;
  }
  if (end) {
    end.lastIndex = at;
    if (end.test(text)) at = end.lastIndex;
  }
  return at;
}

/**
 * Order matters: "Action Plan Agreed" before "Agreed Action"; success measure before action.
 * Each pattern is anchored and has no capture groups (they are joined into LABEL_WORDS).
 */
const SPECS: readonly LabelSpec[] = [
  { kind: "evidence", words: /^(?:evidence\s+of\s+progress|progress\s+update)\b/i, distinctive: true },
  { kind: "assessment", words: /^(?:assessment\s+of\s+progress|progress\s+assessment)\b/i, distinctive: true },
  { kind: "impact", words: /^(?:evidence\s+of\s+impact|impact)\b/i, distinctive: false },
  { kind: "review", words: /^(?:scrutiny\s+)?review(?:\s+title)?\b/i, distinctive: false },
  { kind: "linkOfficers", words: /^link\s+officer(?:\s*\/\s*s|\s*\(s\)|s)?/i, distinctive: false },
  { kind: "actionPlanAgreed", words: /^action\s+plan\s+agreed\b/i, distinctive: false },
  {
    kind: "successMeasure",
    words: /^(?:agreed\s+)?(?:success\s+measures?|measures?\s+of\s+success)\b/i,
    distinctive: false,
  },
  { kind: "agreedAction", words: /^(?:agreed\s+actions?|actions?\s+agreed|actions?)\b/i, distinctive: false },
  {
    kind: "responsibility",
    words: /^(?:responsibility|responsibilities|responsible\s+officers?|lead\s+officers?)\b/i,
    distinctive: false,
  },
  { kind: "targetDate", words: /^(?:target\s+date|date|timescales?|deadline)\b/i, distinctive: false },
];

/** All the label words in one pattern, group i + 1 being SPECS[i]: one match per row. */
const LABEL_WORDS = compiled(
  new RegExp(`^(?:${SPECS.map((spec) => `(${spec.words.source.slice(1)})`).join("|")})`, "i"),
);

const ROUND_KINDS: ReadonlySet<LabelKind> = new Set(["evidence", "assessment", "impact"]);

/** "Recommendation 3:", "Recommendation No. 3a", "Rec 2 –"; group 1 is the number. */
const RECOMMENDATION = compiled(
  new RegExp(
    `^(?:recommendation|rec\\.?)\\s*(?:no\\.?|number|#)?\\s*(\\d+[a-z]?(?:\\.\\d+)?)?(?![\\w])\\s*[:.)${DASHES}]?`,
    "i",
  ),
);
const CONTINUATION = /^(?:\(|include\s+explanation)/i;
const GRADING = compiled(/^(?:assessment\s+of\s+)?(?:progress\s+)?gradings?\b/i);
const TEMPLATE = compiled(/^updates\s+on\s+the\s+progress\s+of\s+actions\b/i);
const TITLE = /\bmonitoring\b|\bprogress\s+update\b/i;

function split(text: string, labelLength: number, kind: LabelKind, words: number, number?: string): LabelMatch {
  const match: LabelMatch = {
    kind,
    label: text.slice(0, labelLength).trim(),
    rest: text.slice(labelLength).trim(),
    words,
  };
  if (number !== undefined) match.number = number;
  return match;
}

/**
 * What the label at the start of `text` is. For a label cell (`inParagraph` false) any label
 * words will do; at the start of a paragraph a plain label needs its colon ("Date: April 2021"),
 * so prose such as "Date of the next meeting…" is not taken for one.
 */
export function classifyLabel(text: string, inParagraph = false): LabelMatch | null {
  const t = text.trimStart();
  if (t === "") return null;
  const rec = RECOMMENDATION.exec(t);
  if (rec) {
    const number = rec[1] ?? "";
    const ending = rec[0].trimEnd().slice(-1);
    const punctuated = ":.)-\u2013\u2014".includes(ending) && ending !== "";
    // Prose such as "Recommendation 3 was…" in a paragraph is not a heading; neither is "Rec." alone.
    const heading = number !== "" ? !inParagraph || punctuated || t.slice(rec[0].length).trim() === "" : ending === ":";
    if (heading) return split(t, rec[0].length, "recommendation", rec[0].length, number);
  }
  if (CONTINUATION.test(t)) return { kind: "continuation", label: t.trim(), rest: "", words: 0 };
  const words = LABEL_WORDS.exec(t);
  if (!words) return null;
  const spec = SPECS[words.slice(1).findIndex((group) => group !== undefined)];
  const after = t.slice(words[0].length);
  const tail = ROUND_KINDS.has(spec.kind) ? tailLength(after, ROUND_PIECE, ROUND_END) : (COLON_TAIL.exec(after)?.[0].length ?? 0);
  let length = words[0].length + tail;
  if (!inParagraph) length += tailLength(t.slice(length), LABEL_CELL_PIECE);
  if (inParagraph && !spec.distinctive && !t.slice(0, length).includes(":") && t.slice(length).trim() !== "")
    return null;
  return split(t, length, spec.kind, words[0].length);
}

export function isRoundPart(kind: LabelKind): kind is RoundPartKind {
  return kind === "evidence" || kind === "assessment" || kind === "impact";
}

/**
 * A row of the grading key: its label speaks of gradings ("Progress Gradings:", "Assessment of
 * Progress Gradings"), or its other cells are the scale itself ("1 | 2 | 3 | 4",
 * "Fully Achieved | On-Track | Slipped | Not Achieved").
 */
export function isGradingKey(label: string, values: readonly string[]): boolean {
  if (isGradingLabel(label)) return true;
  let cells = 0;
  for (const v of values) {
    if (v.trim() === "") continue;
    if (!isGradeKeyCell(v)) return false;
    cells++;
  }
  return cells >= 3;
}

/** "Assessment of Progress Gradings:", "Progress Gradings:", "Gradings". */
export function isGradingLabel(label: string): boolean {
  return GRADING.test(label);
}

const SCALE_NAMES = [/fully[\s-]*achieved/i, /on[\s-]*track/i, /slipped/i, /not[\s-]*achieved/i];

/** Names at least three of the four grades: the grading key, however it is laid out. */
export function describesScale(text: string): boolean {
  let named = 0;
  for (const name of SCALE_NAMES) if (name.test(text)) named++;
  return named >= 3;
}

/** The template's own words (the instructions paragraph), neither content nor unrecognised. */
export function isTemplateText(text: string): boolean {
  return TEMPLATE.test(text.trimStart());
}

/** Looks like the document's title, "SCRUTINY MONITORING – PROGRESS UPDATE". */
export function looksLikeTitle(text: string): boolean {
  return TITLE.test(text);
}
