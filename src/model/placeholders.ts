import { hasWord } from "./text";

/**
 * Words that stand in for an officer's text: the template's own prompts, Word's content-control
 * placeholders, and the fillers officers type to come back to later. "N/A", "None" and "Nil" are
 * not here: they are an officer's answer, however brief, not a gap left unfilled.
 */
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

/**
 * The placeholders anywhere, and at the start of a text (which fails at once on prose). Made when first
 * needed: reading them takes 0.3 ms, and most documents have no text that could be a placeholder.
 */
interface Patterns {
  anywhere: RegExp;
  atStart: RegExp;
}
let patterns: Patterns | undefined;

function placeholderPatterns(): Patterns {
  if (!patterns) {
    const any = PLACEHOLDERS.join("|").replace(/ /g, String.raw`\s+`);
    patterns = {
      anywhere: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${any})(?![\p{L}\p{N}])`, "giu"),
      atStart: new RegExp(String.raw`^[^\p{L}\p{N}]*(?:${any})(?![\p{L}\p{N}])`, "iu"),
    };
  }
  return patterns;
}
/** Longer than any run of placeholders officers leave; real prose is never checked against them. */
const MAX_TEMPLATE_LENGTH = 160;
/**
 * How a placeholder that starts with an ASCII letter begins (see PLACEHOLDERS), in lower case: text
 * that starts with an ASCII digit, or with an ASCII letter and none of these, is not one. That spares
 * names, dates and prose the patterns above, which in a one-document run cost more to compile than to run.
 */
const PLACEHOLDER_START = /^(?:include|click|choose|enter|insert|type|add|tb[acd]|to\s|xx|dd\/mm\/|month|lorem)/;
/** The letters those begin with, as bits from a (bit 0) to z: most text is turned away on its first letter. */
const INITIALS = [..."acdeilmtx"].reduce((bits, letter) => bits | (1 << (letter.charCodeAt(0) - 97)), 0);

/** True when the text has something to say: not empty, not only punctuation, not only template text. */
export function isFilledIn(text: string | null | undefined): boolean {
  return !!text && hasWord(text) && !isPlaceholderText(text);
}

/** True when the text is nothing but template or placeholder words (and punctuation). */
export function isPlaceholderText(text: string | null | undefined): boolean {
  if (!text || text.length > MAX_TEMPLATE_LENGTH || !mayStartWithPlaceholder(text)) return false;
  const { atStart, anywhere } = placeholderPatterns();
  if (!atStart.test(text)) return false;
  return !hasWord(text.replace(anywhere, " "));
}

function mayStartWithPlaceholder(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) return false;
  // Punctuation, spaces and other scripts are left to the patterns.
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return true;
  if (((INITIALS >> ((first | 32) - 97)) & 1) === 0) return false;
  // Case-insensitive Unicode matching also equates the Kelvin sign with k (as toLowerCase does) and ſ with s.
  return PLACEHOLDER_START.test(text.slice(0, 8).toLowerCase().replaceAll("\u017f", "s"));
}

function normalise(text: string): string {
  return text.replace(/[\u2018\u2019\u201c\u201d]/g, '"').replace(/\s+/g, " ").trim();
}

/** The text shortened for a message: one line, at most `max` characters. */
export function quote(text: string, max = 60): string {
  // Only the start of a long text is shown. Normalised, the start of the text is the start of the
  // normalised text (a cut run of spaces is still one space), so when it is longer than `max` it
  // gives the same cut without copying the whole text twice.
  const slack = 4 * max + 16;
  if (text.length > slack) {
    const start = normalise(text.slice(0, slack));
    if (start.length > max) return shortened(start, max);
  }
  return shortened(normalise(text), max);
}

function shortened(line: string, max: number): string {
  if (line.length <= max) return line;
  // Cut between words, unless that would leave too little.
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
