import type { Location } from "./snapshot";
import type { Assessment, Field, MisplacedGrade, Month, Recommendation, Round, RoundPart } from "./types";
import { findWrittenDate, type WrittenDate } from "./dates";
import { readAssessment, readMisplacedGrade } from "./grades";
import { hasContent, trimmed, withoutGradePlaceholder } from "./text";

/**
 * What both parsers (label rows and the older column layout) fill in while they read, and how it
 * becomes the model. Text is collected as paragraphs and joined once at the end, so parsing stays
 * linear however many rows a field is spread over.
 */

/** A field being read: its label and value paragraphs so far. */
export interface Sink {
  label: string;
  labelLocation: Location | null;
  /** Possibly the snapshot's own array: copied before anything is added (see appendText). */
  paragraphs: readonly string[];
  /** `paragraphs` is the sink's own array. */
  owned: boolean;
  location: Location;
  /** A round part: a later label continuation may still supply its date. */
  dated: boolean;
  dateText: string | null;
  month: Month | null;
  /** Came from a paragraph: plain paragraphs after it continue it. */
  fromParagraph: boolean;
  /** Where the last row or paragraph read into this field starts (its label cell, or the paragraph). */
  end: Location;
}

export interface RoundBuilder {
  evidence: Sink | null;
  assessment: Sink | null;
  impact: Sink | null;
  /** The part read last: where the round ends. */
  last?: Sink;
}

export interface RecommendationBuilder {
  number: string;
  location: Location;
  heading: Sink;
  responsibility: Sink | null;
  targetDate: Sink | null;
  agreedAction: Sink | null;
  successMeasure: Sink | null;
  rounds: RoundBuilder[];
  /** The heading or field read last: where the recommendation's own rows end. */
  fieldsLast: Sink;
}

export type RecommendationFieldKey = "responsibility" | "targetDate" | "agreedAction" | "successMeasure";

/** A recommendation as its heading starts it: no fields and no rounds yet. */
export function newRecommendation(number: string, location: Location, heading: Sink): RecommendationBuilder {
  return {
    number,
    location,
    heading,
    responsibility: null,
    targetDate: null,
    agreedAction: null,
    successMeasure: null,
    rounds: [],
    fieldsLast: heading,
  };
}

export interface SinkStart {
  label: string;
  labelLocation: Location | null;
  /** Never changed: the sink copies it before adding to it. */
  paragraphs: readonly string[];
  location: Location;
  dated?: boolean;
  /** The label's date when already read; otherwise a dated sink reads it from the label. */
  date?: WrittenDate | null;
  fromParagraph?: boolean;
  /** Where the row or paragraph it starts at is; the label's location (or else the value's) by default. */
  end?: Location;
}

export function newSink(start: SinkStart): Sink {
  const dated = start.dated ?? false;
  const date = !dated ? null : start.date !== undefined ? start.date : findWrittenDate(start.label);
  return sinkOf(
    start.label,
    start.labelLocation,
    start.paragraphs,
    start.location,
    dated,
    date,
    start.fromParagraph ?? false,
    start.end ?? start.labelLocation ?? start.location,
  );
}

/** newSink with every part given and the date already read (null for an undated sink): one object per row, not two. */
export function sinkOf(
  label: string,
  labelLocation: Location | null,
  paragraphs: readonly string[],
  location: Location,
  dated: boolean,
  date: WrittenDate | null,
  fromParagraph: boolean,
  end: Location,
): Sink {
  return {
    label,
    labelLocation,
    paragraphs,
    owned: false,
    location,
    dated,
    dateText: date ? date.dateText : null,
    month: date ? date.month : null,
    fromParagraph,
    end,
  };
}

/** Adds value paragraphs; a field that had no text yet moves its location to where the text is. */
export function appendText(sink: Sink, paragraphs: readonly string[], location: Location | null): void {
  if (paragraphs.length === 0) return;
  if (location && sink.paragraphs.length === 0) sink.location = location;
  const own: string[] = sink.owned ? (sink.paragraphs as string[]) : [...sink.paragraphs];
  for (const p of paragraphs) own.push(p);
  sink.paragraphs = own;
  sink.owned = true;
}

/** The rest of a label that wrapped into the next row; its date counts when the label had none. */
export function appendLabel(sink: Sink, label: string): void {
  if (label === "") return;
  sink.label = sink.label === "" ? label : `${sink.label} ${label}`;
  if (sink.dated && sink.month === null) {
    const date = findWrittenDate(label);
    if (date && (date.month !== null || sink.dateText === null)) {
      sink.month = date.month;
      sink.dateText = date.dateText;
    }
  }
}

export function hasText(sink: Sink | null): boolean {
  if (!sink) return false;
  for (const p of sink.paragraphs) if (hasContent(p)) return true;
  return false;
}

function joined(parts: readonly string[], separator: string): string {
  return parts.length === 1 ? parts[0] : parts.join(separator);
}

function toField(sink: Sink): Field {
  return {
    label: sink.label,
    text: trimmed(joined(sink.paragraphs, "\n")),
    location: sink.location,
    labelLocation: sink.labelLocation,
  };
}

export function finishField(sink: Sink | null): Field | null {
  return sink ? toField(sink) : null;
}

// The round's parts are built straight from the sink, not copied from a Field: a document of
// 1,000 recommendations has 12,000 of them.
function toPart(sink: Sink | null): RoundPart | null {
  if (!sink) return null;
  return {
    label: sink.label,
    text: trimmed(joined(sink.paragraphs, "\n")),
    location: sink.location,
    labelLocation: sink.labelLocation,
    month: sink.month,
    dateText: sink.dateText,
  };
}

function toAssessment(sink: Sink | null): Assessment | null {
  if (!sink) return null;
  // An unchosen grade dropdown shows its placeholder: not the officer's text.
  const text = withoutGradePlaceholder(trimmed(joined(sink.paragraphs, "\n")));
  const reading = readAssessment(text);
  return {
    label: sink.label,
    text,
    location: sink.location,
    labelLocation: sink.labelLocation,
    month: sink.month,
    dateText: sink.dateText,
    grade: reading.grade,
    explanation: reading.explanation,
    gradeAt: reading.at,
  };
}

function misplaced(part: MisplacedGrade["part"], row: RoundPart | null, into: MisplacedGrade[]): void {
  const grade = row ? readMisplacedGrade(row.text) : null;
  if (row && grade !== null) into.push({ part, grade, location: row.location });
}

export function finishRound(builder: RoundBuilder, index: number): Round {
  const evidence = toPart(builder.evidence);
  const assessment = toAssessment(builder.assessment);
  const impact = toPart(builder.impact);
  const last = builder.last ?? builder.impact ?? builder.assessment ?? builder.evidence;
  const misplacedGrades: MisplacedGrade[] = [];
  misplaced("evidence", evidence, misplacedGrades);
  misplaced("impact", impact, misplacedGrades);
  const dated = evidence?.month ? evidence : assessment?.month ? assessment : impact?.month ? impact : null;
  // Failing a readable date, the round is named by a date as written that could not be read.
  const written =
    dated ?? (evidence?.dateText ? evidence : assessment?.dateText ? assessment : impact?.dateText ? impact : null);
  return {
    index,
    label: written?.dateText ?? `Update ${index + 1}`,
    month: dated?.month ?? null,
    evidence,
    assessment,
    impact,
    misplacedGrades,
    end: last ? last.end : null,
  };
}

/**
 * A recommendation whose heading gives no number ("Recommendation:") is named by its place in the
 * document, so that every message and total can say which one it is.
 */
export function unnumbered(position: number): string {
  return `(unnumbered, ${ordinal(position)})`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** `position` is the recommendation's place in the document, from 1. */
export function finishRecommendation(builder: RecommendationBuilder, position: number): Recommendation {
  return {
    number: builder.number === "" ? unnumbered(position) : builder.number,
    text: trimmed(joined(builder.heading.paragraphs, "\n")),
    location: builder.location,
    responsibility: finishField(builder.responsibility),
    targetDate: finishField(builder.targetDate),
    agreedAction: finishField(builder.agreedAction),
    successMeasure: finishField(builder.successMeasure),
    rounds: builder.rounds.map(finishRound),
    fieldsEnd: builder.fieldsLast.end,
  };
}
