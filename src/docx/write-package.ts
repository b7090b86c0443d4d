import type JSZip from "jszip";
import { DocxError, messages } from "./errors";
import { openZip, readEntry } from "./zip";
import { childElement, decodePart, parseXmlTree, type PartEncoding, type XmlTree } from "./write-xml";

const MAIN_PART = "word/document.xml";
const OFFICE_DOCUMENT = /\/officeDocument$/;
const SETTINGS = /\/settings$/;
const RELATIONSHIPS_LIMIT = 1024 * 1024;

/** A package opened for writing: the zip, and the main document part's path, text and encoding. */
export interface WritablePackage {
  zip: JSZip;
  documentPath: string;
  document: XmlTree;
  encoding: PartEncoding;
  /** Whether word/settings.xml turns tracked changes on (`w:trackRevisions`). */
  tracksChanges: boolean;
}

export async function openPackage(bytes: Uint8Array): Promise<WritablePackage> {
  const zip = await openZip(bytes);
  const documentPath = (await targetOf(zip, "_rels/.rels", "", OFFICE_DOCUMENT)) ?? MAIN_PART;
  const documentBytes = await readEntry(zip, documentPath);
  if (!documentBytes) throw new DocxError("not-word", messages.notWord());
  const { text, encoding } = decodePart(documentBytes);
  const folder = documentPath.includes("/") ? documentPath.slice(0, documentPath.lastIndexOf("/") + 1) : "";
  const relationships = `${folder}_rels/${documentPath.slice(folder.length)}.rels`;
  const settingsPath = (await targetOf(zip, relationships, folder, SETTINGS)) ?? `${folder}settings.xml`;
  return { zip, documentPath, document: parseXmlTree(text), encoding, tracksChanges: await tracksChanges(zip, settingsPath) };
}

/** The target of the first relationship of the given type, as a path in the zip. */
async function targetOf(zip: JSZip, path: string, folder: string, type: RegExp): Promise<string | undefined> {
  const bytes = await readEntry(zip, path, RELATIONSHIPS_LIMIT);
  if (!bytes) return undefined;
  const root = parseXmlTree(decodePart(bytes).text).roots.find((element) => element.name === "Relationships");
  const relationship = root?.children.find(
    (child) => type.test(child.attributes.Type ?? "") && child.attributes.TargetMode !== "External",
  );
  const target = relationship?.attributes.Target;
  if (!target) return undefined;
  return target.startsWith("/") ? target.slice(1) : normalise(folder + target);
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

const OFF = new Set(["false", "0", "off"]);

async function tracksChanges(zip: JSZip, path: string): Promise<boolean> {
  const bytes = await readEntry(zip, path, RELATIONSHIPS_LIMIT);
  if (!bytes) return false;
  const settings = parseXmlTree(decodePart(bytes).text).roots.find((element) => element.name === "w:settings");
  const track = settings && childElement(settings, "w:trackRevisions");
  return track !== undefined && !OFF.has(track.attributes["w:val"] ?? "true");
}

/** What jszip keeps of an entry read from a file (internal; jszip 3.10 is pinned). */
interface LoadedEntry {
  options: { compression?: string };
  _data?: { compression?: { magic?: string } };
}

/**
 * The package with one part replaced. Every other entry keeps its compressed bytes as they were
 * (jszip passes an entry's data through when it is written with the compression it was read with,
 * which is set here per entry: stored entries stay stored).
 */
export async function replacePart(zip: JSZip, path: string, bytes: Uint8Array): Promise<Uint8Array> {
  zip.forEach((_name, entry) => {
    const loaded = entry as unknown as LoadedEntry;
    const magic = loaded._data?.compression?.magic;
    if (magic === "\x00\x00") loaded.options.compression = "STORE";
    else if (magic === "\x08\x00") loaded.options.compression = "DEFLATE";
  });
  zip.file(path, bytes, { compression: "DEFLATE", date: zip.file(path)?.date, createFolders: false });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
