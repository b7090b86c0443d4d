/**
 * hasCopyWords() is one pattern where it was a loop over the characters: it must say what the loop
 * said, whatever the spaces (only space, line break, tab and no-break space separate words).
 */
import fc from "fast-check";
import { hasCopyWords } from "../../src/model/check";
import { fuzzParameters } from "../fuzz/settings";

/** The loop it replaced: at least six words, looking no further into the text than needed. */
function hasSixWords(text: string): boolean {
  let words = 0;
  let inWord = false;
  for (let at = 0; at < text.length && words < 6; at++) {
    const code = text.charCodeAt(at);
    const space = code === 32 || code === 10 || code === 9 || code === 160;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words >= 6;
}

const piece = fc.constantFrom("word", "a", ".", " ", "  ", "\n", "\t", "\u00a0", "\r", "\u2003", "\u3000", "é", "\ud83d\ude00", "\u0000");

describe("hasCopyWords", () => {
  it("says what the character loop said", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        expect(hasCopyWords(text)).toBe(hasSixWords(text));
      }),
      fuzzParameters(20_000),
    );
  });

  it.each([
    ["one two three four five six", true],
    ["one two three four five", false],
    [" one\ttwo\nthree\u00a0four  five six.", true],
    ["one\rtwo\u2003three four five six", false],
    ["", false],
  ])("%j: %p", (text, expected) => {
    expect(hasCopyWords(text)).toBe(expected);
  });

  it("is linear on 100,000 characters of one word, of spaces, and of five words and spaces", () => {
    for (const text of ["x".repeat(100_000), " ".repeat(100_000), `a b c d e${" ".repeat(100_000)}`, "a ".repeat(2) + "b".repeat(100_000)]) {
      const start = performance.now();
      expect(hasCopyWords(text)).toBe(hasSixWords(text));
      expect(performance.now() - start).toBeLessThan(200);
    }
  });
});
