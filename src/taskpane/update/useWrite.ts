import { useCallback, useRef, useState } from "react";
import type { Plan, PlanResult } from "../../model/plan";
import { WordError, type WordGateway } from "../../word/gateway-types";

/** What the last write did, for the one result line and the one MessageBar. */
export type WriteState =
  | { status: "idle" }
  | ({ source: string } & (
      | { status: "writing"; label: string }
      | { status: "done"; message: string; warning: string | null }
      /** The plan could not be made (the planner's reason): nothing was written. */
      | { status: "refused"; message: string }
      /** The document no longer matched the last check: nothing was written, and it has been checked again. */
      | { status: "changed"; message: string }
      | { status: "failed"; message: string }
    ));

export interface WriteRequest {
  /** Which part of the panel asked, so the outcome is shown beside it. */
  source: string;
  /** What the spinner says, e.g. "Adding the update…". */
  label: string;
  /** Makes the plan (it may ask Word where the cursor is first). */
  plan: () => PlanResult | Promise<PlanResult>;
  /** Runs once the plan is in the document, e.g. to remember what was added; a failure here is a warning. */
  after?: (plan: Plan) => Promise<void>;
  /** What a failure of `after` means for the officer, put before Word's message. */
  afterProblem?: string;
  /** The one-line result, e.g. "Added a November 2026 update to 7 recommendations". */
  done: (plan: Plan) => string;
}

export const CHANGED_NOTHING_WRITTEN =
  "The document changed after the last check, so nothing was written. It has been checked again: look at what the pane says now and try again.";

/** One sentence for the officer: Word's own message, or what went wrong. */
export function writeFailure(error: unknown): string {
  if (error instanceof WordError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `The change could not be made: ${detail}`;
}

function isDocumentChanged(error: unknown): boolean {
  return error instanceof WordError && error.code === "DocumentChanged";
}

/**
 * Plan → gateway.apply → re-check: one write at a time. Every outcome ends in a re-check except a refused
 * plan (nothing was asked of Word), so the pane always shows what the document holds.
 */
export function useWrite(gateway: WordGateway, recheck: () => Promise<void>): {
  state: WriteState;
  write: (request: WriteRequest) => Promise<void>;
  clear: () => void;
} {
  const [state, setState] = useState<WriteState>({ status: "idle" });
  const running = useRef(false);

  const write = useCallback(
    async (request: WriteRequest) => {
      if (running.current) return;
      running.current = true;
      const { source } = request;
      setState({ source, status: "writing", label: request.label });
      try {
        let result: PlanResult;
        try {
          result = await request.plan();
        } catch (error) {
          if (!(error instanceof WordError)) console.error(error);
          setState({ source, status: "failed", message: writeFailure(error) });
          return;
        }
        if (!result.ok) {
          setState({ source, status: "refused", message: result.reason });
          return;
        }
        const { plan } = result;
        try {
          await gateway.apply(plan);
        } catch (error) {
          await recheck();
          if (isDocumentChanged(error)) setState({ source, status: "changed", message: CHANGED_NOTHING_WRITTEN });
          else {
            if (!(error instanceof WordError)) console.error(error);
            setState({ source, status: "failed", message: writeFailure(error) });
          }
          return;
        }
        let warning: string | null = null;
        try {
          await request.after?.(plan);
        } catch (error) {
          warning = [request.afterProblem, writeFailure(error)].filter(Boolean).join(" ");
        }
        await recheck();
        setState({ source, status: "done", message: request.done(plan), warning });
      } finally {
        running.current = false;
      }
    },
    [gateway, recheck],
  );

  const clear = useCallback(() => setState({ status: "idle" }), []);
  return { state, write, clear };
}
