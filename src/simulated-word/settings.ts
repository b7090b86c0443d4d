/**
 * Office.context.document.settings, as Office keeps them: an in-memory property bag per add-in and document,
 * written into the document only by saveAsync, each value kept as its JSON text. So a value must be
 * JSON-serialisable, `get` returns what the JSON holds (a copy: changing it changes no setting), and what
 * saveAsync saved is what the document would carry when it is opened again.
 */

/** Office's limit on one add-in's settings in a document. */
export const SETTINGS_LIMIT_BYTES = 2 * 1024 * 1024;

/** The JSON text of a setting's value, or an error saying why it cannot be one. */
function serialise(name: string, value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new TypeError(`The setting "${name}" cannot be saved: ${error instanceof Error ? error.message : String(error)}.`);
  }
  if (text === undefined) throw new TypeError(`The setting "${name}" cannot be saved: its value (${typeof value}) has no JSON form.`);
  return text;
}

function parseAll(texts: ReadonlyMap<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, text] of texts) out[name] = JSON.parse(text) as unknown;
  return out;
}

/** UTF-8 bytes of a string (by hand: TextEncoder is missing from some test environments). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one code point of four bytes
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The settings' size in UTF-8 bytes, names and JSON texts together. */
function sizeOf(texts: ReadonlyMap<string, string>): number {
  let bytes = 0;
  for (const [name, text] of texts) bytes += utf8Length(name) + utf8Length(text);
  return bytes;
}

interface AsyncResultLike {
  status: "succeeded" | "failed";
  value: undefined;
  asyncContext?: unknown;
  error?: { name: string; message: string; code: number };
}

export interface SimSettings {
  /** The object installed as Office.context.document.settings. */
  readonly api: {
    get(name: string): unknown;
    set(name: string, value: unknown): void;
    remove(name: string): void;
    saveAsync(...args: unknown[]): void;
  };
  /** What the document carries: the settings as last saved, read back from their JSON. */
  saved(): Record<string, unknown>;
  /** Makes saveAsync fail with this message until cleared with null. */
  failSaves(message: string | null): void;
}

function checkName(name: unknown): asserts name is string {
  if (typeof name !== "string") throw new TypeError("A setting's name is a string.");
}

export function createSettings(initial: Record<string, unknown> = {}): SimSettings {
  const current = new Map<string, string>();
  for (const [name, value] of Object.entries(initial)) current.set(name, serialise(name, value));
  let saved = new Map(current);
  let failure: string | null = null;

  const api: SimSettings["api"] = {
    get(name) {
      checkName(name);
      const text = current.get(name);
      return text === undefined ? null : (JSON.parse(text) as unknown);
    },
    set(name, value) {
      checkName(name);
      current.set(name, serialise(name, value));
    },
    remove(name) {
      checkName(name);
      current.delete(name);
    },
    // saveAsync([options], [callback]): options.asyncContext comes back in the result.
    saveAsync(...args) {
      const callback = args.find((a): a is (result: AsyncResultLike) => void => typeof a === "function");
      const options = args.find((a): a is { asyncContext?: unknown } => typeof a === "object" && a !== null);
      const refusal = failure ?? (sizeOf(current) > SETTINGS_LIMIT_BYTES ? "The settings are larger than the 2 MB Office keeps for an add-in." : null);
      if (refusal === null) saved = new Map(current);
      const result: AsyncResultLike =
        refusal === null
          ? { status: "succeeded", value: undefined }
          : { status: "failed", value: undefined, error: { name: "Save failed", message: refusal, code: 5001 } };
      if (options && "asyncContext" in options) result.asyncContext = options.asyncContext;
      // Office calls back asynchronously, after the request to the host returns.
      setTimeout(() => callback?.(result));
    },
  };

  return {
    api,
    saved: () => parseAll(saved),
    failSaves(message) {
      failure = message;
    },
  };
}
