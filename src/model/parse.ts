import type { DocumentSnapshot } from "./snapshot";
import type { MonitoringDocument } from "./types";

export function parse(_snapshot: DocumentSnapshot): MonitoringDocument {
  throw new Error("parse: not written yet");
}
