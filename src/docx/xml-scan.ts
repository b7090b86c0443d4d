import { DocxError, messages } from "./errors";
import { notWellFormed } from "./xml-names";
import { DECLARATION_VERSION, declarationRest, decodeReferences, XML_10, XML_11, type Syntax } from "./xml-syntax";

/**
 * A conforming XML tokenizer (well-formedness checked, as saxes checks it) that scans with the
 * engine's native string operations: `indexOf` for the next `<`, one sticky regex per tag, one
 * test per run of text. saxes, which it replaces in the reader, reads one character at a time in
 * JavaScript, which costs a cold process most of its time in warming that loop up.
 *
 * It is fed text in pieces. A token cut by the end of a piece is held and tried again once what is
 * held has doubled (so a huge start tag costs linear time, not a retry per piece); text, comments,
 * CDATA and processing instructions are consumed as they come (text is reported in pieces).
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const BRACKET = 0x5d;
const CR = 0x0d;

/** What the scanner is in the middle of, between pieces. */
const CONTENT = 0;
const COMMENT = 1;
const PI = 2;
const CDATA = 3;
const DOCTYPE = 4;

/** A start tag as scanned: valid only while the sink's `start` runs. */
export class ScannedTag {
  name = "";
  isSelfClosing = false;
  /** Its attributes' raw text, checked well-formed (names, quoting, references, no duplicate name). */
  text = "";
  /** Each attribute's name, and where its value starts and ends in `text` (quotes excluded). */
  readonly names: string[] = [];
  readonly valueStarts: number[] = [];
  readonly valueEnds: number[] = [];
  count = 0;
  syntax: Syntax = XML_10;

  /** The `index`-th attribute's value, normalised (line ends and tabs to spaces) and its references decoded. */
  value(index: number): string {
    let value = this.text.slice(this.valueStarts[index], this.valueEnds[index]);
    const syntax = this.syntax;
    if (value.includes("\t") || value.includes("\n") || syntax.lineEnd.test(value)) value = value.replace(syntax.valueSpaces, " ");
    return value.includes("&") ? decodeReferences(value, syntax)! : value;
  }
}

export interface ScanSink {
  start(tag: ScannedTag): void;
  /** An element ends (after `start` for a self-closing tag). */
  end(): void;
  text(text: string): void;
}

export class XmlScanner {
  /** The absolute index just after the last token reported. */
  position = 0;
  private syntax: Syntax = XML_10;

  /** Whether the document is XML 1.0 (as it is without a declaration saying otherwise). */
  get xml10(): boolean {
    return this.syntax === XML_10;
  }

  private readonly tag = new ScannedTag();
  private readonly open: string[] = [];
  private sawRoot = false;
  private closedRoot = false;
  /** Where an XML declaration may be (just after a byte order mark, if any); -1 once past. */
  private declarationAt = 0;
  private state = CONTENT;
  /** DOCTYPE's own sub-state (see doctype). */
  private doctypeState = 0;
  private doctypeQuote = 0;
  /** Text not yet scanned and the absolute index of its first character. */
  private held = "";
  private base = 0;
  /** Pieces that arrived since, waiting until `held` is worth trying again. */
  private readonly waiting: string[] = [];
  private waitingLength = 0;
  private retryAt = 0;
  /** A last CR or high surrogate, kept for the next piece (a CRLF or surrogate pair is never cut). */
  private carried = "";

  constructor(private readonly sink: ScanSink) {}

  write(piece: string): void {
    if (this.carried !== "") {
      piece = this.carried + piece;
      this.carried = "";
    }
    const last = piece.charCodeAt(piece.length - 1);
    if (last === CR || (last >= 0xd800 && last <= 0xdbff)) {
      this.carried = piece.slice(-1);
      piece = piece.slice(0, -1);
    }
    if (piece === "") return;
    if (this.held !== "") {
      this.waiting.push(piece);
      this.waitingLength += piece.length;
      if (this.held.length + this.waitingLength < this.retryAt) return;
      piece = this.held + this.waiting.join("");
      this.waiting.length = 0;
      this.waitingLength = 0;
    }
    this.scan(piece, false);
  }

  end(): void {
    let rest = this.held + this.waiting.join("") + this.carried;
    this.held = this.carried = "";
    this.waiting.length = 0;
    if (rest !== "") this.scan(rest, true);
    rest = this.held;
    if (rest !== "" || this.state !== CONTENT || !this.sawRoot || this.open.length > 0) throw notWellFormed();
  }

  /** Scans `s` (what was held and what arrived), holding what is left over; `final`: nothing more comes. */
  private scan(s: string, final: boolean): void {
    const n = s.length;
    let i = 0;
    if (this.declarationAt === 0 && this.base === 0) {
      if (s.charCodeAt(0) === 0xfeff) i = this.declarationAt = 1;
    }
    while (i < n) {
      let next: number;
      switch (this.state) {
        case CONTENT:
          next = this.content(s, i, final);
          break;
        case COMMENT:
          next = this.comment(s, i, final);
          break;
        case PI:
          next = this.instruction(s, i, final);
          break;
        case CDATA:
          next = this.cdata(s, i, final);
          break;
        default:
          next = this.doctype(s, i, final);
      }
      if (next === i) break;
      i = next;
    }
    if (i < n && final) throw notWellFormed();
    this.held = i < n ? s.slice(i) : "";
    this.base += i;
    this.retryAt = 2 * this.held.length;
  }

  /** Text up to the next markup, and that markup; returns where scanning goes on (`i` if it must wait). */
  private content(s: string, i: number, final: boolean): number {
    const lt = s.indexOf("<", i);
    if (lt === -1) {
      const cut = final ? s.length : this.safeTextEnd(s, i);
      if (cut > i) this.text(s.slice(i, cut));
      return cut;
    }
    if (lt > i) this.text(s.slice(i, lt));
    if (lt + 1 >= s.length) {
      if (final) throw notWellFormed();
      return lt;
    }
    const c = s.charCodeAt(lt + 1);
    if (c === SLASH) return this.endTag(s, lt, final);
    if (c === BANG) return this.bang(s, lt, final);
    if (c === QUESTION) return this.instructionStart(s, lt, final);
    return this.startTag(s, lt, final);
  }

  /** Where text running to the end of `s` may be cut: not inside a reference, nor after a `]` that may begin `]]>`. */
  private safeTextEnd(s: string, i: number): number {
    let cut = s.length;
    const amp = s.lastIndexOf("&", cut - 1);
    if (amp >= i && s.indexOf(";", amp) === -1) cut = amp;
    if (cut > i && s.charCodeAt(cut - 1) === BRACKET) cut--;
    if (cut > i && s.charCodeAt(cut - 1) === BRACKET) cut--;
    return cut;
  }

  /** A run of text (outside the root element, white space only, and not reported: no visitor has a use for it). */
  private text(raw: string): void {
    const syntax = this.syntax;
    if (this.open.length === 0) {
      if (!syntax.spaces.test(raw)) throw notWellFormed();
      return;
    }
    if (!syntax.unusualText.test(raw)) return this.sink.text(raw);
    if (syntax.badText.test(raw)) throw notWellFormed();
    const text = syntax.lineEnd.test(raw) ? raw.replace(syntax.lineEnds, "\n") : raw;
    const decoded = text.includes("&") ? decodeReferences(text, syntax) : text;
    if (decoded === undefined) throw notWellFormed();
    this.sink.text(decoded);
  }

  private startTag(s: string, lt: number, final: boolean): number {
    const syntax = this.syntax;
    const pattern = syntax.startTag;
    pattern.lastIndex = lt;
    const match = pattern.exec(s);
    if (match === null) return this.cutShort(s, lt, final, syntax.startTagPrefix);
    const end = pattern.lastIndex;
    if (this.closedRoot) throw notWellFormed();
    this.sawRoot = true;
    const tag = this.tag;
    tag.name = match[1];
    tag.isSelfClosing = match[3] === "/";
    tag.syntax = syntax;
    const text = (tag.text = match[2]);
    if (text === "") tag.count = 0;
    else this.attributes(tag, text);
    this.position = this.base + end;
    if (!tag.isSelfClosing) this.open.push(tag.name);
    this.sink.start(tag);
    if (tag.isSelfClosing) this.closed();
    return end;
  }

  /** Names the attributes of `tag`, whose text the start tag pattern has checked but for references and duplicates. */
  private attributes(tag: ScannedTag, text: string): void {
    const { names, valueStarts, valueEnds } = tag;
    const isSpace = this.syntax.isSpace;
    let count = 0;
    let at = 0;
    const length = text.length;
    while (at < length) {
      while (isSpace(text.charCodeAt(at))) at++;
      if (at >= length) break;
      const equals = text.indexOf("=", at);
      let nameEnd = equals;
      while (isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
      const name = text.slice(at, nameEnd);
      at = equals + 1;
      while (text.charCodeAt(at) !== 0x22 && text.charCodeAt(at) !== 0x27) at++;
      const valueEnd = text.indexOf(text[at], at + 1);
      for (let j = 0; j < count; j++) if (names[j] === name) throw notWellFormed();
      names[count] = name;
      valueStarts[count] = at + 1;
      valueEnds[count] = valueEnd;
      count++;
      at = valueEnd + 1;
      if (count === 16 && at < length) return this.manyAttributes(tag, text, at);
    }
    tag.count = count;
    if (text.includes("&") && decodeReferences(text, this.syntax) === undefined) throw notWellFormed();
  }

  /** The same past 16 attributes, with a set for the duplicates (a tag may have thousands). */
  private manyAttributes(tag: ScannedTag, text: string, at: number): void {
    const { names, valueStarts, valueEnds } = tag;
    const isSpace = this.syntax.isSpace;
    const seen = new Set(names.slice(0, 16));
    let count = 16;
    const length = text.length;
    while (at < length) {
      while (isSpace(text.charCodeAt(at))) at++;
      if (at >= length) break;
      const equals = text.indexOf("=", at);
      let nameEnd = equals;
      while (isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
      const name = text.slice(at, nameEnd);
      if (seen.has(name)) throw notWellFormed();
      seen.add(name);
      at = equals + 1;
      while (text.charCodeAt(at) !== 0x22 && text.charCodeAt(at) !== 0x27) at++;
      const valueEnd = text.indexOf(text[at], at + 1);
      names[count] = name;
      valueStarts[count] = at + 1;
      valueEnds[count] = valueEnd;
      count++;
      at = valueEnd + 1;
    }
    tag.count = count;
    if (text.includes("&") && decodeReferences(text, this.syntax) === undefined) throw notWellFormed();
  }

  private endTag(s: string, lt: number, final: boolean): number {
    const pattern = this.syntax.endTag;
    pattern.lastIndex = lt;
    const match = pattern.exec(s);
    if (match === null) return this.cutShort(s, lt, final, this.syntax.endTagPrefix);
    const open = this.open;
    if (open.length === 0) throw notWellFormed();
    this.position = this.base + pattern.lastIndex;
    // saxes closes the open element before finding that the end tag names another.
    const matches = open[open.length - 1] === match[1];
    open.pop();
    this.closed();
    if (!matches) throw notWellFormed();
    return pattern.lastIndex;
  }

  private closed(): void {
    if (this.open.length === 0) this.closedRoot = true;
    this.sink.end();
  }

  /** A tag that did not match: cut short by the end of what has arrived (wait), or not well-formed. */
  private cutShort(s: string, lt: number, final: boolean, prefix: RegExp): number {
    if (final || s.indexOf("<", lt + 1) !== -1) throw notWellFormed();
    prefix.lastIndex = lt;
    if (!prefix.test(s)) throw notWellFormed();
    return lt;
  }

  private bang(s: string, lt: number, final: boolean): number {
    if (s.startsWith("<!--", lt)) {
      this.state = COMMENT;
      return lt + 4;
    }
    if (s.startsWith("<![CDATA[", lt)) {
      if (this.open.length === 0) throw notWellFormed();
      this.state = CDATA;
      return lt + 9;
    }
    if (s.startsWith("<!DOCTYPE", lt)) {
      if (this.sawRoot) throw notWellFormed();
      this.state = DOCTYPE;
      this.doctypeState = DT;
      return lt + 9;
    }
    const rest = s.slice(lt);
    if (!final && rest.length < 9 && ("<!--".startsWith(rest) || "<![CDATA[".startsWith(rest) || "<!DOCTYPE".startsWith(rest))) return lt;
    throw notWellFormed();
  }

  /** `<!--` seen: the comment ends at the first `--`, which must be followed by `>`. */
  private comment(s: string, i: number, final: boolean): number {
    const dashes = s.indexOf("--", i);
    if (dashes === -1 || dashes + 2 >= s.length) {
      if (final) throw notWellFormed();
      const cut = dashes !== -1 ? dashes : s.charCodeAt(s.length - 1) === 0x2d ? s.length - 1 : s.length;
      this.checkChars(s, i, cut);
      return cut;
    }
    if (s.charCodeAt(dashes + 2) !== GT) throw notWellFormed();
    this.checkChars(s, i, dashes);
    this.state = CONTENT;
    return dashes + 3;
  }

  private instructionStart(s: string, lt: number, final: boolean): number {
    const pattern = this.syntax.piTarget;
    pattern.lastIndex = lt;
    const match = pattern.exec(s);
    const end = pattern.lastIndex;
    if (match === null || end >= s.length) {
      if (!final && (match !== null || lt + 2 >= s.length)) return lt;
      throw notWellFormed();
    }
    const after = s.charCodeAt(end);
    if (after !== QUESTION && !this.syntax.isSpace(after)) throw notWellFormed();
    const target = match[1];
    if (target === "xml" && this.base + lt === this.declarationAt) return this.declaration(s, lt, final);
    // The declaration elsewhere, a target `xml` in another case, a colon (which Namespaces in XML forbids).
    if (target.toLowerCase() === "xml" || target.includes(":")) throw notWellFormed();
    this.state = PI;
    return end;
  }

  private instruction(s: string, i: number, final: boolean): number {
    const end = s.indexOf("?>", i);
    if (end === -1) {
      if (final) throw notWellFormed();
      const cut = s.charCodeAt(s.length - 1) === QUESTION ? s.length - 1 : s.length;
      this.checkChars(s, i, cut);
      return cut;
    }
    this.checkChars(s, i, end);
    this.state = CONTENT;
    return end + 2;
  }

  /** `<?xml` at the very start: the declaration ends at its first `?`, which must be its `?>`. */
  private declaration(s: string, lt: number, final: boolean): number {
    const question = s.indexOf("?", lt + 5);
    if (question === -1 || question + 1 >= s.length) {
      const lessThan = s.indexOf("<", lt + 1);
      if (final || (lessThan !== -1 && (question === -1 || lessThan < question))) throw notWellFormed();
      return lt;
    }
    DECLARATION_VERSION.lastIndex = lt;
    const version = DECLARATION_VERSION.exec(s);
    if (version === null) throw notWellFormed();
    const syntax = (version[1] ?? version[2]) === "1.0" ? XML_10 : XML_11;
    const rest = syntax === XML_10 ? REST_10 : REST_11;
    rest.lastIndex = DECLARATION_VERSION.lastIndex;
    if (!rest.test(s) || rest.lastIndex !== question + 2) throw notWellFormed();
    this.syntax = syntax;
    return question + 2;
  }

  private cdata(s: string, i: number, final: boolean): number {
    const end = s.indexOf("]]>", i);
    if (end === -1) {
      if (final) throw notWellFormed();
      let cut = s.length;
      if (s.charCodeAt(cut - 1) === BRACKET) cut--;
      if (cut > i && s.charCodeAt(cut - 1) === BRACKET) cut--;
      if (cut > i) this.sink.text(this.characterData(s, i, cut));
      return cut;
    }
    this.sink.text(this.characterData(s, i, end));
    this.state = CONTENT;
    return end + 3;
  }

  private characterData(s: string, from: number, to: number): string {
    const raw = s.slice(from, to);
    const syntax = this.syntax;
    if (syntax.badChar.test(raw)) throw notWellFormed();
    return syntax.lineEnd.test(raw) ? raw.replace(syntax.lineEnds, "\n") : raw;
  }

  private checkChars(s: string, from: number, to: number): void {
    if (to > from && this.syntax.badChar.test(s.slice(from, to))) throw notWellFormed();
  }

  /**
   * A document type declaration, always refused: as saxes reads one (quoted strings, an internal
   * subset with its comments and processing instructions), for it refused a declaration that ends
   * with its own message but one cut short or holding a character that is not one as not well-formed.
   */
  private doctype(s: string, i: number, final: boolean): number {
    let state = this.doctypeState;
    let quote = this.doctypeQuote;
    let at = i;
    const n = s.length;
    for (; at < n; at++) {
      const c = s.charCodeAt(at);
      switch (state) {
        case DT:
          if (c === GT) {
            this.checkChars(s, i, at);
            throw new DocxError("corrupt", messages.damaged("it contains a document type declaration"));
          }
          if (c === 0x22 || c === 0x27) {
            quote = c;
            state = DT_QUOTED;
          } else if (c === 0x5b) state = DTD;
          break;
        case DT_QUOTED:
          if (c === quote) state = DT;
          break;
        case DTD:
          if (c === BRACKET) state = DT;
          else if (c === LT) state = DTD_LT;
          else if (c === 0x22 || c === 0x27) {
            quote = c;
            state = DTD_QUOTED;
          }
          break;
        case DTD_QUOTED:
          if (c === quote) state = DTD;
          break;
        case DTD_LT:
          state = c === BANG ? DTD_BANG : c === QUESTION ? DTD_PI : DTD;
          break;
        case DTD_BANG:
          state = c === 0x2d ? DTD_BANG_DASH : DTD;
          break;
        case DTD_BANG_DASH:
          state = c === 0x2d ? DTD_COMMENT : DTD;
          break;
        case DTD_COMMENT:
          if (c === 0x2d) state = DTD_COMMENT_DASH;
          break;
        case DTD_COMMENT_DASH:
          state = c === 0x2d ? DTD_COMMENT_DASHES : DTD_COMMENT;
          break;
        case DTD_COMMENT_DASHES:
          if (c !== GT) throw notWellFormed();
          state = DTD;
          break;
        case DTD_PI:
          if (c === QUESTION) state = DTD_PI_QUESTION;
          break;
        default:
          // saxes stays here until a `>`, whatever comes between.
          if (c === GT) state = DTD;
      }
    }
    if (final) throw notWellFormed();
    this.checkChars(s, i, at);
    this.doctypeState = state;
    this.doctypeQuote = quote;
    return at;
  }
}

const REST_10 = declarationRest(XML_10);
const REST_11 = declarationRest(XML_11);

/** DOCTYPE's sub-states. */
const DT = 0;
const DT_QUOTED = 1;
const DTD = 2;
const DTD_QUOTED = 3;
const DTD_LT = 4;
const DTD_BANG = 5;
const DTD_BANG_DASH = 6;
const DTD_COMMENT = 7;
const DTD_COMMENT_DASH = 8;
const DTD_COMMENT_DASHES = 9;
const DTD_PI = 10;
const DTD_PI_QUESTION = 11;
