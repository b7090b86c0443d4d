/** fast-check arbitraries for typing into a paragraph: short texts from a small alphabet, and new texts made from old ones. */
import fc from "fast-check";

/** Texts of `min` to `max` characters drawn from `alphabet` (repeats make searches and diffs ambiguous, on purpose). */
export function textsOf(alphabet: readonly string[], min: number, max: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((characters) => characters.join(""));
}

/**
 * A new text for a paragraph that reads `old`: an edit of it (a stretch of its characters replaced by `inserted`),
 * or `anyText` altogether.
 */
export function newTextsFor(old: string, inserted: fc.Arbitrary<string>, anyText: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const characters = [...old];
  const edit = fc
    .record({ from: fc.nat(characters.length), length: fc.nat(characters.length), inserted })
    .map(({ from, length, inserted: text }) => characters.slice(0, from).join("") + text + characters.slice(from + length).join(""));
  return fc.oneof(edit, anyText);
}

/** Generated runs, what they read as, and a new text for that paragraph. */
export function runsAndNewText<R extends { text: string }>(
  runs: fc.Arbitrary<R[]>,
  newTexts: (old: string) => fc.Arbitrary<string>,
): fc.Arbitrary<{ generated: R[]; old: string; text: string }> {
  return runs.chain((generated) => {
    const old = generated.map((run) => run.text).join("");
    return newTexts(old).map((text) => ({ generated, old, text }));
  });
}
