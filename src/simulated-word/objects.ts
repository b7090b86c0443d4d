import { insertAll, pushAll } from "../model/arrays";
import type { Location } from "../model/snapshot";
import type { SimRequestContext } from "./context";
import {
  type ParagraphEntry,
  type SimBlock,
  type SimCell,
  type SimComment,
  type SimControl,
  type SimParagraph as SimParagraphModel,
  type SimTable as SimTableModel,
  type TableEntry,
  VALUES_PARAGRAPH_SEPARATOR,
  cell as newCell,
  cellLocation,
  cellOfParagraph,
  controlsIn,
  paragraph as newParagraph,
  paragraphIndex,
  paragraphsIn,
  tableValues,
  tablesIn,
} from "./document";
import { SimErrorCodes, SimOfficeError, itemNotFound } from "./errors";
import { NULL_TARGET, SimClientCollection, SimClientObject, type PropertyReaders } from "./proxy";
import { isSetSupported } from "./requirements";
import { spliceText } from "./runs";
import {
  SimCommentCollection,
  SimCommentProxy as SimComment_,
  SimContentControl,
  SimContentControlCollection,
  addComment,
  controlTarget,
  insertInlineControl,
} from "./controls";

/** A body: the document's, or a table cell's. `level` is the table nesting level of its paragraphs. */
export interface BodyTarget {
  blocks: SimBlock[];
  level: number;
  cell: SimCell | null;
}

const RANGE_LOCATIONS = ["Whole", "Start", "End", "Content"] as const;
type BodyRangeLocation = (typeof RANGE_LOCATIONS)[number];
const SELECTION_MODES = ["Select", "Start", "End"];

function bodyText(target: BodyTarget): string {
  return paragraphsIn(target.blocks)
    .map((p) => p.paragraph.text)
    .join(VALUES_PARAGRAPH_SEPARATOR);
}

function checkSelectionMode(mode: string | undefined, member: string): void {
  if (mode !== undefined && !SELECTION_MODES.includes(mode)) {
    throw new SimOfficeError(SimErrorCodes.invalidArgument, `'${mode}' is not a selection mode.`, member);
  }
}

function invalid(message: string, member: string): SimOfficeError {
  return new SimOfficeError(SimErrorCodes.invalidArgument, message, member);
}

const TRACKING_MODES = ["Off", "TrackAll", "TrackMineOnly"];

/** context.document */
export class SimWordDocument extends SimClientObject<null> {
  protected readonly typeName = "Word.Document";
  protected readonly properties: PropertyReaders<null> = {
    changeTrackingMode: () => this.context.state.changeTrackingMode,
  };
  protected override readonly requirements = { changeTrackingMode: "1.4" };
  private bodyProxy: SimBody | null = null;
  private controlsProxy: SimContentControlCollection | null = null;

  constructor(context: SimRequestContext) {
    super(context, () => null);
  }

  get body(): SimBody {
    const state = this.context.state;
    this.bodyProxy ??= new SimBody(this.context, () => ({ blocks: state.document.blocks, level: 0, cell: null }));
    return this.bodyProxy;
  }

  get changeTrackingMode(): string {
    return this.loaded("changeTrackingMode");
  }

  /** WordApi 1.4. The add-in never sets it; the simulated Word accepts the set as Word does. */
  set changeTrackingMode(mode: string) {
    this.context.requireApi("WordApi", "1.4", "Document.changeTrackingMode");
    this.queueCall(() => {
      if (!TRACKING_MODES.includes(mode)) throw invalid(`'${mode}' is not a change tracking mode.`, "Document.changeTrackingMode");
      this.context.state.changeTrackingMode = mode as "Off";
    });
  }

  /** WordApi 1.1: every content control in the document (table-wrapping ones included). */
  get contentControls(): SimContentControlCollection {
    this.controlsProxy ??= new SimContentControlCollection(this.context, () =>
      controlsIn(this.context.state.document.blocks).map(controlTarget),
    );
    return this.controlsProxy;
  }

  /** WordApi 1.1: the current selection (the cursor: the start of its cell or paragraph). */
  getSelection(): SimRange {
    return new SimRange(this.context, () => selectionTarget(this.context));
  }
}

export class SimBody extends SimClientObject<BodyTarget> {
  protected readonly typeName = "Word.Body";
  protected readonly properties: PropertyReaders<BodyTarget> = { text: bodyText };
  private tablesProxy: SimTableCollection | null = null;
  private paragraphsProxy: SimParagraphCollection | null = null;
  private fontProxy: SimFont | null = null;

  get text(): string {
    return this.loaded("text");
  }

  /** WordApi 1.3. Nested tables are included, each after its parent (UNCONFIRMED for real Word). */
  get tables(): SimTableCollection {
    if (!this.tablesProxy) {
      this.context.requireApi("WordApi", "1.3", "Body.tables");
      this.tablesProxy = new SimTableCollection(this.context, () => {
        const body = this.resolve();
        return tablesIn(body.blocks, body.level + 1);
      });
    }
    return this.tablesProxy;
  }

  /** Every paragraph in document order; before WordApi 1.3, Word leaves out those in tables. */
  get paragraphs(): SimParagraphCollection {
    this.paragraphsProxy ??= new SimParagraphCollection(this.context, () => {
      const body = this.resolve();
      const all = paragraphsIn(body.blocks, body.level);
      return isSetSupported(this.context.state, "WordApi", "1.3") ? all : all.filter((p) => p.tableNestingLevel === 0);
    });
    return this.paragraphsProxy;
  }

  /** WordApi 1.1: the body's character formatting; setting `bold` formats every paragraph in it. */
  get font(): SimFont {
    this.fontProxy ??= new SimFont(this.context, () => paragraphsIn(this.resolve().blocks).map((e) => e.paragraph));
    return this.fontProxy;
  }

  /** WordApi 1.1 (content controls in the body, tables' included). */
  get contentControls(): SimContentControlCollection {
    return new SimContentControlCollection(this.context, () => controlsIn(this.resolve().blocks).map(controlTarget));
  }

  /** WordApi 1.3. Body.getRange accepts Whole, Start, End and Content. */
  getRange(rangeLocation: BodyRangeLocation | string = "Whole"): SimRange {
    this.context.requireApi("WordApi", "1.3", "Body.getRange");
    return new SimRange(this.context, () => {
      if (!(RANGE_LOCATIONS as readonly string[]).includes(rangeLocation)) {
        throw invalid(`'${rangeLocation}' is not valid for Body.getRange.`, "Body.getRange");
      }
      return bodyRange(this.resolve(), rangeLocation as BodyRangeLocation);
    });
  }

  /** WordApi 1.3: a table at the start or end of the body; at the end an empty paragraph follows it (and precedes it after a table). */
  insertTable(rowCount: number, columnCount: number, insertLocation: string, values?: string[][]): SimTable {
    this.context.requireApi("WordApi", "1.3", "Body.insertTable");
    return tableInserted(this.context, "Body.insertTable", rowCount, columnCount, values, () => {
      const body = this.resolve();
      if (insertLocation !== "Start" && insertLocation !== "End") throw invalid(`'${insertLocation}' is not valid for Body.insertTable.`, "Body.insertTable");
      // Word's body always ends with a paragraph, so a table inserted at the end never touches the one before it.
      if (insertLocation === "End" && body.blocks[body.blocks.length - 1]?.kind === "table") body.blocks.push(newParagraph(""));
      return { list: body.blocks, at: insertLocation === "Start" ? 0 : body.blocks.length };
    });
  }

  /** WordApi 1.4: the comments on the body's content. */
  getComments(): SimCommentCollection {
    this.context.requireApi("WordApi", "1.4", "Body.getComments");
    return new SimCommentCollection(this.context, () => this.resolve());
  }

  select(selectionMode?: string): void {
    this.getRange("Whole").select(selectionMode);
  }
}

/**
 * What a range stands for: a body (or a cell's body) and which part of it, a stretch of one
 * paragraph's text, or every paragraph from one to another (Range.expandTo).
 */
export type RangeTarget =
  | { kind: "body"; body: BodyTarget; where: BodyRangeLocation }
  | { kind: "text"; paragraph: SimParagraphModel; start: number; end: number }
  | { kind: "span"; from: SimParagraphModel; to: SimParagraphModel };

function bodyRange(body: BodyTarget, where: BodyRangeLocation): RangeTarget {
  return { kind: "body", body, where };
}

function firstParagraph(body: BodyTarget): SimParagraphModel {
  const first = paragraphsIn(body.blocks)[0];
  if (!first) throw itemNotFound("Body.getRange");
  return first.paragraph;
}

function lastParagraph(body: BodyTarget): SimParagraphModel {
  const all = paragraphsIn(body.blocks);
  const last = all[all.length - 1];
  if (!last) throw itemNotFound("Body.getRange");
  return last.paragraph;
}

/** The paragraphs a range covers, in document order. */
function rangeParagraphs(context: SimRequestContext, range: RangeTarget): SimParagraphModel[] {
  if (range.kind === "text") return [range.paragraph];
  if (range.kind === "body") {
    if (range.where === "Start") return [firstParagraph(range.body)];
    if (range.where === "End") return [lastParagraph(range.body)];
    return paragraphsIn(range.body.blocks).map((e) => e.paragraph);
  }
  const all = paragraphsIn(context.state.document.blocks).map((e) => e.paragraph);
  const from = all.indexOf(range.from);
  const to = all.indexOf(range.to);
  if (from < 0 || to < 0) throw itemNotFound("Range.expandTo");
  return all.slice(Math.min(from, to), Math.max(from, to) + 1);
}

function rangeText(context: SimRequestContext, range: RangeTarget): string {
  if (range.kind === "text") return range.paragraph.text.slice(range.start, range.end);
  if (range.kind === "body" && (range.where === "Start" || range.where === "End")) return "";
  return rangeParagraphs(context, range)
    .map((p) => p.text)
    .join(VALUES_PARAGRAPH_SEPARATOR);
}

/** Where the selection is, as a collapsed range: the start of its cell, or of its paragraph. */
function selectionTarget(context: SimRequestContext): RangeTarget {
  const document = context.state.document;
  const location = context.state.selection;
  const all = paragraphsIn(document.blocks);
  if (location?.kind === "cell") {
    const top = document.blocks.filter((b): b is SimTableModel => b.kind === "table")[location.table];
    const found = top?.rows[location.row]?.cells[location.cell];
    if (found) return { kind: "text", paragraph: firstParagraph({ blocks: found.blocks, level: 1, cell: found }), start: 0, end: 0 };
  }
  const p = (location?.kind === "paragraph" ? all[location.paragraph] : undefined) ?? all[0];
  if (!p) throw itemNotFound("Document.getSelection");
  return { kind: "text", paragraph: p.paragraph, start: 0, end: 0 };
}

export class SimRange extends SimClientObject<RangeTarget> {
  protected readonly typeName = "Word.Range";
  protected readonly properties: PropertyReaders<RangeTarget> = {
    text: (r) => rangeText(this.context, r),
    isEmpty: (r) => rangeText(this.context, r) === "",
  };

  get text(): string {
    return this.loaded("text");
  }
  get isEmpty(): boolean {
    return this.loaded("isEmpty");
  }

  /** WordApi 1.1: the paragraphs the range is in. */
  get paragraphs(): SimParagraphCollection {
    return new SimParagraphCollection(this.context, () => {
      const document = this.context.state.document;
      const all = paragraphsIn(document.blocks);
      const wanted = new Set(rangeParagraphs(this.context, this.resolve()));
      return all.filter((e) => wanted.has(e.paragraph));
    });
  }

  /** WordApi 1.3: Start and End collapse the range; Whole is the range itself. */
  getRange(rangeLocation = "Whole"): SimRange {
    this.context.requireApi("WordApi", "1.3", "Range.getRange");
    return new SimRange(this.context, () => {
      const range = this.resolve();
      if (rangeLocation === "Whole") return range;
      const paragraphs = rangeParagraphs(this.context, range);
      if (rangeLocation === "Start") {
        const p = paragraphs[0]!;
        return { kind: "text", paragraph: p, start: range.kind === "text" ? range.start : 0, end: range.kind === "text" ? range.start : 0 };
      }
      if (rangeLocation === "End") {
        const p = paragraphs[paragraphs.length - 1]!;
        const at = range.kind === "text" ? range.end : p.text.length;
        return { kind: "text", paragraph: p, start: at, end: at };
      }
      throw invalid(`'${rangeLocation}' is not supported by the simulated Range.getRange.`, "Range.getRange");
    });
  }

  /** WordApi 1.3: from the start of this range to the end of the other. */
  expandTo(range: SimRange): SimRange {
    this.context.requireApi("WordApi", "1.3", "Range.expandTo");
    return new SimRange(this.context, () => {
      const self = this.resolve();
      const other = range.resolve();
      // Two stretches of one paragraph: the stretch covering both.
      if (self.kind === "text" && other.kind === "text" && self.paragraph === other.paragraph) {
        return { kind: "text", paragraph: self.paragraph, start: Math.min(self.start, other.start), end: Math.max(self.end, other.end) };
      }
      const from = rangeParagraphs(this.context, self)[0]!;
      const to = rangeParagraphs(this.context, other);
      return { kind: "span", from, to: to[to.length - 1]! };
    });
  }

  /** WordApi 1.1: deletes the range's text (a stretch of one paragraph only, in the simulated Word). */
  delete(): void {
    this.queueCall((range) => {
      if (range.kind !== "text") throw invalid("The simulated Word deletes text within one paragraph only.", "Range.delete");
      refuseLocked(this.context, range.paragraph, range.start, "Range.delete");
      editParagraph(range.paragraph, range.start, range.end - range.start, "");
    });
  }

  /** WordApi 1.1: text inserted at the start or end of the range, or in its place. */
  insertText(text: string, insertLocation: string): SimRange {
    let inserted: RangeTarget | null = null;
    this.queueCall((range) => {
      inserted = insertTextAt(this.context, range, text, insertLocation);
    });
    return new SimRange(this.context, () => {
      if (!inserted) throw itemNotFound("Range.insertText");
      return inserted;
    });
  }

  /** WordApi 1.4: a comment on the range. */
  insertComment(text: string): SimComment_ {
    this.context.requireApi("WordApi", "1.4", "Range.insertComment");
    let made: SimComment | null = null;
    this.queueCall((range) => {
      made = addComment(this.context, commentAnchor(this.context, range), text);
    });
    return new SimComment_(this.context, () => {
      if (!made) throw itemNotFound("Range.insertComment");
      return made;
    });
  }

  /**
   * WordApi 1.1; the type parameter is WordApi 1.5, DropDownList 1.9. The control is inserted at
   * the start of the range's first paragraph, as an inline control (the only kind simulated).
   */
  insertContentControl(type?: string): SimContentControl {
    if (type !== undefined) this.context.requireApi("WordApi", "1.5", "Range.insertContentControl(contentControlType)");
    if (type === "DropDownList" || type === "ComboBox") this.context.requireApi("WordApi", "1.9", `Range.insertContentControl("${type}")`);
    let made: ReturnType<typeof controlTarget> | null = null;
    this.queueCall((range) => {
      const p = rangeParagraphs(this.context, range)[0]!;
      made = controlTarget({ control: insertInlineControl(this.context, p, type ?? "RichText"), host: p });
    });
    return new SimContentControl(this.context, () => {
      if (!made) throw itemNotFound("Range.insertContentControl");
      return made;
    });
  }

  /** Range.select (WordApi 1.1): a write, so the selection changes at the next sync. */
  select(selectionMode?: string): void {
    this.queueCall((range) => {
      checkSelectionMode(selectionMode, "Range.select");
      this.context.state.setSelection(rangeLocation(this.context, range));
    });
  }
}


function insertTextAt(context: SimRequestContext, range: RangeTarget, text: string, where: string): RangeTarget {
  if (text.includes("\n") || text.includes("\r")) throw invalid("The simulated Word inserts text within one paragraph only.", "Range.insertText");
  const paragraphs = rangeParagraphs(context, range);
  let p: SimParagraphModel;
  let start: number;
  let end: number;
  if (range.kind === "text") {
    p = range.paragraph;
    start = range.start;
    end = range.end;
  } else {
    if (where === "Replace" && paragraphs.length > 1) throw invalid("The simulated Word replaces text within one paragraph only.", "Range.insertText");
    p = where === "End" ? paragraphs[paragraphs.length - 1]! : paragraphs[0]!;
    start = range.kind === "body" && range.where === "End" ? p.text.length : 0;
    end = range.kind === "body" && range.where === "Start" ? 0 : p.text.length;
  }
  let at: number;
  let removed = 0;
  if (where === "Start" || where === "Before") at = start;
  else if (where === "End" || where === "After") at = end;
  else if (where === "Replace") {
    at = start;
    removed = end - start;
  } else throw invalid(`'${where}' is not valid for Range.insertText.`, "Range.insertText");
  refuseLocked(context, p, at, "Range.insertText");
  editParagraph(p, at, removed, text);
  return { kind: "text", paragraph: p, start: at, end: at + text.length };
}

/**
 * Changes a paragraph's text, keeping an inline control at its start. Text put before the control
 * cannot be modelled and is refused; an edit inside the control's text becomes its own text (its
 * item no longer chosen: UNCONFIRMED for a real dropdown, which Word may refuse to edit).
 */
export function editParagraph(p: SimParagraphModel, at: number, removed: number, text: string): void {
  const control = p.control;
  if (control && at === 0 && removed === 0 && text !== "") {
    throw invalid("The simulated Word cannot put text before a content control.", "Range.insertText");
  }
  spliceText(p, at, removed, text);
  if (!control || at >= control.length) return;
  const end = Math.min(at + removed, control.length);
  control.length = control.length - (end - at) + text.length;
  control.selected = null;
  control.own = control.length > 0;
}

/**
 * Word keeps what a content control with cannotEdit holds from being edited (UNCONFIRMED how an
 * add-in's edit fails there: simulated as NotAllowed, failing the sync): a paragraph in a table the
 * control wraps, or characters of an inline control (text put just after it is outside it).
 */
function refuseLocked(context: SimRequestContext, p: SimParagraphModel, at: number, member: string): void {
  const inline = p.control?.cannotEdit === true && at < p.control.length;
  if (inline || parentControl(context.state.document.blocks, p)?.cannotEdit) {
    throw new SimOfficeError(SimErrorCodes.notAllowed, "The content control cannot be edited.", member);
  }
}

/** The innermost content control around a paragraph: one wrapping a table it is in (inline controls are in paragraphs, not around them). */
export function parentControl(blocks: SimBlock[], p: SimParagraphModel): SimControl | null {
  return parentControls(blocks).get(p) ?? null;
}

/** Every paragraph in a table wrapped by a content control, with the innermost such control. */
function parentControls(blocks: SimBlock[]): Map<SimParagraphModel, SimControl> {
  const out = new Map<SimParagraphModel, SimControl>();
  const walk = (list: SimBlock[], around: SimControl | null): void => {
    for (const block of list) {
      if (block.kind === "paragraph") {
        if (around) out.set(block, around);
        continue;
      }
      for (const row of block.rows) for (const c of row.cells) walk(c.blocks, block.control ?? around);
    }
  };
  walk(blocks, null);
  return out;
}

/** Paragraph.parentContentControlOrNullObject: the control found at sync, or a null object. */
function parentControlProxy(context: SimRequestContext, paragraph: () => SimParagraphModel): SimContentControl {
  return new SimContentControl(context, () => {
    const blocks = context.state.document.blocks;
    const control = context.memoized("parentControls", () => parentControls(blocks)).get(paragraph());
    if (!control) return NULL_TARGET;
    const host = context.memoized("controlHosts", () => new Map(controlsIn(blocks).map((found) => [found.control, found.host]))).get(control)!;
    return controlTarget({ control, host });
  });
}

function commentAnchor(context: SimRequestContext, range: RangeTarget): SimComment["anchor"] {
  if (range.kind === "body" && range.body.cell) return { cell: range.body.cell };
  const p = rangeParagraphs(context, range)[0]!;
  return { paragraph: p };
}

/**
 * A range as a snapshot location: a cell body's range is its (top-level) cell; the document body's
 * range is its first paragraph, or its last for "End"; a paragraph's text is that paragraph.
 */
function rangeLocation(context: SimRequestContext, range: RangeTarget): Location {
  const document = context.state.document;
  if (range.kind === "body" && range.body.cell) {
    const location = cellLocation(document, range.body.cell);
    if (!location) throw itemNotFound("Range.select");
    return location;
  }
  if (range.kind === "body" && range.body.level === 0) {
    const count = paragraphsIn(document.blocks).length;
    return { kind: "paragraph", paragraph: range.where === "End" ? count - 1 : 0 };
  }
  const p = rangeParagraphs(context, range)[0]!;
  const holder = cellOfParagraph(document, p);
  if (holder) return cellLocation(document, holder)!;
  const index = paragraphIndex(document, p);
  if (index < 0) throw itemNotFound("Range.select");
  return { kind: "paragraph", paragraph: index };
}

export class SimTableCollection extends SimClientCollection<TableEntry, SimTable> {
  protected readonly typeName = "Word.Table";
  protected readonly itemProperties = TABLE_PROPERTIES;
  protected createItem(model: TableEntry): SimTable {
    return new SimTable(this.context, () => model);
  }

  /** WordApi 1.3. */
  getFirst(): SimTable {
    this.context.requireApi("WordApi", "1.3", "TableCollection.getFirst");
    return new SimTable(this.context, () => {
      const first = this.resolveAll()[0];
      if (!first) throw itemNotFound("TableCollection.getFirst");
      return first;
    });
  }
}

const TABLE_PROPERTIES: PropertyReaders<TableEntry> = {
  values: (t) => tableValues(t.table),
  rowCount: (t) => t.table.rows.length,
  nestingLevel: (t) => t.nestingLevel,
  isUniform: (t) => t.table.rows.every((r) => r.cells.length === t.table.rows[0]?.cells.length),
};

/** Rows for a new table or rows: `values` must fit; missing ones are empty. */
function rowsFrom(values: string[][] | undefined, rowCount: number, width: number, member: string): SimTableModel["rows"] {
  if (values && (values.length > rowCount || values.some((r) => r.length > width))) {
    throw invalid("The values do not fit the rows being inserted.", member);
  }
  return Array.from({ length: rowCount }, (_, r) => ({
    cells: Array.from({ length: width }, (_, c) => cellWithText(values?.[r]?.[c] ?? "")),
  }));
}

function cellWithText(text: string): SimCell {
  return newCell(...text.split(/\r\n|\r|\n/));
}

function tableInserted(
  context: SimRequestContext,
  member: string,
  rowCount: number,
  columnCount: number,
  values: string[][] | undefined,
  place: () => { list: SimBlock[]; at: number },
): SimTable {
  let made: TableEntry | null = null;
  context.enqueue({
    execute: () => {
      if (!Number.isInteger(rowCount) || !Number.isInteger(columnCount) || rowCount < 1 || columnCount < 1) {
        throw invalid("A table needs at least one row and one column.", member);
      }
      const table: SimTableModel = { kind: "table", rows: rowsFrom(values, rowCount, columnCount, member) };
      const { list, at } = place();
      const next = list[at];
      // Word keeps tables apart with a paragraph, and a body ends with a paragraph.
      insertAll(list, at, next === undefined || next.kind === "table" ? [table, newParagraph("")] : [table]);
      made = { table, nestingLevel: 1 };
    },
  });
  return new SimTable(context, () => {
    if (!made) throw itemNotFound(member);
    return made;
  });
}

export class SimTable extends SimClientObject<TableEntry> {
  protected readonly typeName = "Word.Table";
  protected readonly properties = TABLE_PROPERTIES;
  private rowsProxy: SimTableRowCollection | null = null;

  get values(): string[][] {
    return this.loaded("values");
  }
  /** WordApi 1.3. Sets each cell's text (its paragraphs replaced); the values must match the table's shape. */
  set values(values: string[][]) {
    this.queueCall((entry) => {
      const rows = entry.table.rows;
      if (values.length !== rows.length || values.some((r, i) => r.length !== rows[i]!.cells.length)) {
        throw invalid("The values do not match the table's rows and cells.", "Table.values");
      }
      values.forEach((r, i) => r.forEach((text, c) => void (rows[i]!.cells[c] = cellWithText(text))));
    });
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get nestingLevel(): number {
    return this.loaded("nestingLevel");
  }
  get isUniform(): boolean {
    return this.loaded("isUniform");
  }

  /** WordApi 1.3. */
  get rows(): SimTableRowCollection {
    this.rowsProxy ??= new SimTableRowCollection(this.context, () => {
      const entry = this.resolve();
      return entry.table.rows.map((_, i) => ({ entry, index: i }));
    });
    return this.rowsProxy;
  }

  /** WordApi 1.3; "Throws an ItemNotFound error if the specified table cell doesn't exist" (at sync). */
  getCell(rowIndex: number, cellIndex: number): SimTableCell {
    return new SimTableCell(this.context, () => {
      const entry = this.resolve();
      const found = entry.table.rows[rowIndex]?.cells[cellIndex];
      if (!found) throw itemNotFound("Table.getCell");
      return { cell: found, level: entry.nestingLevel, rowIndex, cellIndex, entry };
    });
  }

  /** WordApi 1.3: rows at the start or end, copying the first or last row. */
  addRows(insertLocation: string, rowCount: number, values?: string[][]): void {
    this.queueCall((entry) => {
      const rows = entry.table.rows;
      const template = insertLocation === "Start" ? 0 : rows.length - 1;
      if (insertLocation !== "Start" && insertLocation !== "End") throw invalid(`'${insertLocation}' is not valid for Table.addRows.`, "Table.addRows");
      insertRowsAt(entry, template, insertLocation === "Start" ? "Before" : "After", rowCount, values, "Table.addRows");
    });
  }

  /** WordApi 1.3. */
  deleteRows(rowIndex: number, rowCount = 1): void {
    this.queueCall((entry) => {
      const rows = entry.table.rows;
      if (rowIndex < 0 || rowCount < 1 || rowIndex + rowCount > rows.length) throw itemNotFound("Table.deleteRows");
      rows.splice(rowIndex, rowCount);
      if (rows.length === 0) removeTable(this.context, entry.table);
    });
  }

  /** WordApi 1.3, for uniform tables: columns at the start or end. */
  addColumns(insertLocation: string, columnCount: number, values?: string[][]): void {
    this.queueCall((entry) => {
      const rows = entry.table.rows;
      if (!rows.every((r) => r.cells.length === rows[0]!.cells.length)) throw new SimOfficeError(SimErrorCodes.notAllowed, "The table is not uniform.", "Table.addColumns");
      if (insertLocation !== "Start" && insertLocation !== "End") throw invalid(`'${insertLocation}' is not valid for Table.addColumns.`, "Table.addColumns");
      rows.forEach((r, i) => {
        const added = Array.from({ length: columnCount }, (_, c) => cellWithText(values?.[i]?.[c] ?? ""));
        // The same array, the new cells first or last (loops: the count is the caller's).
        const after = insertLocation === "Start" ? r.cells.splice(0) : [];
        pushAll(r.cells, added);
        pushAll(r.cells, after);
      });
    });
  }

  /** WordApi 1.3, for uniform tables. */
  deleteColumns(columnIndex: number, columnCount = 1): void {
    this.queueCall((entry) => {
      const rows = entry.table.rows;
      if (!rows.every((r) => r.cells.length === rows[0]!.cells.length)) throw new SimOfficeError(SimErrorCodes.notAllowed, "The table is not uniform.", "Table.deleteColumns");
      if (columnIndex < 0 || columnIndex + columnCount > rows[0]!.cells.length) throw itemNotFound("Table.deleteColumns");
      for (const r of rows) r.cells.splice(columnIndex, columnCount);
    });
  }

  /** WordApi 1.3: a content control wrapping the table. */
  insertContentControl(): SimContentControl {
    this.context.requireApi("WordApi", "1.3", "Table.insertContentControl");
    let made: ReturnType<typeof controlTarget> | null = null;
    this.queueCall((entry) => {
      if (entry.table.control) throw new SimOfficeError(SimErrorCodes.notAllowed, "The table already has a content control.", "Table.insertContentControl");
      const control: SimControl = {
        id: this.context.state.nextId(),
        type: "RichText",
        tag: "",
        title: "",
        appearance: "BoundingBox",
        placeholderText: "",
        listItems: [],
        selected: null,
      };
      entry.table.control = control;
      made = controlTarget({ control, host: entry.table });
    });
    return new SimContentControl(this.context, () => {
      if (!made) throw itemNotFound("Table.insertContentControl");
      return made;
    });
  }

  /** WordApi 1.3. */
  delete(): void {
    this.queueCall((entry) => removeTable(this.context, entry.table));
  }
}

export function removeTable(context: SimRequestContext, table: SimTableModel): void {
  const remove = (list: SimBlock[]): boolean => {
    const at = list.indexOf(table);
    if (at >= 0) {
      list.splice(at, 1);
      return true;
    }
    return list.some((b) => b.kind === "table" && b.rows.some((r) => r.cells.some((c) => remove(c.blocks))));
  };
  if (!remove(context.state.document.blocks)) throw itemNotFound("Table.delete");
}

/**
 * TableRow.insertRows: `rowCount` rows before or after the template row, each with exactly its
 * cell count (values wider than that are refused) and its paragraphs' bold; content controls are
 * not copied (UNCONFIRMED for real Word).
 */
function insertRowsAt(entry: TableEntry, template: number, where: string, rowCount: number, values: string[][] | undefined, member: string): number {
  const rows = entry.table.rows;
  const model = rows[template];
  if (!model) throw itemNotFound(member);
  if (where !== "Before" && where !== "After") throw invalid(`'${where}' is not valid for ${member}.`, member);
  if (!Number.isInteger(rowCount) || rowCount < 1) throw invalid("rowCount must be a positive whole number.", member);
  const made = rowsFrom(values, rowCount, model.cells.length, member);
  for (const row of made) {
    row.cells.forEach((c, i) => {
      const bold = paragraphsIn(model.cells[i]!.blocks)[0]?.paragraph.bold;
      if (bold !== undefined) for (const e of paragraphsIn(c.blocks)) e.paragraph.bold = bold;
    });
  }
  const at = where === "After" ? template + 1 : template;
  insertAll(rows, at, made);
  return at;
}

interface RowTarget {
  entry: TableEntry;
  index: number;
}

export class SimTableRowCollection extends SimClientCollection<RowTarget, SimTableRow> {
  protected readonly typeName = "Word.TableRow";
  protected readonly itemProperties = ROW_PROPERTIES;
  protected createItem(model: RowTarget): SimTableRow {
    return new SimTableRow(this.context, () => model);
  }

  /** WordApi 1.3. */
  getFirst(): SimTableRow {
    return new SimTableRow(this.context, () => {
      const first = this.resolveAll()[0];
      if (!first) throw itemNotFound("TableRowCollection.getFirst");
      return first;
    });
  }
}

const ROW_PROPERTIES: PropertyReaders<RowTarget> = {
  values: (r) => [r.entry.table.rows[r.index]!.cells.map((c) => paragraphsIn(c.blocks).map((e) => e.paragraph.text).join(VALUES_PARAGRAPH_SEPARATOR))],
  cellCount: (r) => r.entry.table.rows[r.index]!.cells.length,
  rowIndex: (r) => r.index,
};

/** A row proxy keeps its row (not its index): rows inserted or deleted before it move it. */
export class SimTableRow extends SimClientObject<RowTarget> {
  protected readonly typeName = "Word.TableRow";
  protected readonly properties = ROW_PROPERTIES;
  private row: SimTableModel["rows"][number] | null = null;

  private current(): RowTarget {
    const target = this.resolve();
    this.row ??= target.entry.table.rows[target.index] ?? null;
    const index = this.row ? target.entry.table.rows.indexOf(this.row) : -1;
    if (index < 0) throw itemNotFound("TableRow");
    return { entry: target.entry, index };
  }

  get cellCount(): number {
    return this.loaded("cellCount");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get values(): string[][] {
    return this.loaded("values");
  }

  /** WordApi 1.3: rows copying this one; values wider than it are refused (InvalidArgument). */
  insertRows(insertLocation: string, rowCount: number, values?: string[][]): SimTableRowCollection {
    let inserted: RowTarget[] = [];
    this.context.enqueue({
      execute: () => {
        const { entry, index } = this.current();
        const at = insertRowsAt(entry, index, insertLocation, rowCount, values, "TableRow.insertRows");
        inserted = Array.from({ length: rowCount }, (_, i) => ({ entry, index: at + i }));
      },
    });
    return new SimTableRowCollection(this.context, () => inserted);
  }

  /** WordApi 1.3. */
  delete(): void {
    this.context.enqueue({
      execute: () => {
        const { entry, index } = this.current();
        entry.table.rows.splice(index, 1);
        if (entry.table.rows.length === 0) removeTable(this.context, entry.table);
      },
    });
  }
}

interface CellTarget {
  cell: SimCell;
  /** The nesting level of the cell's table. */
  level: number;
  rowIndex: number;
  cellIndex: number;
  entry: TableEntry;
}

export class SimTableCell extends SimClientObject<CellTarget> {
  protected readonly typeName = "Word.TableCell";
  protected readonly properties: PropertyReaders<CellTarget> = {
    value: (c) => bodyText({ blocks: c.cell.blocks, level: c.level, cell: c.cell }),
    rowIndex: (c) => c.rowIndex,
    cellIndex: (c) => c.cellIndex,
  };
  private bodyProxy: SimBody | null = null;

  get value(): string {
    return this.loaded("value");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get cellIndex(): number {
    return this.loaded("cellIndex");
  }

  get body(): SimBody {
    this.bodyProxy ??= new SimBody(this.context, () => {
      const target = this.resolve();
      return { blocks: target.cell.blocks, level: target.level, cell: target.cell };
    });
    return this.bodyProxy;
  }

  /** WordApi 1.3: the row this cell is in. */
  get parentRow(): SimTableRow {
    this.context.requireApi("WordApi", "1.3", "TableCell.parentRow");
    return new SimTableRow(this.context, () => {
      const target = this.resolve();
      const index = target.entry.table.rows.findIndex((r) => r.cells.includes(target.cell));
      if (index < 0) throw itemNotFound("TableCell.parentRow");
      return { entry: target.entry, index };
    });
  }
}

/** Character formatting of a body's paragraphs (WordApi 1.1); only `bold` is simulated. */
export class SimFont extends SimClientObject<SimParagraphModel[]> {
  protected readonly typeName = "Word.Font";
  protected readonly properties: PropertyReaders<SimParagraphModel[]> = {
    bold: (ps) => (ps.every((p) => p.bold === true) ? true : ps.every((p) => !p.bold) ? false : null),
  };

  get bold(): boolean | null {
    return this.loaded("bold");
  }
  set bold(on: boolean) {
    this.queueCall((ps) => {
      for (const p of ps) {
        p.bold = on;
        for (const run of p.runs ?? []) run.format.bold = on;
      }
    });
  }
}

export class SimParagraphCollection extends SimClientCollection<ParagraphEntry, SimParagraph> {
  protected readonly typeName = "Word.Paragraph";
  protected readonly itemProperties = PARAGRAPH_PROPERTIES;
  protected createItem(model: ParagraphEntry): SimParagraph {
    return new SimParagraph(this.context, () => model);
  }

  /** WordApi 1.3. */
  getFirst(): SimParagraph {
    this.context.requireApi("WordApi", "1.3", "ParagraphCollection.getFirst");
    return new SimParagraph(this.context, () => {
      const first = this.resolveAll()[0];
      if (!first) throw itemNotFound("ParagraphCollection.getFirst");
      return first;
    });
  }
}

const PARAGRAPH_PROPERTIES: PropertyReaders<ParagraphEntry> = {
  text: (p) => p.paragraph.text,
  tableNestingLevel: (p) => p.tableNestingLevel,
};

export class SimParagraph extends SimClientObject<ParagraphEntry> {
  protected readonly typeName = "Word.Paragraph";
  protected readonly properties = PARAGRAPH_PROPERTIES;
  protected override readonly navigations = { parentContentControlOrNullObject: () => this.parentContentControlOrNullObject };
  private parentControlProxy: SimContentControl | null = null;

  get text(): string {
    return this.loaded("text");
  }
  get tableNestingLevel(): number {
    return this.loaded("tableNestingLevel");
  }

  /** Paragraph.select (WordApi 1.1): the selection is reported as this paragraph's location. */
  select(selectionMode?: string): void {
    this.queueCall((entry) => {
      checkSelectionMode(selectionMode, "Paragraph.select");
      const index = paragraphIndex(this.context.state.document, entry.paragraph);
      if (index < 0) throw itemNotFound("Paragraph.select");
      this.context.state.setSelection({ kind: "paragraph", paragraph: index });
    });
  }

  /** WordApi 1.3: the innermost content control around the paragraph, or a null object (isNullObject) when there is none. */
  get parentContentControlOrNullObject(): SimContentControl {
    this.context.requireApi("WordApi", "1.3", "Paragraph.parentContentControlOrNullObject");
    this.parentControlProxy ??= parentControlProxy(this.context, () => this.resolve().paragraph);
    return this.parentControlProxy;
  }

  /** WordApi 1.3: the next paragraph in the document. */
  getNext(): SimParagraph {
    this.context.requireApi("WordApi", "1.3", "Paragraph.getNext");
    return new SimParagraph(this.context, () => {
      const all = paragraphsIn(this.context.state.document.blocks);
      const at = all.findIndex((e) => e.paragraph === this.resolve().paragraph);
      const next = at >= 0 ? all[at + 1] : undefined;
      if (!next) throw itemNotFound("Paragraph.getNext");
      return next;
    });
  }

  /** WordApi 1.3 (Whole, Start, End). */
  getRange(rangeLocation = "Whole"): SimRange {
    this.context.requireApi("WordApi", "1.3", "Paragraph.getRange");
    return new SimRange(this.context, () => {
      const p = this.resolve().paragraph;
      if (rangeLocation === "Whole" || rangeLocation === "Content") return { kind: "text", paragraph: p, start: 0, end: p.text.length };
      if (rangeLocation === "Start") return { kind: "text", paragraph: p, start: 0, end: 0 };
      if (rangeLocation === "End") return { kind: "text", paragraph: p, start: p.text.length, end: p.text.length };
      throw invalid(`'${rangeLocation}' is not valid for Paragraph.getRange.`, "Paragraph.getRange");
    });
  }

  /** WordApi 1.1 (Replace, Start, End). */
  insertText(text: string, insertLocation: string): SimRange {
    if (!["Replace", "Start", "End"].includes(insertLocation)) {
      this.queueCall(() => {
        throw invalid(`'${insertLocation}' is not valid for Paragraph.insertText.`, "Paragraph.insertText");
      });
    }
    return this.getRange("Whole").insertText(text, insertLocation);
  }

  /**
   * WordApi 1.1: the ranges where `searchText` occurs, left to right, not overlapping. Only plain
   * text is simulated: wildcards and "^" special characters are refused; matchCase is honoured.
   */
  search(searchText: string, options?: { matchCase?: boolean; matchWildcards?: boolean }): SimRangeCollection {
    return new SimRangeCollection(this.context, () => {
      if (searchText.length > 255) throw invalid("The search text can be at most 255 characters.", "Paragraph.search");
      if (searchText.includes("^") || options?.matchWildcards) throw invalid("The simulated Word searches plain text only.", "Paragraph.search");
      if (searchText === "") throw invalid("The search text is empty.", "Paragraph.search");
      const p = this.resolve().paragraph;
      const haystack = options?.matchCase ? p.text : p.text.toLowerCase();
      const needle = options?.matchCase ? searchText : searchText.toLowerCase();
      const found: RangeTarget[] = [];
      for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
        found.push({ kind: "text", paragraph: p, start: at, end: at + needle.length });
      }
      return found;
    });
  }

  /** WordApi 1.3: a table after (or before) this paragraph; an empty paragraph follows it when a table or nothing would. */
  insertTable(rowCount: number, columnCount: number, insertLocation: string, values?: string[][]): SimTable {
    this.context.requireApi("WordApi", "1.3", "Paragraph.insertTable");
    return tableInserted(this.context, "Paragraph.insertTable", rowCount, columnCount, values, () => {
      const p = this.resolve().paragraph;
      if (insertLocation !== "Before" && insertLocation !== "After") throw invalid(`'${insertLocation}' is not valid for Paragraph.insertTable.`, "Paragraph.insertTable");
      const list = blockListHolding(this.context.state.document.blocks, p);
      if (!list) throw itemNotFound("Paragraph.insertTable");
      return { list, at: list.indexOf(p) + (insertLocation === "After" ? 1 : 0) };
    });
  }
}

function blockListHolding(blocks: SimBlock[], p: SimParagraphModel): SimBlock[] | null {
  if (blocks.includes(p)) return blocks;
  for (const b of blocks) {
    if (b.kind !== "table") continue;
    for (const r of b.rows) for (const c of r.cells) {
      const found = blockListHolding(c.blocks, p);
      if (found) return found;
    }
  }
  return null;
}

export class SimRangeCollection extends SimClientCollection<RangeTarget, SimRange> {
  protected readonly typeName = "Word.Range";
  protected readonly itemProperties: PropertyReaders<RangeTarget> = {
    text: (r) => rangeText(this.context, r),
  };
  protected createItem(model: RangeTarget): SimRange {
    return new SimRange(this.context, () => model);
  }

  /** WordApi 1.3. */
  getFirst(): SimRange {
    this.context.requireApi("WordApi", "1.3", "RangeCollection.getFirst");
    return new SimRange(this.context, () => {
      const first = this.resolveAll()[0];
      if (!first) throw itemNotFound("RangeCollection.getFirst");
      return first;
    });
  }
}
