import type JSZip from "jszip";
import { DocxError, messages } from "./errors";
import { nodeZlib } from "./node-zlib";
import { readEntry, throughPlatformStream } from "./zip";
import { childElement, decodePart, parseXmlTree, type PartEncoding, type XmlTree } from "./write-xml";

const MAIN_PART = "word/document.xml";
const OFFICE_DOCUMENT = /\/officeDocument$/;
const SETTINGS = /\/settings$/;
const RELATIONSHIPS_LIMIT = 1024 * 1024;

/** A package opened for writing: the zip, and the main document part's path, text and encoding. */
export interface WritablePackage {
  zip: JSZip;
  documentPath: string;
  /** The part's text; its one root is the w:document element (whose children are parsed only if asked for). */
  document: XmlTree;
  encoding: PartEncoding;
  /** Whether word/settings.xml turns tracked changes on (`w:trackRevisions`). */
  tracksChanges: boolean;
}

/** What the writer takes from the package besides the main part: which part that is, and whether changes are tracked. */
export interface PackageSettings {
  documentPath: string;
  tracksChanges: boolean;
}

export async function packageSettings(zip: JSZip): Promise<PackageSettings> {
  const documentPath = (await targetOf(zip, "_rels/.rels", "", OFFICE_DOCUMENT)) ?? MAIN_PART;
  const folder = documentPath.includes("/") ? documentPath.slice(0, documentPath.lastIndexOf("/") + 1) : "";
  const relationships = `${folder}_rels/${documentPath.slice(folder.length)}.rels`;
  const settingsPath = (await targetOf(zip, relationships, folder, SETTINGS)) ?? `${folder}settings.xml`;
  return { documentPath, tracksChanges: await tracksChanges(zip, settingsPath) };
}

/** The main part's bytes as the writer reads them (exactly: invalid UTF-8 is refused rather than replaced). */
export async function documentText(zip: JSZip, documentPath: string): Promise<{ text: string; encoding: PartEncoding }> {
  const documentBytes = await readEntry(zip, documentPath);
  if (!documentBytes) throw new DocxError("not-word", messages.notWord());
  return decodePart(documentBytes);
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
  return partPath(folder, target);
}

/** The package part a relationship's Target names, from the folder of the part that holds the relationship. */
export function partPath(folder: string, target: string): string {
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
  _data?: CompressedData;
}

/** jszip's CompressedObject: an entry's bytes as stored in the zip, which it writes out again as they are. */
interface CompressedData {
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  compression?: { magic?: string };
  compressedContent: Uint8Array;
}

const STORED = "\x00\x00";
const DEFLATED = "\x08\x00";

/**
 * The package with one part replaced. Every other entry keeps its compressed bytes as they were
 * (jszip passes an entry's data through when it is written with the compression it was read with,
 * which is set here per entry: stored entries stay stored).
 */
export async function replacePart(zip: JSZip, path: string, bytes: Uint8Array): Promise<Uint8Array> {
  let deflate: CompressedData | undefined;
  zip.forEach((_name, entry) => {
    const loaded = entry as unknown as LoadedEntry;
    const magic = loaded._data?.compression?.magic;
    if (magic === STORED) loaded.options.compression = "STORE";
    else if (magic === DEFLATED) {
      loaded.options.compression = "DEFLATE";
      deflate ??= loaded._data;
    }
  });
  const date = zip.file(path)?.date;
  zip.file(path, bytes, { compression: "DEFLATE", date, createFolders: false });
  const zlib = nodeZlib();
  const deflated = !deflate
    ? undefined
    : zlib
      ? { data: zlib.deflateRawSync(bytes, { level: 6 }) as Uint8Array, crc32: zlib.crc32(bytes) }
      : typeof CompressionStream === "function"
        ? await deflateWithPlatform(bytes)
        : undefined;
  if (deflate && deflated) {
    // For speed: the platform's deflate (Node's zlib, or CompressionStream) instead of jszip's JavaScript one, handed to jszip
    // as an already-compressed entry, which it writes out as it does every entry it passes through.
    // jszip's class is not exported: the new object shares a loaded entry's prototype, so jszip takes it for one.
    const entry = zip.file(path) as unknown as LoadedEntry;
    const data = Object.create(Object.getPrototypeOf(deflate) as object) as CompressedData;
    entry._data = Object.assign(data, {
      compressedSize: deflated.data.length,
      uncompressedSize: bytes.length,
      crc32: deflated.crc32,
      compression: deflate.compression,
      compressedContent: deflated.data,
    });
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/**
 * Deflates with the platform (CompressionStream, native zlib, in browsers and Node 18+). Its gzip
 * output is the raw deflate data between a 10-byte header and a trailer holding the CRC-32 and the
 * size, which is exactly what a zip entry needs.
 */
async function deflateWithPlatform(bytes: Uint8Array): Promise<{ data: Uint8Array; crc32: number } | undefined> {
  try {
    const gzip = await throughPlatformStream(new CompressionStream("gzip"), bytes as Uint8Array<ArrayBuffer>);
    if (gzip.length < 18) return undefined;
    const trailer = new DataView(gzip.buffer, gzip.byteOffset + gzip.length - 8, 8);
    // A header with optional fields (FLG ≠ 0) or a size that does not match is not what this expects.
    if (gzip[0] !== 0x1f || gzip[1] !== 0x8b || gzip[3] !== 0 || trailer.getUint32(4, true) !== bytes.length % 2 ** 32) return undefined;
    return { data: gzip.subarray(10, gzip.length - 8), crc32: trailer.getUint32(0, true) };
  } catch {
    return undefined;
  }
}
