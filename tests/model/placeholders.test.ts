/**
 * isPlaceholderText() turns text away before its patterns when the first two characters cannot begin a
 * placeholder: it must answer exactly what the patterns alone answer, whatever the case and script,
 * including the letters that fold to ASCII under case-insensitive Unicode matching (K U+212A, ſ U+017F).
 */
import fc from "fast-check";
import { isFilledIn, isPlaceholderText } from "../../src/model/placeholders";
import { hasWord } from "../../src/model/text";
import { fuzzParameters } from "../fuzz/settings";

/** The patterns as they were before the two-character filter, with only the old first-character test. */
const PLACEHOLDERS = [
  String.raw`\(?\s*include (?:an? )?explanation(?: if required)?\s*\)?`,
  String.raw`click (?:or tap )?here to enter (?:a )?(?:text|date)`,
  String.raw`choose an item`,
  String.raw`(?:enter|insert|type|add) (?:your )?(?:text|date|details|update|evidence|name|comments?)(?: here)?`,
  String.raw`\[[^\]\n]{0,40}\]`,
  String.raw`<[^>\n]{0,40}>`,
  String.raw`tbc|tba|tbd|to be (?:confirmed|completed|added|agreed)`,
  String.raw`x{2,}(?:/x+)*`,
  String.raw`dd/mm/(?:yy){1,2}`,
  String.raw`month year`,
  String.raw`lorem ipsum(?: dolor(?: sit amet)?)?`,
];
const ANY = PLACEHOLDERS.join("|").replace(/ /g, String.raw`\s+`);
const PLACEHOLDER = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${ANY})(?![\p{L}\p{N}])`, "giu");
const STARTS_WITH = new RegExp(String.raw`^[^\p{L}\p{N}]*(?:${ANY})(?![\p{L}\p{N}])`, "iu");

function patternsSay(text: string): boolean {
  if (!text || text.length > 160) return false;
  const first = text.charCodeAt(0);
  const asciiWord = (first >= 48 && first <= 57) || (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  if (asciiWord && !"acdeilmtxACDEILMTX".includes(text.charAt(0))) return false;
  if (!STARTS_WITH.test(text)) return false;
  return !hasWord(text.replace(PLACEHOLDER, " "));
}

const WORDS = [
  "include explanation", "click here to enter text", "choose an item", "enter text here", "to be added", "dd/mm/yyyy",
  "month year", "lorem ipsum dolor sit amet", "type your comments", "xx/x",
  "include", "explanation", "if", "required", "click", "or", "tap", "here", "to", "enter", "a", "an", "text", "date",
  "choose", "item", "insert", "type", "add", "your", "details", "update", "evidence", "name", "comments", "tbc", "tba",
  "tbd", "be", "confirmed", "completed", "added", "agreed", "xx", "xxx", "x", "dd", "mm", "yy", "month", "year", "lorem",
  "ipsum", "dolor", "sit", "amet", "ink", "ask", "in", "cl", "ch", "en", "ty", "tb", "mo", "lo", "is", "ok", "it",
  "David", "May", "2022", "1", "é", "ß", "ñ", "Ω", "日本",
];
const SPECIAL: Record<string, readonly string[]> = {
  k: ["k", "K", "\u212a"],
  s: ["s", "S", "\u017f"],
  i: ["i", "I", "\u0130", "\u0131"],
  a: ["a", "A", "\u00e0", "\u00c5"],
};
const SEPARATORS = [" ", "  ", "\n", "\u00a0", "/", "(", ")", "[", "]", "<", ">", ".", ":", "-", "\u2013", "\u2019", "", "\u0345", "\u24b6", "\ud83d\ude00"];

/** A word with each letter in either case, or a look-alike that Unicode case folding may or may not equate. */
const spelled = fc.tuple(fc.constantFrom(...WORDS), fc.array(fc.nat(3), { minLength: 12, maxLength: 12 })).map(([word, picks]) =>
  [...word]
    .map((letter, at) => {
      const choices = SPECIAL[letter.toLowerCase()] ?? [letter.toLowerCase(), letter.toUpperCase()];
      return choices[picks[at % picks.length]! % choices.length]!;
    })
    .join(""),
);
const text = fc
  .array(fc.tuple(fc.constantFrom(...SEPARATORS), spelled), { maxLength: 8 })
  .chain((parts) => fc.tuple(fc.constant(parts), fc.boolean(), fc.constantFrom(...SEPARATORS)))
  .map(([parts, bare, last]) => parts.map(([separator, word], at) => (at === 0 && bare ? "" : separator) + word).join("") + last);

describe("isPlaceholderText", () => {
  it("answers what the patterns alone answer, for words in any case and look-alike letters", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(isPlaceholderText(t)).toBe(patternsSay(t));
        expect(isFilledIn(t)).toBe(!!t && hasWord(t) && !patternsSay(t));
      }),
      fuzzParameters(20_000),
    );
  });

  it("answers what the patterns alone answer when any of a placeholder's first characters is changed", () => {
    const phrases = ["include explanation", "click here to enter text", "choose an item", "insert details", "tbc", "to be added", "xx", "dd/mm/yy", "month year", "lorem ipsum", "add your name"];
    const letters = [..."abcdehiklmnostxyABCDEHIKLMNOSTXY09 /([<\t\u212a\u017f\u0130\u0131\u00df\u00e9\u00a0"];
    const character = fc.oneof(fc.constantFrom(...letters), fc.string({ unit: "binary", minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.constantFrom(...phrases), fc.nat(8), character, fc.boolean(), (phrase, at, replacement, insert) => {
        const t = phrase.slice(0, at) + replacement + phrase.slice(insert ? at : at + 1);
        expect(isPlaceholderText(t)).toBe(patternsSay(t));
      }),
      fuzzParameters(20_000),
    );
  });

  it.each(["Include explanation", "(include explanation if required)", "TBC", "Click here to enter text.", "xx/xx", "DD/MM/YYYY", "Lorem ipsum"])(
    "still calls %p template text",
    (t) => {
      expect(isPlaceholderText(t)).toBe(true);
      expect(patternsSay(t)).toBe(true);
    },
  );
});
