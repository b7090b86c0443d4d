/**
 * A zip's directory read straight from its bytes: what jszip's loadAsync gives a reader (each entry's name,
 * whether it is a folder, its compressed bytes), without loading jszip, which is ≈ 3 ms of a cold CLI run (its
 * module, its promise chain, its directory reader, each run once). Only a plain zip is taken, one that jszip
 * reads into exactly these entries; for anything else (zip64, encryption, bytes before or inside the zip, a
 * name that is not ASCII or that jszip would rewrite, a record out of place) this gives undefined and jszip
 * reads the file as it always did, failing the same way when it fails.
 */

/** An entry as jszip lists it in `files`: a folder's name ends in "/". */
export class DirectoryEntry {
  constructor(
    readonly name: string,
    readonly dir: boolean,
    /**
     * The compressed bytes (a view on the file's own) and the size they unpack to, for a deflated file that is
     * not empty; undefined for the others (stored, empty or a folder), which jszip reads as it always did.
     */
    readonly deflated: { content: Uint8Array; size: number } | undefined,
  ) {}
}

const END_OF_DIRECTORY = 0x06054b50; // "PK\5\6"
const DIRECTORY_RECORD = 0x02014b50; // "PK\1\2"
const LOCAL_HEADER = 0x04034b50; // "PK\3\4"
const NO_32_BIT_NUMBER = 2 ** 31; // jszip reads 4 bytes as a signed number: a larger one would come out negative
const ZIP64_FIELD = 0x0001;
const UNICODE_PATH_FIELD = 0x7075; // a name jszip takes instead of the record's own

/** Entries by name in the order jszip gives them (a plain object, as jszip's `files` is), or undefined (see above). */
export function readDirectory(bytes: Uint8Array): Record<string, DirectoryEntry> | undefined {
  if (!(bytes instanceof Uint8Array)) return undefined;
  const length = bytes.length;
  const u16 = (at: number): number => bytes[at] | (bytes[at + 1] << 8);
  const u32 = (at: number): number => (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 0x1000000;

  // jszip takes the last end-of-directory signature in the file.
  let end = length - 4;
  while (end >= 0 && u32(end) !== END_OF_DIRECTORY) end--;
  if (end < 0 || end + 22 > length || end + 22 + u16(end + 20) > length) return undefined;
  const sixteenBit = [u16(end + 4), u16(end + 6), u16(end + 8), u16(end + 10)];
  const records = u16(end + 10);
  const directorySize = u32(end + 12);
  const directoryAt = u32(end + 16);
  // All ones marks zip64; a directory that does not end where this record starts, bytes jszip would skip or find missing.
  if (sixteenBit.includes(0xffff) || directorySize >= NO_32_BIT_NUMBER || directoryAt + directorySize !== end) return undefined;

  const found: { madeBy: number; method: number; compressedSize: number; size: number; attributes: number; localAt: number }[] = [];
  let at = directoryAt;
  while (at + 4 <= length && u32(at) === DIRECTORY_RECORD) {
    if (at + 46 > length) return undefined;
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const localAt = u32(at + 42);
    const extraAt = at + 46 + u16(at + 28);
    const extraEnd = extraAt + u16(at + 30);
    // Encrypted, or a compression jszip does not know: jszip's errors.
    if ((flags & 1) !== 0 || (method !== 0 && method !== 8)) return undefined;
    if (compressedSize >= NO_32_BIT_NUMBER || size >= NO_32_BIT_NUMBER || localAt >= NO_32_BIT_NUMBER || extraEnd > length) return undefined;
    // The extra fields, walked as jszip walks them (a field may run past the end it was given, not past the file).
    for (let field = extraAt; field + 4 < extraEnd; field += 4 + u16(field + 2)) {
      if (field + 4 + u16(field + 2) > length) return undefined;
      if (u16(field) === ZIP64_FIELD || u16(field) === UNICODE_PATH_FIELD) return undefined;
    }
    found.push({ madeBy: u16(at + 4) >> 8, method, compressedSize, size, attributes: u32(at + 38), localAt });
    at = extraEnd + u16(at + 32);
    if (at > length) return undefined;
  }
  if (at !== end || found.length !== records) return undefined;

  const files: Record<string, DirectoryEntry> = {};
  for (const { madeBy, method, compressedSize, size, attributes, localAt } of found) {
    if (localAt + 30 > length || u32(localAt) !== LOCAL_HEADER) return undefined;
    // The name is the local header's, as jszip takes it.
    const nameAt = localAt + 30;
    const nameLength = u16(localAt + 26);
    const dataAt = nameAt + nameLength + u16(localAt + 28);
    if (dataAt + compressedSize > length) return undefined;
    let name = "";
    for (let i = nameAt; i < nameAt + nameLength; i++) {
      if (bytes[i] >= 0x80) return undefined;
      name += String.fromCharCode(bytes[i]);
    }
    const unixFolder = madeBy === 3 && ((attributes >>> 16) & 0x4000) !== 0;
    const dir = (attributes & 0x10) !== 0 || name.endsWith("/") || unixFolder;
    const key = dir && !name.endsWith("/") ? `${name}/` : name;
    if (!asJszipNames(name) || Object.hasOwn(files, key) || key === "__proto__") return undefined;
    const deflated = method === 8 && size > 0 && !dir ? { content: bytes.subarray(dataAt, dataAt + compressedSize), size } : undefined;
    files[key] = new DirectoryEntry(key, dir, deflated);
  }
  return files;
}

/** Whether jszip keeps the name as it is: no "." or ".." part, no empty part but the first or the last. */
function asJszipNames(name: string): boolean {
  const parts = name.split("/");
  return parts.every((part, i) => part !== "." && part !== ".." && (part !== "" || i === 0 || i === parts.length - 1));
}
