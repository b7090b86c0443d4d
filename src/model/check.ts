import { pushAll } from "./arrays";
import { groupCycles, monthOrdinal, type Cycle, type CyclePlan } from "./cycles";
import { findLabelDate, formatMonth } from "./dates";
import { PART_NAMES, subject, type FindingCode, type PartName } from "./findings";
import type { Location } from "./snapshot";
import { isFilledIn, isPlaceholderText, quote } from "./placeholders";
import { hasWord } from "./text";
import type { Field, Finding, MonitoringDocument, Recommendation, Round, RoundPart, Severity } from "./types";
import { compiled } from "./compiled";

/**
 * Everything worth telling the scrutiny officer before the document goes to committee. Findings
 * about the whole document come first, then each recommendation's in document order; within each,
 * errors before warnings before info. `plan` is the document's update cycles (groupCycles), when the
 * caller has them already.
 */
export function check(document: MonitoringDocument, plan?: CyclePlan): Finding[] {
  // Not a monitoring document at all (index.ts's isMonitoringDocument, which imports this module).
  if (document.recommendations.length === 0 && (document.review === null || document.title === null)) return [];
  const findings = new FindingList(document);
  checkHeader(document, findings);

  const recommendations = document.recommendations;
  let anyRounds = false;
  for (const recommendation of recommendations) if (recommendation.rounds.length > 0) anyRounds = true;
  if (!anyRounds && recommendations.length > 0) {
    findings.add(null, {
      code: "no-rounds-yet",
      severity: "info",
      text:
        "No progress updates yet: add Evidence of Progress, Assessment of Progress and Evidence of Impact rows " +
        "to each recommendation.",
      location: recommendations[0].location,
    });
  }

  const { cycles, roundCycle } = plan ?? groupCycles(document);
  const newestCycle = cycles.length - 1;
  const impacts: ImpactIndex = new Map();
  const context = new RoundContext(findings, document);
  // Plain loops: one pass per recommendation and round, with no closure made for either.
  for (let rec = 0; rec < recommendations.length; rec++) {
    const recommendation = recommendations[rec];
    for (const key of RECOMMENDATION_FIELDS) {
      const item = recommendation[key];
      if (item) checkTemplateField(findings, recommendation, item);
    }
    if (recommendation.rounds.length === 0) {
      if (anyRounds) {
        findings.add(recommendation, {
          code: "no-rounds",
          severity: "error",
          text:
            "no progress update, while other recommendations have one. " +
            "Add Evidence of Progress, Assessment of Progress and Evidence of Impact rows.",
          location: recommendation.location,
        });
      }
      continue;
    }
    const ownCycles = roundCycle[rec];
    if (!ownCycles.includes(newestCycle)) {
      let last = ownCycles[0];
      for (const cycle of ownCycles) if (cycle > last) last = cycle;
      const lastCycle = cycles[last];
      findings.add(recommendation, {
        code: "not-updated",
        severity: "warning",
        text: `not updated in ${cycles[newestCycle].label}, the newest update; its last update is ${lastCycle.label}.`,
        location: recommendation.location,
      });
    }
    checkRounds(context, recommendation, impacts, cycles, ownCycles);
  }

  for (const row of document.unrecognised) {
    const owner = row.recommendation === null ? null : findings.recommendation(row.recommendation);
    findings.add(owner, {
      code: "unrecognised-row",
      severity: "info",
      text: owner
        ? `a row reads “${quote(row.text)}”, which is not one of the monitoring template's rows (such as Evidence of Progress), so nothing in it was checked. If it belongs to an update, give it that row's label; if not, remove it.`
        : `A row before the first recommendation reads “${quote(row.text)}”, which is not one of the monitoring template's rows, so nothing in it was checked. Check it belongs in the document.`,
      location: row.location,
    });
  }
  return findings.ordered();
}

interface NewFinding {
  code: FindingCode;
  severity: Severity;
  /**
   * What is wrong, as said under the recommendation's (and update's) name: "no grade in Assessment
   * of Progress." The finding's message puts the name in front; its detail is this, capitalised.
   */
  text: string;
  location: Location | null;
  /** The update's name (its cycle's label, "July 2021"), when the finding is about one. */
  round?: string;
}

/**
 * Findings bucketed by recommendation and severity, so ordering them is a single pass. A bucket is
 * only made for a recommendation with a finding: most have none.
 */
class FindingList {
  private readonly groups: (Record<Severity, Finding[]> | undefined)[];
  private readonly groupOf = new Map<Recommendation, number>();
  private readonly byNumber = new Map<string, Recommendation>();
  private lastNumber = "";
  private lastRound: string | undefined = undefined;
  private lastSubject: string | null = null;

  constructor(document: MonitoringDocument) {
    this.groups = new Array<Record<Severity, Finding[]> | undefined>(document.recommendations.length + 1);
    const recommendations = document.recommendations;
    for (let index = 0; index < recommendations.length; index++) {
      const recommendation = recommendations[index];
      this.groupOf.set(recommendation, index + 1);
      if (!this.byNumber.has(recommendation.number)) this.byNumber.set(recommendation.number, recommendation);
    }
  }

  recommendation(number: string): Recommendation | null {
    return this.byNumber.get(number) ?? null;
  }

  add(recommendation: Recommendation | null, finding: NewFinding, round: string | undefined = finding.round): void {
    const group = recommendation ? (this.groupOf.get(recommendation) ?? 0) : 0;
    const detail = capitalise(finding.text);
    const message = recommendation ? `${this.subject(recommendation.number, round)}: ${finding.text}` : detail;
    const full: Finding = { severity: finding.severity, code: finding.code, message, detail, location: finding.location };
    if (recommendation) full.recommendation = recommendation.number;
    if (round !== undefined) full.round = round;
    (this.groups[group] ??= emptyGroup())[finding.severity].push(full);
  }

  /** subject(number, round), remembered for the next finding: a round's findings come one after another. */
  private subject(number: string, round: string | undefined): string {
    if (number !== this.lastNumber || round !== this.lastRound || this.lastSubject === null) {
      this.lastNumber = number;
      this.lastRound = round;
      this.lastSubject = subject(number, round);
    }
    return this.lastSubject;
  }

  ordered(): Finding[] {
    const all: Finding[] = [];
    for (const group of this.groups) {
      if (group) pushAll(pushAll(pushAll(all, group.error), group.warning), group.info);
    }
    return all;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function emptyGroup(): Record<Severity, Finding[]> {
  return { error: [], warning: [], info: [] };
}

function checkHeader(document: MonitoringDocument, findings: FindingList): void {
  const { review, linkOfficers, actionPlanAgreed } = document;
  if (!isFilledIn(review?.text)) {
    findings.add(null, {
      code: "missing-review",
      severity: "warning",
      text: "The document does not name the scrutiny review (Review:).",
      location: review?.location ?? null,
    });
  }
  if (!isFilledIn(linkOfficers?.text)) {
    findings.add(null, {
      code: "missing-link-officer",
      severity: "warning",
      text: "The document does not name a link officer (Link Officer/s:).",
      location: linkOfficers?.location ?? null,
    });
  }
  if (!isFilledIn(actionPlanAgreed?.text)) {
    findings.add(null, {
      code: "missing-action-plan-date",
      severity: "warning",
      text: "The document does not say when the action plan was agreed (Action Plan Agreed:).",
      location: actionPlanAgreed?.location ?? null,
    });
  } else if (actionPlanAgreed && !mentionsDate(actionPlanAgreed.text)) {
    findings.add(null, {
      code: "missing-action-plan-date",
      severity: "warning",
      text: `Action Plan Agreed says “${quote(actionPlanAgreed.text)}”, which is not a date: give the month and year.`,
      location: actionPlanAgreed.location,
    });
  }
  for (const item of [review, linkOfficers, actionPlanAgreed]) {
    if (item) checkTemplateField(findings, null, item);
  }
}

/** A month and year anywhere in the text, or at least a year: "August 2020", "Aug 20", "2020". */
function mentionsDate(text: string): boolean {
  return findLabelDate(text) !== null || /\b(?:19|20)\d\d\b/.test(text);
}

const RECOMMENDATION_FIELDS = ["responsibility", "targetDate", "agreedAction", "successMeasure"] as const;

const LABEL_END = /[:\s]/;

/** "Agreed Action:" → "Agreed Action". */
function fieldName(item: Field): string {
  // A loop, not /[:\s]+$/, which is quadratic on a long label.
  let end = item.label.length;
  while (end > 0 && LABEL_END.test(item.label.charAt(end - 1))) end--;
  return item.label.slice(0, end).trim() || "A field";
}

function checkTemplateField(findings: FindingList, recommendation: Recommendation | null, item: Field): void {
  if (!isPlaceholderText(item.text)) return;
  const name = fieldName(item);
  findings.add(recommendation, {
    code: "template-text",
    severity: "warning",
    text: `${name} still holds the template text “${quote(item.text)}”.`,
    location: item.location,
  });
}

/**
 * Impacts seen so far, with where each was first seen, by a number read off their copy key (see
 * keyDigest). Impacts whose keys share a number are told apart by their keys.
 */
type ImpactIndex = Map<number, SeenImpact[]>;

interface SeenImpact {
  text: string;
  recommendation: Recommendation;
  update: string;
  /** copyKey(text), once it has been needed. */
  key: string | undefined;
}

/** Texts shorter than this (in words) are too short to call copied: "As above.", "None yet." */
const MIN_COPY_WORDS = 6;

/**
 * What every check of one round needs: where to report, how to name it, how serious a gap is.
 * One object for the whole check, moved from round to round (`at`): most rounds have no finding,
 * and a document has thousands of rounds.
 */
class RoundContext {
  private recommendation!: Recommendation;
  round!: Round;
  /** The update's name: its cycle's label ("July 2021"), the same for every recommendation in it. */
  update = "";
  /** Gaps are errors in a recommendation's latest round, warnings in earlier ones. */
  gap: Severity = "error";
  readonly layout: MonitoringDocument["layout"];

  constructor(
    private readonly findings: FindingList,
    readonly document: MonitoringDocument,
  ) {
    this.layout = document.layout;
  }

  at(recommendation: Recommendation, round: Round, update: string, gap: Severity): this {
    this.recommendation = recommendation;
    this.round = round;
    this.update = update;
    this.gap = gap;
    return this;
  }

  /** Where to point when the row at fault is missing altogether. */
  get fallback(): Location {
    return firstLocation(this.round) ?? this.recommendation.location;
  }

  add(finding: Omit<NewFinding, "round">): void {
    this.findings.add(this.recommendation, finding, this.update);
  }
}

const ROUND_PARTS = ["evidence", "assessment", "impact"] as const;
/** The parts that must have text, and the parts compared with the round before. */
const TEXT_PARTS = ["evidence", "impact"] as const;

function checkRounds(
  context: RoundContext,
  recommendation: Recommendation,
  impacts: ImpactIndex,
  cycles: readonly Cycle[],
  /** Each round's cycle (its update's name is the cycle's label). */
  ownCycles: readonly number[],
): void {
  const rounds = recommendation.rounds;
  const rowsLayout = context.layout === "rows";
  let previousDated: Round | null = null;
  for (let index = 0; index < rounds.length; index++) {
    const round = rounds[index];
    context.at(recommendation, round, cycles[ownCycles[index]].label, index === rounds.length - 1 ? "error" : "warning");
    checkGaps(context);
    checkGrade(context);
    checkPlaceholders(context);
    // The older one-row-per-recommendation layout has no labels to date: its columns say the date.
    if (rowsLayout) checkLabels(context);
    if (round.month !== null) {
      if (previousDated) checkOrder(context, previousDated);
      previousDated = round;
    }
    if (index > 0) checkCopiedFromLastRound(context, rounds[index - 1], cycles[ownCycles[index - 1]].label);
    checkImpactReferences(context, recommendation, impacts);
  }
}

function checkGaps(context: RoundContext): void {
  const round = context.round;
  // Evidence and impact both written: the usual round, answered without the findings' code.
  if (isFilledIn(round.evidence?.text) && isFilledIn(round.impact?.text)) return;
  gapFindings(context);
}

function gapFindings(context: RoundContext): void {
  const { round, layout } = context;
  for (const name of TEXT_PARTS) {
    const part = round[name];
    if (isFilledIn(part?.text)) continue;
    // Older councils' column layouts often have no impact column: nowhere to write it, so no gap.
    if (!part && name === "impact" && layout === "columns") continue;
    context.add({
      code: name === "evidence" ? "missing-evidence" : "missing-impact",
      severity: context.gap,
      text: describeGap(part, name),
      location: part?.location ?? context.fallback,
    });
  }
}

/** "1 (Fully Achieved) to 4 (Not Achieved)", in the document's own key's words. */
function scaleWords(document: MonitoringDocument): string {
  return `1 (${document.gradeNames[1]}) to 4 (${document.gradeNames[4]})`;
}

function checkGrade(context: RoundContext): void {
  const round = context.round;
  const grade = round.assessment?.grade;
  // A grade of 1 or 2 where it belongs and nowhere else: nothing to say.
  if (grade != null && grade < 3 && round.misplacedGrades.length === 0) return;
  gradeFindings(context);
}

function gradeFindings(context: RoundContext): void {
  const round = context.round;
  const assessment = round.assessment;
  const names = context.document.gradeNames;
  if (assessment?.grade == null) {
    const misplaced = round.misplacedGrades[0];
    if (misplaced) {
      // One fault, one finding: the grade is there, in the wrong row.
      const where = round[misplaced.part];
      context.add({
        code: "missing-grade",
        severity: context.gap,
        text:
          `the grade is written in ${PART_NAMES[misplaced.part]} (“${quote(where?.text ?? "", 40)}”), where it does not count. ` +
          `Move it to the start of Assessment of Progress (grade ${misplaced.grade}: ${names[misplaced.grade]}).`,
        location: misplaced.location,
      });
    } else {
      const written = assessment !== null && isFilledIn(assessment.text);
      context.add({
        code: "missing-grade",
        severity: context.gap,
        text: written
          ? `no grade in Assessment of Progress. Start it with a grade from ${scaleWords(context.document)}.`
          : describeGap(assessment, "assessment"),
        location: assessment?.location ?? context.fallback,
      });
    }
  } else {
    if (assessment.grade >= 3 && !hasExplanation(assessment.explanation)) {
      const template = isPlaceholderText(assessment.explanation);
      context.add({
        code: "no-explanation",
        severity: context.gap,
        text:
          `a grade of ${assessment.grade} (${names[assessment.grade]}) is given with no explanation` +
          (template ? ` (only the template text “${quote(assessment.explanation ?? "")}”)` : "") +
          ". Say why, and what is being done about it.",
        location: assessment.location,
      });
    }
    for (const misplaced of round.misplacedGrades) {
      const where = PART_NAMES[misplaced.part];
      context.add({
        code: "grade-in-wrong-row",
        severity: "warning",
        text: `${where} holds a grade ${misplaced.grade} as well as the grade in Assessment of Progress. Remove it from ${where}.`,
        location: misplaced.location,
      });
    }
  }
}

/**
 * Template text left in a row that has something else to say: an Assessment with a grade and the
 * template's "(include explanation if required)" as its explanation. A row holding nothing but
 * template text is already a gap (checkGaps, checkGrade), and a grade of 3 or 4 a missing
 * explanation: one finding each.
 */
function checkPlaceholders(context: RoundContext): void {
  const assessment = context.round.assessment;
  if (!assessment || assessment.grade == null || assessment.grade >= 3) return;
  if (!isPlaceholderText(assessment.explanation)) return;
  context.add({
    code: "template-text",
    severity: "warning",
    text: `Assessment of Progress still holds the template text “${quote(assessment.text)}”.`,
    location: assessment.location,
  });
}

function checkCopiedFromLastRound(context: RoundContext, previous: Round, previousUpdate: string): void {
  const round = context.round;
  for (const name of TEXT_PARTS) {
    const part = round[name];
    if (!part || !sameWords(part.text, previous[name]?.text)) continue;
    context.add({
      code: "copied-from-last-round",
      severity: "warning",
      text: `${PART_NAMES[name]} is word for word the same as in the update before (${previousUpdate}). Say what has changed since, or that nothing has.`,
      location: part.location,
    });
  }
}

/** "As above." on its own, and impact copied from another recommendation (reported on the later one). */
function checkImpactReferences(context: RoundContext, recommendation: Recommendation, impacts: ImpactIndex): void {
  const round = context.round;
  const impact = round.impact;
  if (!impact) return;
  if (isAsAbove(impact.text)) asAbove(context, impact);
  if (!hasCopyWords(impact.text)) return; // too short to call a copy: no copy key
  const digest = keyDigest(impact.text);
  const seen = impacts.get(digest);
  if (!seen) {
    impacts.set(digest, [{ text: impact.text, recommendation, update: context.update, key: undefined }]);
    return;
  }
  const first = sameImpact(seen, impact.text);
  if (!first) seen.push({ text: impact.text, recommendation, update: context.update, key: undefined });
  else if (first.recommendation !== recommendation) copiedImpact(context, impact, first);
}

// The findings of checkImpactReferences, apart from the check that runs on every impact.
function asAbove(context: RoundContext, impact: RoundPart): void {
  context.add({
    code: "as-above",
    severity: "info",
    text: `Evidence of Impact only says “${quote(impact.text)}”: say which evidence it means, as members may read each recommendation on its own.`,
    location: impact.location,
  });
}

function copiedImpact(context: RoundContext, impact: RoundPart, first: SeenImpact): void {
  context.add({
    code: "copied-impact",
    severity: "warning",
    text: `Evidence of Impact is word for word the same as ${subject(first.recommendation.number, first.update)}. Describe the impact of this recommendation.`,
    location: impact.location,
  });
}

/** The impact seen before whose copy key is `text`'s, if any. The same text needs no key made. */
function sameImpact(seen: SeenImpact[], text: string): SeenImpact | undefined {
  let key: string | null | undefined;
  for (const entry of seen) {
    if (entry.text === text) return entry;
    key ??= copyKey(text);
    entry.key ??= copyKey(entry.text) ?? undefined;
    if (entry.key === key) return entry;
  }
  return undefined;
}

function describeGap(part: RoundPart | null, name: PartName): string {
  const title = PART_NAMES[name];
  if (!part) return `no ${title} row.`;
  if (isPlaceholderText(part.text)) return `${title} only holds template text (“${quote(part.text)}”).`;
  return `${title} is empty.`;
}

/** An explanation that is only a grade's name ("Slipped") explains nothing. */
const GRADE_WORDS = compiled(
  /\b(?:fully|largely|partially|partly|not|on|off|met|achieved|track|slipped|slipping|behind|schedule|target|grade|[1-4])\b/gi,
);

function hasExplanation(explanation: string | null): boolean {
  return isFilledIn(explanation) && hasWord((explanation ?? "").replace(GRADE_WORDS, " "));
}

function checkLabels(context: RoundContext): void {
  const round = context.round;
  const month = round.month;
  // Nearly every round: each of its rows dated with the round's month, and nothing to say. The
  // findings are worked out apart, so that this, run on every round, stays small to compile (and the
  // tests are written out: three calls cost more than they do before the code is optimised).
  const { evidence, assessment, impact } = round;
  if (
    month !== null &&
    (evidence === null || evidence.month === month) &&
    (assessment === null || assessment.month === month) &&
    (impact === null || impact.month === month)
  )
    return;
  labelFindings(context);
}

function labelFindings(context: RoundContext): void {
  const round = context.round;
  // The first part the round has, and the first whose date could not be read (plain loops: every round).
  let first: RoundPart | null = null;
  let unreadable: PartName | null = null;
  for (const name of ROUND_PARTS) {
    const part = round[name];
    if (!part) continue;
    first ??= part;
    if (unreadable === null && part.dateText !== null) unreadable = name;
  }
  if (first === null) return;
  if (round.month === null) {
    const unreadablePart = unreadable === null ? null : round[unreadable];
    context.add({
      code: "label-without-date",
      severity: "warning",
      text:
        unreadable !== null && unreadablePart
          ? `the date “${unreadablePart.dateText}” in ${PART_NAMES[unreadable]}'s label is not a month and year the checker can read.`
          : "its labels have no date. Add the month of this update, e.g. “Evidence of Progress (September 2022):”.",
      location: labelOf(unreadablePart ?? first),
    });
    return;
  }
  for (const name of ROUND_PARTS) {
    const part = round[name];
    if (!part) continue;
    if (part.month === null) {
      context.add({
        code: "label-without-date",
        severity: "warning",
        text:
          part.dateText !== null
            ? `the date “${part.dateText}” in ${PART_NAMES[name]}'s label is not a month and year the checker can read.`
            : `${PART_NAMES[name]} has no date in its label; ${othersSay(round, name)}.`,
        location: labelOf(part),
      });
    } else if (part.month !== round.month) {
      context.add({
        code: "label-date-mismatch",
        severity: "warning",
        text: `${PART_NAMES[name]} is labelled ${formatMonth(part.month)}; ${othersSay(round, name)}.`,
        location: labelOf(part),
      });
    }
  }
}

/**
 * What the round's other dated rows say, against `name`'s: "the rest of this update says July
 * 2021" when they agree, else each named ("Evidence of Progress says March 2021").
 */
function othersSay(round: Round, name: PartName): string {
  // Only ever run for a finding: written for reading, not for speed.
  const others = ROUND_PARTS.filter((other) => other !== name && round[other]?.month != null);
  const months = new Set(others.map((other) => round[other]?.month));
  if (others.length > 1 && months.size === 1) return `the rest of this update says ${formatMonth(round[others[0]]?.month ?? "")}`;
  return others.map((other) => `${PART_NAMES[other]} says ${formatMonth(round[other]?.month ?? "")}`).join(" and ");
}

function checkOrder(context: RoundContext, previous: Round): void {
  const round = context.round;
  const here = monthOrdinal(round.month);
  const before = monthOrdinal(previous.month);
  if (here === null || before === null || here > before) return;
  const location = labelOf(datedPart(round) ?? round.evidence ?? round.assessment ?? round.impact);
  const month = formatMonth(round.month ?? "");
  if (here < before) {
    context.add({
      code: "rounds-out-of-order",
      severity: "warning",
      text: `labelled ${month}, earlier than the update above it (${formatMonth(previous.month ?? "")}). Check the date, or move this update.`,
      location,
    });
  } else {
    context.add({
      code: "repeated-round-date",
      severity: "warning",
      text: `labelled ${month}, the same month as the update above it. If this is a new update, correct its date.`,
      location,
    });
  }
}

function datedPart(round: Round): RoundPart | null {
  for (const name of ROUND_PARTS) if (round[name]?.month != null) return round[name];
  return null;
}

function labelOf(part: RoundPart | null): Location | null {
  return part ? (part.labelLocation ?? part.location) : null;
}

function firstLocation(round: Round): Location | null {
  return (round.evidence ?? round.assessment ?? round.impact)?.location ?? null;
}

/**
 * A text as compared "word for word": case, paragraph breaks and a final full stop do not count.
 * Null when too short to call a copy. Deliberately no regular expression over the whole text: this
 * runs on every impact in the document.
 */
function copyKey(text: string | undefined): string | null {
  if (!text || !hasCopyWords(text)) return null;
  // Native string operations: faster than any character loop here (measured).
  let key = text.toLowerCase();
  if (key.includes("\n")) key = key.replaceAll("\n", " ");
  return key.endsWith(".") ? key.slice(0, -1) : key;
}

/** How many of a copy key's characters its digest reads. */
const DIGEST_SAMPLES = 12;
/** Anything but printable ASCII, tabs and line breaks: such text takes copyKey's own way. */
const NOT_PLAIN = /[^\t\n\r -~]/;

/**
 * The number impacts are indexed by: the length of a text's copy key and a dozen of the key's
 * characters, spread along it. Indexing by whole keys meant lower-casing and hashing a few hundred
 * characters of every impact, which cost more than the rest of the check together. Plain text
 * (printable ASCII, tabs, line breaks) is read as copyKey would write it, without making the key:
 * copyKey then only lower-cases A–Z, turns line breaks into spaces and drops a final full stop.
 * Other text goes through copyKey. For a text with a copy key (six words or more).
 */
function keyDigest(text: string): number {
  let source = text;
  let length = text.endsWith(".") ? text.length - 1 : text.length;
  if (NOT_PLAIN.test(text)) {
    source = copyKey(text) ?? "";
    length = source.length;
  }
  const step = Math.max(1, Math.floor(length / DIGEST_SAMPLES));
  let digest = length;
  for (let at = 0; at < length; at += step) {
    // A character as copyKey leaves it (a copy key's own characters are left as they are).
    let code = source.charCodeAt(at);
    if (code >= 65 && code <= 90) code += 32;
    else if (code === 10) code = 32;
    digest = (digest * 31 + code) & 0x3fffffff;
  }
  return digest;
}

function sameWords(text: string, other: string | undefined): boolean {
  // The key changes a text's length by at most one, so most pairs are told apart by length alone.
  return other !== undefined && Math.abs(text.length - other.length) <= 1 && copyKey(text) !== null && copyKey(text) === copyKey(other);
}

/** What separates words when copies are counted: spaces, line breaks, tabs and no-break spaces. */
const BREAKS = " \\n\\t\\u00a0";
/**
 * MIN_COPY_WORDS runs of other characters, looking no further into the text than the last one's start.
 * A pattern, not a loop over the characters: on s100's impacts, in a cold run, the loop took 0.8 ms and the pattern 0.15.
 */
const COPY_WORDS = compiled(new RegExp(`^[${BREAKS}]*(?:[^${BREAKS}]+[${BREAKS}]+){${MIN_COPY_WORDS - 1}}[^${BREAKS}]`));

/** At least MIN_COPY_WORDS words: long enough to call a copy. */
export function hasCopyWords(text: string): boolean {
  return COPY_WORDS.test(text);
}

const NOT_WORD = /[^\p{L}\p{N}]+/gu;
/** NOT_WORD on lower-cased ASCII, which has no letters or digits but a–z and 0–9. */
const NOT_ASCII_WORD = /[^a-z0-9]+/g;
const NOT_ASCII = /[^\0-\x7f]/;

const AS_ABOVE = /^(?:as|see)(?: per)? (?:above|previous(?: update| round)?|before|recommendation \w+)$/;

export function isAsAbove(text: string): boolean {
  if (text.length > 40) return false;
  const lower = text.toLowerCase();
  // The Unicode classes only for text beyond ASCII: compiling them is most of a cold check of a short impact.
  const words = lower.replace(NOT_ASCII.test(lower) ? NOT_WORD : NOT_ASCII_WORD, " ").trim();
  return AS_ABOVE.test(words);
}
