/** One file through `scrutiny-update`: read, plan, apply, check, write. Never throws: whatever goes wrong is the file's outcome. */
import { mkdirSync, readFileSync, statSync } from "fs";
import { basename, join, resolve } from "path";
import type { Plan } from "../model/plan";
import { DocxError, fileSizeProblem } from "../docx";
import { applyPlanToDocx, DocxWriteError, openDocx, type OpenedDocx } from "../docx/write";
import { readDocxSettings } from "../docx/webextension";
import { SET_ASIDE_SETTING, readSetAsideRecords } from "../model/set-aside";
import type { Destination, UpdateCommand } from "./update-args";
import { errorText } from "./files";
import { planFor } from "./update-plan";
import { backupName, ChangedOnDiskError, writeAtomically } from "./update-write";

export type UpdateStatus =
  /** The updated file was written (to `output`). */
  | "written"
  /** --dry-run: it would have been written. */
  | "would-write"
  /** Nothing to change (every recommendation already has the update, no such rows, the summary is up to date). */
  | "unchanged"
  /** The file was read but the change was refused (column layout, rows holding an officer's text, changed on disk). */
  | "refused"
  /** The file cannot be read, or is not a monitoring document. */
  | "unreadable";

export interface UpdateReport {
  file: string;
  status: UpdateStatus;
  /** Where the updated file was (or, in a dry run, would be) written; null when nothing is written. */
  output: string | null;
  /** One line: what was done, or why not. */
  message: string;
  rowsAdded: number;
  rowsRemoved: number;
  /** The recommendations the change touches. */
  recommendations: string[];
  /** Recommendations in scope that got nothing, each with why. */
  skipped: { recommendation: string; reason: string }[];
}

export interface UpdateJob {
  command: UpdateCommand;
  destination: Destination;
  /** Today as YYYY-MM-DD (the summary's date) and now (tracked changes' time). */
  today: string;
  now: Date;
}

export async function updateFile(file: string, job: UpdateJob): Promise<UpdateReport> {
  const report = (status: UpdateStatus, message: string, plan?: Plan, output: string | null = null): UpdateReport => ({
    file,
    status,
    output,
    message,
    rowsAdded: plan ? countRows(plan, "insert-rows") : 0,
    rowsRemoved: plan ? countRows(plan, "delete-rows") : 0,
    recommendations: plan?.round?.recommendations ?? [],
    skipped: plan?.skipped ?? [],
  });

  const read = await readFile(file);
  if (typeof read === "string") return report("unreadable", read);
  const { bytes, snapshot } = read;
  let planned;
  try {
    // Findings set aside in the pane (kept in the document's add-in settings) get no review comment.
    const setAside = job.command.kind === "comments" ? readSetAsideRecords((await readDocxSettings(bytes)).get(SET_ASIDE_SETTING)) : [];
    planned = planFor(job.command, snapshot, job.today, setAside);
  } catch (error) {
    return report("unreadable", `The file was read but could not be planned (internal error: ${errorText(error)}). Please report this.`);
  }
  if (planned.ok === "not-monitoring") return report("unreadable", planned.reason);
  if (planned.ok === "unchanged") return report("unchanged", planned.reason);
  if (!planned.ok) return report("refused", planned.reason);
  const plan = planned.plan;
  if (plan.writes.length === 0) return report("unchanged", plan.description, plan);

  const target = targetOf(file, job.destination);
  let updated: Uint8Array;
  try {
    updated = await applyPlanToDocx(read, plan, { now: job.now });
  } catch (error) {
    if (error instanceof DocxWriteError) return report("refused", error.message, plan);
    if (error instanceof DocxError) return report("unreadable", error.message, plan);
    return report("refused", `The update could not be made (internal error: ${errorText(error)}). Nothing was written. Please report this.`, plan);
  }
  // The applier gives back the very bytes when there was nothing to write (every comment already there, or none to remove).
  if (updated === bytes) return report("unchanged", UNCHANGED[plan.kind] ?? "There was nothing to change.", plan);
  if (job.destination.kind === "dry-run") return report("would-write", plan.description, plan, null);

  try {
    if (job.destination.kind === "out") mkdirSync(job.destination.folder, { recursive: true });
    writeAtomically({
      target: target!,
      bytes: updated,
      source: { path: file, bytes },
      backup: job.destination.kind === "in-place" ? backupName(file) : undefined,
    });
  } catch (error) {
    if (error instanceof ChangedOnDiskError) return report("refused", error.message, plan);
    return report("unreadable", `Cannot write ${target}: ${errorText(error)}. The original is unchanged.`, plan);
  }
  return report("written", plan.description, plan, target);
}

const UNCHANGED: Partial<Record<Plan["kind"], string>> = {
  "add-comments": "Every review comment the check would add is already there.",
  "remove-comments": "There are no review comments of the check's to remove.",
};

/** The file read once, for planning and writing alike (openDocx: the same snapshot and errors as readDocx). */
async function readFile(file: string): Promise<OpenedDocx | string> {
  let bytes: Uint8Array;
  try {
    // Synchronous, as in scrutiny-check (check-file.ts).
    const stat = statSync(file);
    if (!stat.isFile()) return "This is not a file, so it cannot be a Word document.";
    const tooLarge = fileSizeProblem(stat.size);
    if (tooLarge) return tooLarge.message;
    bytes = readFileSync(file);
  } catch (error) {
    return `Cannot open the file: ${errorText(error)}.`;
  }
  try {
    return await openDocx(bytes);
  } catch (error) {
    return error instanceof DocxError ? error.message : `Cannot read this file as a Word document (${errorText(error)}).`;
  }
}

/** Where the updated file goes; null in a dry run. */
export function targetOf(file: string, destination: Destination): string | null {
  switch (destination.kind) {
    case "in-place":
      return file;
    case "out":
      return join(destination.folder, basename(file));
    case "dry-run":
      return null;
  }
}

/** Whether an --out target would overwrite the input itself (then --in-place is what was meant). */
export function writesOverSource(file: string, destination: Destination): boolean {
  return destination.kind === "out" && resolve(join(destination.folder, basename(file))) === resolve(file);
}

function countRows(plan: Plan, kind: "insert-rows" | "delete-rows"): number {
  let rows = 0;
  for (const write of plan.writes) {
    if (write.kind === "insert-rows" && kind === "insert-rows") rows += write.rows.length;
    if (write.kind === "delete-rows" && kind === "delete-rows") rows += write.count;
  }
  return rows;
}
