/**
 * The reader's tokenizer (src/docx/xml-scan.ts) takes time linear in its input, however hostile: a
 * start tag's pattern that backtracked, or a token cut short at every piece's end and tried again
 * from its start with every piece, would be quadratic on these 100,000-character inputs (seconds to
 * hours), not milliseconds. Each is fed whole and in small pieces (so that the tokens are cut short
 * over and over). The bound is generous: this machine's speed varies by 3×.
 */
import { DocxError } from "../../src/docx/errors";
import { XmlStream } from "../../src/docx/xml";

const LENGTH = 100_000;
const BOUND_MS = 1_500;

const repeat = (atom: string | ((i: number) => string)): string => {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < LENGTH; i++) {
    const part = typeof atom === "string" ? atom : atom(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join("");
};

/** Inputs named by what they stress; each is read to its end (accepted or refused). */
const INPUTS: [string, string][] = [
  ["a long attribute list", `<a${repeat((i) => ` a${i}="1"`)}/>`],
  ["a long attribute list, unterminated", `<a${repeat((i) => ` a${i}="1"`)}`],
  ["a long attribute list ending in a duplicate", `<a${repeat((i) => ` a${i}="1"`)} a0="1"/>`],
  ["a long attribute list ending badly", `<a${repeat((i) => ` a${i}="1"`)} a/>`],
  ["long attribute lists, each cut short by the next tag", repeat((i) => `<a b${i}="1" c="2"`)],
  ["an unterminated attribute value", `<a b="${repeat("x")}`],
  ["an unterminated value of spaces and quotes", `<a b="${repeat(" ' = ")}`],
  ["an attribute value of references", `<a b="${repeat("&amp;")}"/>`],
  ["an attribute value of bare ampersands", `<a b="${repeat("&")}"/>`],
  ["text of references", `<a>${repeat("&lt;")}</a>`],
  ["text of bare ampersands", `<a>${repeat("&")}</a>`],
  ["text of an unterminated reference", `<a>&${repeat("a")}</a>`],
  ["a character reference of many zeros", `<a>&#${repeat("0")}65;</a>`],
  ["text of brackets", `<a>${repeat("]")}</a>`],
  ["text of ]]", `<a>${repeat("]]")}></a>`],
  ["text of line ends", `<a>${repeat("\r\n\r")}</a>`],
  ["a long name", `<${repeat("a")}/>`],
  ["a long name, unterminated", `<${repeat("a")}`],
  ["a long prefixed name", `<${repeat("a")}:b/>`],
  ["a long end tag name", `<a></${repeat("a")}>`],
  ["many open tags", repeat("<a ")],
  ["many end tags cut short", `<a>${repeat("</a")}`],
  ["nesting past the limit", repeat("<a>")],
  ["many elements", `<r>${repeat("<a/>")}</r>`],
  ["many namespace declarations", `<a${repeat((i) => ` xmlns:p${i}="urn:${i}"`)}/>`],
  ["many prefixed attributes", `<a xmlns:p="urn:p"${repeat((i) => ` p:a${i}="1"`)}/>`],
  ["an unterminated comment", `<a><!--${repeat("-")}`],
  ["a comment of dashes", `<a><!--${repeat("- ")}--></a>`],
  ["an unterminated processing instruction", `<a><?pi ${repeat("?")}`],
  ["an unterminated CDATA section", `<a><![CDATA[${repeat("]")}`],
  ["a CDATA section of brackets", `<a><![CDATA[${repeat("]")}]]></a>`],
  ["a long DOCTYPE", `<!DOCTYPE a [${repeat("<!-- - -->")}`],
  ["an unterminated XML declaration", `<?xml version="1.0"${repeat(" ")}`],
  ["many markup starts", `<a>${repeat("<!")}`],
];

function read(input: string, piece: number): void {
  const stream = new XmlStream({ open: () => undefined, close: () => undefined, text: () => undefined });
  try {
    for (let at = 0; at < input.length; at += piece) stream.writeText(input.slice(at, at + piece));
    stream.end();
  } catch (error) {
    if (!(error instanceof DocxError)) throw error;
  }
}

describe("the tokenizer takes linear time on hostile input", () => {
  it.each(INPUTS)("%s", (_name, input) => {
    for (const piece of [input.length, 4096, 97]) {
      const start = performance.now();
      read(input, piece);
      expect(performance.now() - start).toBeLessThan(BOUND_MS);
    }
  });
});

describe("streaming", () => {
  it("reports a huge run of text in pieces, never holding it whole", () => {
    const pieces: number[] = [];
    const stream = new XmlStream({ open: () => undefined, close: () => undefined, text: (text) => pieces.push(text.length) });
    const chunk = "x".repeat(256 * 1024);
    stream.writeText("<a>");
    for (let i = 0; i < 16; i++) stream.writeText(chunk);
    stream.writeText("</a>");
    stream.end();
    expect(pieces.reduce((a, b) => a + b, 0)).toBe(16 * chunk.length);
    expect(pieces.length).toBeGreaterThanOrEqual(16);
    expect(Math.max(...pieces)).toBeLessThanOrEqual(chunk.length);
  });

  it("reports a huge CDATA section in pieces too", () => {
    const pieces: number[] = [];
    const stream = new XmlStream({ open: () => undefined, close: () => undefined, text: (text) => pieces.push(text.length) });
    const chunk = "]".repeat(256 * 1024);
    stream.writeText("<a><![CDATA[");
    for (let i = 0; i < 8; i++) stream.writeText(chunk);
    stream.writeText("]]></a>");
    stream.end();
    expect(pieces.reduce((a, b) => a + b, 0)).toBe(8 * chunk.length);
    expect(Math.max(...pieces)).toBeLessThanOrEqual(chunk.length + 2);
  });
});
