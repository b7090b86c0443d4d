/** The command line of paths only is read without commander (args-quick.ts), exactly as commander reads it. */
import fc from "fast-check";
import { parseArgs } from "../../src/cli/args";
import { plainPathArgs } from "../../src/cli/args-quick";

const silent = { out: () => undefined, err: () => undefined };

test("paths only: the same options as parseArgs gives", () => {
  const cases = [["a.docx"], ["reviews/", "b.docx", "b.docx"], ["help"], ["x"], ["with space.docx", "ü.docx", "a=b"]];
  for (const argv of cases) {
    expect(plainPathArgs(argv)).toEqual(parseArgs(argv, silent));
  }
});

test("any arguments not starting with a dash: the same as parseArgs, seeded", () => {
  const path = fc.string({ minLength: 1, maxLength: 12 }).filter((arg) => !arg.startsWith("-"));
  fc.assert(
    fc.property(fc.array(path, { minLength: 1, maxLength: 5 }), (argv) => {
      expect(plainPathArgs(argv)).toEqual(parseArgs(argv, silent));
    }),
    { seed: 9, numRuns: 300 },
  );
});

test("an option, a lone dash, `--` or no paths at all is left to commander", () => {
  for (const argv of [[], ["--json", "a.docx"], ["a.docx", "--markdown"], ["-"], ["--", "a.docx"], ["-h"], ["--no-color", "a.docx"], ["--include-set-aside", "a"]]) {
    expect(plainPathArgs(argv)).toBeUndefined();
  }
});
