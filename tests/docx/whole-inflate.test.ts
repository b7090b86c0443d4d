/**
 * A part whose zip entry says it unpacks to at most WHOLE_INFLATE_BYTES is inflated in one synchronous
 * zlib call and fed to the reader in pieces (src/docx/zip.ts); a larger one is streamed. Either way the
 * reader gets the same bytes, the part-size limits refuse exactly what they refused, and an entry that
 * lies about its size reads, or fails, as it does with jszip alone.
 */
import JSZip from "jszip";
import type * as Zlib from "zlib";
import { messages } from "../../src/docx/errors";
import { WHOLE_INFLATE_BYTES, openZip, streamEntryInto } from "../../src/docx/zip";
import { zipBomb } from "../fixtures/broken";
import { readOutcome as outcome, readOutcomeWithout } from "../helpers/read-outcome";
import { docxWithBody, p, r } from "./minimal-docx";

jest.setTimeout(60_000);

const MEGABYTE = 1024 * 1024;

/** A sink that keeps every piece it is fed. */
function collecting(pieces: Uint8Array[]): () => { chunk(bytes: Uint8Array): void; end(): Uint8Array } {
  return () => ({
    chunk: (bytes) => pieces.push(Uint8Array.from(bytes)),
    end: () => Buffer.concat(pieces),
  });
}

/** A .docx whose word/document.xml is about `megabytes` MB of varied paragraphs. */
async function docxOfAbout(megabytes: number): Promise<Uint8Array> {
  const paragraphs = Math.round((megabytes * MEGABYTE) / 1040);
  return docxWithBody(Array.from({ length: paragraphs }, (_, i) => p(r(`${i} `.repeat(250).slice(0, 1000)))).join(""));
}

/** zlib.inflateRawSync's calls while `run` runs, by the output limit each was given. */
async function wholeInflates(run: () => Promise<unknown>): Promise<(number | undefined)[]> {
  // The very module the reader gets (process.getBuiltinModule), not an import's namespace copy of it.
  const spy = jest.spyOn(process.getBuiltinModule("zlib") as typeof Zlib, "inflateRawSync");
  try {
    await run();
    return spy.mock.calls.map(([, options]) => options?.maxOutputLength);
  } finally {
    spy.mockRestore();
  }
}

test("a part of up to 4 MB is inflated whole, then fed in pieces of 256 KB: the same bytes as jszip's", async () => {
  const zip = await openZip(await docxOfAbout(3));
  const expected = await zip.file("word/document.xml")!.async("uint8array");
  expect(expected.length).toBeLessThan(WHOLE_INFLATE_BYTES);
  const pieces: Uint8Array[] = [];
  const calls = await wholeInflates(() => streamEntryInto(zip, "word/document.xml", collecting(pieces)));
  expect(calls).toEqual([WHOLE_INFLATE_BYTES + 1]);
  expect(Buffer.concat(pieces).equals(Buffer.from(expected))).toBe(true);
  expect(pieces.length).toBe(Math.ceil(expected.length / (256 * 1024)));
  expect(pieces.every((piece) => piece.length <= 256 * 1024)).toBe(true);
});

test("a larger part is streamed, never inflated whole, and gives the same bytes", async () => {
  const zip = await openZip(await docxOfAbout(5));
  const expected = await zip.file("word/document.xml")!.async("uint8array");
  expect(expected.length).toBeGreaterThan(WHOLE_INFLATE_BYTES);
  const pieces: Uint8Array[] = [];
  const calls = await wholeInflates(() => streamEntryInto(zip, "word/document.xml", collecting(pieces)));
  expect(calls).toEqual([]);
  expect(Buffer.concat(pieces).equals(Buffer.from(expected))).toBe(true);
  expect(pieces.reduce((most, piece) => Math.max(most, piece.length), 0)).toBeLessThanOrEqual(256 * 1024);
});

test("a small limit still refuses one byte over it, with the part-size message, and accepts the part at exactly it", async () => {
  const zip = new JSZip();
  zip.file("part.xml", "<a>" + "x".repeat(9993) + "</a>");
  const opened = await openZip(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  const pieces: Uint8Array[] = [];
  await expect(streamEntryInto(opened, "part.xml", collecting(pieces), 9999)).rejects.toMatchObject({
    reason: "too-large",
    message: messages.textTooLarge(9999),
  });
  expect(pieces).toEqual([]);
  const whole = await streamEntryInto(opened, "part.xml", collecting([]), 10_000);
  expect(whole?.length).toBe(10_000);
});

test("an entry that claims 1 MB but unpacks to 2 MB fails as it does with jszip alone", async () => {
  const lying = zipBomb(2, MEGABYTE);
  const result = await outcome(lying);
  expect(result).toEqual({ failed: expect.objectContaining({ reason: "corrupt" }) });
  expect(result).toEqual(await readOutcomeWithout(lying, "platform"));
});

test("a zip bomb that claims 1 MB is still stopped at the 64 MB limit, as with jszip alone", async () => {
  const bomb = zipBomb(128, MEGABYTE);
  const result = await outcome(bomb);
  expect(result).toEqual({ failed: expect.objectContaining({ reason: "too-large", message: expect.stringContaining("64 MB once unpacked") }) });
  expect(result).toEqual(await readOutcomeWithout(bomb, "platform"));
});
