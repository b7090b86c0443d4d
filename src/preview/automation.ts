import type { DocumentSnapshot, Location } from "../model/snapshot";

/**
 * The preview's automation surface, for scripts and the browser tests (documented in the README):
 * `window.scrutinyPreview.snapshot()` is the simulated document as it is now, and `placeCursor(location)`
 * puts the simulated Word's cursor in a cell or paragraph, as clicking there does.
 */
export interface ScrutinyPreview {
  snapshot(): DocumentSnapshot;
  placeCursor(location: Location): void;
  /** The WordApi version the simulated Word supports now: "1.3", "1.4" or "1.9". */
  wordApi(): string;
}

declare global {
  interface Window {
    scrutinyPreview?: ScrutinyPreview;
  }
}

/** Publishes the surface on window; returns a function that takes it away again. */
export function publishAutomation(surface: ScrutinyPreview): () => void {
  window.scrutinyPreview = surface;
  return () => {
    if (window.scrutinyPreview === surface) delete window.scrutinyPreview;
  };
}
