import type { MonitoringDocument, Totals } from "./types";

export function totals(_document: MonitoringDocument): Totals {
  throw new Error("totals: not written yet");
}
