/** One file → one report. Never throws: whatever goes wrong becomes the file's error. */
import { promises as fs } from "fs";
import { analyse } from "../model";
import { DocxError, MAX_FILE_BYTES, readDocx } from "../docx";
import { errorText } from "./files";
import { failedReport, reportFromAnalysis, type FileReport } from "./report";

export async function checkFile(file: string): Promise<FileReport> {
  let bytes: Uint8Array;
  try {
    // Look before reading: a device, a pipe or a huge file must not be read into memory.
    const stat = await fs.stat(file);
    if (!stat.isFile()) return failedReport(file, "unreadable", "This is not a file, so it cannot be a Word document.");
    if (stat.size > MAX_FILE_BYTES) {
      return failedReport(
        file,
        "unreadable",
        `This file is too large to check (${megabytes(stat.size)}; the limit is ${megabytes(MAX_FILE_BYTES)}).`,
      );
    }
    bytes = await fs.readFile(file);
  } catch (error) {
    return failedReport(file, "unreadable", `Cannot open the file: ${errorText(error)}.`);
  }
  let snapshot;
  try {
    snapshot = await readDocx(bytes);
  } catch (error) {
    // readDocx promises a DocxError for a bad file; anything else is our bug, still reported per file.
    const message =
      error instanceof DocxError ? error.message : `Cannot read this file as a Word document (${errorText(error)}).`;
    return failedReport(file, "unreadable", message);
  }
  try {
    return reportFromAnalysis(file, analyse(snapshot));
  } catch (error) {
    return failedReport(
      file,
      "unreadable",
      `The file was read but could not be checked (internal error: ${errorText(error)}). Please report this.`,
    );
  }
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
