/** Why a file could not be read. */
export type DocxErrorReason = "not-zip" | "truncated" | "not-word" | "too-large" | "corrupt";

/** A file that cannot be read, with a message written for the officer who chose it. */
export class DocxError extends Error {
  constructor(
    readonly reason: DocxErrorReason,
    message: string,
  ) {
    super(message);
    this.name = "DocxError";
  }
}

const REPAIR_HINT = "Open it in Word (which may offer to repair it), save it as a Word Document (.docx) and try again.";

export const messages = {
  empty: "This file is empty (0 bytes), so there is nothing to check. Choose the monitoring document's .docx file.",
  notZip:
    "This file is not a Word document (.docx). If it is a Word document, open it in Word, save it as a Word Document (.docx) and try again.",
  oldWordOrProtected:
    "This is not a .docx file: it is an older Word document (.doc) or a password-protected one. Open it in Word, save it as a Word Document (.docx) without a password and try again.",
  pdf: "This is a PDF, not a Word document. Choose the monitoring document's .docx file.",
  truncated:
    "This file is incomplete: it looks cut short, perhaps by an interrupted download or copy. Get a fresh copy of the document and try again.",
  notWord: (otherKind?: string) =>
    otherKind
      ? `This is a zip file but not a Word document: it looks like ${otherKind}. Choose the monitoring document's .docx file.`
      : "This is a zip file but not a Word document: it has no document text (word/document.xml). Choose the monitoring document's .docx file.",
  fileTooLarge: (bytes: number, limit: number) =>
    `This file is too large to check (${megabytes(bytes)}; the limit is ${megabytes(limit)}).`,
  textTooLarge: (limit: number) =>
    `This document's text is too large to check safely (more than ${megabytes(limit)} once unpacked). The file may be damaged or deliberately malformed.`,
  tooDeep: (limit: number) =>
    `This document is too deeply nested to check (more than ${limit} levels of tables, content controls or other elements inside one another). The file may be damaged or deliberately malformed.`,
  tooManyParagraphs: (limit: number) =>
    `This document has too many paragraphs to check (more than ${count(limit)}). The file may be damaged or deliberately malformed.`,
  tooManyTableParts: (limit: number) =>
    `This document has too many tables, rows and cells to check (more than ${count(limit)} in all). The file may be damaged or deliberately malformed.`,
  tooMuchText: (limit: number) =>
    `This document has too much text to check (more than ${count(limit)} characters). The file may be damaged or deliberately malformed.`,
  encrypted: `This document's contents are encrypted, so they cannot be read. ${REPAIR_HINT}`,
  damaged: (detail: string) => `This Word document is damaged and cannot be read (${detail}). ${REPAIR_HINT}`,
};

function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
