/** Namespaces the .docx reader knows elements by (never by prefix: a file may bind any prefix, or none). */

/** WordprocessingML's main namespace, as Word writes it (transitional) and in Strict OOXML. */
export const WORDPROCESSINGML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const WORDPROCESSINGML_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main";

/** Markup Compatibility (mc:AlternateContent, mc:Choice, mc:Fallback). */
export const MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006";

export function isWordprocessingMl(uri: string): boolean {
  return uri === WORDPROCESSINGML || uri === WORDPROCESSINGML_STRICT;
}

/**
 * Namespaces an mc:Choice may require for the reader to take it: WordprocessingML and the Word 2010–2016
 * extensions and shapes that Word itself understands. The reader reads text, never drawings, so for
 * these the choice changes nothing it reads; a Choice requiring anything else gives way to mc:Fallback.
 */
export const UNDERSTOOD_NAMESPACES: ReadonlySet<string> = new Set([
  WORDPROCESSINGML,
  WORDPROCESSINGML_STRICT,
  "http://schemas.microsoft.com/office/word/2010/wordml",
  "http://schemas.microsoft.com/office/word/2012/wordml",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
]);
