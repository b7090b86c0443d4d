import type { Location } from "./snapshot";
import type { PlanResult } from "./plan";

/** A paragraph as plans name it: a body paragraph, or the `paragraph`-th paragraph of a cell. */
export interface ParagraphPlace {
  location: Location;
  /** Its index in the cell's paragraphs; 0 for a body paragraph. */
  paragraph: number;
}

const LINE_END = /[\r\n\v\u2028\u2029]/;

/**
 * Text typed into one paragraph (on the preview's page, as in Word), as a plan an applier can replay
 * on a copy of the document: the paragraph's text `expectedOldText` becomes `newText`. It expects the
 * paragraph to hold exactly `expectedOldText`, so a copy that differs there is never overwritten. A
 * line end would split the paragraph, which this plan does not do.
 */
export function planReplaceParagraphText(place: ParagraphPlace, expectedOldText: string, newText: string): PlanResult {
  const { location, paragraph } = place;
  if (!Number.isInteger(paragraph) || paragraph < 0 || (location.kind === "paragraph" && paragraph !== 0)) {
    return { ok: false, reason: "That paragraph is not one the document has." };
  }
  if (LINE_END.test(newText)) return { ok: false, reason: "Text with a line end splits its paragraph, which is not written as typed text." };
  return {
    ok: true,
    plan: {
      kind: "type-text",
      expect: [{ kind: "paragraph-text", location, paragraph, text: expectedOldText }],
      writes: [{ kind: "replace-text", location, paragraph, text: newText }],
      description: `Typed text in ${describe(place)}.`,
      skipped: [],
    },
  };
}

/** The same place, as two plans name it. */
export function samePlace(a: ParagraphPlace, b: ParagraphPlace): boolean {
  if (a.paragraph !== b.paragraph || a.location.kind !== b.location.kind) return false;
  if (a.location.kind === "paragraph" || b.location.kind === "paragraph") {
    return a.location.kind === "paragraph" && b.location.kind === "paragraph" && a.location.paragraph === b.location.paragraph;
  }
  return a.location.table === b.location.table && a.location.row === b.location.row && a.location.cell === b.location.cell;
}

function describe({ location, paragraph }: ParagraphPlace): string {
  return location.kind === "paragraph"
    ? `paragraph ${location.paragraph + 1}`
    : `table ${location.table + 1}, row ${location.row + 1}, cell ${location.cell + 1} (paragraph ${paragraph + 1})`;
}
