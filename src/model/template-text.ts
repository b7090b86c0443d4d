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

const PLACEHOLDER = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${PLACEHOLDERS.join("|")})(?![\p{L}\p{N}])`, "giu");
const HAS_WORD = /[\p{L}\p{N}]/u;

/** True when the text has something to say: not empty, not only punctuation, not only template text. */
export function hasContent(text: string | null | undefined): boolean {
  return !!text && HAS_WORD.test(text) && !isTemplateText(text);
}

/** True when the text is nothing but template or placeholder words (and punctuation). */
export function isTemplateText(text: string | null | undefined): boolean {
  if (!text || !HAS_WORD.test(text)) return false;
  const rest = normalise(text).replace(PLACEHOLDER, " ");
  return !HAS_WORD.test(rest);
}

function normalise(text: string): string {
  return text.replace(/[\u2018\u2019\u201c\u201d]/g, '"').replace(/\s+/g, " ").trim();
}

/** The text shortened for a message: one line, at most `max` characters. */
export function quote(text: string, max = 60): string {
  const line = normalise(text);
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
