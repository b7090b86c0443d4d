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
/** Attributes compared pairwise for duplicates; past these, with a set. */
const FEW_ATTRIBUTES = 8;

/** What the scanner is in the middle of, between pieces. */
const CONTENT = 0;
const COMMENT = 1;
const PI = 2;
const CDATA = 3;
const DOCTYPE = 4;

/**
 * A start tag as scanned: valid only while the sink's `start` runs. The start tag pattern has checked its
 * syntax; its name and attributes are split out only when asked for (`name`, `parse`), so that a sink that
 * knows this very tag already (xml.ts keeps those it has resolved) pays for neither.
 */
export class ScannedTag {
  /** What is between `<` and `>`: the name, the attributes and a self-closing tag's `/`, as written. */
  source = "";
  isSelfClosing = false;
  /** The attributes' raw text (after `parse`). */
  text = "";
  /** Each attribute's name, and where its value starts and ends in `text` (quotes excluded), after `parse`. */
  readonly names: string[] = [];
  readonly valueStarts: number[] = [];
  readonly valueEnds: number[] = [];
  count = 0;
  syntax: Syntax = XML_10;
  private knownName: string | undefined = undefined;
  private parsed = false;

  /** A new tag: `source` as in the field of that name. */
  reset(source: string, isSelfClosing: boolean, syntax: Syntax): void {
    this.source = source;
    this.isSelfClosing = isSelfClosing;
    this.syntax = syntax;
    this.knownName = undefined;
    this.parsed = false;
  }

  /** The qualified name, as written. */
  get name(): string {
    return (this.knownName ??= this.source.slice(0, this.nameLength()));
  }

  /** The name, from one who has seen this tag's `source` before. */
  set name(name: string) {
    this.knownName = name;
  }

  /** Splits out the attributes, refusing what the start tag pattern let through: a bad reference, a name twice. */
  parse(): void {
    if (this.parsed) return;
    this.parsed = true;
    const source = this.source;
    const afterName = this.nameLength();
    const attributesEnd = this.isSelfClosing ? source.length - 1 : source.length;
    if (afterName === attributesEnd) {
      this.text = "";
      this.count = 0;
    } else this.count = attributes(this, (this.text = source.slice(afterName, attributesEnd)), this.syntax);
  }

  /** The `index`-th attribute's value, normalised (line ends and tabs to spaces) and its references decoded. */
  value(index: number): string {
    let value = this.text.slice(this.valueStarts[index], this.valueEnds[index]);
    const syntax = this.syntax;
    if (value.includes("\t") || value.includes("\n") || syntax.lineEnd.test(value)) value = value.replace(syntax.valueSpaces, " ");
    return value.includes("&") ? decodeReferences(value, syntax)! : value;
  }

  private nameLength(): number {
    const nameEnd = this.syntax.nameEnd;
    nameEnd.lastIndex = 0;
    return nameEnd.test(this.source) ? nameEnd.lastIndex - 1 : this.source.length;
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
  /** Where the first character that is not one is in what is being scanned (its length if none). */
  private badAt = 0;
  /** A last CR or high surrogate, kept for the next piece (a CRLF or surrogate pair is never cut). */
  private carried = "";

  constructor(private readonly sink: ScanSink) {
    // V8 takes a field written only once for a constant, and throws away all code optimised on this
    // class's constants when one is written again: at the end of the first piece, just as the scanning
    // loop has been optimised. So every field that changes is written twice here, and none is one.
    this.held = this.carried = "\0";
    this.base = this.retryAt = this.waitingLength = this.badAt = this.position = this.state = this.doctypeState = this.doctypeQuote = this.declarationAt = -1;
    this.sawRoot = this.closedRoot = true;
    this.syntax = XML_11;
    this.held = this.carried = "";
    this.base = this.retryAt = this.waitingLength = this.badAt = this.position = this.doctypeState = this.doctypeQuote = this.declarationAt = 0;
    this.state = CONTENT;
    this.sawRoot = this.closedRoot = false;
    this.syntax = XML_10;
  }

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
    if (this.declarationAt === 0 && this.base === 0 && s.charCodeAt(0) === 0xfeff) i = this.declarationAt = 1;
    this.badAt = this.firstBad(s, i);
    // Every token that starts before the last `<` is whole (a tag holds no `<`; a comment that does
    // is read on, as in `tail`): `tokens` reads those, and `tail` what may be cut short, so that the
    // loop a cold process optimises first never meets the end of a piece (where it would deoptimise).
    const limit = final ? n : s.lastIndexOf("<");
    if (limit > i) i = this.tokens(s, i, limit, final);
    if (i < n && !final) i = this.tail(s, i);
    if (i < n && final) throw notWellFormed();
    this.held = i < n ? s.slice(i) : "";
    this.base += i;
    this.retryAt = 2 * this.held.length;
  }

  /** Reads the tokens that start before `limit` (all of them when `final`), returning where it stopped. */
  private tokens(s: string, i: number, limit: number, final: boolean): number {
    while (i < limit) {
      if (this.state !== CONTENT) {
        const next = this.construct(s, i, final);
        if (next === i) return i;
        i = next;
        continue;
      }
      let lt = s.indexOf("<", i);
      if (lt === -1) lt = s.length;
      if (lt > i) this.text(s, i, lt);
      if (lt >= limit) return lt;
      const c = s.charCodeAt(lt + 1);
      i = c === SLASH ? this.endTag(s, lt, final) : c === BANG || c === QUESTION ? this.markup(s, lt, final) : this.startTag(s, lt, final);
      if (i === lt) return lt;
    }
    return i;
  }

  /** Reads on from `i`, where what follows may be cut short by the end of the piece; returns where to wait. */
  private tail(s: string, i: number): number {
    const n = s.length;
    while (i < n) {
      if (this.state !== CONTENT) {
        const next = this.construct(s, i, false);
        if (next === i) return i;
        i = next;
        continue;
      }
      const lt = s.indexOf("<", i);
      if (lt === -1) {
        const cut = this.safeTextEnd(s, i);
        if (cut > i) this.text(s, i, cut);
        return cut;
      }
      if (lt > i) this.text(s, i, lt);
      if (lt + 1 >= n) return lt;
      const c = s.charCodeAt(lt + 1);
      i = c === SLASH ? this.endTag(s, lt, false) : c === BANG || c === QUESTION ? this.markup(s, lt, false) : this.startTag(s, lt, false);
      if (i === lt) return lt;
    }
    return i;
  }

  private text(s: string, from: number, to: number): void {
    if (this.badAt < to) throw notWellFormed();
    const raw = s.slice(from, to);
    if (this.open.length === 0) {
      if (!this.syntax.spaces.test(raw)) throw notWellFormed();
    } else if (this.syntax.unusualText.test(raw)) this.sink.text(this.unusualText(raw));
    else this.sink.text(raw);
  }

  /** A start tag at `lt`: returns its end, or `lt` if it may be cut short by the end of the piece. */
  private startTag(s: string, lt: number, final: boolean): number {
    const syntax = this.syntax;
    // Tested, not matched: no match array or captures to allocate for every tag. Written out here and in
    // endTag, not shared through a helper: a call more per tag made a cold read 1.3 ms slower (of 29).
    const ascii = syntax.asciiStartTag;
    ascii.lastIndex = lt;
    let end: number;
    if (ascii.test(s)) end = ascii.lastIndex;
    else {
      const pattern = syntax.startTag;
      pattern.lastIndex = lt;
      if (!pattern.test(s)) return this.cutShort(s, lt, final, syntax.startTagPrefix);
      end = pattern.lastIndex;
    }
    if (this.badAt < end || this.closedRoot) throw notWellFormed();
    this.sawRoot = true;
    const isSelfClosing = s.charCodeAt(end - 2) === SLASH;
    const tag = this.tag;
    tag.reset(s.slice(lt + 1, end - 1), isSelfClosing, syntax);
    this.position = this.base + end;
    if (isSelfClosing) {
      this.sink.start(tag);
      if (this.open.length === 0) this.closedRoot = true;
      this.sink.end();
    } else {
      this.sink.start(tag);
      this.open.push(tag.name);
    }
    return end;
  }

  private endTag(s: string, lt: number, final: boolean): number {
    const syntax = this.syntax;
    const ascii = syntax.asciiEndTag;
    ascii.lastIndex = lt;
    let end: number;
    if (ascii.test(s)) end = ascii.lastIndex;
    else {
      const pattern = syntax.endTag;
      pattern.lastIndex = lt;
      if (!pattern.test(s)) return this.cutShort(s, lt, final, syntax.endTagPrefix);
      end = pattern.lastIndex;
    }
    const open = this.open;
    if (this.badAt < end || open.length === 0) throw notWellFormed();
    this.position = this.base + end;
    // The open element's name, and no more of one (a name is followed by white space or `>`).
    const top = open.pop()!;
    const after = lt + 2 + top.length;
    const matches = s.startsWith(top, lt + 2) && (s.charCodeAt(after) === GT || syntax.isSpace(s.charCodeAt(after)));
    if (open.length === 0) this.closedRoot = true;
    // saxes closes the open element before finding that the end tag names another.
    this.sink.end();
    if (!matches) throw notWellFormed();
    return end;
  }

  /** Where the first character that is not one is in `s` from `from` (its length if none). */
  private firstBad(s: string, from: number): number {
    const bad = this.syntax.badChar;
    bad.lastIndex = from;
    return bad.test(s) ? bad.lastIndex - 1 : s.length;
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

  /** Text in the root element with a reference, a line end or `]]>` in it. */
  private unusualText(raw: string): string {
    const syntax = this.syntax;
    if (raw.includes("]]>")) throw notWellFormed();
    const text = syntax.lineEnd.test(raw) ? raw.replace(syntax.lineEnds, "\n") : raw;
    const decoded = text.includes("&") ? decodeReferences(text, syntax) : text;
    if (decoded === undefined) throw notWellFormed();
    return decoded;
  }

  /** A tag that did not match: cut short by the end of what has arrived (wait: `lt`), or not well-formed. */
  private cutShort(s: string, lt: number, final: boolean, prefix: RegExp): number {
    if (final || s.indexOf("<", lt + 1) !== -1) throw notWellFormed();
    prefix.lastIndex = lt;
    if (!prefix.test(s)) throw notWellFormed();
    return lt;
  }

  /** A comment, CDATA section, processing instruction or DOCTYPE being read. */
  private construct(s: string, i: number, final: boolean): number {
    switch (this.state) {
      case COMMENT:
        return this.comment(s, i, final);
      case PI:
        return this.instruction(s, i, final);
      case CDATA:
        return this.cdata(s, i, final);
      default:
        return this.doctype(s, i, final);
    }
  }

  /** `<!`, `<?` or a `<` that ends what has arrived. */
  private markup(s: string, lt: number, final: boolean): number {
    if (lt + 1 >= s.length) {
      if (final) throw notWellFormed();
      return lt;
    }
    return s.charCodeAt(lt + 1) === BANG ? this.bang(s, lt, final) : this.instructionStart(s, lt, final);
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
      this.checkChars(cut);
      return cut;
    }
    if (s.charCodeAt(dashes + 2) !== GT) throw notWellFormed();
    this.checkChars(dashes);
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
      this.checkChars(cut);
      return cut;
    }
    this.checkChars(end);
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
    // What follows is read by the declared version's rules.
    if (syntax !== XML_10) this.badAt = this.firstBad(s, question + 2);
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
    this.checkChars(to);
    const raw = s.slice(from, to);
    const syntax = this.syntax;
    return syntax.lineEnd.test(raw) ? raw.replace(syntax.lineEnds, "\n") : raw;
  }

  /** Whether a character that is not one comes before `to`. */
  private checkChars(to: number): void {
    if (this.badAt < to) throw notWellFormed();
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
            this.checkChars(at);
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
    this.checkChars(at);
    this.doctypeState = state;
    this.doctypeQuote = quote;
    return at;
  }
}

/**
 * Names the attributes of `tag`, whose text the start tag pattern has checked but for references and
 * duplicates, returning how many there are.
 */
function attributes(tag: ScannedTag, text: string, syntax: Syntax): number {
  const { names, valueStarts, valueEnds } = tag;
  const xml10 = syntax === XML_10;
  let count = 0;
  let at = 0;
  const length = text.length;
  let seen: Set<string> | undefined;
  while (at < length) {
    let c = text.charCodeAt(at);
    while (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || (!xml10 && (c === 0x85 || c === 0x2028))) c = text.charCodeAt(++at);
    if (at >= length) break;
    const equals = text.indexOf("=", at);
    let nameEnd = equals;
    c = text.charCodeAt(nameEnd - 1);
    while (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || (!xml10 && (c === 0x85 || c === 0x2028))) c = text.charCodeAt(--nameEnd - 1);
    const name = text.slice(at, nameEnd);
    if (count < FEW_ATTRIBUTES) {
      for (let j = 0; j < count; j++) if (names[j] === name) throw notWellFormed();
    } else {
      // A tag may have thousands: past a few, a set.
      seen ??= new Set(names.slice(0, count));
      if (seen.has(name)) throw notWellFormed();
      seen.add(name);
    }
    at = equals + 1;
    c = text.charCodeAt(at);
    while (c !== 0x22 && c !== 0x27) c = text.charCodeAt(++at);
    const valueEnd = text.indexOf(c === 0x22 ? '"' : "'", at + 1);
    names[count] = name;
    valueStarts[count] = at + 1;
    valueEnds[count] = valueEnd;
    count++;
    at = valueEnd + 1;
  }
  if (text.includes("&") && decodeReferences(text, syntax) === undefined) throw notWellFormed();
  return count;
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
