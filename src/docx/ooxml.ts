import type { DocumentSnapshot, SnapshotBlock, SnapshotCell, SnapshotParagraph, SnapshotRow, SnapshotTable } from "../model/snapshot";
import { DocxError, messages } from "./errors";
import { MARKUP_COMPATIBILITY, UNDERSTOOD_NAMESPACES, isWordprocessingMl } from "./names";
import type { PositionRecorder } from "./positions";
import { attribute, XmlStream, type XmlTag } from "./xml";
import type { ChunkSink } from "./zip";

/** Limits that keep time and memory bounded whatever the file holds (a 5,000-recommendation document has about 170,000 paragraphs). */
export const MAX_PARAGRAPHS = 500_000;
/** Tables, rows and cells together. */
export const MAX_TABLE_PARTS = 500_000;
export const MAX_TEXT_CHARACTERS = 32 * 1024 * 1024;

/** What an element is read as: the content its parent's context lets it hold. */
const ROOT = 0;
const DOCUMENT = 1;
/** Paragraphs and tables: the body's, or a cell's (nested tables' cells included). */
const BLOCKS = 2;
const TABLE = 3;
const ROW = 4;
/** A paragraph's content, and the wrappers (hyperlinks, insertions, content controls…) inside it. */
const INLINE = 5;
const RUN = 6;
/** A w:t: its own character data is the text. */
const TEXT = 7;
/** A w:sdt: its first w:sdtContent is read in the context the w:sdt stands in. */
const CONTROL = 8;
/** An mc:AlternateContent: exactly one branch is read, in the context it stands in. */
const ALTERNATE = 9;
/** A row's w:trPr: a w:del in it marks the row deleted (a tracked change). */
const ROW_PROPERTIES = 10;
/** A row marked deleted: nothing more in it is read, as if the deletion were accepted. */
const DELETED_ROW = 11;
type Mode =
  | typeof ROOT | typeof DOCUMENT | typeof BLOCKS | typeof TABLE | typeof ROW | typeof INLINE | typeof RUN | typeof TEXT
  | typeof CONTROL | typeof ALTERNATE | typeof ROW_PROPERTIES | typeof DELETED_ROW;

/** The WordprocessingML elements the reader acts on, by local name. */
const enumerated = <T extends string>(names: readonly T[]): ReadonlyMap<string, number> =>
  new Map(names.map((name, index) => [name, index + 1]));
const W = enumerated([
  "document", "body", "p", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "moveTo", "r",
  "hyperlink", "smartTag", "fldSimple", "dir", "bdo", "t", "tab", "ptab", "br", "cr", "noBreakHyphen", "sym", "fldChar",
  "trPr", "del",
] as const);
const code = (name: string): number => W.get(name) ?? 0;
const W_DOCUMENT = code("document");
const W_BODY = code("body");
const W_P = code("p");
const W_TBL = code("tbl");
const W_TR = code("tr");
const W_TC = code("tc");
const W_SDT = code("sdt");
const W_SDT_CONTENT = code("sdtContent");
const W_R = code("r");
const W_T = code("t");
const W_NO_BREAK_HYPHEN = code("noBreakHyphen");
const W_SYM = code("sym");
const W_FLD_CHAR = code("fldChar");
const W_TR_PR = code("trPr");
const W_DEL = code("del");
/** Containers whose content is read as if it stood in their place. */
const BLOCK_WRAPPERS = new Set(["customXml", "ins", "moveTo"].map(code));
const ROW_WRAPPERS = BLOCK_WRAPPERS;
const INLINE_WRAPPERS = new Set(["ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo"].map(code));
/** Run children that show as a space. */
const SPACES = new Set(["tab", "ptab", "br", "cr"].map(code));
/** mc: elements. */
const MC_ALTERNATE = -1;
const MC_CHOICE = -2;
const MC_FALLBACK = -3;

/** What closing a frame finishes. */
const ENDS_NOTHING = 0;
const ENDS_PARAGRAPH = 1;
const ENDS_TEXT = 2;
/** A top-level table, row or cell: what was collected for it is copied in at its close. */
const ENDS_CELL = 3;
const ENDS_ROW = 4;
const ENDS_TABLE = 5;
/** A nested table's row: nothing to finish, but known from a wrapper read in the row's context. */
const ENDS_NESTED_ROW = 6;

/** A top-level cell's, row's or table's array until it closes. */
const COLLECTING: never[] = [];

interface Frame {
  mode: Mode;
  /** For CONTROL and ALTERNATE: the context their content is read in. */
  inner: Mode;
  /** Where paragraphs go: null for the body, else the top-level cell they belong to. */
  sink: SnapshotCell | null;
  /** The top-level table (and its current row) being read; null inside nested tables. */
  table: SnapshotTable | null;
  row: SnapshotRow | null;
  /** CONTROL: its content was read; ALTERNATE: a branch was taken; ROW: a cell was. */
  used: boolean;
  ends: number;
}

/**
 * Reads word/document.xml in one streaming pass into a snapshot. Paragraph indices count every
 * paragraph in document order, those in (nested) table cells included, as Word's `body.paragraphs`
 * does; only top-level tables get a table index, and each real cell (w:tc) is one cell, as in
 * `Table.values`; a nested table's text is flattened into its cell's paragraphs. Content controls,
 * tracked insertions and moves, custom XML, hyperlinks and fields are read through; tracked deletions,
 * field codes, properties and drawings are not text.
 */
export function snapshotFromDocumentXml(bytes: Uint8Array): DocumentSnapshot {
  const sink = documentSink();
  sink.chunk(bytes);
  return sink.end();
}

/** The same reader, fed word/document.xml a piece at a time as it is unpacked. */
export function documentSink(): ChunkSink<DocumentSnapshot> {
  const reader = new DocumentReader();
  const stream = new XmlStream(reader);
  reader.stream = stream;
  return {
    chunk: (bytes) => stream.writeBytes(bytes),
    end: () => {
      stream.end();
      return reader.finish();
    },
  };
}

/**
 * Reads word/document.xml in one streaming pass, fed to `stream` piece by piece. With `positions`
 * (the write path, which has the part's whole text), it also notes where each place it reads is.
 */
export class DocumentReader {
  /** Where prefixes named in attribute values are resolved (the stream reading the part). */
  stream: Pick<XmlStream, "resolve"> | undefined;
  readonly classify = classifyElement;
  positions: PositionRecorder | null = null;
  private readonly blocks: SnapshotBlock[] = [];
  private readonly frames: Frame[] = [];
  private top = 0;
  /** Depth below an element whose content is not read (0: reading). */
  private skip = 0;
  private bodySeen = false;
  private paragraphs = 0;
  private tables = 0;
  private tableParts = 0;
  private characters = 0;
  /** The open paragraph's text, the open w:t's text, and the paragraph's open fields. */
  private paragraphText = "";
  private runText = "";
  /** Per open complex field (w:fldChar begin … separate … end): true while it shows its code, not its result. */
  private readonly fields: boolean[] = [];
  private fieldsInCode = 0;
  /**
   * The open top-level table's rows, its open row's cells and its open cell's paragraphs (only one of
   * each is open at a time: a table in a cell is read into the cell). Collected in arrays reused from
   * one to the next and copied, exactly sized, into the snapshot when each closes: an array grown by
   * `push` keeps spare slots (17 for one paragraph), most of a large snapshot's memory and GC copying.
   */
  private readonly rows = new Collector<SnapshotRow>();
  private readonly cells = new Collector<SnapshotCell>();
  private readonly cellParagraphs = new Collector<string>();
  /** Body paragraphs whose text may still hold on to a piece of the part (see ownCopies). */
  private readonly sharingBody: SnapshotParagraph[] = [];

  constructor() {
    this.push(ROOT, ROOT, null, null, null, ENDS_NOTHING);
  }

  finish(): DocumentSnapshot {
    if (!this.bodySeen) throw new DocxError("not-word", messages.notWord());
    this.ownBodyTexts();
    return { blocks: this.blocks.slice() };
  }

  /** True when the element holds nothing read here (the stream then skips its content; not on the write path, whose positions see every element). */
  open(tag: XmlTag, depth: number): boolean | void {
    const positions = this.positions;
    if (positions !== null) positions.element(tag, depth);
    if (this.skip > 0) {
      this.skip++;
      return false;
    }
    const frame = this.frames[this.top - 1];
    const name = tag.code;
    if (positions !== null) this.notePosition(positions, frame, name, tag, depth);
    const { sink, table, row } = frame;
    switch (frame.mode) {
      case ROOT:
        if (name === W_DOCUMENT) return this.push(DOCUMENT, DOCUMENT, null, null, null, ENDS_NOTHING);
        break;
      case DOCUMENT:
        if (name === W_BODY && !frame.used) {
          frame.used = true;
          this.bodySeen = true;
          return this.push(BLOCKS, BLOCKS, null, null, null, ENDS_NOTHING);
        }
        break;
      case BLOCKS:
        if (name === W_P) return this.startParagraph(sink);
        if (name === W_TBL) return this.startTable(sink);
        if (name === W_SDT) return this.push(CONTROL, BLOCKS, sink, null, null, ENDS_NOTHING);
        if (BLOCK_WRAPPERS.has(name)) return this.push(BLOCKS, BLOCKS, sink, null, null, ENDS_NOTHING);
        if (name === MC_ALTERNATE) return this.push(ALTERNATE, BLOCKS, sink, null, null, ENDS_NOTHING);
        break;
      case TABLE:
        if (name === W_TR) return this.startRow(frame);
        if (name === W_SDT) return this.push(CONTROL, TABLE, sink, table, null, ENDS_NOTHING);
        if (ROW_WRAPPERS.has(name)) return this.push(TABLE, TABLE, sink, table, null, ENDS_NOTHING);
        if (name === MC_ALTERNATE) return this.push(ALTERNATE, TABLE, sink, table, null, ENDS_NOTHING);
        break;
      case ROW:
        if (name === W_TC) return this.startCell(frame);
        // CT_Row: its properties come before its cells, so a row marked deleted is known before any of its text.
        if (name === W_TR_PR) return this.push(ROW_PROPERTIES, ROW_PROPERTIES, sink, table, row, ENDS_NOTHING);
        if (name === W_SDT) return this.push(CONTROL, ROW, sink, table, row, ENDS_NOTHING);
        if (ROW_WRAPPERS.has(name)) return this.push(ROW, ROW, sink, table, row, ENDS_NOTHING);
        if (name === MC_ALTERNATE) return this.push(ALTERNATE, ROW, sink, table, row, ENDS_NOTHING);
        break;
      case INLINE:
        if (name === W_R) return this.push(RUN, RUN, sink, null, null, ENDS_NOTHING);
        if (name === W_SDT) return this.push(CONTROL, INLINE, sink, null, null, ENDS_NOTHING);
        if (INLINE_WRAPPERS.has(name)) return this.push(INLINE, INLINE, sink, null, null, ENDS_NOTHING);
        if (name === MC_ALTERNATE) return this.push(ALTERNATE, INLINE, sink, null, null, ENDS_NOTHING);
        break;
      case RUN:
        if (name === W_FLD_CHAR) this.field(attribute(tag, tag.uri, "fldCharType"));
        else if (name === MC_ALTERNATE) return this.push(ALTERNATE, RUN, sink, null, null, ENDS_NOTHING);
        else if (this.fieldsInCode > 0) break;
        else if (name === W_T) {
          this.runText = "";
          return this.push(TEXT, TEXT, sink, null, null, ENDS_TEXT);
        } else if (SPACES.has(name)) this.append(" ");
        else if (name === W_NO_BREAK_HYPHEN) this.append("-");
        else if (name === W_SYM) this.append(symbol(attribute(tag, tag.uri, "char")));
        break;
      case ROW_PROPERTIES:
        if (name === W_DEL) this.deleteRow();
        break;
      case CONTROL:
        if (name === W_SDT_CONTENT && !frame.used) {
          frame.used = true;
          return this.push(frame.inner, frame.inner, sink, table, row, ENDS_NOTHING);
        }
        break;
      case ALTERNATE:
        if (!frame.used && (name === MC_FALLBACK || (name === MC_CHOICE && this.understood(attribute(tag, "", "Requires"))))) {
          frame.used = true;
          return this.push(frame.inner, frame.inner, sink, table, row, ENDS_NOTHING);
        }
        break;
    }
    // Anything else (properties, bookmarks, w:del and w:moveFrom, w:instrText, drawings, a second
    // w:sdtContent or mc:Choice, what follows a row's deletion mark…) holds nothing read here.
    this.skip = 1;
    return positions === null;
  }

  close(depth: number): void {
    if (this.positions !== null) this.positions.close(depth);
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    const frame = this.frames[--this.top];
    if (frame.ends === ENDS_TEXT) {
      this.paragraphText += this.runText;
      this.runText = "";
    } else if (frame.ends === ENDS_PARAGRAPH) {
      this.endParagraph(frame.sink);
    } else if (frame.ends === ENDS_CELL) {
      frame.sink!.paragraphs = this.cellParagraphs.take();
    } else if (frame.ends === ENDS_ROW) {
      frame.row!.cells = this.cells.take();
    } else if (frame.ends === ENDS_TABLE) {
      const table = frame.table!;
      table.rows = this.rows.take();
      // With positions, the part's whole text is kept anyway (and the texts are slices of it).
      if (this.positions === null) ownTexts(table);
    }
  }

  text(text: string): void {
    if (this.skip > 0 || this.frames[this.top - 1].mode !== TEXT) return;
    this.count(text.length);
    this.runText += text;
  }

  /** The write path's note of where a place the reader is about to read is (see PositionRecorder). */
  private notePosition(positions: PositionRecorder, frame: Frame, name: number, tag: XmlTag, depth: number): void {
    const { mode, sink } = frame;
    if (mode === ROOT || mode === DOCUMENT || mode === BLOCKS || mode === TABLE || mode === ROW || mode === CONTROL) {
      if (tag.prefix === "w" && !isWordprocessingMl(tag.uri)) positions.foreign();
    }
    switch (mode) {
      case ROOT:
        if (name === W_DOCUMENT) positions.rootDocument(tag, depth);
        return;
      case DOCUMENT:
        if (name === W_BODY && !frame.used) positions.rootBody(tag, depth);
        return;
      case BLOCKS:
        if (name === W_P) positions.paragraph(tag, depth, sink !== null);
        else if (name === W_TBL) positions.startTable(tag, depth, sink === null);
        else if (name === W_SDT && sink === null) positions.blockSdt(tag, depth);
        else if (name === W_SDT || BLOCK_WRAPPERS.has(name)) positions.structural(tag);
        else if (name === MC_ALTERNATE) positions.alternate(depth);
        return;
      case TABLE:
        if (name === W_TR) positions.startRow(tag, depth, frame.table !== null);
        else if (name === W_SDT || ROW_WRAPPERS.has(name)) positions.structural(tag);
        else if (name === MC_ALTERNATE) positions.alternate(depth);
        return;
      case ROW:
        if (name === W_TC) positions.startCell(tag, depth, frame.table !== null && frame.row !== null);
        else if (name === W_SDT || ROW_WRAPPERS.has(name)) positions.structural(tag);
        else if (name === MC_ALTERNATE) positions.alternate(depth);
        return;
      case CONTROL:
        if (name === W_SDT_CONTENT && !frame.used) positions.structural(tag);
        return;
    }
  }

  private push(mode: Mode, inner: Mode, sink: SnapshotCell | null, table: SnapshotTable | null, row: SnapshotRow | null, ends: number): void {
    let frame = this.frames[this.top];
    if (frame === undefined) {
      frame = { mode, inner, sink, table, row, used: false, ends };
      this.frames[this.top] = frame;
    } else {
      frame.mode = mode;
      frame.inner = inner;
      frame.sink = sink;
      frame.table = table;
      frame.row = row;
      frame.used = false;
      frame.ends = ends;
    }
    this.top++;
  }

  private startParagraph(sink: SnapshotCell | null): void {
    if (this.paragraphs >= MAX_PARAGRAPHS) throw new DocxError("too-large", messages.tooManyParagraphs(MAX_PARAGRAPHS));
    this.paragraphText = "";
    this.fields.length = 0;
    this.fieldsInCode = 0;
    this.push(INLINE, INLINE, sink, null, null, ENDS_PARAGRAPH);
  }

  private endParagraph(sink: SnapshotCell | null): void {
    const text = this.paragraphText;
    this.paragraphText = "";
    if (sink === null) {
      const paragraph: SnapshotParagraph = { kind: "paragraph", text, location: { kind: "paragraph", paragraph: this.paragraphs++ } };
      this.blocks.push(paragraph);
      if (text.length >= SHORTEST_SHARED && this.positions === null && this.sharingBody.push(paragraph) >= BODY_TEXTS_AT_ONCE) this.ownBodyTexts();
    } else {
      // `sink` is the one open top-level cell, whose paragraphs are being collected.
      this.cellParagraphs.add(text);
      this.paragraphs++;
    }
  }

  /** A body table is a snapshot table; a table inside a cell is read into that cell. */
  private startTable(sink: SnapshotCell | null): void {
    this.countTablePart();
    if (sink !== null) return this.push(TABLE, TABLE, sink, null, null, ENDS_NOTHING);
    const table: SnapshotTable = { kind: "table", index: this.tables++, rows: COLLECTING };
    this.blocks.push(table);
    this.rows.start();
    this.push(TABLE, TABLE, null, table, null, ENDS_TABLE);
  }

  private startRow(frame: Frame): void {
    this.countTablePart();
    if (frame.table === null) return this.push(ROW, ROW, frame.sink, null, null, ENDS_NESTED_ROW);
    const row: SnapshotRow = { cells: COLLECTING };
    this.rows.add(row);
    this.cells.start();
    this.push(ROW, ROW, null, frame.table, row, ENDS_ROW);
  }

  /**
   * The row being read is marked deleted (w:trPr/w:del): it is read as Word shows it once the change is
   * accepted, not at all. Nothing of it was read yet, as its cells follow its properties; a top-level row
   * leaves its table, and the write path's places forget it too.
   */
  private deleteRow(): void {
    const row = this.frames[this.top - 2];
    // Only a w:tr's own properties, before any cell (as the schema has them): otherwise the row stays as it is read.
    if ((row.ends !== ENDS_ROW && row.ends !== ENDS_NESTED_ROW) || row.used) return;
    row.mode = DELETED_ROW;
    if (row.row === null) return;
    this.rows.dropLast();
    if (this.positions !== null) this.positions.dropRow();
  }

  private startCell(frame: Frame): void {
    this.countTablePart();
    frame.used = true;
    const { table, row } = frame;
    if (table === null || row === null) return this.push(BLOCKS, BLOCKS, frame.sink, null, null, ENDS_NOTHING);
    // The row being read is always its table's last.
    const cell: SnapshotCell = {
      paragraphs: COLLECTING,
      location: { kind: "cell", table: table.index, row: this.rows.count - 1, cell: this.cells.count },
    };
    this.cells.add(cell);
    this.cellParagraphs.start();
    this.push(BLOCKS, BLOCKS, cell, null, null, ENDS_CELL);
  }

  private ownBodyTexts(): void {
    const paragraphs = this.sharingBody;
    const own = ownCopies(paragraphs.map((paragraph) => paragraph.text));
    if (own !== undefined) for (let i = 0; i < paragraphs.length; i++) paragraphs[i].text = own[i];
    paragraphs.length = 0;
  }

  private countTablePart(): void {
    if (++this.tableParts > MAX_TABLE_PARTS) throw new DocxError("too-large", messages.tooManyTableParts(MAX_TABLE_PARTS));
  }

  private count(characters: number): void {
    this.characters += characters;
    if (this.characters > MAX_TEXT_CHARACTERS) throw new DocxError("too-large", messages.tooMuchText(MAX_TEXT_CHARACTERS));
  }

  private append(text: string): void {
    this.count(text.length);
    this.paragraphText += text;
  }

  /**
   * A complex field (w:fldChar begin … separate … end) shows its result, not its code: text is kept
   * only while every open field is past its separator. Fields nest (an IF holding a MERGEFIELD), and
   * are kept per paragraph, so a field left open by a damaged file hides no more than its paragraph.
   */
  private field(type: string | undefined): void {
    const fields = this.fields;
    if (type === "begin") {
      fields.push(true);
      this.fieldsInCode++;
    } else if (type === "separate" && fields.length > 0) {
      if (fields[fields.length - 1]) this.fieldsInCode--;
      fields[fields.length - 1] = false;
    } else if (type === "end" && fields.length > 0) {
      if (fields.pop()) this.fieldsInCode--;
    }
  }

  /** An mc:Choice's Requires: every prefix it names is bound to a namespace the reader understands. */
  private understood(requires: string | undefined): boolean {
    const prefixes = requires?.trim().split(/\s+/) ?? [];
    if (prefixes.length === 0 || prefixes[0] === "") return false;
    return prefixes.every((prefix) => UNDERSTOOD_NAMESPACES.has(this.stream?.resolve(prefix) ?? ""));
  }
}

/**
 * Texts this short are copies already: V8 slices and joins only longer strings. Longer ones are, as
 * saxes hands text over, slices of the ~256 KB pieces of the part it is fed (and a paragraph of
 * several runs joins those), so a snapshot holding them would keep every piece of the part alive,
 * about the part's size again.
 */
const SHORTEST_SHARED = 13;
/** Joins a table's texts, never in its text (XML has no U+0000, and the reader adds none). */
const SEPARATOR = "\u0000";
/** Body paragraphs' texts are given storage of their own this many at a time. */
const BODY_TEXTS_AT_ONCE = 1024;

/** A table's cells' paragraphs given storage of their own (see ownCopies). */
function ownTexts(table: SnapshotTable): void {
  const shared: string[] = [];
  for (const row of table.rows) {
    for (const cell of row.cells) {
      for (const text of cell.paragraphs) if (text.length >= SHORTEST_SHARED) shared.push(text);
    }
  }
  const own = ownCopies(shared);
  if (own === undefined) return;
  let at = 0;
  for (const row of table.rows) {
    for (const cell of row.cells) {
      const paragraphs = cell.paragraphs;
      for (let i = 0; i < paragraphs.length; i++) if (paragraphs[i].length >= SHORTEST_SHARED) paragraphs[i] = own[at++];
    }
  }
}

/**
 * The same texts, holding on to nothing but their characters: joined into one string and split
 * again, they are slices of that string, which holds exactly them. Undefined when there is nothing
 * to copy (or, which cannot happen, a text held the separator).
 */
function ownCopies(texts: string[]): string[] | undefined {
  if (texts.length === 0) return undefined;
  const own = texts.join(SEPARATOR).split(SEPARATOR);
  return own.length === texts.length ? own : undefined;
}

/** Items collected in one array, reused, until `take` copies them out (exactly sized, no spare slots). */
class Collector<T> {
  private readonly items: T[] = [];
  count = 0;

  start(): void {
    this.count = 0;
  }

  add(item: T): void {
    this.items[this.count++] = item;
  }

  dropLast(): void {
    this.count--;
  }

  take(): T[] {
    const taken = this.count === 0 ? [] : this.items.slice(0, this.count);
    // Slots past `count` still hold old items until overwritten: at most one cell's, row's or table's worth.
    this.count = 0;
    return taken;
  }
}

/** A tag's code for the reader: W's for WordprocessingML, MC_* for markup compatibility, else 0. */
function classifyElement(uri: string, local: string): number {
  return isWordprocessingMl(uri) ? code(local) : uri === MARKUP_COMPATIBILITY ? mcCode(local) : 0;
}

function mcCode(local: string): number {
  return local === "AlternateContent" ? MC_ALTERNATE : local === "Choice" ? MC_CHOICE : local === "Fallback" ? MC_FALLBACK : 0;
}

/** A w:sym character. Symbol fonts use the private-use range F000–F0FF; Word reports the same code. */
function symbol(value: string | undefined): string {
  const code = value === undefined ? NaN : parseInt(value, 16);
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
}
