import type { DocumentSnapshot, Location, SnapshotCell, SnapshotParagraph, SnapshotTable } from "./snapshot";
import type { MonitoringDocument, UnrecognisedRow } from "./types";
import {
  appendLabel,
  appendText,
  finishField,
  finishRecommendation,
  newSink,
  type RecommendationBuilder,
  type RecommendationFieldKey,
  type Sink,
  type SinkStart,
} from "./build";
import { isGradeKeyCell } from "./grades";
import { classifyLabel, isGradingKey, isGradingLabel, isRoundPart, isTemplateText, looksLikeTitle, type LabelMatch } from "./labels";
import { findColumnsHeader, parseColumns } from "./parse-columns";
import { contentParagraphs, isNoise, joinLine } from "./text";

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
    else parser.table(block);
  }
  return parser.finish();
}

/** A value cell with text. */
interface Value {
  paragraphs: readonly string[];
  location: Location;
}

/** A row or a paragraph, as the parser sees it. */
interface Item {
  /** The label cell's text (paragraphs joined by a space), or the paragraph's text; trimmed. */
  label: string;
  labelLocation: Location;
  /** The cells after the label cell that have text. */
  values: Value[];
  /** Where an empty value would be: the cell after the label cell, if there is one. */
  emptyValueLocation: Location | null;
  fromParagraph: boolean;
}

type HeaderKey = "review" | "linkOfficers" | "actionPlanAgreed";

class Parser {
  private title: string | null = null;
  private readonly header: Record<HeaderKey, Sink | null> = { review: null, linkOfficers: null, actionPlanAgreed: null };
  private readonly recommendations: RecommendationBuilder[] = [];
  private current: RecommendationBuilder | null = null;
  /** Where a continuation (an empty label cell, the rest of a wrapped label) goes. */
  private sink: Sink | null = null;
  private gradingKey: Location | null = null;
  /** The previous item was part of the grading key. */
  private inKey = false;
  private readonly unrecognised: UnrecognisedRow[] = [];
  private layout: "rows" | "columns" = "rows";

  paragraph(block: SnapshotParagraph): void {
    const text = block.text.trim();
    if (text === "") return;
    this.item({ label: text, labelLocation: block.location, values: [], emptyValueLocation: null, fromParagraph: true });
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
        this.recommendations.push(item.recommendation);
        this.current = item.recommendation;
      } else {
        this.row(table.rows[item.row].cells);
      }
    }
  }

  row(cells: readonly SnapshotCell[]): void {
    if (cells.length === 0) return;
    const values: Value[] = [];
    for (let c = 1; c < cells.length; c++) {
      const paragraphs = contentParagraphs(cells[c].paragraphs);
      if (paragraphs.length > 0) values.push({ paragraphs, location: cells[c].location });
    }
    const label = joinLine(cells[0].paragraphs);
    if (label === "" && values.length === 0) return;
    this.item({
      label,
      labelLocation: cells[0].location,
      values,
      emptyValueLocation: cells.length > 1 ? cells[1].location : null,
      fromParagraph: false,
    });
  }

  private item(item: Item): void {
    const wasInKey = this.inKey;
    this.inKey = false;
    if (isNoise(item.label)) {
      if (item.values.length === 0) return;
      this.continuation(item);
      return;
    }
    if (isTemplateText(item.label)) return;
    if (this.isKey(item, wasInKey)) {
      this.gradingKey ??= item.labelLocation;
      this.inKey = true;
      this.sink = null;
      return;
    }
    const match = classifyLabel(item.label, item.fromParagraph);
    if (!match) {
      this.unlabelled(item);
      return;
    }
    this.labelled(item, match);
  }

  private isKey(item: Item, afterKey: boolean): boolean {
    // Most rows are a label and one value: not the key, and no need to look closer.
    if (item.values.length < 3 && !afterKey && !isGradingLabel(item.label)) return false;
    const values = item.values.map((v) => joinLine(v.paragraphs));
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
    for (const value of item.values) appendText(this.sink, value.paragraphs, value.location);
  }

  private unlabelled(item: Item): void {
    if (item.fromParagraph && this.sink?.fromParagraph) {
      appendText(this.sink, [item.label], item.labelLocation);
      return;
    }
    const text = this.itemText(item);
    if (this.title === null && this.recommendations.length === 0 && looksLikeTitle(text)) {
      this.title = text.replace(/\s+/g, " ");
    } else {
      this.report(item);
    }
    this.sink = null;
  }

  private labelled(item: Item, match: LabelMatch): void {
    const paragraphs = match.rest === "" ? [] : [match.rest];
    for (const v of item.values) for (const p of v.paragraphs) paragraphs.push(p);
    const location = match.rest !== "" ? item.labelLocation : (item.values[0]?.location ?? item.emptyValueLocation ?? item.labelLocation);
    const start: SinkStart = {
      label: match.label,
      labelLocation: item.fromParagraph ? null : item.labelLocation,
      paragraphs,
      location,
      dated: isRoundPart(match.kind),
      dateFrom: match.words,
      fromParagraph: item.fromParagraph,
    };
    const kind = match.kind;

    if (kind === "continuation") {
      if (!this.sink) {
        this.report(item);
        return;
      }
      appendLabel(this.sink, match.label);
      appendText(this.sink, paragraphs, location);
      return;
    }
    if (kind === "review" || kind === "linkOfficers" || kind === "actionPlanAgreed") {
      this.sink = this.fill(this.header, kind, start);
      return;
    }
    if (kind === "recommendation") {
      const heading = newSink(start);
      this.current = {
        number: match.number ?? "",
        location: item.labelLocation,
        heading,
        responsibility: null,
        targetDate: null,
        agreedAction: null,
        successMeasure: null,
        rounds: [],
      };
      this.recommendations.push(this.current);
      this.sink = heading;
      return;
    }
    const rec = this.current;
    if (!rec) {
      this.report(item);
      this.sink = null;
      return;
    }
    if (isRoundPart(kind)) {
      let round = rec.rounds.length > 0 ? rec.rounds[rec.rounds.length - 1] : null;
      if (!round || kind === "evidence" || round[kind] !== null) {
        round = { evidence: null, assessment: null, impact: null };
        rec.rounds.push(round);
      }
      const part = newSink(start);
      round[kind] = part;
      this.sink = part;
      return;
    }
    this.sink = this.fill(rec, kind satisfies RecommendationFieldKey, start);
  }

  /** Starts the field, or, when it was already given, adds to it (a repeated label is more of the same). */
  private fill<K extends string>(
    owner: Record<K, Sink | null>,
    key: K,
    start: SinkStart,
  ): Sink {
    const existing = owner[key];
    if (!existing) {
      const sink = newSink(start);
      owner[key] = sink;
      return sink;
    }
    appendText(existing, start.paragraphs, start.location);
    return existing;
  }

  private itemText(item: Item): string {
    const cells = item.label === "" ? [] : [item.label];
    for (const v of item.values) cells.push(v.paragraphs.join("\n"));
    return cells.join("\t");
  }

  private report(item: Item): void {
    this.unrecognised.push({
      text: this.itemText(item),
      location: item.label === "" && item.values.length > 0 ? item.values[0].location : item.labelLocation,
      recommendation: this.current ? this.current.number : null,
    });
  }

  finish(): MonitoringDocument {
    return {
      title: this.title,
      review: finishField(this.header.review),
      linkOfficers: finishField(this.header.linkOfficers),
      actionPlanAgreed: finishField(this.header.actionPlanAgreed),
      recommendations: this.recommendations.map(finishRecommendation),
      gradingKey: this.gradingKey,
      unrecognised: this.unrecognised,
      layout: this.layout,
    };
  }
}
