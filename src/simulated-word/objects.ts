import type { Location } from "../model/snapshot";
import type { SimRequestContext } from "./context";
import {
  type ParagraphEntry,
  type SimBlock,
  type SimCell,
  type TableEntry,
  VALUES_PARAGRAPH_SEPARATOR,
  cellLocation,
  paragraphIndex,
  paragraphsIn,
  tableValues,
  tablesIn,
} from "./document";
import { SimErrorCodes, SimOfficeError, itemNotFound } from "./errors";
import { SimClientCollection, SimClientObject, type PropertyReaders } from "./proxy";
import { isSetSupported } from "./context";

/** A body: the document's, or a table cell's. `level` is the table nesting level of its paragraphs. */
interface BodyTarget {
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

/** context.document */
export class SimWordDocument {
  private bodyProxy: SimBody | null = null;

  constructor(readonly context: SimRequestContext) {}

  get body(): SimBody {
    const state = this.context.state;
    this.bodyProxy ??= new SimBody(this.context, () => ({ blocks: state.document.blocks, level: 0, cell: null }));
    return this.bodyProxy;
  }
}

export class SimBody extends SimClientObject<BodyTarget> {
  protected readonly typeName = "Word.Body";
  protected readonly properties: PropertyReaders<BodyTarget> = { text: bodyText };
  private tablesProxy: SimTableCollection | null = null;
  private paragraphsProxy: SimParagraphCollection | null = null;

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

  /** WordApi 1.3. Body.getRange accepts Whole, Start, End and Content. */
  getRange(rangeLocation: BodyRangeLocation | string = "Whole"): SimRange {
    this.context.requireApi("WordApi", "1.3", "Body.getRange");
    return new SimRange(this.context, () => {
      if (!(RANGE_LOCATIONS as readonly string[]).includes(rangeLocation)) {
        throw new SimOfficeError(SimErrorCodes.invalidArgument, `'${rangeLocation}' is not valid for Body.getRange.`, "Body.getRange");
      }
      return { body: this.resolve(), where: rangeLocation as BodyRangeLocation };
    });
  }

  select(selectionMode?: string): void {
    this.getRange("Whole").select(selectionMode);
  }
}

interface RangeTarget {
  body: BodyTarget;
  where: BodyRangeLocation;
}

export class SimRange extends SimClientObject<RangeTarget> {
  protected readonly typeName = "Word.Range";
  protected readonly properties: PropertyReaders<RangeTarget> = {
    text: (r) => (r.where === "Start" || r.where === "End" ? "" : bodyText(r.body)),
    isEmpty: (r) => r.where === "Start" || r.where === "End" || bodyText(r.body) === "",
  };

  get text(): string {
    return this.loaded("text");
  }
  get isEmpty(): boolean {
    return this.loaded("isEmpty");
  }

  /** Range.select (WordApi 1.1): a write, so the selection changes at the next sync. */
  select(selectionMode?: string): void {
    this.queueCall((range) => {
      checkSelectionMode(selectionMode, "Range.select");
      this.context.state.setSelection(rangeLocation(this.context, range));
    });
  }
}

/**
 * A range as a snapshot location: a cell body's range is its (top-level) cell; the document body's
 * range is its first paragraph, or its last for "End".
 */
function rangeLocation(context: SimRequestContext, range: RangeTarget): Location {
  const document = context.state.document;
  if (range.body.cell) {
    const location = cellLocation(document, range.body.cell);
    if (!location) throw itemNotFound("Range.select");
    return location;
  }
  const count = paragraphsIn(document.blocks).length;
  return { kind: "paragraph", paragraph: range.where === "End" ? count - 1 : 0 };
}

export class SimTableCollection extends SimClientCollection<TableEntry, SimTable> {
  protected readonly typeName = "Word.Table";
  protected readonly itemProperties = TABLE_PROPERTIES;
  protected createItem(model: TableEntry): SimTable {
    return new SimTable(this.context, () => model);
  }
}

const TABLE_PROPERTIES: PropertyReaders<TableEntry> = {
  values: (t) => tableValues(t.table),
  rowCount: (t) => t.table.rows.length,
  nestingLevel: (t) => t.nestingLevel,
  isUniform: (t) => t.table.rows.every((r) => r.cells.length === t.table.rows[0]?.cells.length),
};

export class SimTable extends SimClientObject<TableEntry> {
  protected readonly typeName = "Word.Table";
  protected readonly properties = TABLE_PROPERTIES;

  get values(): string[][] {
    return this.loaded("values");
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

  /** WordApi 1.3; "Throws an ItemNotFound error if the specified table cell doesn't exist" (at sync). */
  getCell(rowIndex: number, cellIndex: number): SimTableCell {
    return new SimTableCell(this.context, () => {
      const entry = this.resolve();
      const found = entry.table.rows[rowIndex]?.cells[cellIndex];
      if (!found) throw itemNotFound("Table.getCell");
      return { cell: found, level: entry.nestingLevel, rowIndex, cellIndex };
    });
  }
}

interface CellTarget {
  cell: SimCell;
  /** The nesting level of the cell's table. */
  level: number;
  rowIndex: number;
  cellIndex: number;
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
}

export class SimParagraphCollection extends SimClientCollection<ParagraphEntry, SimParagraph> {
  protected readonly typeName = "Word.Paragraph";
  protected readonly itemProperties = PARAGRAPH_PROPERTIES;
  protected createItem(model: ParagraphEntry): SimParagraph {
    return new SimParagraph(this.context, () => model);
  }
}

const PARAGRAPH_PROPERTIES: PropertyReaders<ParagraphEntry> = {
  text: (p) => p.paragraph.text,
  tableNestingLevel: (p) => p.tableNestingLevel,
};

export class SimParagraph extends SimClientObject<ParagraphEntry> {
  protected readonly typeName = "Word.Paragraph";
  protected readonly properties = PARAGRAPH_PROPERTIES;

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
}
