import type { DocumentSnapshot, Location } from "../model/snapshot";
import { SimRequestContext, type SimWordState, isSetSupported } from "./context";
import { type SimDocument, documentFromSnapshot } from "./document";
import { SimErrorCodes, SimOfficeError } from "./errors";

export interface SimulatedWordOptions {
  /** Requirement sets the host supports, highest version of each, e.g. { WordApi: "1.9" }. Default WordApi 1.9. */
  requirementSets?: Record<string, string>;
  /** Office.context.platform and what Office.onReady reports. Default "OfficeOnline". */
  platform?: "OfficeOnline" | "PC" | "Mac" | "iOS";
  /** Office.context.document.settings as saved in the document before the add-in opens. */
  settings?: Record<string, unknown>;
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
  /** Puts the cursor in a cell or paragraph, as the user clicking there does (the preview, tests). */
  placeCursor(location: Location): void;
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
}

const WORD_ENUMS = {
  InsertLocation: { before: "Before", after: "After", start: "Start", end: "End", replace: "Replace" },
  RangeLocation: { whole: "Whole", start: "Start", end: "End", before: "Before", after: "After", content: "Content" },
  SelectionMode: { select: "Select", start: "Start", end: "End" },
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
  let selection: Location | null = null;
  const state: SimWordState = {
    document: isSnapshot(source) ? documentFromSnapshot(source) : source,
    requirementSets: { ...(options.requirementSets ?? { WordApi: "1.9" }) },
    syncCount: 0,
    runCount: 0,
    pendingFailure: null,
    setSelection(location) {
      selection = location;
      for (const listener of listeners) listener(location);
    },
  };
  const platform = options.platform ?? "OfficeOnline";
  const settings = new Map<string, unknown>(Object.entries(options.settings ?? {}));
  let saved: Record<string, unknown> = { ...(options.settings ?? {}) };
  let saveFailure: string | null = null;

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
        settings: {
          get: (name: string): unknown => (settings.has(name) ? settings.get(name) : null),
          set: (name: string, value: unknown): void => void settings.set(name, value),
          remove: (name: string): void => void settings.delete(name),
          saveAsync(...args: unknown[]): void {
            const callback = args.find((a): a is (result: unknown) => void => typeof a === "function");
            const failure = saveFailure;
            if (failure === null) saved = Object.fromEntries(settings);
            // Office calls back asynchronously, after the request to the host returns.
            setTimeout(() =>
              callback?.(
                failure === null
                  ? { status: "succeeded", value: undefined }
                  : { status: "failed", value: undefined, error: { name: "Save failed", message: failure, code: 5001 } },
              ),
            );
          },
        },
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
    placeCursor(location) {
      state.setSelection(location);
    },
    onSelectionChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    get savedSettings() {
      return saved;
    },
    resetCounters() {
      state.syncCount = 0;
      state.runCount = 0;
    },
    failNextSync(code, message = `Simulated ${code}.`) {
      state.pendingFailure = new SimOfficeError(code, message);
    },
    failSettingsSave(message) {
      saveFailure = message;
    },
    uninstall() {
      for (const [name, descriptor] of previous) {
        if (descriptor) Object.defineProperty(globals, name, descriptor);
        else delete globals[name];
      }
    },
  };
}
