import { XMLParser } from "fast-xml-parser";
import { DocxError, messages } from "../../../src/docx/errors";

/**
 * A node as fast-xml-parser gives it with `preserveOrder`: an element is `{ [tag]: children, ":@": attributes }`,
 * text is `{ "#text": "…" }`. Children stay in document order, which keeps paragraphs and tables in order.
 */
export type XmlNode = Record<string, unknown>;

const ATTRIBUTES = ":@";
const TEXT = "#text";

/** Property and drawing elements the reader never looks inside: left unparsed, which saves time on real documents. */
const UNREAD = ["w:pPr", "w:rPr", "w:tcPr", "w:trPr", "w:tblPr", "w:tblGrid", "w:sectPr", "w:sdtPr", "w:drawing", "w:pict", "w:object"];

/**
 * Elements whose text is kept raw by the parser and decoded by `textOf` only when it holds markup.
 * For speed: fast-xml-parser builds ordinary text one character at a time and runs entity decoding
 * on it, while a stop node's content is cut out with one `substring`; most of a document's bytes are
 * w:t text, and almost none of it holds `&` or `<`.
 */
const RAW_TEXT = ["w:t"];

const OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Also decodes numeric character references (&#8211;), which the XML-only setting leaves as written.
  htmlEntities: true,
  // For speed: callbacks (we set none) get the parser's path object, not a string built for every element and text.
  jPath: false,
} as const;

const parser = new XMLParser({ ...OPTIONS, stopNodes: [...UNREAD, ...RAW_TEXT].map((name) => `*.${name}`) });

/** Parses the rare raw text that holds markup (entities, CDATA, comments) exactly as a full parse would have. */
const textParser = new XMLParser({ ...OPTIONS, stopNodes: UNREAD.map((name) => `*.${name}`) });

/** Parses a part's bytes (UTF-8, or UTF-16 with a byte order mark). */
export function parseXml(bytes: Uint8Array): XmlNode[] {
  const text = decode(bytes);
  // OOXML forbids DTDs; refusing them also rules out entity-expansion attacks.
  if (/<!DOCTYPE/i.test(text.slice(0, 4096))) {
    throw new DocxError("corrupt", messages.damaged("it contains a document type declaration"));
  }
  try {
    const nodes: unknown = parser.parse(text);
    if (!Array.isArray(nodes)) throw new Error("no elements");
    return nodes as XmlNode[];
  } catch {
    throw new DocxError("corrupt", messages.damaged("its text is not well-formed XML"));
  }
}

export function nameOf(node: XmlNode): string | undefined {
  for (const key in node) if (key !== ATTRIBUTES) return key;
  return undefined;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const name = nameOf(node);
  const children = name === undefined ? undefined : node[name];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

export function attributeOf(node: XmlNode, name: string): string | undefined {
  const attributes = node[ATTRIBUTES] as Record<string, unknown> | undefined;
  const value = attributes?.[name];
  return typeof value === "string" ? value : undefined;
}

/** XML's five predefined entities: nearly all the references in a document's text (`&amp;`, and `&apos;` from some writers). */
const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const PREDEFINED_REFERENCE = /&(amp|lt|gt|quot|apos);/g;
/** An `&` that does not start a predefined entity: a numeric reference (&#8211;), an HTML name or a stray `&`. */
const OTHER_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos);)/;

/**
 * The text directly inside an element (the `#text` children, joined), for the elements in RAW_TEXT,
 * whose content comes raw from the parser: it is decoded here as the full parse would have. Plain
 * text and text with only predefined entities (which well-formed XML cannot redefine) are decoded
 * directly; anything else (numeric or HTML references, CDATA, a comment) is handed to the parser.
 */
export function textOf(node: XmlNode): string {
  const raw = directText(node);
  if (!raw.includes("&") && !raw.includes("<")) return raw;
  if (!raw.includes("<") && !OTHER_AMPERSAND.test(raw)) {
    return raw.replace(PREDEFINED_REFERENCE, (_reference, name: string) => PREDEFINED[name]);
  }
  const name = nameOf(node) ?? "t";
  let parsed: unknown;
  try {
    parsed = textParser.parse(`<${name}>${raw}</${name}>`);
  } catch {
    throw new DocxError("corrupt", messages.damaged("its text is not well-formed XML"));
  }
  const element = Array.isArray(parsed) ? (parsed as XmlNode[]).find((child) => nameOf(child) === name) : undefined;
  return element ? directText(element) : "";
}

function directText(node: XmlNode): string {
  let text = "";
  for (const child of childrenOf(node)) {
    const value = child[TEXT];
    if (typeof value === "string") text += value;
  }
  return text;
}

/** The first child element with the given name, if any. */
export function childNamed(node: XmlNode, name: string): XmlNode | undefined {
  return childrenOf(node).find((child) => nameOf(child) === name);
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}
