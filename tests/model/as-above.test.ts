/** isAsAbove() splits plain ASCII text into words without the Unicode classes: the same answer for any text. */
import fc from "fast-check";
import { isAsAbove } from "../../src/model/check";
import { fuzzParameters } from "../fuzz/settings";

/** As it was: every text split on the Unicode classes. */
function unicodeAsAbove(text: string): boolean {
  if (text.length > 40) return false;
  const words = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  return /^(?:as|see)(?: per)? (?:above|previous(?: update| round)?|before|recommendation \w+)$/.test(words);
}

const piece = fc.constantFrom(
  "as", "As", "AS", "see", "per", "above", "Above.", "previous", "update", "round", "before", "recommendation", "3a", "3", "12",
  " ", "  ", ".", "-", "\u2013", "\n", "\u00a0", "é", "\u00c9", "\u212a", "\u0130", "\u0131", "\u017f", "\u00df", "\u0660", "_",
);

describe("isAsAbove", () => {
  it("answers what splitting on the Unicode classes answered", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = pieces.join(pieces.length % 2 === 0 ? " " : "");
        expect(isAsAbove(text)).toBe(unicodeAsAbove(text));
      }),
      fuzzParameters(20_000),
    );
  });

  it.each([["As above.", true], ["See previous update", true], ["as  per  above", true], ["As abov\u00e9", false], ["As above, and more", false]])(
    "%j: %p",
    (text, expected) => {
      expect(isAsAbove(text)).toBe(expected);
    },
  );
});
