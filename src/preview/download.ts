import { GRADE_DROPDOWN_TAG, type Plan } from "../model/plan";
import { planChooseItem } from "../model/edit-choose-item";
import { planReplaceParagraphText, samePlace, type ParagraphPlace } from "../model/edit-type-text";
import type { SimulatedControl } from "../simulated-word";
import { readDocx } from "../docx";
import { applyPlanToDocx, DocxWriteError } from "../docx/write";
import { sameSnapshot } from "../docx/write-expect";
import type { DocumentSnapshot } from "../model/snapshot";

/**
 * The opened .docx file's bytes, and every plan applied to the simulated Word since, in order: the
 * pane's, a grade chosen in a dropdown on the page (recordChoice) and text typed in a paragraph
 * there (recordTyping).
 */
export interface WriteLog {
  bytes: Uint8Array;
  plans: Plan[];
  /**
   * A paragraph was split or joined on the page (Enter, Backspace at its start): that is not replayed,
   * and as paragraphs after it are no longer where the file has them, text typed since is not logged.
   */
  splitOrJoined?: boolean;
}

export interface DownloadResult {
  bytes: Uint8Array;
  /** The file does not hold everything the page shows (edits made outside the pane's writes), in words; null when it does. */
  warning: string | null;
}

/**
 * The opened file with every write made in the preview applied by the .docx applier, replayed in
 * order: each plan checks its expectations against the file as the earlier ones left it, as the
 * gateway checked them against Word. `shown` is what the simulated Word holds now.
 */
export async function docxWithWrites(log: WriteLog, shown: DocumentSnapshot, trackChanges: boolean): Promise<DownloadResult> {
  let bytes = log.bytes;
  const left: string[] = [];
  for (const plan of log.plans) {
    try {
      bytes = await applyPlanToDocx(bytes, plan, { trackChanges });
    } catch (error) {
      if (!(error instanceof DocxWriteError)) throw error;
      left.push(plan.description || plan.kind);
    }
  }
  const read = await readDocx(bytes);
  if (left.length > 0) {
    return { bytes, warning: `These changes could not be put into the .docx file and are not in it: ${left.join(" ")}` };
  }
  if (!sameSnapshot(read, shown)) {
    return {
      bytes,
      warning: log.splitOrJoined
        ? "The downloaded file has every change the task pane made and every grade chosen on the page, but not paragraphs split or joined on the page (Enter, or Backspace at the start of a paragraph), nor text typed after that."
        : "The downloaded file has every change the task pane made, every grade chosen and the text typed on the page, but not other changes made directly on the page.",
    };
  }
  return { bytes, warning: null };
}

/** A grade chosen in one of our dropdowns on the page, logged for Download as the plan that chooses it. */
export function recordChoice(log: WriteLog, control: SimulatedControl | undefined, item: string): void {
  if (control?.tag !== GRADE_DROPDOWN_TAG) return;
  const result = planChooseItem(control.location, control.items, item);
  if (result.ok) log.plans.push(result.plan);
}

/** Line ends in typed or pasted text: each splits the paragraph, as Enter does (the simulated Word's rule). */
const LINE_END = /[\r\n\v\u2028\u2029]/;

/**
 * Text typed in one paragraph on the page (`before`: where it is and what it held; `typed`: what the
 * user typed; `text`: what the paragraph holds now), logged for Download as the plan that replaces its
 * text. Typing on in the same paragraph replaces that plan, still expecting the text the paragraph
 * held before the first keystroke, so a long edit is one plan. A line end in `typed` split the
 * paragraph, which is not replayed; after that nothing typed is logged (see WriteLog).
 */
export function recordTyping(log: WriteLog, before: ParagraphPlace & { text: string }, typed: string, text: string): void {
  if (LINE_END.test(typed)) log.splitOrJoined = true;
  if (log.splitOrJoined) return;
  const place: ParagraphPlace = { location: before.location, paragraph: before.paragraph };
  const last = log.plans.at(-1);
  const write = last?.kind === "type-text" ? last.writes[0] : undefined;
  const expected = last?.expect[0];
  const continues = write?.kind === "replace-text" && expected?.kind === "paragraph-text" && samePlace(write, place);
  const result = planReplaceParagraphText(place, continues ? expected.text : before.text, text);
  if (!result.ok) {
    log.splitOrJoined = true;
    return;
  }
  // Typed back to what it held (or nothing changed): no plan, so its runs keep their formatting.
  if (text === (continues ? expected.text : before.text)) {
    if (continues) log.plans.pop();
    return;
  }
  if (continues) log.plans[log.plans.length - 1] = result.plan;
  else log.plans.push(result.plan);
}

/** Backspace joined two paragraphs on the page: not replayed, and typing is no longer logged (see WriteLog). */
export function recordJoin(log: WriteLog): void {
  log.splitOrJoined = true;
}

/** Saves bytes as a file through the browser's download. */
export function saveFile(name: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
