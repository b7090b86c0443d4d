import type { Finding, MonitoringDocument } from "./types";

export function check(_document: MonitoringDocument): Finding[] {
  throw new Error("check: not written yet");
}
