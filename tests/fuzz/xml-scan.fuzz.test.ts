/**
 * The reader's own tokenizer (src/docx/xml-scan.ts) against saxes, the tokenizer it replaced, kept
 * here as the oracle (tests/helpers/saxes-xml-stream.ts): on mutations of the real fixtures'
 * word/document.xml, fed in pieces split anywhere, the new stream accepts exactly what the old one
 * accepted, reporting the same elements (names, namespaces, attributes, positions) and text, and the
 * reader gives the identical snapshot; it refuses exactly what the old one refused, with the same
 * DocxError. Seeded and replayable (see settings.ts).
 */
import { readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import JSZip from "jszip";
import { DocxError } from "../../src/docx/errors";
import { DocumentReader } from "../../src/docx/ooxml";
import { attribute, XmlStream, type XmlVisitor } from "../../src/docx/xml";
import { SaxesXmlStream } from "../helpers/saxes-xml-stream";
import { XML_10, XML_11 } from "../../src/docx/xml-syntax";
import { TEST_TIMEOUT_MS, fuzzParameters, uniformFraction } from "./settings";

jest.setTimeout(TEST_TIMEOUT_MS);

const FIXTURES = ["careers-provision", "care-leavers-eet-merged-cells", "careers-provision-tracked-changes", "careers-provision-links-and-fields"];
let documents: string[] = [];

beforeAll(async () => {
  documents = await Promise.all(
    FIXTURES.map(async (name) => (await JSZip.loadAsync(readFileSync(join(__dirname, `../fixtures/docx/${name}.docx`)))).file("word/document.xml")!.async("string")),
  );
});

interface Stream {
  writeText(text: string): void;
  writeBytes(bytes: Uint8Array): void;
  end(): void;
  readonly position: number;
  resolve(prefix: string): string | undefined;
}

/**
 * What a stream reports, texts between two tags joined (the new stream may report one run in pieces)
 * and white space outside the root element left out (saxes reports some of it, the new stream none).
 */
function events(make: (visitor: XmlVisitor) => Stream, feed: (stream: Stream) => void): string[] {
  const seen: string[] = [];
  let text = "";
  let open = 0;
  const flush = (): void => {
    if (text !== "") seen.push(`text ${JSON.stringify(text)}`);
    text = "";
  };
  const stream: Stream = make({
    open(tag, depth) {
      flush();
      open = depth;
      const attributes = Object.entries(tag.attributes).map(([name, value]) => `${name}=${JSON.stringify(value)}`);
      const w = attribute(tag, tag.uri, "val");
      seen.push(`open ${depth} ${tag.name} {${tag.uri}}${tag.local} ${tag.code} ${tag.isSelfClosing} @${stream.position} [${attributes.join(" ")}] ${w ?? ""} ${stream.resolve("w") ?? ""}`);
    },
    close(depth) {
      flush();
      open = depth - 1;
      seen.push(`close ${depth} @${stream.position}`);
    },
    text(piece) {
      if (open > 0) text += piece;
    },
    classify: (uri, local) => (uri.length + local.length) % 7,
  });
  feed(stream);
  flush();
  return seen;
}

type Outcome = { accepted: true; value: string } | { accepted: false; error: string };

function outcome(run: () => string): Outcome {
  try {
    return { accepted: true, value: run() };
  } catch (error) {
    if (!(error instanceof DocxError)) throw error;
    return { accepted: false, error: `${error.reason}: ${error.message}` };
  }
}

/** The snapshot the reader makes over `make`'s stream. */
function snapshot(make: (visitor: XmlVisitor) => Stream, feed: (stream: Stream) => void): string {
  const reader = new DocumentReader();
  const stream = make(reader);
  reader.stream = stream;
  feed(stream);
  return JSON.stringify(reader.finish());
}

const NEW = (visitor: XmlVisitor): Stream => new XmlStream(visitor);
const OLD = (visitor: XmlVisitor): Stream => new SaxesXmlStream(visitor);

/** Fragments that are hard for a tokenizer: markup cut short, references, line ends, declarations, characters that are not. */
const PIECES = [
  "<", ">", "/", "=", '"', "'", " ", ":", "&", ";", "]", "]]>", "-", "--", "?", "!", "\r", "\r\n", "\n", "\t", "\u0085", "\u2028",
  "\u0000", "\u0001", "\u001f", "\u007f", "\u0086", "\uFFFE", "\uFFFF", "\uFFFD", "\u{1F600}", "\u00B7", "\u0300", "é",
  "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", "&amp", "&#0;", "&#9;", "&#10;", "&#13;", "&#1;", "&#65;", "&#x41;", "&#X41;",
  "&#x;", "&#;", "&;", "&#xD800;", "&#xFFFE;", "&#x10FFFF;", "&#x110000;", "&#0000065;", "&#99999999999999999999;",
  "<![CDATA[x]]>", "<![CDATA[", "<![CDATA[]]>", "<!-- c -->", "<!---->", "<!--->", "<!-- a -- b -->", "<!-- a --->", "<!--", "-->",
  "<?pi x?>", "<?pi?>", "<?pi?x?>", "<?pi", "?>", "<?a:b x?>", "<?XML x?>", "<?xml version=\"1.0\"?>", "<?xml-stylesheet x?>", "<? x?>",
  "<!DOCTYPE x>", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "<!DOCTYPE", "<!doctype x>", "<!x>", "<!ELEMENT a ANY>",
  " a=\"1\"", " a='1'", " a = \"1\"", " a=1", " a", " a=\"<\"", " a=\"&amp;\"", " a=\"&bad;\"", " a=\"x\ty\"", " a=\"x\r\ny\"",
  " xmlns=\"urn:d\"", " xmlns:w=\"urn:x\"", " xmlns:q=\"\"", " xmlns:xml=\"urn:x\"", " xmlns:xmlns=\"urn:x\"", " q:a=\"1\"", " w:val=\"x\"",
  " xml:space=\"preserve\"", " x:y:z=\"1\"", " :a=\"1\"",
  "<a/>", "<a>", "</a>", "<w:p>", "</w:p>", "<w:p/>", "<w:t>x</w:t>", "<w:r><w:t>y</w:t></w:r>", "</w:t>", "<w:tbl>", "</w:tc>",
  "<q:a/>", "<xmlns:a/>", "<a:b:c/>", "<:a/>", "<a:/>", "<1a/>", "<-a/>", "<a\u0300/>", "</ a>", "</a >", "< a>", "<a\u0085/>",
];

/** Replacements of the XML declaration (the first `<?xml … ?>`, or put before everything). */
const DECLARATIONS = [
  "",
  '<?xml version="1.1" encoding="UTF-8"?>',
  '<?xml version="1.0"?>',
  "<?xml version='1.0' standalone='no'?>",
  '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>',
  '<?xml version="1.00"?>',
  '<?xml version="2.0"?>',
  '<?xml encoding="UTF-8"?>',
  '<?xml version="1.0" standalone="yes" encoding="UTF-8"?>',
  '<?xml version="1.0"encoding="UTF-8"?>',
  '<?xml  version = "1.0"  ?>',
  "<?xml?>",
  '\uFEFF<?xml version="1.0"?>',
  ' <?xml version="1.0"?>',
  '<?xml version="1.0" encoding="9"?>',
  '<?xml version="1.1"\u0085encoding="UTF-8"?>',
];

/** A fraction of the text, uniform (see uniformFraction). */
const position = uniformFraction;

const edit = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: position, piece: fc.constantFrom(...PIECES), times: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constantFrom("delete" as const, "duplicate" as const), at: position, length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constantFrom("tag" as const, "attribute" as const, "reference" as const), at: position, variant: fc.nat({ max: 5 }) }),
  fc.record({ kind: fc.constant("declaration" as const), variant: fc.nat({ max: DECLARATIONS.length - 1 }) }),
  fc.record({ kind: fc.constant("in-tag" as const), at: position, piece: fc.constantFrom(...PIECES) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(xml: string, e: Edit): string {
  if (e.kind === "declaration") {
    const end = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
    return DECLARATIONS[e.variant] + xml.slice(end);
  }
  const at = Math.floor(e.at * xml.length);
  if (e.kind === "in-tag") {
    // Into the next start tag, just before its `>` or `/>`: attribute syntax, namespaces, duplicates.
    const start = xml.slice(at).search(/<[^/!?]/);
    if (start === -1) return xml;
    let end = xml.indexOf(">", at + start);
    if (end === -1) return xml;
    if (xml[end - 1] === "/") end--;
    return xml.slice(0, end) + e.piece + xml.slice(end);
  }
  switch (e.kind) {
    case "insert":
      return xml.slice(0, at) + e.piece.repeat(e.times) + xml.slice(at);
    case "delete":
      return xml.slice(0, at) + xml.slice(at + e.length);
    case "duplicate":
      return xml.slice(0, at + e.length) + xml.slice(at, at + e.length) + xml.slice(at + e.length);
    case "tag": {
      // A whole tag from here on: duplicated, dropped, or made self-closing or not.
      const start = xml.indexOf("<", at);
      const end = xml.indexOf(">", start) + 1;
      if (start === -1 || end === 0) return xml;
      const tag = xml.slice(start, end);
      const changed = [tag + tag, "", tag.endsWith("/>") ? `${tag.slice(0, -2)}>` : `${tag.slice(0, -1)}/>`, tag.replace(/^<(\/?)[^\s/>:]*:/, "<$1"), tag.replace(/"/g, "'"), tag.replace(/ /g, "\r\n\t")][e.variant];
      return xml.slice(0, start) + changed + xml.slice(end);
    }
    case "attribute": {
      // An attribute of the next tag that has one: duplicated, its prefix changed, unquoted, its quote doubled.
      const found = /\s([^\s=<>]+)="([^"]*)"/g;
      found.lastIndex = at;
      const match = found.exec(xml);
      if (match === null) return xml;
      const [whole, name, value] = match;
      const changed = [whole + whole, ` x${name.replace(/^[^:]*:/, "w:")}="${value}"${whole}`, ` ${name}=${value}`, ` ${name}="${value}""`, ` ${name.replace(/^[^:]*:/, "")}="${value}"${whole}`, `${whole} ${name}='${value}'`][e.variant];
      return xml.slice(0, match.index) + changed + xml.slice(match.index + whole.length);
    }
    default: {
      // A reference spelled otherwise, or a character the references stand for written raw.
      const mangled = ["&amp", "& amp;", "&AMP;", "&#38", "&#x26;", "<"][e.variant];
      const next = xml.indexOf("&", at);
      if (next !== -1) return xml.slice(0, next) + mangled + xml.slice(next + 1);
      const gt = xml.indexOf(">", at);
      return gt === -1 ? xml : xml.slice(0, gt + 1) + mangled + xml.slice(gt + 1);
    }
  }
}

/** Splits: as text or as UTF-8 bytes, in pieces cut at the given fractions (some cuts land inside tags, references, pairs). */
const feeding = fc.record({
  bytes: fc.boolean(),
  cuts: fc.array(position, { maxLength: 6 }),
  tiny: fc.boolean(),
});
type Feeding = typeof feeding extends fc.Arbitrary<infer T> ? T : never;

function feeder(xml: string, how: Feeding): (stream: Stream) => void {
  return (stream) => {
    if (how.bytes) {
      const bytes = new TextEncoder().encode(xml);
      const cuts = [...new Set(how.cuts.map((cut) => Math.floor(cut * bytes.length)))].sort((a, b) => a - b);
      let from = 0;
      for (const cut of [...cuts, bytes.length]) {
        stream.writeBytes(bytes.subarray(from, cut));
        from = cut;
      }
    } else if (how.tiny) {
      // A stretch around the first cut in pieces of one to three characters, every boundary inside it.
      const at = Math.floor((how.cuts[0] ?? 0.5) * xml.length);
      const to = Math.min(xml.length, at + 400);
      stream.writeText(xml.slice(0, at));
      for (let i = at; i < to; i += 1 + (i % 3)) stream.writeText(xml.slice(i, Math.min(to, i + 1 + (i % 3))));
      stream.writeText(xml.slice(to));
    } else {
      const cuts = [...new Set(how.cuts.map((cut) => Math.floor(cut * xml.length)))].sort((a, b) => a - b);
      let from = 0;
      for (const cut of [...cuts, xml.length]) {
        stream.writeText(xml.slice(from, cut));
        from = cut;
      }
    }
    stream.end();
  };
}

/** The same text, as text or as bytes, in one piece. */
function whole(xml: string, how: Feeding): (stream: Stream) => void {
  return (stream) => {
    if (how.bytes) stream.writeBytes(new TextEncoder().encode(xml));
    else stream.writeText(xml);
    stream.end();
  };
}

/** The first event where two outcomes part, and a few after it (whole lists would bury it). */
function firstDifference(actual: Outcome, expected: Outcome): string {
  if (!actual.accepted || !expected.accepted) return `${JSON.stringify(actual).slice(0, 300)} / ${JSON.stringify(expected).slice(0, 300)}`;
  const a = actual.value.split("\n");
  const b = expected.value.split("\n");
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `event ${i}: ${a.slice(i, i + 3).join(" | ").slice(0, 400)} / saxes: ${b.slice(i, i + 3).join(" | ").slice(0, 400)}`;
}

/** The new stream, fed in pieces, agrees with saxes fed the whole text: events, snapshot, or error. */
function agrees(xml: string, how: Feeding): void {
  const feed = feeder(xml, how);
  const expected = outcome(() => events(OLD, whole(xml, how)).join("\n"));
  const actual = outcome(() => events(NEW, feed).join("\n"));
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(firstDifference(actual, expected));
  expect(outcome(() => snapshot(NEW, feed))).toEqual(outcome(() => snapshot(OLD, whole(xml, how))));
}

describe("the tokenizer against saxes", () => {
  it("agrees on the fixtures, unmutated, however they are cut", () => {
    fc.assert(
      fc.property(fc.nat({ max: FIXTURES.length - 1 }), feeding, (fixture, how) => {
        const xml = documents[fixture];
        agrees(xml, how);
      }),
      fuzzParameters(40),
    );
  });

  it("agrees on mutations of the fixtures (insertions, deletions, duplicated tags and attributes, mangled references, declarations, cuts)", () => {
    fc.assert(
      fc.property(fc.nat({ max: FIXTURES.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), feeding, (fixture, edits, how) => {
        const xml = edits.reduce(applyEdit, documents[fixture]);
        agrees(xml, how);
      }),
      fuzzParameters(400),
    );
  });

  it("agrees on one edit of a fixture (most of which leave it well-formed, so that a refusal too many shows)", () => {
    fc.assert(
      fc.property(fc.nat({ max: FIXTURES.length - 1 }), edit, feeding, (fixture, e, how) => {
        agrees(applyEdit(documents[fixture], e), how);
      }),
      fuzzParameters(500),
    );
  });

  it("agrees on small documents made of the hard fragments", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES, "x", "<w:t>", "</w:t>"), { maxLength: 12 }), feeding, (pieces, how) => {
        const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${pieces.join("")}</w:t></w:r></w:p></w:body></w:document>`;
        agrees(xml, how);
        agrees(pieces.join(""), how);
      }),
      fuzzParameters(1500),
    );
  });
});

describe("the ASCII tag patterns tried first", () => {
  /** Where `pattern` matches `text` from 0, or -1. */
  const matchEnd = (pattern: RegExp, text: string): number => {
    pattern.lastIndex = 0;
    return pattern.test(text) ? pattern.lastIndex : -1;
  };
  // Names, spaces, values and delimiters, with names that run on past ASCII (é, a combining mark, ·, an astral letter).
  const ATOMS = ["<", "</", ">", "/>", "/", "=", '"', "'", " ", "\t", "\r\n", "\u0085", "\u2028", "a", "w:p", "xmlns:w", "_", "-", ".", "9", ":",
    "é", "\u0300", "\u00B7", "\u{10000}", "\u{1F600}", '"x"', "'y'", '"<"', '"a>b"', "&amp;"];

  it("match only where the full patterns match, and to the same end", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ATOMS), { maxLength: 14 }), fc.boolean(), (atoms, xml10) => {
        const syntax = xml10 ? XML_10 : XML_11;
        for (const text of [atoms.join(""), `<${atoms.join("")}`, `</${atoms.join("")}`]) {
          for (const [ascii, full] of [[syntax.asciiStartTag, syntax.startTag], [syntax.asciiEndTag, syntax.endTag]]) {
            const end = matchEnd(ascii, text);
            if (end !== -1) expect([text, matchEnd(full, text)]).toEqual([text, end]);
          }
        }
      }),
      fuzzParameters(3000),
    );
  });

  it("match the tags of the real fixtures, as the full patterns do", () => {
    for (const document of documents) {
      let ascii = 0;
      let tags = 0;
      for (let lt = document.indexOf("<"); lt !== -1; lt = document.indexOf("<", lt + 1)) {
        const [fast, full] = document[lt + 1] === "/" ? [XML_10.asciiEndTag, XML_10.endTag] : [XML_10.asciiStartTag, XML_10.startTag];
        if ("?!".includes(document[lt + 1])) continue;
        tags++;
        full.lastIndex = fast.lastIndex = lt;
        expect(full.test(document)).toBe(true);
        if (fast.test(document)) {
          ascii++;
          expect(fast.lastIndex).toBe(full.lastIndex);
        }
      }
      // Word writes ASCII names: every tag takes the fast way.
      expect(ascii).toBe(tags);
    }
  });
});
