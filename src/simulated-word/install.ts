import type { DocumentSnapshot, Location } from "../model/snapshot";
import { SimRequestContext, type SimWordState, isSetSupported } from "./context";
import {
  type SimDocument,
  type SimTable,
  cellLocation,
  cellOfParagraph,
  controlsIn,
  documentFromSnapshot,
  joinWithPrevious,
  paragraphIndex,
  resolveLocation,
  typeInParagraph,
} from "./document";
import { chooseItem, commentLocation, liveComments } from "./controls";
import { SimErrorCodes, SimOfficeError } from "./errors";
import { createSettings } from "./settings";

export interface SimulatedWordOptions {
  /** Requirement sets the host supports, highest version of each, e.g. { WordApi: "1.9" }. Default WordApi 1.9. */
  requirementSets?: Record<string, string>;
  /** Office.context.platform and what Office.onReady reports. Default "OfficeOnline". */
  platform?: "OfficeOnline" | "PC" | "Mac" | "iOS";
  /** Office.context.document.settings as saved in the document before the add-in opens. */
  settings?: Record<string, unknown>;
  /** The document tracks changes (Document.changeTrackingMode "TrackAll"); default off. */
  trackingChanges?: boolean;
  /** Review comments already in the document (someone else's, say), on cells or paragraphs. */
  comments?: { text: string; location: Location; author?: string }[];
}

/** A review comment as the preview shows it. */
export interface SimulatedComment {
  id: string;
  text: string;
  author: string;
  /** The cell or paragraph it is on. */
  location: Location | null;
}

/** A content control as the preview shows it: a dropdown in a cell, or the control wrapping a table. */
export interface SimulatedControl {
  id: number;
  tag: string;
  title: string;
  type: string;
  placeholderText: string;
  items: string[];
  /** The chosen item's text, or null. */
  selected: string | null;
  /** Inline controls: the cell or paragraph they start. */
  location: Location | null;
  /** Controls wrapping a table: its index among top-level tables. */
  table: number | null;
}

export type SelectionListener = (location: Location | null) => void;

/** What installSimulatedWord returns: the test's (or the preview's) view from outside Word. */
export interface SimulatedWord {
  /** The in-memory document (mutable; read it, e.g. with snapshotOfDocument, to render it). */
  readonly document: SimDocument;
  /** context.sync() calls since install or the last resetCounters(), over every Word.run. */
  readonly syncCount: number;
  /** Word.run calls since install or the last resetCounters(). */
  readonly runCount: number;
  /** Where the add-in last put the selection, as a snapshot location; null until it does. */
  readonly selection: Location | null;
  /** Calls the listener whenever a synced select() moves the selection; returns an unsubscribe function. */
  onSelectionChange(listener: SelectionListener): () => void;
  /** The settings as last saved with saveAsync (what the document would carry). */
  readonly savedSettings: Readonly<Record<string, unknown>>;
  resetCounters(): void;
  /** Makes the next sync fail with this Office error code (and message), without running its batch. */
  failNextSync(code: string, message?: string): void;
  /** Makes settings.saveAsync report failure until cleared with null. */
  failSettingsSave(message: string | null): void;
  /** Removes the globals this installed, restoring what was there before. */
  uninstall(): void;
  /** The document's review comments, in the order they were added. */
  comments(): SimulatedComment[];
  /** The document's content controls in document order. */
  contentControls(): SimulatedControl[];
  /** Puts the cursor at a cell or paragraph, as the user clicking there would (listeners are told). */
  placeCursor(location: Location): void;
  /** Chooses a dropdown's item as the user would in Word (the preview's dropdowns call this). */
  chooseItem(controlId: number, displayText: string): void;
  /**
   * The user typing in a paragraph (its index in body.paragraphs), as the preview's editable cells do: `typed`
   * becomes what follows its content control, if any; each line end starts a new paragraph after it, as Enter does.
   * Plans made before then find the text changed (DocumentChanged), as in Word.
   */
  typeText(paragraph: number, typed: string): void;
  /** Backspace at the start of a paragraph: it joins the one before it in its cell; null when Word would not join. */
  joinWithPrevious(paragraph: number): { paragraph: number; at: number } | null;
  /** Document.changeTrackingMode: "Off", "TrackAll" or "TrackMineOnly". */
  readonly changeTrackingMode: string;
}

const WORD_ENUMS = {
  InsertLocation: { before: "Before", after: "After", start: "Start", end: "End", replace: "Replace" },
  RangeLocation: { whole: "Whole", start: "Start", end: "End", before: "Before", after: "After", content: "Content" },
  SelectionMode: { select: "Select", start: "Start", end: "End" },
  ContentControlType: {
    richText: "RichText",
    plainText: "PlainText",
    checkBox: "CheckBox",
    dropDownList: "DropDownList",
    comboBox: "ComboBox",
  },
  ContentControlAppearance: { boundingBox: "BoundingBox", tags: "Tags", hidden: "Hidden" },
  ChangeTrackingMode: { off: "Off", trackAll: "TrackAll", trackMineOnly: "TrackMineOnly" },
  ErrorCodes: {
    accessDenied: "AccessDenied",
    generalException: "GeneralException",
    invalidArgument: "InvalidArgument",
    itemNotFound: "ItemNotFound",
    notAllowed: "NotAllowed",
    notImplemented: "NotImplemented",
  },
};

/** Snapshot blocks carry locations; the in-memory document's do not (an empty one is the same either way). */
function isSnapshot(source: DocumentSnapshot | SimDocument): source is DocumentSnapshot {
  return source.blocks.some((block) => "location" in block || "index" in block);
}

const GLOBALS = ["Word", "Office", "OfficeExtension"] as const;

/**
 * Installs a simulated Word holding the document (a snapshot, or an in-memory document built
 * with the helpers in ./document, e.g. one with nested tables) as globalThis.Word (run and the enums
 * the gateway uses), a minimal globalThis.Office (requirements, document settings, onReady) and
 * globalThis.OfficeExtension (Error, ErrorCodes).
 */
export function installSimulatedWord(
  source: DocumentSnapshot | SimDocument,
  options: SimulatedWordOptions = {},
): SimulatedWord {
  const listeners = new Set<SelectionListener>();
  let lastId = 0;
  let selection: Location | null = null;
  const state: SimWordState = {
    document: isSnapshot(source) ? documentFromSnapshot(source) : source,
    requirementSets: { ...(options.requirementSets ?? { WordApi: "1.9" }) },
    syncCount: 0,
    runCount: 0,
    pendingFailure: null,
    changeTrackingMode: options.trackingChanges ? "TrackAll" : "Off",
    nextId: () => ++lastId,
    get selection() {
      return selection;
    },
    setSelection(location) {
      selection = location;
      for (const listener of listeners) listener(location);
    },
  };
  for (const comment of options.comments ?? []) {
    const target = resolveLocation(state.document, comment.location);
    if (!target) throw new Error(`No ${comment.location.kind} at ${JSON.stringify(comment.location)} for a comment.`);
    const anchor = "kind" in target ? { paragraph: target } : { cell: target };
    (state.document.comments ??= []).push({
      id: `{comment-${state.nextId()}}`,
      content: comment.text,
      authorName: comment.author ?? "A. Colleague",
      resolved: false,
      anchor,
    });
  }
  const platform = options.platform ?? "OfficeOnline";
  const settings = createSettings(options.settings);

  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1];
    if (typeof batch !== "function") {
      throw new SimOfficeError(SimErrorCodes.invalidArgument, "Word.run needs a batch function.");
    }
    if (args.length > 1) throw new Error("The simulated Word supports only Word.run(batch).");
    state.runCount++;
    const context = new SimRequestContext(state);
    try {
      const pending = (batch as (context: unknown) => unknown)(context);
      if (typeof (pending as { then?: unknown } | null)?.then !== "function") {
        throw new SimOfficeError("RunMustReturnPromise", "The batch function passed to the \".run\" method didn't return a promise.");
      }
      const result = (await pending) as T;
      // Office.js syncs once more after the batch when commands are still queued.
      if (context.hasPendingCommands) await context.sync();
      return result;
    } finally {
      context.close();
    }
  }

  const word = { run, ...WORD_ENUMS };
  const office = {
    HostType: { Word: "Word", Excel: "Excel", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: "Word", platform };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      host: "Word",
      platform,
      requirements: {
        isSetSupported: (name: string, minVersion?: string | number) =>
          isSetSupported(state, name, minVersion === undefined ? undefined : String(minVersion)),
      },
      document: {
        settings: settings.api,
      },
    },
  };
  const officeExtension = { Error: SimOfficeError, ErrorCodes: SimErrorCodes };

  const globals = globalThis as unknown as Record<string, unknown>;
  const previous = GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(globals, name)] as const);
  globals.Word = word;
  globals.Office = office;
  globals.OfficeExtension = officeExtension;

  return {
    document: state.document,
    get syncCount() {
      return state.syncCount;
    },
    get runCount() {
      return state.runCount;
    },
    get selection() {
      return selection;
    },
    onSelectionChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    get savedSettings() {
      return settings.saved();
    },
    resetCounters() {
      state.syncCount = 0;
      state.runCount = 0;
    },
    failNextSync(code, message = `Simulated ${code}.`) {
      state.pendingFailure = new SimOfficeError(code, message);
    },
    failSettingsSave(message) {
      settings.failSaves(message);
    },
    comments() {
      const view = { state };
      return liveComments({ state } as never, null).map((c) => ({
        id: c.id,
        text: c.content,
        author: c.authorName,
        location: commentLocation(view, c),
      }));
    },
    contentControls() {
      const document = state.document;
      const tables = document.blocks.filter((b): b is SimTable => b.kind === "table");
      return controlsIn(document.blocks).map(({ control, host }) => {
        let location: Location | null = null;
        if (host.kind === "paragraph") {
          const holder = cellOfParagraph(document, host);
          const index = paragraphIndex(document, host);
          location = holder ? cellLocation(document, holder) : index >= 0 ? { kind: "paragraph", paragraph: index } : null;
        }
        return {
          id: control.id,
          tag: control.tag,
          title: control.title,
          type: control.type,
          placeholderText: control.placeholderText,
          items: control.listItems.map((i) => i.displayText),
          selected: control.selected === null ? null : (control.listItems[control.selected]?.displayText ?? null),
          location,
          table: host.kind === "table" ? tables.indexOf(host) : null,
        };
      });
    },
    placeCursor(location) {
      if (!resolveLocation(state.document, location)) throw new Error(`No ${location.kind} at ${JSON.stringify(location)}.`);
      state.setSelection(location);
    },
    chooseItem(controlId, displayText) {
      const found = controlsIn(state.document.blocks).find((c) => c.control.id === controlId);
      const index = found ? found.control.listItems.findIndex((i) => i.displayText === displayText) : -1;
      if (!found || index < 0) throw new Error(`No content control ${controlId} with an item "${displayText}".`);
      chooseItem(found, index);
    },
    typeText(paragraph, typed) {
      if (!typeInParagraph(state.document, paragraph, typed)) throw new Error(`No paragraph ${paragraph} to type in.`);
    },
    joinWithPrevious(paragraph) {
      return joinWithPrevious(state.document, paragraph);
    },
    get changeTrackingMode() {
      return state.changeTrackingMode;
    },
    uninstall() {
      for (const [name, descriptor] of previous) {
        if (descriptor) Object.defineProperty(globals, name, descriptor);
        else delete globals[name];
      }
    },
  };
}
