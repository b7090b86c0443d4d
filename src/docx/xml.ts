import { DocxError, messages } from "./errors";
import { PartDecoder } from "./part-decoder";
import { NamespaceScopes, tokenizing, type KnownTag } from "./xml-names";
import { XmlScanner, type ScannedTag } from "./xml-scan";

/**
 * One streaming pass over a part's XML with our own conforming (well-formedness checking) tokenizer
 * (xml-scan.ts): no tree is built. Elements are named by namespace URI and local name, whatever
 * prefix the file uses; namespaces are resolved here (xml-names.ts). The tokenizer keeps its open
 * tags in an array, and so do the readers here, so nesting overflows nothing; deeper than MAX_DEPTH
 * is refused with its own message.
 */

/** Elements nested deeper than this are refused. Word's own documents stay under 40 (drawings included). */
export const MAX_DEPTH = 256;

/**
 * An element as the tokenizer gives it (attributes by qualified name), with its name resolved. The stream
 * hands its visitor one object, renamed for each element: it is valid only during `open`.
 */
export interface XmlTag {
  /** The qualified name, as written. */
  name: string;
  /** Values by qualified name (see `attribute`). */
  attributes: Readonly<Record<string, string>>;
  isSelfClosing: boolean;
  prefix: string;
  local: string;
  uri: string;
  /** The prefixes in scope on this element (its own declarations included). */
  scope: ReadonlyMap<string, string>;
  /** What the stream's `classify` made of (uri, local); 0 without one. */
  code: number;
}

/**
 * Gives each element name a small integer (its `code`), asked once per distinct name and namespace
 * scope rather than per element, so that visitors switch on a number instead of comparing names.
 */
export type XmlClassify = (uri: string, local: string) => number;

export interface XmlVisitor {
  /**
   * An element starts (`depth` from 1 for the root). A visitor may return true: nothing in it is of
   * use, and the stream checks its content without reporting it (its own end is still reported).
   */
  open(tag: XmlTag, depth: number): void;
  /** It ends (also called for `<a/>`). */
  close(depth: number): void;
  /** Character data (text or CDATA) inside the current element. */
  text(text: string): void;
  /** Gives each tag its `code` (see XmlClassify). */
  readonly classify?: XmlClassify;
}

/** The value of the attribute `local` in namespace `uri` ("" for an unprefixed attribute). */
export function attribute(tag: XmlTag, uri: string, local: string): string | undefined {
  const attributes = tag.attributes;
  for (const name in attributes) {
    const colon = name.indexOf(":");
    if (colon === -1) {
      // An unprefixed attribute is in no namespace, except `xmlns` itself.
      if (uri === "" && name === local && name !== "xmlns") return attributes[name];
    } else if (name.length - colon - 1 === local.length && name.endsWith(local) && tag.scope.get(name.slice(0, colon)) === uri) {
      return attributes[name];
    }
  }
  return undefined;
}

/**
 * A part's XML fed to `visitor` as it comes, as bytes (UTF-8, or UTF-16 with a byte order mark) or
 * as text. Not well-formed XML, a DOCTYPE (OOXML forbids DTDs, which also rules out entity
 * expansion: only XML's five predefined entities and numeric references are known) or nesting
 * deeper than MAX_DEPTH is a DocxError. `resolve` gives the namespace a prefix is bound to just
 * then (for attribute values naming prefixes); `position`, the index in the text just after the
 * last character tokenized (after the `>` of the tag just reported).
 */
export class XmlStream {
  private readonly scanner: XmlScanner;
  private readonly scopes: NamespaceScopes;
  private readonly decoder = new PartDecoder();

  constructor(visitor: XmlVisitor) {
    const scopes = (this.scopes = new NamespaceScopes(() => this.scanner.xml10, visitor.classify));
    const tag = new StreamTag();
    // `open` may return true (see XmlVisitor), which its declared void return lets any visitor ignore.
    const opener = visitor as unknown as { open(tag: XmlTag, depth: number): unknown };
    let depth = 0;
    /** The depth of the element whose content is not reported (0: none). */
    let skipping = 0;
    this.scanner = new XmlScanner({
      start(scanned) {
        depth++;
        let known = scopes.known(scanned.source);
        if (known !== undefined) {
          // Read before in this scope, exactly as it is: already checked, and resolved the same.
          scanned.name = known.name;
          scopes.openKnown(known, scanned.isSelfClosing, tag);
        } else {
          scanned.parse();
          const names = scanned.names;
          for (let i = 0; i < scanned.count; i++) {
            const name = names[i];
            scopes.attribute(name, name.startsWith("xmlns") ? scanned.value(i) : "");
          }
          const declaring = scopes.declaring;
          // Named first: saxes's namespace mode refused a namespace error before the depth was counted.
          scopes.open(scanned, depth, tag);
          known = scopes.remember(scanned.source, tag, declaring);
        }
        if (depth > MAX_DEPTH) throw new DocxError("too-large", messages.tooDeep(MAX_DEPTH));
        if (skipping > 0) return;
        tag.scanned = scanned;
        tag.known = known;
        tag.made = undefined;
        if (opener.open(tag, depth) === true) skipping = depth;
      },
      end() {
        if (skipping === 0) visitor.close(depth);
        else if (skipping === depth) {
          skipping = 0;
          visitor.close(depth);
        }
        scopes.close(depth);
        depth--;
      },
      text(text) {
        if (skipping === 0) visitor.text(text);
      },
    });
  }

  /** The namespace `prefix` is bound to in the element just opened (or closed). */
  resolve(prefix: string): string | undefined {
    return this.scopes.resolve(prefix);
  }

  get position(): number {
    return this.scanner.position;
  }

  writeText(text: string): void {
    tokenizing(() => this.scanner.write(text));
  }

  writeBytes(chunk: Uint8Array): void {
    this.decoder.write(chunk, (text) => tokenizing(() => this.scanner.write(text)));
  }

  /** The end of the part: anything left open is not well-formed. */
  end(): void {
    const last = this.decoder.end();
    tokenizing(() => {
      this.scanner.write(last);
      this.scanner.end();
    });
  }

}

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze(Object.create(null) as Record<string, string>);
const NO_SCOPE: ReadonlyMap<string, string> = new Map();

/**
 * The stream's one tag object, renamed for each element; its attributes are decoded only if asked for,
 * once for every recurrence of a tag the scopes remember.
 */
class StreamTag implements XmlTag {
  name = "";
  isSelfClosing = false;
  prefix = "";
  local = "";
  uri = "";
  scope: ReadonlyMap<string, string> = NO_SCOPE;
  code = 0;
  scanned: ScannedTag | undefined;
  /** The scopes' record of this very tag, if they keep one. */
  known: KnownTag | undefined;
  made: Readonly<Record<string, string>> | undefined;

  get attributes(): Readonly<Record<string, string>> {
    if (this.made !== undefined) return this.made;
    const known = this.known;
    if (known?.attributes !== undefined) return (this.made = known.attributes);
    const scanned = this.scanned;
    let made = NO_ATTRIBUTES;
    if (scanned !== undefined) {
      scanned.parse();
      if (scanned.count > 0) {
        const record = Object.create(null) as Record<string, string>;
        for (let i = 0; i < scanned.count; i++) record[scanned.names[i]] = scanned.value(i);
        made = known !== undefined ? Object.freeze(record) : record;
      }
    }
    if (known !== undefined) known.attributes = made;
    return (this.made = made);
  }
}

/** Streams a whole part's `bytes` to `visitor` (see XmlStream). */
export function streamXml(bytes: Uint8Array, visitor: XmlVisitor, withStream?: (stream: XmlStream) => void): void {
  const stream = new XmlStream(visitor);
  withStream?.(stream);
  stream.writeBytes(bytes);
  stream.end();
}
