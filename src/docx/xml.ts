import { XMLParser } from "fast-xml-parser";
import { DocxError, messages } from "./errors";

/**
 * A node as fast-xml-parser gives it with `preserveOrder`: an element is `{ [tag]: children, ":@": attributes }`,
 * text is `{ "#text": "…" }`. Children stay in document order, which keeps paragraphs and tables in order.
 */
export type XmlNode = Record<string, unknown>;

const ATTRIBUTES = ":@";
const TEXT = "#text";

/** Property and drawing elements the reader never looks inside: left unparsed, which saves time on real documents. */
const UNREAD = ["w:pPr", "w:rPr", "w:tcPr", "w:trPr", "w:tblPr", "w:tblGrid", "w:sectPr", "w:sdtPr", "w:drawing", "w:pict", "w:object"];

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Also decodes numeric character references (&#8211;), which the XML-only setting leaves as written.
  htmlEntities: true,
  stopNodes: UNREAD.map((name) => `*.${name}`),
});

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

/** The text directly inside an element (the `#text` children, joined). */
export function textOf(node: XmlNode): string {
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
