import { SaxesParser } from "saxes";
import { DocxError, messages } from "./errors";

/**
 * An element of a part's XML text with the exact character ranges it occupies, so that a writer can
 * splice new markup in, or cut markup out, and leave every other character as it was.
 */
export interface XmlElement {
  readonly name: string;
  /** Its attributes, values decoded (read from the start tag when first asked for). */
  readonly attributes: Record<string, string>;
  /** Index of its `<`. */
  readonly start: number;
  /** Just after the `>` of its start tag (for `<a/>`, the same as `end`). */
  readonly contentStart: number;
  /** Index of the `<` of its end tag (for `<a/>`, the same as `end`). */
  contentEnd: number;
  /** Just after its last `>`. */
  end: number;
  readonly children: XmlElement[];
}

/** An element whose end is not known yet. */
export interface OpenElement extends XmlElement {
  closeAt(end: number, contentEnd: number): void;
}

/** A whole part: its text and its root elements (the XML declaration, comments and text are not elements). */
export interface XmlTree {
  text: string;
  roots: XmlElement[];
}

/**
 * Tokenizes a part with saxes, which checks well-formedness and reports where each tag ends. A tag
 * starts at the last `<` before that point: `<` cannot occur raw inside a tag (not even in an
 * attribute value), so no text or comment between tags can be mistaken for one.
 */
export function parseXmlTree(text: string): XmlTree {
  const roots: XmlElement[] = [];
  try {
    parseElements(text, roots);
  } catch {
    throw new DocxError("corrupt", messages.damaged("its text is not well-formed XML"));
  }
  return { text, roots };
}

function parseElements(text: string, roots: XmlElement[]): void {
  const open: Element[] = [];
  const parser = new SaxesParser({ position: true });
  parser.on("opentag", (tag) => {
    const end = parser.position;
    const element = new Element(text, tag.name, text.lastIndexOf("<", end - 1), end, []);
    (open.length > 0 ? open[open.length - 1].children : roots).push(element);
    if (!tag.isSelfClosing) open.push(element);
  });
  parser.on("closetag", (tag) => {
    if (tag.isSelfClosing) return;
    const element = open.pop();
    if (!element) return;
    const end = parser.position;
    element.closeAt(end, text.lastIndexOf("<", end - 1));
  });
  parser.write(text).close();
}

/**
 * A part's text, and the elements known in it by where they start: those a reader noted (see
 * positions.ts, which makes each when first asked for) and those scanned from their parent's text since.
 */
export interface LazyTree {
  text: string;
  /** The element that starts at `start`, if one is known there. */
  known(start: number): XmlElement | undefined;
  /** Notes an element just scanned. */
  remember(element: XmlElement): void;
}

/** A part's text in which the elements known are those `noted` gives (the reader's, if any) and those scanned since. */
export function lazyTree(text: string, noted?: (start: number) => XmlElement | undefined): LazyTree {
  const scanned = new Map<number, XmlElement>();
  return { text, known: (start) => noted?.(start) ?? scanned.get(start), remember: (element) => scanned.set(element.start, element) };
}

/**
 * An element of the part whose start tag runs from `start` to `contentStart` (its end is set by
 * `closeAt`), found by another pass over it: its children are parsed from its own text when first
 * asked for, or taken from an enclosing element's already parsed (a row's, for its cells). The
 * caller makes it known in `tree` (so that it is the one object for its place).
 */
export function elementAt(tree: LazyTree, name: string, start: number, contentStart: number): OpenElement {
  return new Element(tree.text, name, start, contentStart, undefined, tree);
}

/**
 * Fills `parent`'s children (and theirs) from its content, which the reader has already found
 * well-formed, by a plain scan for tags (far cheaper than tokenizing again): `<` occurs raw only
 * where markup starts; comments, CDATA sections and processing instructions are stepped over whole,
 * and a start tag ends at the first `>` outside its quoted attribute values. An element already
 * known at a place (one the reader noted, or one scanned before) is that very element, so that the
 * same element is never two objects; one whose children are already known is stepped over.
 */
function scanChildren(parent: Element, tree: LazyTree): void {
  const text = parent.text;
  const to = parent.contentEnd;
  const open: Element[] = [parent];
  let at = text.indexOf("<", parent.contentStart);
  while (at !== -1 && at < to) {
    const next = text.charCodeAt(at + 1);
    if (next === SLASH) {
      const end = text.indexOf(">", at) + 1;
      open.pop()!.closeAt(end, at);
      at = text.indexOf("<", end);
    } else if (next === BANG || next === QUESTION) {
      const close = text.startsWith("<!--", at) ? "-->" : text.startsWith("<![CDATA[", at) ? "]]>" : next === QUESTION ? "?>" : ">";
      at = text.indexOf("<", text.indexOf(close, at) + close.length);
    } else {
      const siblings = open[open.length - 1].kids!;
      const existing = tree.known(at) as Element | undefined;
      if (existing !== undefined && existing.kids !== undefined) {
        siblings.push(existing);
        at = text.indexOf("<", existing.end);
        continue;
      }
      let index = at + 1;
      let nameEnd = -1;
      for (;;) {
        const character = text.charCodeAt(index);
        if (character === QUOTE || character === APOSTROPHE) index = text.indexOf(text[index], index + 1);
        else if (character === GREATER) break;
        else if (nameEnd === -1 && (character === SLASH || character <= SPACE)) nameEnd = index;
        index++;
      }
      const contentStart = index + 1;
      let element = existing;
      if (element === undefined) {
        element = new Element(text, text.slice(at + 1, nameEnd === -1 ? index : nameEnd), at, contentStart, undefined, tree);
        tree.remember(element);
      }
      element.kids = [];
      siblings.push(element);
      if (text.charCodeAt(index - 1) !== SLASH) open.push(element);
      at = text.indexOf("<", contentStart);
    }
  }
}

const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const GREATER = 0x3e;
const SPACE = 0x20;

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * For speed and memory: an element's attributes are read from its start tag only when asked for
 * (few elements ever are), rather than kept for each of a document's tens of thousands.
 */
class Element implements XmlElement {
  contentEnd: number;
  end: number;
  private parsed: Record<string, string> | undefined;
  constructor(
    readonly text: string,
    readonly name: string,
    readonly start: number,
    readonly contentStart: number,
    /** Its children, once known (undefined until then: found by scanChildren when asked for). */
    public kids: XmlElement[] | undefined,
    private readonly tree?: LazyTree,
  ) {
    this.contentEnd = contentStart;
    this.end = contentStart;
  }
  closeAt(end: number, contentEnd: number): void {
    this.end = end;
    this.contentEnd = contentEnd;
  }
  get children(): XmlElement[] {
    if (this.kids === undefined) {
      this.kids = [];
      if (this.end > this.contentStart) scanChildren(this, this.tree ?? lazyTree(this.text));
    }
    return this.kids;
  }
  get attributes(): Record<string, string> {
    if (!this.parsed) {
      this.parsed = {};
      const tag = this.text.slice(this.start + 1 + this.name.length, this.contentStart);
      for (const match of tag.matchAll(ATTRIBUTE)) this.parsed[match[1]] = decodeEntities(match[2] ?? match[3] ?? "");
    }
    return this.parsed;
  }
}

/** Character data or an attribute value as the text it stands for (the five named entities and character references). */
export function decodeEntities(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(ENTITY, (_all, hex: string | undefined, decimal: string | undefined, name: string | undefined) =>
    name ? NAMED[name] : String.fromCodePoint(parseInt(hex ?? decimal ?? "0", hex ? 16 : 10)),
  );
}

export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** The source text of an element, tags included. */
export function sourceOf(tree: XmlTree, element: XmlElement): string {
  return tree.text.slice(element.start, element.end);
}

/** Depth-first, document order. */
export function* descendants(element: XmlElement): Generator<XmlElement> {
  for (const child of element.children) {
    yield child;
    yield* descendants(child);
  }
}

/** Decodes a part's bytes exactly (refusing invalid UTF-8 rather than replacing it), keeping any byte order mark. */
export function decodePart(bytes: Uint8Array): { text: string; encoding: PartEncoding } {
  const encoding: PartEncoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), encoding };
  } catch {
    throw new DocxError("corrupt", messages.damaged("its text is not valid Unicode"));
  }
}

export type PartEncoding = "utf-8" | "utf-16le" | "utf-16be";

/** The inverse of decodePart: the same bytes for the same text. */
export function encodePart(text: string, encoding: PartEncoding): Uint8Array {
  return encodePieces([text], encoding);
}

/** The bytes of the pieces' text joined (as encodePart gives them), written straight into one array of the exact size. */
export function encodePieces(pieces: readonly string[], encoding: PartEncoding): Uint8Array {
  if (encoding !== "utf-8") {
    let length = 0;
    for (const piece of pieces) length += piece.length;
    const bytes = new Uint8Array(length * 2);
    const view = new DataView(bytes.buffer);
    let at = 0;
    for (const piece of pieces) {
      for (let index = 0; index < piece.length; index++, at += 2) view.setUint16(at, piece.charCodeAt(index), encoding === "utf-16le");
    }
    return bytes;
  }
  if (pieces.length === 1) return new TextEncoder().encode(pieces[0]);
  // A surrogate pair split between two pieces is one character: the high half goes with the next piece.
  const joined: string[] = [];
  let carried = "";
  for (let index = 0; index < pieces.length; index++) {
    let piece = carried + pieces[index];
    carried = "";
    const last = piece.charCodeAt(piece.length - 1);
    if (index < pieces.length - 1 && last >= 0xd800 && last <= 0xdbff) {
      carried = piece.slice(-1);
      piece = piece.slice(0, -1);
    }
    joined.push(piece);
  }
  let length = 0;
  for (const piece of joined) length += utf8Length(piece);
  const bytes = new Uint8Array(length);
  const encoder = new TextEncoder();
  let at = 0;
  for (const piece of joined) at += encoder.encodeInto(piece, bytes.subarray(at)).written;
  return bytes;
}

/** What TextEncoder writes for `text`: a lone surrogate as U+FFFD (3 bytes). */
function utf8Length(text: string): number {
  let length = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    if (code < 0x800) length += 1;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      // A pair: 4 bytes for its two code units.
      length += 2;
      index++;
    } else length += 2;
  }
  return length;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Characters XML 1.0 cannot hold at all, even escaped. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text for an element's content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"]/g, (character) => ESCAPES[character]);
}
