// tsconfig.cli.json compiles from src/cli, so the bundle's type declaration is brought in here.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./jszip-bundle.d.ts" />
// jszip's single-file build, the one bundlers already use in the browser (its package.json "browser" field).
// For speed in Node: requiring it takes a third of the time of the package's entry point, which loads
// some 80 modules (readable-stream among them) one by one.
import JSZip from "jszip/dist/jszip.min.js";
import { DocxError, messages } from "./errors";

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

const ZIP_SIGNATURE = [0x50, 0x4b]; // "PK"
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0]; // .doc and password-protected .docx
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46]; // "%PDF"

export async function openZip(bytes: Uint8Array): Promise<JSZip> {
  if (bytes.length === 0) throw new DocxError("not-zip", messages.empty);
  if (bytes.length > MAX_FILE_BYTES) {
    throw new DocxError("too-large", messages.fileTooLarge(bytes.length, MAX_FILE_BYTES));
  }
  if (startsWith(bytes, OLE_SIGNATURE)) throw new DocxError("not-zip", messages.oldWordOrProtected);
  if (startsWith(bytes, PDF_SIGNATURE)) throw new DocxError("not-zip", messages.pdf);
  if (!startsWith(bytes, ZIP_SIGNATURE)) throw new DocxError("not-zip", messages.notZip);
  try {
    return await JSZip.loadAsync(bytes);
  } catch (error) {
    throw zipError(error);
  }
}

/**
 * Unpacks one entry, counting bytes as they come so that an entry claiming to be small but
 * unpacking to gigabytes is stopped at the limit rather than after filling memory.
 */
export function readEntry(zip: JSZip, path: string, limit = MAX_PART_BYTES): Promise<Uint8Array | undefined> {
  const entry = zip.file(path);
  if (!entry) return Promise.resolve(undefined);
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
        else chunks.push(chunk);
      })
      .on("error", (error) => fail(zipError(error)))
      .on("end", () => {
        if (settled) return;
        settled = true;
        resolve(concat(chunks, total));
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

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const result = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}
