/** Whether the pane can talk to Word: Office.js loaded, and we are inside Word. */
export type Readiness = { kind: "ready" } | { kind: "no-office" } | { kind: "not-word"; host: string | null };

/** How long to wait for Office.js before saying it could not be loaded. */
export const OFFICE_TIMEOUT_MS = 5000;
const POLL_MS = 250;

function officeLoaded(): boolean {
  return typeof Office !== "undefined" && typeof Office.onReady === "function";
}

/**
 * Waits for Office.onReady. Office.js comes from Microsoft's CDN, which council networks sometimes
 * block: then `Office` never appears or onReady never resolves, so we give up after `timeoutMs`
 * rather than leave a blank pane.
 */
export function waitForOffice(timeoutMs = OFFICE_TIMEOUT_MS): Promise<Readiness> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (readiness: Readiness): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(poll);
      resolve(readiness);
    };
    const timer = setTimeout(() => finish({ kind: "no-office" }), timeoutMs);
    const listen = (): void => {
      clearInterval(poll);
      Office.onReady().then(
        (info) => {
          // Office.HostType.Word is the string "Word"; comparing the string spares a fake Office the enum.
          const host = info?.host ? String(info.host) : null;
          finish(host === "Word" ? { kind: "ready" } : { kind: "not-word", host });
        },
        () => finish({ kind: "no-office" }),
      );
    };
    // Office.js may still be arriving when the bundle runs (an async script tag); look again shortly.
    const poll = setInterval(() => {
      if (officeLoaded()) listen();
    }, POLL_MS);
    if (officeLoaded()) listen();
  });
}
