/** One file → one report. Never throws: whatever goes wrong becomes the file's error. */
import { readFileSync, statSync } from "fs";
import { analyse } from "../model";
import { DocxError, fileSizeProblem, readDocxAndSettings, type DocxWithSettings } from "../docx";
import { SET_ASIDE_SETTING, readSetAsideRecords } from "../model/set-aside";
import { errorText } from "./files";
import { failedReport, reportFromAnalysis, type FileReport } from "./report";

export interface CheckOptions {
  /** Count set-aside findings for the exit code like any other (they are always listed). */
  includeSetAside?: boolean;
}

export async function checkFile(file: string, options: CheckOptions = {}): Promise<FileReport> {
  let bytes: Uint8Array;
  try {
    // Look before reading: a device, a pipe or a huge file must not be read into memory. Synchronous: the
    // command checks one file at a time, and each await through libuv's thread pool is a wait in a cold run.
    const stat = statSync(file);
    if (!stat.isFile()) return failedReport(file, "unreadable", "This is not a file, so it cannot be a Word document.");
    const tooLarge = fileSizeProblem(stat.size);
    if (tooLarge) return failedReport(file, "unreadable", tooLarge.message);
    bytes = readFileSync(file);
  } catch (error) {
    return failedReport(file, "unreadable", `Cannot open the file: ${errorText(error)}.`);
  }
  let read: DocxWithSettings;
  try {
    read = await readDocxAndSettings(bytes);
  } catch (error) {
    // readDocx promises a DocxError for a bad file; anything else is our bug, still reported per file.
    const message =
      error instanceof DocxError ? error.message : `Cannot read this file as a Word document (${errorText(error)}).`;
    return failedReport(file, "unreadable", message);
  }
  try {
    // The records the add-in keeps in the document's settings (its web-extension part).
    const records = readSetAsideRecords((await read.settings()).get(SET_ASIDE_SETTING));
    return reportFromAnalysis(file, analyse(read.snapshot), { records, includeSetAside: options.includeSetAside === true });
  } catch (error) {
    return failedReport(
      file,
      "unreadable",
      `The file was read but could not be checked (internal error: ${errorText(error)}). Please report this.`,
    );
  }
}
