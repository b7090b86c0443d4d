import { useEffect, useLayoutEffect, useRef, type ClipboardEvent, type KeyboardEvent } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { flushSync } from "react-dom";
import { TYPED_LINE_END } from "../simulated-word";

/** Where the caret goes after an edit: a paragraph (index in body.paragraphs) and an offset in its typed text. */
export interface CaretPlace {
  paragraph: number;
  at: number;
}

/** What the page does with typing, as Word would: each call changes the simulated Word's document. */
export interface Typing {
  /** The paragraph's typed text is now `typed`; each line end in it starts a new paragraph after it. */
  type(paragraph: number, typed: string): void;
  /** Backspace at the paragraph's start: it joins the one before; where they met, or null when Word would not join them. */
  join(paragraph: number): CaretPlace | null;
  /** Ctrl+Z: the last step typed is undone; where the caret goes, or null when there is nothing to undo. */
  undo(): CaretPlace | null;
  /** Ctrl+Y (or Ctrl+Shift+Z): the last step undone is done again; where the caret goes, or null. */
  redo(): CaretPlace | null;
}

const useStyles = makeStyles({
  editable: {
    display: "block",
    minHeight: "1.3em",
    cursor: "text",
    whiteSpace: "pre-wrap",
    ":focus": { outline: "none" },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  // After a dropdown the text runs on in the same line; an empty one still leaves room to click into.
  afterControl: { display: "inline", ":empty": { paddingInlineEnd: "2em" } },
});

/** The caret's (or the selection's) offsets in an element's text, or null when the selection is elsewhere. */
function caretIn(element: HTMLElement): { start: number; end: number } | null {
  const chosen = element.ownerDocument.getSelection();
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- the DOM's Selection, not Word's
  if (!chosen || chosen.rangeCount === 0) return null;
  const range = chosen.getRangeAt(0);
  if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return null;
  const offset = (node: Node, at: number): number => {
    const before = element.ownerDocument.createRange();
    before.selectNodeContents(element);
    before.setEnd(node, at);
    return before.toString().length;
  };
  return { start: offset(range.startContainer, range.startOffset), end: offset(range.endContainer, range.endOffset) };
}

/**
 * Applies `change` to the document, redraws the page at once and focuses the editable paragraph
 * `place.paragraph`, the caret `place.at` into its text. Redrawn synchronously (flushSync) so that a key
 * typed straight after Enter or Backspace lands in the paragraph the caret moved to, not the one it left.
 */
function changeThenMoveCaret<T>(page: Document, change: () => T, placeOf: (changed: T) => CaretPlace | undefined): void {
  let changed: T | undefined;
  flushSync(() => {
    changed = change();
  });
  const place = placeOf(changed as T);
  if (!place) return;
  const target = page.querySelector(`[data-editable-paragraph="${place.paragraph}"]`);
  if (target instanceof HTMLElement) placeCaret(target, place.at);
}

/** Focuses an editable paragraph and puts the caret `at` characters into its text. */
function placeCaret(element: HTMLElement, at: number): void {
  element.focus();
  const chosen = element.ownerDocument.getSelection();
  if (!chosen) return;
  const range = element.ownerDocument.createRange();
  const text = element.firstChild;
  if (text instanceof Text) range.setStart(text, Math.min(at, text.length));
  else range.setStart(element, 0);
  range.collapse(true);
  chosen.removeAllRanges();
  chosen.addRange(range);
}

/** The editable paragraph before (-1) or after (1) `element` in the page's order, if any. */
function neighbour(element: HTMLElement, step: 1 | -1): HTMLElement | null {
  const all = Array.from(element.ownerDocument.querySelectorAll<HTMLElement>("[data-editable-paragraph]"));
  return all[all.indexOf(element) + step] ?? null;
}

/** The collapsed caret's box, or null when the browser gives none (an empty paragraph). */
function caretBox(element: HTMLElement): DOMRect | null {
  const chosen = element.ownerDocument.getSelection();
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- the DOM's Selection, not Word's
  if (!chosen || chosen.rangeCount === 0) return null;
  const box = chosen.getRangeAt(0).getClientRects()[0];
  return box && box.height > 0 ? box : null;
}

/** True when the caret is on the element's first (or last) line: where Up (or Down) leaves the paragraph, as in Word. */
function onEdgeLine(element: HTMLElement, edge: "first" | "last"): boolean {
  const caret = caretBox(element);
  if (!caret) return true;
  const box = element.getBoundingClientRect();
  return edge === "first" ? caret.top - box.top < caret.height / 2 : box.bottom - caret.bottom < caret.height / 2;
}

/**
 * Moves the caret into `target`'s first or last line, as near the left offset `x` as its text allows (as Up
 * and Down do in Word); without an `x`, to the start of its first line or the end of its last.
 */
function moveCaretInto(target: HTMLElement, edge: "first" | "last", x?: number): void {
  const page = target.ownerDocument;
  const length = target.textContent?.length ?? 0;
  target.scrollIntoView({ block: "nearest" });
  if (x !== undefined && typeof page.caretRangeFromPoint === "function") {
    const box = target.getBoundingClientRect();
    const found = page.caretRangeFromPoint(x, edge === "first" ? box.top + 2 : box.bottom - 2);
    if (found && target.contains(found.startContainer)) {
      target.focus();
      const chosen = page.getSelection();
      chosen?.removeAllRanges();
      chosen?.addRange(found);
      return;
    }
  }
  placeCaret(target, edge === "first" ? 0 : length);
}

/** Ctrl+Z and Ctrl+Y (Cmd on a Mac; Ctrl+Shift+Z too), or null for any other key. */
function historyKey(event: KeyboardEvent): "undo" | "redo" | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === "z") return event.shiftKey ? "redo" : "undo";
  return key === "y" && !event.shiftKey ? "redo" : null;
}

/**
 * One paragraph's text, editable as in Word (contentEditable "plaintext-only": the browser never makes markup of
 * it, and the text is only ever set as text). Typing commits on every input; Enter ends the paragraph and Backspace
 * at its start (or Delete at its end) joins two paragraphs, through the simulated Word; the arrow keys go on into the
 * paragraph before or after; Undo and Redo go through the page's own history. Tab is left to move focus, as on any page.
 */
export function EditableText({
  text,
  paragraph,
  label,
  typing,
  afterControl,
}: {
  text: string;
  paragraph: number;
  label: string;
  typing: Typing;
  /** It follows a dropdown in the same paragraph. */
  afterControl: boolean;
}) {
  const styles = useStyles();
  const ref = useRef<HTMLSpanElement>(null);

  // The page's text follows the document; while the user types they are the same, so the caret stays put.
  useLayoutEffect(() => {
    const element = ref.current;
    if (element && element.textContent !== text) element.textContent = text;
  }, [text]);

  const current = (): string => ref.current?.textContent ?? "";

  /** Replaces the selection with `inserted` (which may hold line ends) and puts the caret after it. */
  const insert = (inserted: string): void => {
    const element = ref.current;
    const caret = element ? caretIn(element) : null;
    if (!element || !caret) return;
    const now = current();
    const lines = inserted.split(TYPED_LINE_END);
    const last = lines[lines.length - 1] ?? "";
    const at = lines.length === 1 ? caret.start + last.length : last.length;
    changeThenMoveCaret(
      element.ownerDocument,
      () => typing.type(paragraph, now.slice(0, caret.start) + inserted + now.slice(caret.end)),
      () => ({ paragraph: paragraph + lines.length - 1, at }),
    );
  };

  /** Undo or Redo through the page's own history (see typing-history.ts), never the browser's. */
  const history = (which: "undo" | "redo"): void => {
    const element = ref.current;
    if (element) changeThenMoveCaret(element.ownerDocument, () => typing[which](), (place) => place ?? undefined);
  };

  // The browser's Undo and Redo from its menu arrive as input, not keys: they too go to the page's history.
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const onBeforeInput = (event: InputEvent): void => {
      if (event.inputType !== "historyUndo" && event.inputType !== "historyRedo") return;
      event.preventDefault();
      history(event.inputType === "historyUndo" ? "undo" : "redo");
    };
    element.addEventListener("beforeinput", onBeforeInput);
    return () => element.removeEventListener("beforeinput", onBeforeInput);
  });

  const onKeyDown = (event: KeyboardEvent<HTMLSpanElement>): void => {
    if (event.nativeEvent.isComposing) return;
    const undoOrRedo = historyKey(event);
    if (undoOrRedo) {
      event.preventDefault();
      history(undoOrRedo);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const element = ref.current;
    if (event.key === "Enter") {
      event.preventDefault();
      insert("\n");
      return;
    }
    if (!element || event.shiftKey) return;
    const caret = caretIn(element);
    if (!caret || caret.start !== caret.end) return;
    const atStart = caret.start === 0;
    const atEnd = caret.end === current().length;
    if (event.key === "Backspace" && atStart) {
      event.preventDefault();
      changeThenMoveCaret(element.ownerDocument, () => typing.join(paragraph), (met) => met ?? undefined);
      return;
    }
    // Delete at the end joins the next paragraph to this one, as Backspace at the next one's start would.
    if (event.key === "Delete" && atEnd) {
      event.preventDefault();
      changeThenMoveCaret(element.ownerDocument, () => typing.join(paragraph + 1), (met) => met ?? undefined);
      return;
    }
    // The arrows go on into the paragraph before or after, as in Word, rather than stopping at this one's edge.
    const leaving =
      (event.key === "ArrowLeft" && atStart) || (event.key === "ArrowUp" && onEdgeLine(element, "first"))
        ? -1
        : (event.key === "ArrowRight" && atEnd) || (event.key === "ArrowDown" && onEdgeLine(element, "last"))
          ? 1
          : 0;
    if (leaving === 0) return;
    const target = neighbour(element, leaving);
    if (!target) return;
    event.preventDefault();
    const vertical = event.key === "ArrowUp" || event.key === "ArrowDown";
    moveCaretInto(target, leaving === 1 ? "first" : "last", vertical ? caretBox(element)?.left : undefined);
  };

  const onPaste = (event: ClipboardEvent<HTMLSpanElement>): void => {
    event.preventDefault();
    insert(event.clipboardData.getData("text/plain"));
  };

  return (
    <span
      ref={ref}
      role="textbox"
      aria-label={label}
      contentEditable="plaintext-only"
      suppressContentEditableWarning
      spellCheck
      data-editable-paragraph={paragraph}
      className={mergeClasses(styles.editable, afterControl && styles.afterControl)}
      onInput={() => typing.type(paragraph, current())}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
      onDrop={(event) => event.preventDefault()}
    />
  );
}
