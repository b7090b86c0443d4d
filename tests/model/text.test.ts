import { contentParagraphs, hasContent, isNoise, isWhitespace, joinLine, trimmed } from "../../src/model/text";

describe("text helpers", () => {
  it("isNoise: blank or only punctuation and symbols", () => {
    for (const text of ["", "   ", "--", "•", "…", " - ", "\u00a0"]) expect(isNoise(text)).toBe(true);
    for (const text of ["0", "a", "-- x --", "December detion 0", "é"]) expect(isNoise(text)).toBe(false);
  });

  it("hasContent: anything but whitespace", () => {
    expect(["", " ", "\t\n", "\u00a0"].map(hasContent)).toEqual([false, false, false, false]);
    expect(["x", " x", "\u00a0x", "–"].map(hasContent)).toEqual([true, true, true, true]);
  });

  it("joinLine: a cell's paragraphs on one line, blank ones dropped", () => {
    expect(joinLine([" Assessment of Progress ", "", "(February 2023):"])).toBe(
      "Assessment of Progress (February 2023):",
    );
    expect(joinLine([])).toBe("");
    expect(joinLine(["  Date: "])).toBe("Date:");
  });

  it("contentParagraphs: drops blank paragraphs, the same array when there are none", () => {
    const full = ["a", "b"];
    expect(contentParagraphs(full)).toBe(full);
    expect(contentParagraphs(["a", " ", "", "b"])).toEqual(["a", "b"]);
  });

  it("trimmed: as trim(), returning the same string when there is nothing to trim", () => {
    for (const text of ["", " a ", "a", "a\n", "\u00a0a\u00a0", "\u2003x"]) expect(trimmed(text)).toBe(text.trim());
  });

  it("isWhitespace: exactly the code units \\s matches", () => {
    const differ: number[] = [];
    for (let code = 0; code < 0x10000; code++) if (isWhitespace(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code);
    expect(differ).toEqual([]);
  });
});
