import { useCallback, useRef, useState } from "react";
import type { Analysis, DocumentSnapshot } from "../model";
import { WordError, type WordGateway } from "../word/gateway-types";

export type Analyse = (snapshot: DocumentSnapshot) => Analysis;

let engine: Promise<Analyse> | null = null;

/** The engine, loaded on demand (its own chunk, which the first screen does not need); loaded once. */
export function loadEngine(): Promise<Analyse> {
  engine ??= import("../model/analyse").then((m) => m.analyse);
  // A failed load (a dropped connection) is tried again on the next check.
  engine.catch(() => (engine = null));
  return engine;
}

export interface CheckResult {
  analysis: Analysis;
  /** What the check read: the Update tab plans its writes from it. */
  snapshot: DocumentSnapshot;
  checkedAt: Date;
}

/** Results stay on screen while a re-check runs and after one fails, so nothing jumps away. */
export type CheckState =
  | { status: "idle" }
  | { status: "checking"; last: CheckResult | null }
  | { status: "done"; last: CheckResult }
  | { status: "error"; message: string; last: CheckResult | null };

/** Turns any failure into one sentence for the officer. */
export function failureMessage(error: unknown): string {
  if (error instanceof WordError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `The check could not finish: ${detail}`;
}

/**
 * Check → list → re-check: reads the document through the gateway in one scan, analyses the
 * snapshot, and remembers when. A failure becomes one message (shown in one MessageBar).
 */
const systemClock = (): Date => new Date();

export function useCheck(
  gateway: WordGateway,
  analyse?: Analyse,
  now: () => Date = systemClock,
): { state: CheckState; check: () => Promise<void> } {
  const [state, setState] = useState<CheckState>({ status: "idle" });
  const run = useRef(0);
  const last = useRef<CheckResult | null>(null);

  const check = useCallback(async () => {
    const id = ++run.current;
    setState({ status: "checking", last: last.current });
    try {
      const snapshot = await gateway.scan();
      const engine = analyse ?? (await loadEngine());
      const result = { analysis: engine(snapshot), snapshot, checkedAt: now() };
      if (id !== run.current) return; // a later check has started; its result wins
      last.current = result;
      setState({ status: "done", last: result });
    } catch (error) {
      if (id !== run.current) return;
      if (!(error instanceof WordError)) console.error(error);
      setState({ status: "error", message: failureMessage(error), last: last.current });
    }
  }, [gateway, analyse, now]);

  return { state, check };
}
