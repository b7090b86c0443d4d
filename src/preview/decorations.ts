import type { Location } from "../model/snapshot";
import {
  cellLocation,
  paragraphIndex,
  paragraphsIn,
  type SimControl,
  type SimDocument,
  type SimParagraph,
} from "../simulated-word/document";

/**
 * What the page draws beyond a snapshot's text, read from the simulated Word's own model: bold
 * paragraphs, inline content controls (the grade dropdowns), tables wrapped in a content control
 * (the grade summary) and review comments with the cell or paragraph they are on.
 */
export interface InlineControlLook {
  id: number;
  /** How many characters at the start of the paragraph the control shows. */
  length: number;
  type: SimControl["type"];
  tag: string;
  title: string;
  placeholder: string;
  items: string[];
  selected: number | null;
}

export interface ParagraphLook {
  bold: boolean;
  control: InlineControlLook | null;
}

export interface CommentLook {
  id: string;
  content: string;
  author: string;
  location: Location;
}

export interface Decorations {
  /** By index in body.paragraphs (every paragraph, those in cells included); only decorated ones. */
  paragraphs: Map<number, ParagraphLook>;
  /** By top-level table index: the content control wrapping the table. */
  tables: Map<number, { tag: string; title: string }>;
  comments: CommentLook[];
}

export const NO_DECORATIONS: Decorations = { paragraphs: new Map(), tables: new Map(), comments: [] };

function controlLook(p: SimParagraph): InlineControlLook | null {
  const c = p.control;
  if (!c) return null;
  return {
    id: c.id,
    length: c.length,
    type: c.type,
    tag: c.tag,
    title: c.title,
    placeholder: c.placeholderText,
    items: c.listItems.map((i) => i.displayText),
    selected: c.selected,
  };
}

export function decorationsOf(document: SimDocument): Decorations {
  const paragraphs = new Map<number, ParagraphLook>();
  paragraphsIn(document.blocks).forEach(({ paragraph }, index) => {
    const control = controlLook(paragraph);
    if (paragraph.bold || control) paragraphs.set(index, { bold: paragraph.bold === true, control });
  });
  const tables = new Map<number, { tag: string; title: string }>();
  document.blocks
    .filter((b) => b.kind === "table")
    .forEach((t, index) => {
      if (t.control) tables.set(index, { tag: t.control.tag, title: t.control.title });
    });
  const comments: CommentLook[] = [];
  for (const comment of document.comments ?? []) {
    const anchor = comment.anchor;
    let location: Location | null = null;
    if ("cell" in anchor) location = cellLocation(document, anchor.cell);
    else {
      const index = paragraphIndex(document, anchor.paragraph);
      location = index >= 0 ? { kind: "paragraph", paragraph: index } : null;
    }
    if (location) comments.push({ id: comment.id, content: comment.content, author: comment.authorName, location });
  }
  return { paragraphs, tables, comments };
}
