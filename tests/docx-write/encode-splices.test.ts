/**
 * The spliced word/document.xml is encoded piece by piece straight into its bytes (encodeSplices), never joined
 * into one string first: the bytes must be exactly those of encodePart(applySplices(…)) in every encoding, a
 * surrogate pair split between two pieces and lone surrogates included.
 */
import { applySplices, encodeSplices, type Splice } from "../../src/docx/write-splice";
import { encodePart, encodePieces, type PartEncoding } from "../../src/docx/write-xml";

const ENCODINGS: PartEncoding[] = ["utf-8", "utf-16le", "utf-16be"];
/** ASCII, 2-, 3- and 4-byte characters, and each half of a pair alone. */
const CHARACTERS = ["a", "<", "é", "€", "中", "\u{1F600}", "\uD83D", "\uDE00", "\uFEFF"];

/** A small seeded generator (mulberry32), so that a failure replays. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function text(next: () => number, length: number): string {
  let result = "";
  for (let index = 0; index < length; index++) result += CHARACTERS[Math.floor(next() * CHARACTERS.length)];
  return result;
}

test("a pair split between two pieces is the one character it is; lone halves are U+FFFD, as TextEncoder writes them", () => {
  const pieces = ["a\uD83D", "\uDE00b", "\uD83D", "", "\uDE00", "\uDE00\uD83D"];
  for (const encoding of ENCODINGS) expect(Buffer.from(encodePieces(pieces, encoding))).toEqual(Buffer.from(encodePart(pieces.join(""), encoding)));
  expect(Buffer.from(encodePieces(["\uD83D", "\uDE00"], "utf-8"))).toEqual(Buffer.from("\u{1F600}", "utf8"));
});

test("encodeSplices gives encodePart(applySplices(…))'s bytes, over 2,000 seeded random texts and splices", () => {
  const next = random(20261202);
  const differing: { round: number; encoding: PartEncoding; original: string; splices: Splice[] }[] = [];
  for (let round = 0; round < 2000; round++) {
    const original = text(next, Math.floor(next() * 40));
    const splices: Splice[] = [];
    let at = 0;
    for (let order = 0; at <= original.length && order < 6; order++) {
      const start = at + Math.floor(next() * (original.length - at + 1));
      const end = start + Math.floor(next() * (original.length - start + 1) * 0.5);
      splices.push({ start, end, text: text(next, Math.floor(next() * 5)), order });
      at = end + (next() < 0.3 ? 0 : 1);
    }
    for (const encoding of ENCODINGS) {
      const expected = Buffer.from(encodePart(applySplices(original, splices), encoding));
      if (!Buffer.from(encodeSplices(original, splices, encoding)).equals(expected)) differing.push({ round, encoding, original, splices });
    }
  }
  expect(differing).toEqual([]);
});
