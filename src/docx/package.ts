import { DocxError, messages } from "./errors";
import { attribute, streamXml } from "./xml";
import { hasEntry, readEntry, type ReadableZip } from "./zip";

const DEFAULT_MAIN_PART = "word/document.xml";
const OFFICE_DOCUMENT = /\/officeDocument$/;
const RELATIONSHIPS_LIMIT = 1024 * 1024;

/** Other files that are zips too, so that the message can say what was chosen instead. */
const OTHER_KINDS: [string, string][] = [
  ["xl/workbook.xml", "an Excel workbook"],
  ["ppt/presentation.xml", "a PowerPoint presentation"],
  ["content.xml", "an OpenDocument file (.odt or similar)"],
];

/** The main document part's path: the package relationships' target when there is such an entry, else word/document.xml. */
export async function mainDocumentPath(zip: ReadableZip): Promise<string> {
  const path = (await mainPartPath(zip)) ?? DEFAULT_MAIN_PART;
  if (hasEntry(zip, path)) return path;
  if (path !== DEFAULT_MAIN_PART && hasEntry(zip, DEFAULT_MAIN_PART)) return DEFAULT_MAIN_PART;
  throw notWord(zip);
}

function notWord(zip: ReadableZip): DocxError {
  const other = OTHER_KINDS.find(([part]) => hasEntry(zip, part));
  return new DocxError("not-word", messages.notWord(other?.[1]));
}

async function mainPartPath(zip: ReadableZip): Promise<string | undefined> {
  const bytes = await readEntry(zip, "_rels/.rels", RELATIONSHIPS_LIMIT);
  if (!bytes) return undefined;
  // The first Relationship (a child of the Relationships root) of the office-document type.
  let target: string | undefined;
  let rootIsRelationships = false;
  streamXml(bytes, {
    open(tag, depth) {
      if (depth === 1) rootIsRelationships = tag.local === "Relationships";
      else if (depth === 2 && rootIsRelationships && target === undefined && OFFICE_DOCUMENT.test(attribute(tag, "", "Type") ?? "")) {
        target = attribute(tag, "", "Target") ?? "";
      }
    },
    close() {},
    text() {},
  });
  return target?.replace(/^\//, "");
}
