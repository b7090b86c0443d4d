// tsconfig.cli.json compiles from src/cli, so the bundle's type declaration is brought in here.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./jszip-bundle.d.ts" />
import type JSZip from "jszip";
import type * as Zlib from "zlib";
import { DocxError, messages } from "./errors";
import { nodeZlib } from "./node-zlib";
import { DirectoryEntry, readDirectory } from "./zip-directory";

/** The largest .docx accepted. Monitoring documents are well under 1 MB; 50 MB allows for pasted images. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * The most a part may unpack to. A 100-recommendation document's text is about 1 MB; the limit is far
 * above that but stops a zip bomb (a few hundred KB that unpacks to gigabytes) before memory runs out.
 */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

/** The chunk stream jszip gives for one entry (typed here: jszip's typings leave it out). */
interface ChunkStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): ChunkStream;
  on(event: "error", listener: (error: unknown) => void): ChunkStream;
  on(event: "end", listener: () => void): ChunkStream;
  resume(): ChunkStream;
  pause(): ChunkStream;
}

interface StreamableEntry {
  internalStream(type: "uint8array"): ChunkStream;
}

/** The error for a file of this many bytes, or undefined when its size is acceptable (callers may check before reading it). */
export function fileSizeProblem(size: number): DocxError | undefined {
  return size > MAX_FILE_BYTES ? new DocxError("too-large", messages.fileTooLarge(size, MAX_FILE_BYTES)) : undefined;
}

const ZIP_SIGNATURE = [0x50, 0x4b]; // "PK"
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0]; // .doc and password-protected .docx
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46]; // "%PDF"

/** The zip in `bytes`, opened with jszip (to be changed and written again). */
export async function openZip(bytes: Uint8Array): Promise<JSZip> {
  refuseNonZip(bytes);
  return openWithJszip(bytes);
}

/**
 * The zip in `bytes`, opened to be read: its directory read here when it is a plain zip (zip-directory.ts),
 * else by jszip. Reads and fails exactly as openZip and the readers below on jszip's zip.
 */
export async function openZipToRead(bytes: Uint8Array): Promise<ReadableZip> {
  refuseNonZip(bytes);
  const files = readDirectory(bytes);
  return files ? new PlainZip(bytes, files) : openWithJszip(bytes);
}

/**
 * A zip whose directory zip-directory.ts read. What the fast paths below do not read (stored entries,
 * damaged data, no platform inflate) is read from the same file opened with jszip, as it always was.
 */
export class PlainZip {
  private withJszip: Promise<JSZip> | undefined;
  constructor(
    private readonly bytes: Uint8Array,
    /** Entries by name, as jszip's `files`. */
    readonly files: Record<string, DirectoryEntry>,
  ) {}

  /** As jszip's `file(path)`: the entry of that exact name unless it is a folder. */
  file(path: string): DirectoryEntry | null {
    const entry = this.files[path];
    return entry && !entry.dir ? entry : null;
  }

  jszip(): Promise<JSZip> {
    this.withJszip ??= openWithJszip(this.bytes);
    return this.withJszip;
  }
}

export type ReadableZip = JSZip | PlainZip;

function refuseNonZip(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new DocxError("not-zip", messages.empty);
  const tooLarge = fileSizeProblem(bytes.length);
  if (tooLarge) throw tooLarge;
  if (startsWith(bytes, OLE_SIGNATURE)) throw new DocxError("not-zip", messages.oldWordOrProtected);
  if (startsWith(bytes, PDF_SIGNATURE)) throw new DocxError("not-zip", messages.pdf);
  if (!startsWith(bytes, ZIP_SIGNATURE)) throw new DocxError("not-zip", messages.notZip);
}

async function openWithJszip(bytes: Uint8Array): Promise<JSZip> {
  // jszip's single-file build, the one bundlers already use in the browser (its package.json "browser" field):
  // in Node, requiring it takes a third of the time of the package's entry point, which loads 66 modules one
  // by one. Imported when first needed ("eager": no chunk of its own), so that reading a plain zip never runs it.
  const { default: JSZipClass } = await import(/* webpackMode: "eager" */ "jszip/dist/jszip.min.js");
  try {
    return await JSZipClass.loadAsync(bytes);
  } catch (error) {
    throw zipError(error);
  }
}

/**
 * Unpacks one entry, counting bytes as they come so that an entry claiming to be small but
 * unpacking to gigabytes is stopped at the limit rather than after filling memory.
 */
export async function readEntry(zip: ReadableZip, path: string, limit = MAX_PART_BYTES): Promise<Uint8Array | undefined> {
  const entry = entryNamed(zip, path);
  if (!entry) return undefined;
  const deflated = deflatedContent(entry);
  const zlib = nodeZlib();
  if (deflated && (zlib || typeof DecompressionStream === "function")) {
    try {
      const bytes = zlib ? inflateWholeWithNode(zlib, deflated.content, limit) : await inflateWithPlatform(deflated.content, limit);
      // jszip refuses a part whose size is not the one its zip entry gives; so does this, through jszip below.
      if (bytes.length === deflated.size) return bytes;
    } catch (error) {
      if (error instanceof DocxError) throw error;
    }
    // Damaged data: jszip unpacks it again below, so that a damaged file reads (or fails) exactly as it always has.
  }
  if (zip instanceof PlainZip) return readEntry(await zip.jszip(), path, limit);
  return streamEntry(entry as JSZip.JSZipObject, limit); // jszip's zip, so jszip's entry
}

type AnyEntry = JSZip.JSZipObject | DirectoryEntry;

/** What the readers look up in a zip, jszip's or a PlainZip. */
interface Entries {
  files: Record<string, AnyEntry>;
  file(path: string): AnyEntry | null;
}

/**
 * The entry named `path`, compared case-insensitively as the Open Packaging Conventions require
 * ("Word/Document.xml" is word/document.xml); an exact match is preferred.
 */
function entryNamed(zip: Entries, path: string): AnyEntry | null {
  const exact = zip.file(path);
  if (exact) return exact;
  const wanted = path.toLowerCase();
  for (const name in zip.files) {
    const entry = zip.files[name];
    if (!entry.dir && name.toLowerCase() === wanted) return entry;
  }
  return null;
}

export function hasEntry(zip: ReadableZip, path: string): boolean {
  return entryNamed(zip, path) !== null;
}

/** What jszip keeps of an entry it has read from a file (internal, as is internalStream below). */
interface LoadedEntry {
  _data?: { compression?: { magic?: unknown }; compressedContent?: unknown; uncompressedSize?: unknown };
}

/** jszip's name for the zip compression method 8, deflate; the other one it reads is 0, stored. */
const DEFLATE = "\x08\x00";

/**
 * The entry's still-compressed bytes and the size they should unpack to, when it is deflated and jszip
 * has them as bytes (a view on the file's own buffer). `isView`, as `instanceof` fails across realms.
 */
function deflatedContent(entry: AnyEntry): { content: ArrayBufferView<ArrayBuffer>; size: number } | undefined {
  if (entry instanceof DirectoryEntry) return entry.deflated as { content: ArrayBufferView<ArrayBuffer>; size: number } | undefined;
  const data = (entry as unknown as LoadedEntry)._data;
  const content = data?.compressedContent;
  const size = data?.uncompressedSize;
  if (data?.compression?.magic !== DEFLATE || !ArrayBuffer.isView(content) || typeof size !== "number") return undefined;
  return { content: content as ArrayBufferView<ArrayBuffer>, size };
}

/**
 * For speed: the platform's inflate (DecompressionStream, in browsers and in Node since 18) is native
 * code, where jszip's is JavaScript that a one-file CLI run never warms up (≈ 40 ms of ~1 MB). Same
 * bytes out for the same deflate data; any failure other than the size limit falls back to jszip.
 */
async function inflateWithPlatform(deflated: ArrayBufferView<ArrayBuffer>, limit: number): Promise<Uint8Array> {
  return throughPlatformStream(new DecompressionStream("deflate-raw"), deflated, limit);
}

/**
 * `input` through one of the platform's (de)compression streams, read back whole, chunk by chunk
 * (`new Response(stream)` would be shorter, but loads Node's whole fetch, ≈ 40 ms). More than `limit`
 * bytes out is the part-size DocxError.
 */
export async function throughPlatformStream(
  stream: CompressionStream | DecompressionStream,
  input: ArrayBufferView<ArrayBuffer>,
  limit = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // A failure shows on the reading side as well; these promises are only kept from going unhandled.
  writer.write(input).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return concat(chunks, total);
    total += value.length;
    if (total > limit) {
      chunks.length = 0;
      reader.cancel().catch(() => undefined);
      throw new DocxError("too-large", messages.textTooLarge(limit));
    }
    chunks.push(value);
  }
}

/** Takes a part's bytes a piece at a time as they are unpacked (the reader's tokenizer), and gives its result at the end. */
export interface ChunkSink<T> {
  chunk(bytes: Uint8Array): void;
  end(): T;
}

/**
 * Unpacks one entry a piece at a time straight into a sink from `start()`, so that the part is never
 * held whole: the platform's inflate (Node's zlib, or DecompressionStream), and jszip's when that
 * fails. Fails exactly as unpacking it whole and then reading it did: the part-size limit, or a
 * damaged entry, is the error even when the sink had already refused what came before (it is
 * unpacked to the end, the pieces thrown away); a damaged entry is read again with jszip, into a
 * fresh sink, as it always was.
 */
export async function streamEntryInto<T>(zip: ReadableZip, path: string, start: () => ChunkSink<T>, limit = MAX_PART_BYTES): Promise<T | undefined> {
  const entry = entryNamed(zip, path);
  if (!entry) return undefined;
  const deflated = deflatedContent(entry);
  const zlib = nodeZlib();
  if (deflated && zlib && deflated.size <= WHOLE_INFLATE_BYTES) {
    const whole = inflateSmallWithNode(zlib, deflated, limit);
    if (whole !== undefined && whole.length === deflated.size) {
      const feed = new Feed(start());
      for (let at = 0; at < whole.length; at += FEED_BYTES) feed.take(whole.subarray(at, at + FEED_BYTES));
      return feed.result();
    }
    // Damaged, or larger than its entry claims: read as below, where either shows exactly as it always did.
  }
  if (deflated && (zlib || typeof DecompressionStream === "function")) {
    const feed = new Feed(start());
    try {
      const total = zlib ? await inflateWithNode(zlib, deflated.content, limit, feed) : await inflateStreamWithPlatform(deflated.content, limit, feed);
      if (total === deflated.size) return feed.result();
    } catch (error) {
      if (error instanceof DocxError) throw error;
    }
  }
  if (zip instanceof PlainZip) return streamEntryInto(await zip.jszip(), path, start, limit);
  const feed = new Feed(start());
  await streamEntry(entry as JSZip.JSZipObject, limit, feed); // jszip's zip, so jszip's entry
  return feed.result();
}

/**
 * A part that its zip entry says unpacks to no more than this is inflated in one synchronous call and
 * then fed to the sink piece by piece: for a monitoring document's ~1 MB document.xml, that saves
 * zlib's stream (its chunks inflated on libuv's thread pool, each coming back through the event loop;
 * ≈ 15 ms of a cold CLI run waiting). Larger parts are streamed, so they are never held whole.
 */
export const WHOLE_INFLATE_BYTES = 4 * 1024 * 1024;

/** The pieces a part inflated whole is fed to the sink in (the tokenizer's input, never one huge string). */
const FEED_BYTES = 256 * 1024;

/**
 * The whole of a small part (see WHOLE_INFLATE_BYTES), or undefined when zlib refuses the data or it
 * unpacks to more than the entry said it would: the caller reads it as before, which gives the
 * damaged or too-large outcome it always gave. Past `limit` (below WHOLE_INFLATE_BYTES) it is the
 * part-size DocxError, as streaming it would be.
 */
function inflateSmallWithNode(
  zlib: typeof Zlib,
  { content, size }: { content: ArrayBufferView<ArrayBuffer>; size: number },
  limit: number,
): Uint8Array | undefined {
  try {
    // One byte more than allowed, so that "larger than the entry says" is told from "exactly its size".
    const most = Math.min(limit, WHOLE_INFLATE_BYTES + 1);
    // Output in one piece of the size the entry gives (zlib's 16 KB default means ~60 pieces joined at the end).
    const chunkSize = Math.max(zlib.constants.Z_MIN_CHUNK, Math.min(size + 1, most));
    return zlib.inflateRawSync(new Uint8Array(content.buffer, content.byteOffset, content.byteLength), { maxOutputLength: most, chunkSize });
  } catch (error) {
    if ((error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE" && limit <= WHOLE_INFLATE_BYTES) {
      throw new DocxError("too-large", messages.textTooLarge(limit));
    }
    return undefined;
  }
}

/** A sink fed until it refuses; then what comes is dropped, and its refusal is the result unless unpacking fails first. */
class Feed<T> {
  private refusal: { error: unknown } | undefined;
  constructor(private readonly sink: ChunkSink<T>) {}
  take(bytes: Uint8Array): void {
    if (this.refusal) return;
    try {
      this.sink.chunk(bytes);
    } catch (error) {
      this.refusal = { error };
    }
  }
  result(): T {
    if (this.refusal) throw this.refusal.error;
    return this.sink.end();
  }
}

function inflateWithNode(zlib: typeof Zlib, deflated: ArrayBufferView<ArrayBuffer>, limit: number, feed: Feed<unknown>): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    let total = 0;
    inflate.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        inflate.destroy();
        reject(new DocxError("too-large", messages.textTooLarge(limit)));
      } else feed.take(chunk);
    });
    inflate.on("error", reject);
    inflate.on("end", () => resolve(total));
    inflate.end(new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.byteLength));
  });
}

async function inflateStreamWithPlatform(deflated: ArrayBufferView<ArrayBuffer>, limit: number, feed: Feed<unknown>): Promise<number> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  writer.write(deflated).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return total;
    total += value.length;
    if (total > limit) {
      reader.cancel().catch(() => undefined);
      throw new DocxError("too-large", messages.textTooLarge(limit));
    }
    feed.take(value);
  }
}

function inflateWholeWithNode(zlib: typeof Zlib, deflated: ArrayBufferView<ArrayBuffer>, limit: number): Uint8Array {
  try {
    return zlib.inflateRawSync(new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.byteLength), { maxOutputLength: limit });
  } catch (error) {
    if ((error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") throw new DocxError("too-large", messages.textTooLarge(limit));
    throw error;
  }
}

/** jszip's own unpacking, chunk by chunk (into `feed`, or collected). */
function streamEntry(entry: JSZip.JSZipObject, limit: number, feed?: Feed<unknown>): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    const stream = (entry as unknown as StreamableEntry).internalStream("uint8array");
    const fail = (error: DocxError): void => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      stream.pause();
      reject(error);
    };
    stream
      .on("data", (chunk) => {
        if (settled) return;
        total += chunk.length;
        if (total > limit) fail(new DocxError("too-large", messages.textTooLarge(limit)));
        else if (feed) feed.take(chunk);
        else chunks.push(chunk);
      })
      .on("error", (error) => fail(zipError(error)))
      .on("end", () => {
        if (settled) return;
        settled = true;
        resolve(feed ? new Uint8Array(0) : concat(chunks, total));
      })
      .resume();
  });
}

/** Maps jszip's messages ("End of data reached…", "Corrupted zip…", "invalid distance…") to ours. */
function zipError(error: unknown): DocxError {
  if (error instanceof DocxError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  // The file starts like a zip (checked before) but its end is missing: the zip's directory is kept at the end.
  if (/end of central directory|end of data reached|missing \d+ bytes/i.test(detail)) {
    return new DocxError("truncated", messages.truncated);
  }
  if (/encrypt/i.test(detail)) return new DocxError("corrupt", messages.encrypted);
  return new DocxError("corrupt", messages.damaged("parts of it are unreadable"));
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const result = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}
