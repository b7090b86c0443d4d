import type { CaretPlace, Typing } from "./EditableText";

/**
 * Undo and Redo for what the user types on the preview's page, as Word has them: a run of typing in one
 * paragraph is one step, and so is each Enter and each join of two paragraphs. A step is undone through the
 * same typing the page does (so the simulated Word, and the log Download .docx replays, see ordinary typing),
 * never by the browser's own undo, which knows nothing of the paragraphs the page split or joined. A change
 * made otherwise (a write from the pane, a dropdown's choice) ends the history: what was typed before it may
 * no longer be where it was, and an undo must never change the wrong paragraph.
 */

/** The typed text of a paragraph (its index in body.paragraphs), null when there is none. */
export type TypedText = (paragraph: number) => string | null;

type Step =
  /** `paragraph`'s typed text was `before` and became `after`'s first line; each further line is a paragraph after it. */
  | { kind: "type"; paragraph: number; before: string; after: string[] }
  /** `paragraph` joined the one before it, `at` characters into that one's typed text. */
  | { kind: "join"; paragraph: number; at: number };

export class TypingHistory implements Typing {
  private done: Step[] = [];
  private undone: Step[] = [];

  constructor(
    private readonly edits: Pick<Typing, "type" | "join">,
    private readonly typedText: TypedText,
    private readonly lineEnd: RegExp,
  ) {}

  type(paragraph: number, typed: string): void {
    const before = this.typedText(paragraph);
    this.edits.type(paragraph, typed);
    if (before === null) return;
    const after = typed.split(this.lineEnd);
    const last = this.done.at(-1);
    if (after.length === 1 && last?.kind === "type" && last.paragraph === paragraph && last.after.length === 1) last.after = after;
    else this.done.push({ kind: "type", paragraph, before, after });
    this.undone = [];
  }

  join(paragraph: number): CaretPlace | null {
    const met = this.edits.join(paragraph);
    if (met) {
      this.done.push({ kind: "join", paragraph, at: met.at });
      this.undone = [];
    }
    return met;
  }

  /** Something other than typing changed the document: nothing before it can be undone or redone. */
  forget(): void {
    this.done = [];
    this.undone = [];
  }

  undo(): CaretPlace | null {
    const step = this.done.pop();
    if (!step) return null;
    if (!this.holdsAfter(step)) return this.lost();
    this.undone.push(step);
    if (step.kind === "join") {
      const joined = this.typedText(step.paragraph - 1)!;
      this.edits.type(step.paragraph - 1, `${joined.slice(0, step.at)}\n${joined.slice(step.at)}`);
      return { paragraph: step.paragraph, at: 0 };
    }
    for (let line = 1; line < step.after.length; line++) this.edits.join(step.paragraph + 1);
    this.edits.type(step.paragraph, step.before);
    return { paragraph: step.paragraph, at: changedEnd(step.before, step.after.join("\n")) };
  }

  redo(): CaretPlace | null {
    const step = this.undone.pop();
    if (!step) return null;
    if (!this.holdsBefore(step)) return this.lost();
    this.done.push(step);
    if (step.kind === "join") return this.edits.join(step.paragraph) ?? this.lost();
    const typed = step.after.join("\n");
    this.edits.type(step.paragraph, typed);
    const lines = step.after.length;
    return lines > 1 ? { paragraph: step.paragraph + lines - 1, at: 0 } : { paragraph: step.paragraph, at: changedEnd(typed, step.before) };
  }

  /** The document holds what the step left (it always should: this guards against undoing the wrong text). */
  private holdsAfter(step: Step): boolean {
    if (step.kind === "join") return this.typedText(step.paragraph - 1) !== null;
    return step.after.every((text, line) => this.typedText(step.paragraph + line) === text);
  }

  private holdsBefore(step: Step): boolean {
    if (step.kind === "join") return this.typedText(step.paragraph) !== null;
    return this.typedText(step.paragraph) === step.before;
  }

  private lost(): null {
    this.forget();
    return null;
  }
}

/** Where `text` stops differing from `other`: the end of what an undo or redo put back. */
function changedEnd(text: string, other: string): number {
  let prefix = 0;
  while (prefix < text.length && prefix < other.length && text[prefix] === other[prefix]) prefix++;
  let suffix = 0;
  while (suffix < text.length - prefix && suffix < other.length - prefix && text[text.length - 1 - suffix] === other[other.length - 1 - suffix]) suffix++;
  return text.length - suffix;
}
