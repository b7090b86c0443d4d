/**
 * quote() reads only the start of a long text: it must give exactly what normalising the whole text
 * and cutting it gives, whatever the spaces, line breaks and quotation marks around the cut.
 */
import fc from "fast-check";
import { quote } from "../../src/model/placeholders";
import { fuzzParameters } from "../fuzz/settings";

/** quote() as it was written before it read only the start: normalise everything, then cut. */
function wholeQuote(text: string, max = 60): string {
  const line = text.replace(/[\u2018\u2019\u201c\u201d]/g, '"').replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const piece = fc.constantFrom("word", "a", " ", "   ", "\n", "\t", "\u00a0", "\u2003", "\u201c", "\u2019", "x".repeat(70), " ".repeat(300), "\ud83d\ude00", "é");

describe("quote", () => {
  it("is the whole text normalised and cut, for any text and length", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 1, max: 80 }), (pieces, max) => {
        const text = pieces.join("");
        expect(quote(text, max)).toBe(wholeQuote(text, max));
        expect(quote(text)).toBe(wholeQuote(text));
      }),
      fuzzParameters(2000),
    );
  });

  it("cuts long texts between words, and leaves short ones whole", () => {
    expect(quote(`${"Evidence of progress ".repeat(40)}end`, 40)).toBe("Evidence of progress Evidence of…");
    expect(quote("  As\n above  ")).toBe("As above");
    expect(quote(`${" ".repeat(1000)}Late text`)).toBe("Late text");
  });
});
