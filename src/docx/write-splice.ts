import { encodePieces, type PartEncoding } from "./write-xml";

/** Replaces the characters [start, end) of the original text with `text`; `order` is the write it belongs to. */
export interface Splice {
  start: number;
  end: number;
  text: string;
  order: number;
}

/**
 * Applies splices made against the same original text, from the end backwards so that no splice
 * moves another's positions. Where several insert at one point, a later write's text comes first,
 * as when each write inserts right after the same row in turn. Overlapping splices are a bug.
 */
export function applySplices(original: string, splices: readonly Splice[]): string {
  return splicedPieces(original, splices).join("");
}

/**
 * The spliced text's bytes in the part's encoding, exactly encodePart(applySplices(…)), without the
 * spliced text ever being one string: for a part of 14 MB, that string is 14 to 28 MB more at once.
 */
export function encodeSplices(original: string, splices: readonly Splice[], encoding: PartEncoding): Uint8Array {
  return encodePieces(splicedPieces(original, splices), encoding);
}

/** The spliced text as pieces in order: slices of the original (which share its characters) and the splices' texts. */
function splicedPieces(original: string, splices: readonly Splice[]): string[] {
  const sorted = [...splices].sort((a, b) => b.start - a.start || b.end - b.start - (a.end - a.start) || a.order - b.order);
  const parts: string[] = [];
  let tail = original.length;
  for (const splice of sorted) {
    if (splice.end > tail) throw new Error("overlapping edits of word/document.xml");
    parts.push(original.slice(splice.end, tail), splice.text);
    tail = splice.start;
  }
  parts.push(original.slice(0, tail));
  return parts.reverse();
}
