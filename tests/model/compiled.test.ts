import { compiled } from "../../src/model/compiled";

describe("compiled", () => {
  it.each([/\s*\(x\)/iy, /\b(?:on|not)\b/gi, /^\s*(\d)/i, /[^\t\n\r -~]/])("gives %p back ready, matching as before", (pattern) => {
    const fresh = new RegExp(pattern.source, pattern.flags);
    expect(compiled(pattern)).toBe(pattern);
    expect(pattern.lastIndex).toBe(0);
    for (const text of ["  (x) on", "1 not", "é", "", "\u0000"]) {
      pattern.lastIndex = 0;
      fresh.lastIndex = 0;
      expect(pattern.exec(text)).toEqual(fresh.exec(text));
    }
  });
});
