import { SaxesParser, type SaxesTagNS } from "saxes";
import { DocxError, messages } from "./errors";

/**
 * One streaming pass over a part's XML with saxes, a conforming (well-formedness and namespace
 * checking) XML tokenizer: no tree is built. Elements are named by namespace URI and local name,
 * whatever prefix the file uses. saxes keeps its open tags in an array, and so do the readers here,
 * so nesting overflows nothing; deeper than MAX_DEPTH is refused with its own message.
 */

/** Elements nested deeper than this are refused. Word's own documents stay under 40 (drawings included). */
export const MAX_DEPTH = 256;

/** Characters handed to the tokenizer at a time: the part is decoded piece by piece, never into one string. */
const CHUNK_BYTES = 1024 * 1024;

export type XmlTag = SaxesTagNS;

export interface XmlVisitor {
  /** An element starts (`depth` from 1 for the root). */
  open(tag: XmlTag, depth: number): void;
  /** It ends (also called for `<a/>`). */
  close(depth: number): void;
  /** Character data (text or CDATA) inside the current element. */
  text(text: string): void;
}

/** The value of the attribute `local` in namespace `uri` ("" for an unprefixed attribute). */
export function attribute(tag: XmlTag, uri: string, local: string): string | undefined {
  const attributes = tag.attributes;
  for (const name in attributes) {
    const a = attributes[name];
    if (a.local === local && a.uri === uri) return a.value;
  }
  return undefined;
}

/**
 * Streams `bytes` (UTF-8, or UTF-16 with a byte order mark) to `visitor`. Not well-formed XML, a
 * DOCTYPE (OOXML forbids DTDs, which also rules out entity expansion: only XML's five predefined
 * entities and numeric references are known) or nesting deeper than MAX_DEPTH is a DocxError.
 * The parser's namespace scope is passed to `withResolver`, for attribute values naming prefixes.
 */
export function streamXml(bytes: Uint8Array, visitor: XmlVisitor, withResolver?: (resolve: (prefix: string) => string | undefined) => void): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  withResolver?.((prefix) => parser.resolve(prefix));
  let depth = 0;
  parser.on("doctype", () => {
    throw new DocxError("corrupt", messages.damaged("it contains a document type declaration"));
  });
  parser.on("opentag", (tag) => {
    depth++;
    if (depth > MAX_DEPTH) throw new DocxError("too-large", messages.tooDeep(MAX_DEPTH));
    visitor.open(tag, depth);
  });
  parser.on("closetag", () => {
    visitor.close(depth);
    depth--;
  });
  parser.on("text", (text) => visitor.text(text));
  parser.on("cdata", (text) => visitor.text(text));
  try {
    const decoder = new TextDecoder(encodingOf(bytes));
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
      parser.write(decoder.decode(bytes.subarray(at, at + CHUNK_BYTES), { stream: true }));
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError("corrupt", messages.damaged("its text is not well-formed XML"));
  }
}

function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return "utf-8";
}
