/**
 * What typing changed in a paragraph's text: the old text's characters [start, oldEnd) became the
 * new text's [start, newEnd); the common prefix before `start` and the common suffix after the ends
 * are untouched. Writers replace only that middle, so the runs (and formatting) of the untouched
 * text stay as they were.
 */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The longest common prefix, then the longest common suffix of what is left (so a repeated character
 * at the edit counts as prefix, as the caret was after it). Neither boundary splits a surrogate pair:
 * a writer may cut a text node there, and half a character cannot be written.
 */
export function textChange(oldText: string, newText: string): TextChange {
  const shorter = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  if (start > 0 && (isLowSurrogate(oldText.charCodeAt(start)) || isLowSurrogate(newText.charCodeAt(start)))) start--;
  let suffix = 0;
  const most = shorter - start;
  while (suffix < most && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  // The suffix's first character is the same in both texts.
  if (suffix > 0 && isLowSurrogate(oldText.charCodeAt(oldText.length - suffix))) suffix--;
  return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
