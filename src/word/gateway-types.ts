import type { DocumentSnapshot, Location } from "../model/snapshot";
import type { Plan } from "../model/plan";

/** Which optional Word API requirement sets the host supports (the manifest's floor is WordApi 1.3). */
export interface Capabilities {
  /** WordApi 1.4: comments, Document.settings, changeTrackingMode. */
  wordApi14: boolean;
  /** WordApi 1.9: dropdown-list content controls. */
  wordApi19: boolean;
}

/** Everything the task pane asks of Word. The implementation in ./gateway.ts is the only code that calls Word.run. */
export interface WordGateway {
  /** Reads the whole document into a snapshot in one context.sync(). */
  scan(): Promise<DocumentSnapshot>;
  /** Puts the cursor in the cell or paragraph (at most two syncs). */
  select(location: Location): Promise<void>;
  capabilities(): Capabilities;
  /** Whether the pane opens by itself with this document (Office.AutoShowTaskpaneWithDocument). */
  getAutoOpen(): boolean;
  setAutoOpen(on: boolean): Promise<void>;
  /**
   * Applies an edit plan in at most two syncs. When the document no longer holds what the plan
   * expects, nothing is written and a WordError with code "DocumentChanged" is thrown; a plan that
   * needs a requirement set the host lacks (dropdowns 1.9, comments 1.4) is refused with "ApiNotFound"
   * before anything is sent to Word.
   */
  apply(plan: Plan): Promise<void>;
  /** Where the cursor is, as a snapshot location (a paragraph in a table is its cell); one sync. */
  cursor(): Promise<Location | null>;
  /** A document setting (Office.context.document.settings), or null when unset. */
  readSetting(key: string): unknown;
  /** Sets a document setting and saves it into the document. */
  saveSetting(key: string, value: unknown): Promise<void>;
}

/** A failure talking to Word, with a message fit to show the user. */
export class WordError extends Error {
  constructor(
    message: string,
    /** The Office error code when there was one, e.g. "ItemNotFound". */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = "WordError";
  }
}
