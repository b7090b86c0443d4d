import { GRADE_DROPDOWN_TAG, type Plan } from "../model/plan";
import { planChooseItem } from "../model/edit-choose-item";
import type { SimulatedControl } from "../simulated-word";
import { readDocx } from "../docx";
import { applyPlanToDocx, DocxWriteError } from "../docx/write";
import { sameSnapshot } from "../docx/write-expect";
import type { DocumentSnapshot } from "../model/snapshot";

/**
 * The opened .docx file's bytes, and every plan applied to the simulated Word since, in order: the
 * pane's, and a grade chosen in a dropdown on the page (recordChoice).
 */
export interface WriteLog {
  bytes: Uint8Array;
  plans: Plan[];
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
      warning:
        "The downloaded file has every change the task pane made and every grade chosen on the page, but not other changes made directly on the page.",
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
