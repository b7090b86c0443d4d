import type { DocumentSnapshot, Location, SnapshotCell, SnapshotParagraph, SnapshotTable } from "./snapshot";
import { GRADE_NAMES, type MonitoringDocument, type Recommendation, type UnrecognisedRow } from "./types";
import {
  appendLabel,
  appendText,
  finishField,
  finishRecommendation,
  newRecommendation,
  sinkOf,
  type RecommendationBuilder,
  type RecommendationFieldKey,
  type Sink,
} from "./build";
import { isGradeKeyCell } from "./grades";
import { applyGradeNames } from "./grade-names";
import { findWrittenDate, type WrittenDate } from "./dates";
import {
  classifyLabel,
  describesScale,
  isGradingKey,
  isGradingLabel,
  isRoundPart,
  isTemplateText,
  looksLikeTitle,
  type LabelMatch,
} from "./labels";
import { findColumnsHeader, parseColumns } from "./parse-columns";
import { contentParagraphs, hasContent, isNoise, isUnchosenGrade, joinLine } from "./text";
import { GRADE_PLACEHOLDER, SUMMARY_TITLE_PREFIX } from "./plan";

/** What a label cell (or a paragraph) says, read once. */
interface ReadLabel {
  noise: boolean;
  template: boolean;
  gradingLabel: boolean;
  match: LabelMatch | null;
  /** The date in a round label, after its words. */
  date: WrittenDate | null;
}

/** The longest label cell worth remembering; longer ones are content, read once each. */
const REMEMBERED_LABEL = 120;

/**
 * Reads labels, remembering those of label cells: a document repeats the same few labels
 * ("Responsibility:", "Evidence of Progress (July 21):") on every recommendation.
 */
class LabelReader {
  private readonly known = new Map<string, ReadLabel>();

  read(label: string, inParagraph: boolean): ReadLabel {
    if (inParagraph || label.length > REMEMBERED_LABEL) return readLabel(label, inParagraph);
    let read = this.known.get(label);
    if (!read) {
      read = readLabel(label, false);
      this.known.set(label, read);
    }
    return read;
  }
}

function readLabel(label: string, inParagraph: boolean): ReadLabel {
  const noise = isNoise(label);
  const match = noise ? null : classifyLabel(label, inParagraph);
  return {
    noise,
    template: !noise && isTemplateText(label),
    gradingLabel: !noise && isGradingLabel(label),
    match,
    date: match && isRoundPart(match.kind) ? findWrittenDate(match.label.slice(match.words)) : null,
  };
}

/**
 * Reads a Scrutiny Monitoring document. The snapshot is read as one stream of rows and paragraphs,
 * so it does not matter whether a recommendation has a table of its own, the whole document is one
 * table, or headings are paragraphs between tables. Each row's first cell is its label and every
 * other cell its value; a row with an empty label cell continues the field before it.
 */
export function parse(snapshot: DocumentSnapshot): MonitoringDocument {
  const parser = new Parser();
  for (const block of snapshot.blocks) {
    if (block.kind === "paragraph") parser.paragraph(block);
    else if (!isSummaryTable(block)) parser.table(block);
  }
  return parser.finish();
}

/** A row or a paragraph, as the parser sees it. */
interface Item {
  /** The label cell's text (paragraphs joined by a space), or the paragraph's text; trimmed. */
  label: string;
  labelLocation: Location;
  /** The row's cells (the label cell first), or null for a paragraph. */
  cells: readonly SnapshotCell[] | null;
  /** How many cells after the label cell have text, and the first of them (-1 when none). */
  valueCount: number;
  firstValue: number;
  fromParagraph: boolean;
}

type HeaderKey = "review" | "linkOfficers" | "actionPlanAgreed";

class Parser {
  private title: string | null = null;
  private readonly header: Record<HeaderKey, Sink | null> = {
    review: null,
    linkOfficers: null,
    actionPlanAgreed: null,
  };
  /**
   * Recommendations already made into the model, then those still being read. A builder is finished
   * as soon as a recommendation heading row follows it, since nothing can add to it after that: a
   * document's builders then never outlive a few rows, which spares the garbage collector copying
   * them while the rest of the document is read.
   */
  private readonly finished: Recommendation[] = [];
  private readonly pending: RecommendationBuilder[] = [];
  private current: RecommendationBuilder | null = null;
  /** Where a continuation (an empty label cell, the rest of a wrapped label) goes. */
  private sink: Sink | null = null;
  private gradingKey: Location | null = null;
  /** The key's rows as cell texts, for the names it gives the grades. */
  private readonly keyRows: string[][] = [];
  /** The previous item was part of the grading key. */
  private inKey = false;
  private readonly unrecognised: UnrecognisedRow[] = [];
  private readonly labels = new LabelReader();
  private layout: "rows" | "columns" = "rows";
  /**
   * The row or paragraph being read: one object filled in afresh for each, as a document has tens of
   * thousands of rows and nothing keeps an item once `item` has read it.
   */
  private readonly reading: Item = {
    label: "",
    labelLocation: { kind: "paragraph", paragraph: 0 },
    cells: null,
    valueCount: 0,
    firstValue: -1,
    fromParagraph: false,
  };

  paragraph(block: SnapshotParagraph): void {
    const text = block.text.trim();
    if (text === "") return;
    const item = this.reading;
    item.label = text;
    item.labelLocation = block.location;
    item.cells = null;
    item.valueCount = 0;
    item.firstValue = -1;
    item.fromParagraph = true;
    this.item(item);
  }

  table(table: SnapshotTable): void {
    const header = findColumnsHeader(table);
    const end = header === -1 ? table.rows.length : header;
    for (let r = 0; r < end; r++) this.row(table.rows[r].cells);
    if (header === -1) return;

    this.layout = "columns";
    this.sink = null;
    this.inKey = false;
    const columns = parseColumns(table, header);
    for (const item of columns.items) {
      if (item.kind === "recommendation") {
        this.pending.push(item.recommendation);
        this.current = item.recommendation;
      } else {
        this.row(table.rows[item.row].cells);
      }
    }
  }

  row(cells: readonly SnapshotCell[]): void {
    if (cells.length === 0) return;
    let valueCount = 0;
    let firstValue = -1;
    for (let c = 1; c < cells.length; c++) {
      if (!hasContentIn(cells[c].paragraphs)) continue;
      if (firstValue === -1) firstValue = c;
      valueCount++;
    }
    const label = joinLine(cells[0].paragraphs);
    if (label === "" && valueCount === 0) return;
    const item = this.reading;
    item.label = label;
    item.labelLocation = cells[0].location;
    item.cells = cells;
    item.valueCount = valueCount;
    item.firstValue = firstValue;
    item.fromParagraph = false;
    this.item(item);
  }

  private item(item: Item): void {
    const wasInKey = this.inKey;
    this.inKey = false;
    const read = this.labels.read(item.label, item.fromParagraph);
    if (read.noise) {
      if (item.valueCount === 0) return;
      this.continuation(item);
      return;
    }
    if (read.template) return;
    if (this.isKey(item, read, wasInKey)) {
      this.gradingKey ??= item.labelLocation;
      this.keyRows.push(item.cells ? item.cells.map((cell) => joinLine(cell.paragraphs)) : [item.label]);
      this.inKey = true;
      this.sink = null;
      return;
    }
    if (!read.match) {
      this.unlabelled(item);
      return;
    }
    this.labelled(item, read.match, read.date);
  }

  private isKey(item: Item, read: ReadLabel, afterKey: boolean): boolean {
    // Most rows are a label and one value: not the key, and no need to look closer.
    if (item.valueCount < 3 && !afterKey && !read.gradingLabel) return false;
    const values = valueTexts(item);
    if (isGradingKey(item.label, values)) return true;
    // A key laid out down the page: "1 | Fully Achieved", "2 | On-Track", …
    return afterKey && isGradeKeyCell(item.label) && values.every(isGradeKeyCell);
  }

  /** A row whose label cell is empty (or only punctuation): more of the field before it. */
  private continuation(item: Item): void {
    if (!this.sink) {
      this.report(item);
      return;
    }
    appendText(this.sink, valueParagraphs(item, []), firstValueLocation(item));
    this.sink.end = item.labelLocation;
  }

  private unlabelled(item: Item): void {
    const text = this.itemText(item);
    if (describesScale(text)) {
      // The key written out as a sentence: "1 = Fully Achieved, 2 = On-Track, 3 = Slipped, 4 = Not Achieved".
      this.gradingKey ??= item.labelLocation;
      this.keyRows.push([text]);
      this.inKey = true;
      this.sink = null;
      return;
    }
    if (item.fromParagraph && this.sink?.fromParagraph) {
      appendText(this.sink, [item.label], item.labelLocation);
      this.sink.end = item.labelLocation;
      return;
    }
    if (this.title === null && this.finished.length + this.pending.length === 0 && looksLikeTitle(text)) {
      this.title = text.replace(/\s+/g, " ");
    } else {
      this.report(item);
    }
    this.sink = null;
  }

  private labelled(item: Item, match: LabelMatch, date: WrittenDate | null): void {
    // Usually the value is one cell: its own paragraphs will do, unchanged (the sink copies before adding).
    // One paragraph is all content, since hasContentIn found text in the cell.
    let paragraphs: readonly string[];
    if (match.rest === "" && item.cells && item.valueCount === 1) {
      const own = item.cells[item.firstValue].paragraphs;
      paragraphs = own.length === 1 ? own : contentParagraphs(own);
    } else {
      paragraphs = valueParagraphs(item, match.rest === "" ? [] : [match.rest]);
    }
    const location =
      match.rest !== ""
        ? item.labelLocation
        : (firstValueLocation(item) ??
          (item.cells && item.cells.length > 1 ? item.cells[1].location : item.labelLocation));
    const kind = match.kind;
    if (kind === "continuation") {
      if (!this.sink) {
        this.report(item);
        return;
      }
      appendLabel(this.sink, match.label);
      appendText(this.sink, paragraphs, location);
      this.sink.end = item.labelLocation;
      return;
    }

    // The field this row starts (or, for a repeated label, the text it adds to the field).
    const dated = isRoundPart(kind);
    const sink = sinkOf(
      match.label,
      item.fromParagraph ? null : item.labelLocation,
      paragraphs,
      location,
      dated,
      dated ? date : null,
      item.fromParagraph,
      item.labelLocation,
    );
    if (kind === "review" || kind === "linkOfficers" || kind === "actionPlanAgreed") {
      this.sink = this.fill(this.header, kind, sink);
      return;
    }
    if (kind === "recommendation") {
      const heading = sink;
      this.current = newRecommendation(match.number ?? "", item.labelLocation, heading);
      // The sink moves to the new heading: every recommendation before it is complete.
      this.finishPending();
      this.pending.push(this.current);
      this.sink = heading;
      return;
    }
    const rec = this.current;
    if (!rec) {
      this.report(item);
      this.sink = null;
      return;
    }
    if (dated) {
      let round = rec.rounds.length > 0 ? rec.rounds[rec.rounds.length - 1] : null;
      if (!round || kind === "evidence" || round[kind] !== null) {
        round = { evidence: null, assessment: null, impact: null };
        rec.rounds.push(round);
      }
      round[kind] = sink;
      round.last = sink;
      this.sink = sink;
      return;
    }
    this.sink = this.fill(rec, kind satisfies RecommendationFieldKey, sink);
    rec.fieldsLast = this.sink;
  }

  /** Starts the field, or, when it was already given, adds to it (a repeated label is more of the same). */
  private fill<K extends string>(owner: Record<K, Sink | null>, key: K, sink: Sink): Sink {
    const existing = owner[key];
    if (!existing) {
      owner[key] = sink;
      return sink;
    }
    appendText(existing, sink.paragraphs, sink.location);
    existing.end = sink.end;
    return existing;
  }

  private itemText(item: Item): string {
    const texts = valueTexts(item);
    if (item.label !== "") texts.unshift(item.label);
    return texts.join("\t");
  }

  private report(item: Item): void {
    this.unrecognised.push({
      text: this.itemText(item),
      location: (item.label === "" ? firstValueLocation(item) : null) ?? item.labelLocation,
      recommendation: this.current ? this.current.number : null,
    });
  }

  private finishPending(): Recommendation[] {
    for (const builder of this.pending) this.finished.push(finishRecommendation(builder, this.finished.length + 1));
    this.pending.length = 0;
    return this.finished;
  }

  finish(): MonitoringDocument {
    return applyGradeNames({
      title: this.title,
      review: finishField(this.header.review),
      linkOfficers: finishField(this.header.linkOfficers),
      actionPlanAgreed: finishField(this.header.actionPlanAgreed),
      recommendations: this.finishPending(),
      gradingKey: this.gradingKey,
      gradeNames: GRADE_NAMES,
      unrecognised: this.unrecognised,
      layout: this.layout,
    }, this.keyRows);
  }
}

/**
 * The grade summary the add-in puts in the document (its title cell starts with SUMMARY_TITLE_PREFIX):
 * totals of the monitoring content, never part of it.
 */
export function isSummaryTable(table: SnapshotTable): boolean {
  const first = table.rows[0]?.cells[0]?.paragraphs[0];
  return first !== undefined && first.trimStart().startsWith(SUMMARY_TITLE_PREFIX);
}

/** Text in a value cell; our unchosen grade dropdown's placeholder is not text. */
function hasContentIn(paragraphs: readonly string[]): boolean {
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    // Nearly every value: printable ASCII first, and longer than the placeholder. Answered here, as the
    // two calls cost more than these tests before the code is optimised (≈1 ms of a cold s100).
    const first = p.charCodeAt(0);
    if (first > 32 && first < 127 && p.length >= GRADE_PLACEHOLDER.length + 8) return true;
    if (hasContent(p) && !isUnchosenGrade(p)) return true;
  }
  return false;
}

/** The paragraphs with text of the cells after the label cell, added to `into`. */
function valueParagraphs(item: Item, into: string[]): string[] {
  const cells = item.cells;
  if (!cells || item.firstValue === -1) return into;
  for (let c = item.firstValue; c < cells.length; c++) {
    for (const p of cells[c].paragraphs) if (hasContent(p)) into.push(p);
  }
  return into;
}

/** Each value cell with text as one string (its paragraphs joined by "\n"). */
function valueTexts(item: Item): string[] {
  const texts: string[] = [];
  const cells = item.cells;
  if (!cells || item.firstValue === -1) return texts;
  for (let c = item.firstValue; c < cells.length; c++) {
    const paragraphs = contentParagraphs(cells[c].paragraphs);
    if (paragraphs.length > 0) texts.push(paragraphs.join("\n"));
  }
  return texts;
}

function firstValueLocation(item: Item): Location | null {
  return item.cells && item.firstValue !== -1 ? item.cells[item.firstValue].location : null;
}
