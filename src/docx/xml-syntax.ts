/**
 * The character classes and patterns of the tokenizer (xml-scan.ts), for XML 1.0 (5th edition) and for
 * a document declaring another 1.x version, which saxes, the tokenizer this one replaced, read by XML
 * 1.1's character rules (NEL and LS are line ends, C1 controls are refused raw, &#1; is a character).
 * Every pattern is a chain of classes that do not overlap where they meet, so none backtracks more
 * than linearly.
 */

const NAME_START = ":A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}";
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NAME = `[${NAME_START}][${NAME_CHAR}]*`;
/** A name of ASCII characters only: what nearly every tag of a Word document has. */
const ASCII_NAME = "[:A-Z_a-z][:A-Z_a-z\\-.0-9]*";

export interface Syntax {
  readonly xml10: boolean;
  /** A start tag (its name, attributes and `/>` or `>`). */
  readonly startTag: RegExp;
  /**
   * The same for a tag whose names are ASCII, tried first: without the `u` flag and the Unicode name
   * classes, matching 1 MB of tags took a third less time cold (3.5–3.8 ms against 5.2–5.7). Where it
   * matches, so does startTag, to the same end (a name it reads is followed by what ends a name in
   * either); where it does not, startTag decides.
   */
  readonly asciiStartTag: RegExp;
  /** What ends a name in a tag already matched: white space, `/` or `>`. */
  readonly nameEnd: RegExp;
  /** Text that is a start tag cut short by the end of what has arrived (anchored at the end). */
  readonly startTagPrefix: RegExp;
  readonly endTag: RegExp;
  /** endTag for an ASCII name, tried first (as asciiStartTag). */
  readonly asciiEndTag: RegExp;
  readonly endTagPrefix: RegExp;
  /** `<?target`, the target a Name. */
  readonly piTarget: RegExp;
  /** A character that is not one (or is a lone surrogate), searched for in each piece before it is scanned. */
  readonly badChar: RegExp;
  /** What sends text down the slow path: `]]>`, a reference or a line end to normalise. */
  readonly unusualText: RegExp;
  /** Only white space (outside the root element). */
  readonly spaces: RegExp;
  /** Whether text holds a line end to normalise, and the normalising pattern (to LF; to a space in attribute values). */
  readonly lineEnd: RegExp;
  readonly lineEnds: RegExp;
  readonly valueSpaces: RegExp;
  isSpace(code: number): boolean;
  /** Whether a character reference may denote `code`. */
  isChar(code: number): boolean;
}

function syntax(xml10: boolean): Syntax {
  const space = xml10 ? "[ \\t\\r\\n]" : "[ \\t\\r\\n\\x85\\u2028]";
  const bad = xml10
    ? "\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uD800-\\uDFFF\\uFFFE\\uFFFF"
    : "\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x84\\x86-\\x9F\\uD800-\\uDFFF\\uFFFE\\uFFFF";
  // Characters that are not are found before any token is read (see badChar).
  const value = `(?:"[^<"]*"|'[^<']*')`;
  const attributes = `(?:${space}+${NAME}${space}*=${space}*${value})*`;
  const asciiAttributes = `(?:${space}+${ASCII_NAME}${space}*=${space}*${value})*`;
  const partialAttribute = `${space}+(?:${NAME}(?:${space}*(?:=${space}*(?:"[^<"]*|'[^<']*)?)?)?)?`;
  return {
    xml10,
    startTag: new RegExp(`<${NAME}${attributes}${space}*/?>`, "uy"),
    asciiStartTag: new RegExp(`<${ASCII_NAME}${asciiAttributes}${space}*/?>`, "y"),
    nameEnd: new RegExp(`${space}|[/>]`, "g"),
    startTagPrefix: new RegExp(`<(?:${NAME}${attributes}(?:${space}*/|${partialAttribute})?)?$`, "uy"),
    endTag: new RegExp(`</${NAME}${space}*>`, "uy"),
    asciiEndTag: new RegExp(`</${ASCII_NAME}${space}*>`, "y"),
    endTagPrefix: new RegExp(`</(?:${NAME}${space}*)?$`, "uy"),
    // eslint-disable-next-line no-misleading-character-class -- XML's Name ranges (combining marks, joiners) as escapes, meant as ranges
    piTarget: new RegExp(`<\\?(${NAME})`, "uy"),
    badChar: new RegExp(`[${bad}]`, "gu"),
    unusualText: xml10 ? /[&\r]|\]\]>/ : /[&\r\x85\u2028]|\]\]>/,
    spaces: new RegExp(`^${space}*$`, "u"),
    lineEnd: xml10 ? /\r/ : /[\r\x85\u2028]/,
    lineEnds: xml10 ? /\r\n?/g : /\r[\n\x85]?|[\x85\u2028]/g,
    valueSpaces: xml10 ? /\r\n|[\t\n\r]/g : /\r[\n\x85]|[\t\n\r\x85\u2028]/g,
    isSpace: xml10
      ? (code) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d
      : (code) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x85 || code === 0x2028,
    isChar: xml10
      ? (code) => code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
      : (code) => (code >= 0x01 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff),
  };
}

export const XML_10 = syntax(true);
export const XML_11 = syntax(false);

/**
 * The XML declaration, from `<?xml` to its `?>`: the version (which picks the syntax of what
 * follows it, the rest of the declaration included), then optionally the encoding and standalone.
 */
export const DECLARATION_VERSION = /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"(1\.[0-9]+)"|'(1\.[0-9]+)')/y;

export function declarationRest(syntax: Syntax): RegExp {
  const s = syntax.xml10 ? "[ \\t\\r\\n]" : "[ \\t\\r\\n\\x85\\u2028]";
  return new RegExp(
    `(?:${s}+encoding${s}*=${s}*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:${s}+standalone${s}*=${s}*(?:"(?:yes|no)"|'(?:yes|no)'))?${s}*\\?>`,
    "y",
  );
}

/** A reference: the five predefined entities and character references, or a bare `&`, which is an error. */
export const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));|&/g;
const PREDEFINED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** An `&` that does not begin a reference (the lookahead reads only what follows that one `&`). */
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;

/** `text` with its references replaced; undefined if one is not well-formed. */
export function decodeReferences(text: string, syntax: Syntax): string | undefined {
  if (BARE_AMPERSAND.test(text)) return undefined;
  let bad = false;
  const decoded = text.replace(REFERENCE, (match, name: string | undefined, decimal: string | undefined, hex: string | undefined) => {
    if (name !== undefined) return PREDEFINED[name];
    const code = decimal !== undefined ? parseInt(decimal, 10) : hex !== undefined ? parseInt(hex, 16) : NaN;
    if (!syntax.isChar(code)) {
      bad = true;
      return match;
    }
    return String.fromCodePoint(code);
  });
  return bad ? undefined : decoded;
}
