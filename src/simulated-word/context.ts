import type { Location } from "../model/snapshot";
import type { SimDocument } from "./document";
import { SimErrorCodes, SimOfficeError } from "./errors";
import { isSetSupported } from "./requirements";
import { SimWordDocument } from "./objects";

/**
 * One queued instruction. `execute` runs during sync(), in queue order, and may change the
 * document (writes) or read it (loads); what it returns runs only once the whole batch has
 * succeeded, which is when loaded values become readable.
 */
export interface SimCommand {
  execute(): (() => void) | void;
}

/** State shared by every request context of one simulated Word installation. */
export interface SimWordState {
  document: SimDocument;
  requirementSets: Readonly<Record<string, string>>;
  syncCount: number;
  runCount: number;
  /** A failure to raise on the next sync instead of running it (tests of error handling). */
  pendingFailure: SimOfficeError | null;
  /** Where the cursor is (null: the start of the document). */
  readonly selection: Location | null;
  setSelection(location: Location): void;
  /** Document.changeTrackingMode (WordApi 1.4). */
  changeTrackingMode: "Off" | "TrackAll" | "TrackMineOnly";
  /** A new content control or comment id. */
  nextId(): number;
}

export { isSetSupported, versionAtLeast } from "./requirements";

/** Like Word.RequestContext: proxies queue commands here; sync() runs them as one batch. */
export class SimRequestContext {
  readonly document: SimWordDocument;
  /** Office keeps objects alive across syncs through this; nothing here can go stale, so it only records. */
  readonly trackedObjects = {
    add: (_object: unknown): void => {},
    remove: (_object: unknown): void => {},
  };
  private queue: SimCommand[] = [];
  private closed = false;
  /** Syncs made through this context. */
  syncCount = 0;
  /** What one command computes once for many items (set only while it runs, when nothing changes the document). */
  private memo: Map<string, unknown> | null = null;

  constructor(readonly state: SimWordState) {
    this.document = new SimWordDocument(this);
  }

  enqueue(command: SimCommand): void {
    if (this.closed) {
      throw new SimOfficeError(
        SimErrorCodes.invalidRequestContext,
        "Cannot use the object across different request contexts.",
      );
    }
    this.queue.push(command);
  }

  /** Queues a failure for a member the host does not support, as Word reports ApiNotFound at sync. */
  requireApi(setName: string, version: string, member: string): void {
    if (isSetSupported(this.state, setName, version)) return;
    this.enqueue({
      execute: () => {
        throw new SimOfficeError(
          SimErrorCodes.apiNotFound,
          `The API you are trying to use could not be found. It may be available in a newer version of Word. (${member} needs ${setName} ${version})`,
          member,
        );
      },
    });
  }

  /** Runs `read` with `memoized` computing each key once (for a load over a collection's items). */
  readingAll<R>(read: () => R): R {
    this.memo = new Map();
    try {
      return read();
    } finally {
      this.memo = null;
    }
  }

  memoized<V>(key: string, compute: () => V): V {
    if (!this.memo) return compute();
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as V;
  }

  get hasPendingCommands(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    const commands = this.queue;
    this.queue = [];
    this.syncCount++;
    this.state.syncCount++;
    await Promise.resolve(); // a real round trip never completes synchronously
    const failure = this.state.pendingFailure;
    if (failure) {
      this.state.pendingFailure = null;
      throw failure;
    }
    const fulfilments: (() => void)[] = [];
    // Like Word, a failing command ends the batch; commands before it have already taken effect.
    for (const command of commands) {
      const fulfil = command.execute();
      if (fulfil) fulfilments.push(fulfil);
    }
    for (const fulfil of fulfilments) fulfil();
  }

  /** Called by Word.run when the batch is over: proxies from this context can no longer queue work. */
  close(): void {
    this.closed = true;
  }
}
