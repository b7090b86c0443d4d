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

const ANY_PLACEHOLDER = PLACEHOLDERS.join("|").replace(/ /g, String.raw`\s+`);
const PLACEHOLDER = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${ANY_PLACEHOLDER})(?![\p{L}\p{N}])`, "giu");
/** Fails at once on prose, which is nearly everything checked. */
const STARTS_WITH_PLACEHOLDER = new RegExp(String.raw`^[^\p{L}\p{N}]*(?:${ANY_PLACEHOLDER})(?![\p{L}\p{N}])`, "iu");
/** Longer than any run of placeholders officers leave; real prose is never checked against them. */
const MAX_TEMPLATE_LENGTH = 160;
/**
 * How a placeholder that starts with an ASCII letter begins (see PLACEHOLDERS), in lower case: text
 * that starts with an ASCII digit, or with an ASCII letter and none of these, is not one. That spares
 * names, dates and prose the patterns above, which in a one-document run cost more to compile than to run.
 */
const PLACEHOLDER_START = /^(?:include|click|choose|enter|insert|type|add|tb[acd]|to\s|xx|dd\/mm\/|month|lorem)/;

/** True when the text has something to say: not empty, not only punctuation, not only template text. */
export function isFilledIn(text: string | null | undefined): boolean {
  return !!text && hasWord(text) && !isPlaceholderText(text);
}

/** True when the text is nothing but template or placeholder words (and punctuation). */
export function isPlaceholderText(text: string | null | undefined): boolean {
  if (!text || text.length > MAX_TEMPLATE_LENGTH || !mayStartWithPlaceholder(text)) return false;
  if (!STARTS_WITH_PLACEHOLDER.test(text)) return false;
  return !hasWord(text.replace(PLACEHOLDER, " "));
}

function mayStartWithPlaceholder(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) return false;
  // Punctuation, spaces and other scripts are left to the patterns.
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return true;
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
