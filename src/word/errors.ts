import { WordError } from "./gateway-types";

export const CHANGED_MESSAGE = "That part of the document has changed since the last check — re-check and try again";

/** Plain-English messages for the error codes Office.js (OfficeExtension.ErrorCodes, Word.ErrorCodes) reports. */
const MESSAGES: Record<string, string> = {
  ItemNotFound: CHANGED_MESSAGE,
  InvalidObjectPath: CHANGED_MESSAGE,
  InvalidReference: CHANGED_MESSAGE,
  GeneralException:
    "Word could not finish the request. Try again; if it keeps happening, save the document, close it and open it again.",
  AccessDenied:
    "Word did not let the add-in read or change this document. It may be read-only, protected, or open in a view that blocks add-ins.",
  NotAllowed:
    "Word does not allow that just now. The document may be protected, or in a mode (such as reading view) that blocks changes.",
  InvalidArgument: "Word rejected the request as invalid. This is a fault in the add-in: please report it.",
  InvalidRequestContext: "Word rejected the request as invalid. This is a fault in the add-in: please report it.",
  RequestPayloadSizeLimitExceeded:
    "The document is too large for Word to send to the add-in in one go. Try splitting it into smaller documents.",
  ResponsePayloadSizeLimitExceeded:
    "The document is too large for Word to send to the add-in in one go. Try splitting it into smaller documents.",
  ApiNotFound:
    "This version of Word does not support something the add-in needs. Update Office, or use Word on the web.",
  NotImplemented:
    "This version of Word does not support something the add-in needs. Update Office, or use Word on the web.",
  ConnectionFailure: "The add-in lost its connection to Word. Check your network connection and try again.",
  RequestAborted: "Word took too long to answer and the request was stopped. Try again.",
  ActivityLimitReached: "Word is busy with too many requests. Wait a moment and try again.",
};

function stringField(value: unknown, key: string): string | null {
  if (typeof value !== "object" || value === null) return null;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === "string" ? field : null;
}

function looksLikeNetworkFailure(message: string): boolean {
  return /failed to fetch|network|timed? ?out|timeout/i.test(message);
}

/**
 * Turns anything thrown while talking to Word into a WordError with a message fit to show the user.
 * OfficeExtension.Error is recognised by shape (a string `code`), so this works without the global.
 */
export function toWordError(error: unknown): WordError {
  if (error instanceof WordError) return error;
  const code = stringField(error, "code");
  const message = stringField(error, "message") ?? (typeof error === "string" ? error : "");
  if (code !== null && code in MESSAGES) return new WordError(MESSAGES[code]!, code);
  if (looksLikeNetworkFailure(message)) {
    return new WordError(
      /time/i.test(message) ? MESSAGES.RequestAborted! : MESSAGES.ConnectionFailure!,
      code ?? (/time/i.test(message) ? "RequestAborted" : "ConnectionFailure"),
    );
  }
  const detail = message ? ` (${message})` : "";
  return new WordError(`Word reported an unexpected problem${code ? ` [${code}]` : ""}${detail}. Try again.`, code);
}

export function notInWord(): WordError {
  return new WordError("Word is not available. Open this pane from the Scrutiny Monitoring button in Word.", "NoHost");
}

/** Said when a write finds the document no longer as the check read it: nothing was written. */
export const WRITE_CHANGED_MESSAGE =
  "The document has changed since it was last checked, so nothing was written. Check it again, then try again.";
