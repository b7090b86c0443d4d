import { GRADE_PLACEHOLDER } from "./plan";

/** Whitespace and text helpers shared by the parser. They never change what an officer wrote. */

/** Dashes officers type or Word substitutes: hyphen, non-breaking hyphen, figure, en and em dash. */
export const DASHES = "\\-\u2010\u2011\u2012\u2013\u2014";

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const NON_SPACE = /\S/;

/** Has something other than whitespace (without copying the string, as trim() may). */
export function hasContent(text: string): boolean {
  if (text.length === 0) return false;
  // Nearly every paragraph starts with a printable ASCII character: answer that without a regex.
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127) return true;
  return NON_SPACE.test(text);
}

/** The UTF-16 code unit is one that `\s` matches (JavaScript's white space and line terminators), without a regex. */
export function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Has a letter or a digit, in any script. */
export function hasWord(text: string): boolean {
  // Plain ASCII is answered here; the Unicode pattern only sees text with other characters.
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code >= 128) return WORD_CHARACTER.test(text);
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  }
  return false;
}

/** Blank, or nothing but punctuation and symbols ("--", "•", "…"): skipped quietly. */
export function isNoise(text: string): boolean {
  return !hasWord(text);
}

/** A cell's paragraphs as one line (label cells, comparisons): trimmed, empty ones dropped, joined by a space. */
export function joinLine(paragraphs: readonly string[]): string {
  if (paragraphs.length === 1) return trimmed(paragraphs[0]);
  const parts: string[] = [];
  for (const p of paragraphs) {
    const t = trimmed(p);
    if (t !== "") parts.push(t);
  }
  return parts.join(" ");
}

/** Paragraphs that carry text (whitespace-only paragraphs are spacing, not content); the same array when all do. */
export function contentParagraphs(paragraphs: readonly string[]): readonly string[] {
  let blank = 0;
  for (const p of paragraphs) if (!hasContent(p)) blank++;
  if (blank === 0) return paragraphs;
  const out: string[] = [];
  for (const p of paragraphs) if (hasContent(p)) out.push(p);
  return out;
}

/** `text.trim()`, without the call (and possible copy) when both ends are already printable ASCII. */
export function trimmed(text: string): string {
  // The tests written out, not a helper: this runs on nearly every cell, and a call costs more than the test cold.
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? text : text.trim();
}

/** A paragraph holding nothing but our grade dropdown, unchosen: Word shows its placeholder text. */
export function isUnchosenGrade(paragraph: string): boolean {
  return paragraph.length < GRADE_PLACEHOLDER.length + 8 && paragraph.trim() === GRADE_PLACEHOLDER;
}

/**
 * Text that starts with our unchosen grade dropdown's placeholder, without it (and the spaces after
 * it): what the officer wrote after the dropdown. Other text is returned as it is.
 */
export function withoutGradePlaceholder(text: string): string {
  if (!text.startsWith(GRADE_PLACEHOLDER)) return text;
  const rest = text.slice(GRADE_PLACEHOLDER.length);
  if (rest !== "" && !/^\s/.test(rest)) return text;
  return rest.trimStart();
}
