import { useCallback, useState } from "react";
import type { Location } from "../../model/snapshot";
import type { WordGateway } from "../../word/gateway-types";
import type { Planners } from "./planners";
import type { DocumentSnapshot } from "../../model/snapshot";
import { writeFailure } from "./useWrite";

/** Where Word's cursor was when last asked, and the recommendation holding it. */
export type CursorState =
  | { status: "unknown" }
  | { status: "reading" }
  | { status: "found"; recommendation: string; location: Location }
  | { status: "outside"; location: Location | null }
  | { status: "failed"; message: string };

export const OUTSIDE_MESSAGE =
  "The cursor is not in a recommendation. Click in one of the recommendation's rows in the document, then choose Find the cursor.";

/** Asks Word where the cursor is (one sync) and which recommendation holds it, by the last check's snapshot. */
export function useCursor(
  gateway: WordGateway,
  snapshot: DocumentSnapshot,
  planners: Planners,
): { cursor: CursorState; find: () => Promise<CursorState> } {
  const [cursor, setCursor] = useState<CursorState>({ status: "unknown" });
  const find = useCallback(async (): Promise<CursorState> => {
    setCursor({ status: "reading" });
    let next: CursorState;
    try {
      const location = await gateway.cursor();
      const recommendation = location ? planners.recommendationAt(snapshot, location) : null;
      next = recommendation && location ? { status: "found", recommendation, location } : { status: "outside", location };
    } catch (error) {
      next = { status: "failed", message: writeFailure(error) };
    }
    setCursor(next);
    return next;
  }, [gateway, snapshot, planners]);
  return { cursor, find };
}
