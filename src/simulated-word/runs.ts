import { textChange } from "../model/text-change";
import type { SimParagraph, SimRun } from "./document";

/**
 * Text changes in a paragraph of runs, as Word makes them: the characters [at, at + removed) go,
 * `text` comes in their place inside the run the change starts in (the run of the first removed
 * character; for a pure insertion, of the character before it, or the first at the paragraph's
 * start), so it takes that run's formatting; every other run keeps its text and formatting. A run
 * left with no text goes. A paragraph without runs (the default) only has its text changed.
 */
export function spliceText(p: SimParagraph, at: number, removed: number, text: string): void {
  p.text = p.text.slice(0, at) + text + p.text.slice(at + removed);
  if (p.runs) p.runs = splicedRuns(p.runs, at, removed, text);
}

function splicedRuns(runs: readonly SimRun[], at: number, removed: number, text: string): SimRun[] {
  const end = at + removed;
  const homeAt = removed > 0 || at === 0 ? at : at - 1;
  const out: SimRun[] = [];
  let from = 0;
  let placed = false;
  for (const run of runs) {
    const length = run.text.length;
    const to = from + length;
    const head = run.text.slice(0, clamp(at - from, length));
    const tail = run.text.slice(clamp(end - from, length));
    const home = !placed && from <= homeAt && homeAt < to;
    if (home) placed = true;
    const kept = home ? head + text + tail : head + tail;
    if (kept === run.text) out.push(run);
    else if (kept !== "") out.push({ text: kept, format: { ...run.format } });
    from = to;
  }
  // A paragraph whose runs held no text: the new text is a run of its own.
  if (!placed && text !== "") out.push({ text, format: {} });
  return out;
}

function clamp(value: number, most: number): number {
  return Math.max(0, Math.min(value, most));
}

/**
 * The user (or Paragraph.insertText on a range) changing the text after `from` into `typed`: only
 * the middle that differs from the old text (common prefix and suffix kept) changes, as typing does.
 */
export function retype(p: SimParagraph, from: number, typed: string): void {
  const { start, oldEnd, newEnd } = textChange(p.text.slice(from), typed);
  if (start === oldEnd && start === newEnd) return;
  spliceText(p, from + start, oldEnd - start, typed.slice(start, newEnd));
}

/** Joins `next`'s text (and runs) to the end of `p`'s. */
export function appendParagraph(p: SimParagraph, next: SimParagraph): void {
  if (p.runs || next.runs) p.runs = [...runsOf(p), ...runsOf(next)].filter((run) => run.text !== "");
  p.text += next.text;
}

function runsOf(p: SimParagraph): SimRun[] {
  return p.runs ?? [{ text: p.text, format: {} }];
}

/** Whether the paragraph's runs cover its text exactly (what every change keeps true). */
export function runsMatchText(p: SimParagraph): boolean {
  return !p.runs || p.runs.map((run) => run.text).join("") === p.text;
}
