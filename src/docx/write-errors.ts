/** Why a plan was not written to a .docx file. Nothing is ever half-written: the file's bytes stay as they were. */
export type DocxWriteReason =
  /** The file no longer holds what the plan was made from (a place's text, a table's rows). */
  | "document-changed"
  /** The plan holds a write this applier does not make in .docx files. */
  | "unsupported"
  /** The file's tables and paragraphs could not be matched exactly to what the reader found. */
  | "layout";

export class DocxWriteError extends Error {
  constructor(
    readonly reason: DocxWriteReason,
    message: string,
  ) {
    super(message);
    this.name = "DocxWriteError";
  }
}
