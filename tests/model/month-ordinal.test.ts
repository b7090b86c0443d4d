/** monthOrdinal() reads a month with a pattern where it read digit by digit: the same number, or null, for any text. */
import fc from "fast-check";
import { monthOrdinal } from "../../src/model/cycles";
import { fuzzParameters } from "../fuzz/settings";

/** The digit-by-digit reading it replaced. */
function digitByDigit(month: string | null): number | null {
  if (month === null || month.length !== 7 || month.charCodeAt(4) !== 45) return null;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = month.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    year = year * 10 + digit;
  }
  const tens = month.charCodeAt(5) - 48;
  const units = month.charCodeAt(6) - 48;
  if (tens < 0 || tens > 9 || units < 0 || units > 9) return null;
  return year * 12 + tens * 10 + units - 1;
}

describe("monthOrdinal", () => {
  it("reads what the digit-by-digit reading read", () => {
    const character = fc.constantFrom(..."0123456789-/ .\n+e\u0660\uff11x");
    fc.assert(
      fc.property(fc.array(character, { minLength: 5, maxLength: 9 }), (characters) => {
        const text = characters.join("");
        expect(monthOrdinal(text)).toBe(digitByDigit(text));
      }),
      fuzzParameters(20_000),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), (year, month) => {
        const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
        expect(monthOrdinal(text)).toBe(digitByDigit(text));
      }),
      fuzzParameters(5_000),
    );
  });

  it.each([["2021-07", 2021 * 12 + 6], ["2021-7", null], ["2021-07\n", null], [null, null]])("%j is %p", (text, expected) => {
    expect(monthOrdinal(text)).toBe(expected);
  });
});
