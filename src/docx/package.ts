import type JSZip from "jszip";
import { DocxError, messages } from "./errors";
import { attributeOf, childrenOf, nameOf, parseXml } from "./xml";
import { readEntry } from "./zip";

const DEFAULT_MAIN_PART = "word/document.xml";
const OFFICE_DOCUMENT = /\/officeDocument$/;
const RELATIONSHIPS_LIMIT = 1024 * 1024;

/** Other files that are zips too, so that the message can say what was chosen instead. */
const OTHER_KINDS: [string, string][] = [
  ["xl/workbook.xml", "an Excel workbook"],
  ["ppt/presentation.xml", "a PowerPoint presentation"],
  ["content.xml", "an OpenDocument file (.odt or similar)"],
];

/** The unpacked main document part (normally word/document.xml), found through the package relationships. */
export async function readMainDocument(zip: JSZip): Promise<Uint8Array> {
  const path = (await mainPartPath(zip)) ?? DEFAULT_MAIN_PART;
  const bytes = (await readEntry(zip, path)) ?? (path === DEFAULT_MAIN_PART ? undefined : await readEntry(zip, DEFAULT_MAIN_PART));
  if (!bytes) {
    const other = OTHER_KINDS.find(([part]) => zip.file(part) !== null);
    throw new DocxError("not-word", messages.notWord(other?.[1]));
  }
  return bytes;
}

async function mainPartPath(zip: JSZip): Promise<string | undefined> {
  const bytes = await readEntry(zip, "_rels/.rels", RELATIONSHIPS_LIMIT);
  if (!bytes) return undefined;
  const root = parseXml(bytes).find((node) => nameOf(node) === "Relationships");
  const main = root && childrenOf(root).find((node) => OFFICE_DOCUMENT.test(attributeOf(node, "Type") ?? ""));
  const target = main && attributeOf(main, "Target");
  return target?.replace(/^\//, "");
}
