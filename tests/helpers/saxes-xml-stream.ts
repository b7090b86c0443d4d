import { SaxesParser } from "saxes";
import { DocxError, messages } from "../../src/docx/errors";
import { PartDecoder } from "../../src/docx/part-decoder";
import { MAX_DEPTH, type XmlTag, type XmlVisitor } from "../../src/docx/xml";
import { NamespaceScopes, notWellFormed, tokenizing } from "../../src/docx/xml-names";

/**
 * The reader's XmlStream as it was before its own tokenizer (src/docx/xml-scan.ts): saxes, with the
 * same namespace resolution (xml-names.ts). Kept as the oracle the differential tests compare with.
 */

/**
 * A part's XML fed to `visitor` as it comes, as bytes (UTF-8, or UTF-16 with a byte order mark) or
 * as text. Not well-formed XML, a DOCTYPE (OOXML forbids DTDs, which also rules out entity
 * expansion: only XML's five predefined entities and numeric references are known) or nesting
 * deeper than MAX_DEPTH is a DocxError. `resolve` gives the namespace a prefix is bound to just
 * then (for attribute values naming prefixes); `position`, the index in the text just after the
 * last character tokenized (after the `>` of the tag just reported).
 */
export class SaxesXmlStream {
  private readonly parser = new SaxesParser(XML_OPTIONS);
  private readonly scopes: NamespaceScopes;
  private readonly decoder = new PartDecoder();

  constructor(visitor: XmlVisitor) {
    const parser = this.parser;
    const scopes = (this.scopes = new NamespaceScopes(() => (parser.xmlDecl.version ?? "1.0") === "1.0", visitor.classify));
    const tag: XmlTag = { name: "", attributes: NO_ATTRIBUTES, isSelfClosing: false, prefix: "", local: "", uri: "", scope: NO_SCOPE, code: 0 };
    let depth = 0;
    parser.on("doctype", () => {
      throw new DocxError("corrupt", messages.damaged("it contains a document type declaration"));
    });
    // With namespaces off, saxes lets a colon into a processing instruction's target; its namespace mode did not.
    parser.on("processinginstruction", (pi) => {
      if (pi.target.includes(":")) throw notWellFormed();
    });
    parser.on("attribute", (a) => scopes.attribute(a.name, a.value));
    parser.on("opentag", (saxesTag) => {
      depth++;
      // Named first: saxes's namespace mode refused a namespace error before the depth was counted.
      scopes.open(saxesTag, depth, tag);
      // Without namespaces, saxes's attribute values are plain strings.
      tag.attributes = saxesTag.attributes as unknown as Record<string, string>;
      if (depth > MAX_DEPTH) throw new DocxError("too-large", messages.tooDeep(MAX_DEPTH));
      visitor.open(tag, depth);
    });
    parser.on("closetag", () => {
      visitor.close(depth);
      scopes.close(depth);
      depth--;
    });
    parser.on("text", (text) => visitor.text(text));
    parser.on("cdata", (text) => visitor.text(text));
  }

  /** The namespace `prefix` is bound to in the element just opened (or closed). */
  resolve(prefix: string): string | undefined {
    return this.scopes.resolve(prefix);
  }

  get position(): number {
    return this.parser.position;
  }

  writeText(text: string): void {
    tokenizing(() => this.parser.write(text));
  }

  writeBytes(chunk: Uint8Array): void {
    this.decoder.write(chunk, (text) => tokenizing(() => this.parser.write(text)));
  }

  /** The end of the part: anything left open is not well-formed. */
  end(): void {
    const last = this.decoder.end();
    tokenizing(() => this.parser.write(last).close());
  }

}

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});
const NO_SCOPE: ReadonlyMap<string, string> = new Map();

const XML_OPTIONS = { xmlns: false, position: true } as const;
