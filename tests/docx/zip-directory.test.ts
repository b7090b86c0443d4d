/**
 * src/docx/zip-directory.ts reads a plain zip's directory without jszip. Whatever it takes, jszip must read
 * into the very same entries (names in the same order, folders, compressed bytes and sizes); whatever jszip
 * refuses, or reads differently, it must leave to jszip (undefined). And a .docx read through it reads, or
 * fails, exactly as through jszip alone.
 */
import { readFileSync, readdirSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { mainDocumentPath } from "../../src/docx/package";
import { readZipSettings } from "../../src/docx/webextension";
import { openZip, openZipToRead, PlainZip, streamEntryInto, type ReadableZip } from "../../src/docx/zip";
import { readDirectory } from "../../src/docx/zip-directory";
import { zipBomb } from "../fixtures/broken";
import { docxWithBody, p, r } from "./minimal-docx";

jest.setTimeout(120_000);

const DIR = join(__dirname, "../fixtures/docx");
const fixture = (file: string): Buffer => readFileSync(join(DIR, file));

type Listed = [name: string, dir: boolean, deflated: { content: number[]; size: number } | undefined][];

/** The entries as jszip reads them, in the terms readDirectory gives them; undefined when jszip refuses the file. */
async function byJszip(bytes: Uint8Array): Promise<Listed | undefined> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return undefined;
  }
  return Object.entries(zip.files).map(([name, entry]) => {
    const data = (entry as unknown as { _data: { compression?: { magic: string }; compressedContent?: Uint8Array; uncompressedSize?: number } })._data;
    const deflated =
      data.compression?.magic === "\x08\x00" && data.compressedContent && data.uncompressedSize
        ? { content: [...data.compressedContent], size: data.uncompressedSize }
        : undefined;
    return [name, entry.dir, deflated];
  });
}

function byDirectory(bytes: Uint8Array): Listed | undefined {
  const files = readDirectory(bytes);
  if (!files) return undefined;
  return Object.entries(files).map(([name, entry]) => {
    const deflated = entry.deflated && { content: [...entry.deflated.content], size: entry.deflated.size };
    return [name, entry.dir, deflated];
  });
}

/** Taken only as jszip takes it; returns whether it was taken. */
async function expectSameAsJszip(bytes: Uint8Array): Promise<boolean> {
  const mine = byDirectory(bytes);
  if (mine !== undefined) expect(mine).toEqual(await byJszip(bytes));
  return mine !== undefined;
}

/** A sink that keeps every piece it is fed, for the bytes of a part. */
function collecting(): () => { chunk(bytes: Uint8Array): void; end(): Buffer } {
  const pieces: Uint8Array[] = [];
  return () => {
    pieces.length = 0;
    return { chunk: (bytes) => pieces.push(Uint8Array.from(bytes)), end: () => Buffer.concat(pieces) };
  };
}

/** What the reader takes from a .docx opened with `open`: the main part's bytes and the settings, or the error. */
async function readWith(open: (bytes: Uint8Array) => Promise<ReadableZip>, bytes: Uint8Array): Promise<unknown> {
  try {
    const zip = await open(bytes);
    const main = await streamEntryInto(zip, await mainDocumentPath(zip), collecting());
    return { main, settings: [...(await readZipSettings(zip))] };
  } catch (error) {
    return { error: String(error) };
  }
}

test("every fixture .docx is taken, with jszip's entries", async () => {
  const files = readdirSync(DIR).filter((name) => name.endsWith(".docx") && !name.startsWith("broken-"));
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) expect(await expectSameAsJszip(fixture(file))).toBe(true);
});

test("a damaged or cut-short .docx is taken only when jszip reads it into the same entries", async () => {
  const good = fixture("careers-provision.docx");
  const directoryAt = good.lastIndexOf(Buffer.from("PK\x01\x02", "latin1"), good.lastIndexOf(Buffer.from("PK\x05\x06", "latin1")));
  let taken = 0;
  let left = 0;
  // Every byte of the directory's last record and its end record, one in 61 elsewhere; each flipped two ways.
  for (let at = 0; at < good.length; at += at >= directoryAt - 64 ? 1 : 61) {
    for (const flip of [0xff, 0x01]) {
      const bad = Buffer.from(good);
      bad[at] ^= flip;
      if (await expectSameAsJszip(bad)) taken++;
      else left++;
    }
  }
  for (let cut = 0; cut < good.length; cut += 997) expect(await expectSameAsJszip(good.subarray(0, cut))).toBe(false);
  expect(taken).toBeGreaterThan(0);
  expect(left).toBeGreaterThan(0);
});

test("zips of other shapes: taken as jszip reads them, or left to it", async () => {
  const zip = new JSZip();
  zip.file("_rels/.rels", "<Relationships/>");
  zip.folder("word")!.file("document.xml", "<w:document/>".repeat(50));
  zip.file("stored.txt", "stored, not deflated", { compression: "STORE" });
  zip.file("empty.txt", "");
  zip.folder("media");
  const shapes: [string, Promise<Uint8Array>, boolean][] = [
    ["folders, a stored and an empty entry", zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), true],
    ["unix attributes", zip.generateAsync({ type: "uint8array", compression: "DEFLATE", platform: "UNIX" }), true],
    ["data descriptors", zip.generateAsync({ type: "uint8array", compression: "DEFLATE", streamFiles: true }), true],
    ["a comment", zip.generateAsync({ type: "uint8array", compression: "DEFLATE", comment: "written by a test" }), true],
  ];
  const plain = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const pair = new JSZip();
  pair.file("a.txt", "first");
  pair.file("b.txt", "second");
  const twoNames = Buffer.from(Buffer.from(await pair.generateAsync({ type: "uint8array" })).toString("latin1").split("b.txt").join("a.txt"), "latin1");
  const renamed = (from: string, to: string): Uint8Array => {
    const latin1 = Buffer.from(plain).toString("latin1");
    return Buffer.from(latin1.split(from).join(to), "latin1");
  };
  const extra: [string, Uint8Array, boolean][] = [
    ["bytes before the zip", Buffer.concat([Buffer.from("not part of the zip"), plain]), false],
    ["a name jszip rewrites (./)", renamed("stored.txt", "./ored.txt"), false],
    ["a name that is not ASCII", renamed("stored.txt", "st\xf6red.txt"), false],
    ["two entries of one name", twoNames, false],
  ];
  for (const [shape, bytes, taken] of [...(await Promise.all(shapes.map(async ([s, b, t]) => [s, await b, t] as const))), ...extra]) {
    expect([shape, await expectSameAsJszip(bytes)]).toEqual([shape, taken]);
  }
});

test("a .docx read through the directory reads, or fails, as through jszip alone", async () => {
  const good = fixture("careers-provision-set-aside.docx");
  const same = async (bytes: Uint8Array): Promise<void> => expect(await readWith(openZipToRead, bytes)).toEqual(await readWith(openZip, bytes));
  expect(await openZipToRead(good)).toBeInstanceOf(PlainZip);
  expect(((await readWith(openZipToRead, good)) as { settings: unknown[] }).settings.length).toBeGreaterThan(0);
  for (const bytes of [good, await docxWithBody(p(r("one")) + p(r("two"))), zipBomb(128)]) await same(bytes);
  for (let at = 30; at < good.length; at += 211) {
    const bad = Buffer.from(good);
    bad[at] ^= 0x5a;
    await same(bad);
  }
});
