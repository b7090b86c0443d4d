/**
 * The reader resolves namespaces itself over saxes's plain tokens (src/docx/xml-names.ts): it must
 * name every element and attribute, and accept or refuse every document, exactly as saxes's own
 * namespace mode does.
 */
import { SaxesParser } from "saxes";
import { DocxError } from "../../src/docx";
import { attribute, XmlStream, type XmlClassify, type XmlTag } from "../../src/docx/xml";
import { MAX_CACHED_NAME_LENGTH, MAX_CACHED_NAMES, MAX_CACHED_TAG_LENGTH, MAX_NAMES_PER_SCOPE, NamespaceScopes } from "../../src/docx/xml-names";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

interface Named {
  element: string;
  attributes: string[];
}

/** Elements as {uri}local, each attribute as {uri}local=value, by saxes's namespace mode; or "refused". */
function bySaxes(xml: string): Named[] | "refused" {
  const named: Named[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on("opentag", (tag) => {
    const attributes = Object.values(tag.attributes).map((a) => `{${a.uri}}${a.local}=${a.value}`);
    named.push({ element: `{${tag.uri}}${tag.local}`, attributes });
  });
  parser.on("processinginstruction", () => undefined);
  try {
    parser.write(xml).close();
  } catch {
    return "refused";
  }
  return named;
}

/** The same, by the reader's stream, each attribute found again through `attribute`. */
function byReader(xml: string): Named[] | "refused" {
  const named: Named[] = [];
  const stream = new XmlStream({
    open: (tag) => {
      const attributes = Object.keys(tag.attributes).map((name) => {
        const colon = name.indexOf(":");
        const local = colon === -1 ? name : name.slice(colon + 1);
        const uri = colon === -1 ? (name === "xmlns" ? "http://www.w3.org/2000/xmlns/" : "") : stream.resolve(name.slice(0, colon))!;
        const value = name === "xmlns" ? tag.attributes[name] : attribute(tag, uri, local);
        return `{${uri}}${local}=${value}`;
      });
      named.push({ element: `{${tag.uri}}${tag.local}`, attributes });
    },
    close: () => undefined,
    text: () => undefined,
  });
  try {
    stream.writeText(xml);
    stream.end();
  } catch (error) {
    if (error instanceof DocxError && error.reason === "corrupt") return "refused";
    throw error;
  }
  return named;
}

const documents: [string, string][] = [
  ["prefixed", `<w:document xmlns:w="${W}"><w:body><w:p w:rsidR="1" w:rsidRDefault="2"/></w:body></w:document>`],
  ["default namespace, undeclared inside", `<document xmlns="${W}"><body xmlns=""><p a="1"/></body></document>`],
  ["a prefix rebound inside", `<w:a xmlns:w="urn:1"><w:b xmlns:w="urn:2" w:c="x"><w:d/></w:b><w:e w:f="y"/></w:a>`],
  ["xml: attributes", `<a xml:space="preserve" xml:lang="en"/>`],
  ["the xml prefix bound to its own namespace", `<a xmlns:xml="http://www.w3.org/XML/1998/namespace" xml:space="preserve"/>`],
  ["two prefixes for one namespace, different names", `<a xmlns:p="urn:1" xmlns:q="urn:1" p:x="1" q:y="2"/>`],
  ["two prefixes for one namespace, one name", `<a xmlns:p="urn:1" xmlns:q="urn:1" p:x="1" q:x="2"/>`],
  ["many prefixes, a repeat at the end", `<a ${Array.from({ length: 12 }, (_, i) => `xmlns:p${i}="urn:${i}" p${i}:x="${i}"`).join(" ")} xmlns:z="urn:3" z:x="z"/>`],
  ["many prefixes, no repeat", `<a ${Array.from({ length: 12 }, (_, i) => `xmlns:p${i}="urn:${i}" p${i}:x="${i}"`).join(" ")}/>`],
  ["an unprefixed and a prefixed attribute of one local name", `<a xmlns:p="urn:1" x="1" p:x="2"/>`],
  ["a URI with spaces around it", `<p:a xmlns:p="  urn:1  "/>`],
  ["an unbound element prefix", `<p:a/>`],
  ["an unbound attribute prefix", `<a p:x="1"/>`],
  ["an unbound prefix after a bound one", `<a xmlns:p="urn:1" p:x="1" q:y="2"/>`],
  ["a prefix used before its declaration on the same element", `<a p:x="1" xmlns:p="urn:1"/>`],
  ["a prefix bound only in a sibling", `<r><a xmlns:p="urn:1"/><p:b/></r>`],
  ["xmlns:p empty (XML 1.0)", `<a xmlns:p=""/>`],
  ["xmlns:p empty (XML 1.1)", `<?xml version="1.1"?><a xmlns:p=""/>`],
  ["an undeclared prefix used (XML 1.1)", `<?xml version="1.1"?><r xmlns:p="urn:1"><a xmlns:p=""><p:b/></a></r>`],
  ["an undeclared prefix on an attribute (XML 1.1)", `<?xml version="1.1"?><r xmlns:p="urn:1"><a xmlns:p="" p:x="1"/></r>`],
  ["the xml prefix rebound", `<a xmlns:xml="urn:1"/>`],
  ["the xmlns prefix declared", `<a xmlns:xmlns="http://www.w3.org/2000/xmlns/"/>`],
  ["the xml namespace as the default", `<a xmlns="http://www.w3.org/XML/1998/namespace"/>`],
  ["the xmlns namespace as the default", `<a xmlns="http://www.w3.org/2000/xmlns/"/>`],
  ["the xmlns namespace under a prefix", `<a xmlns:p="http://www.w3.org/2000/xmlns/"/>`],
  ["the xml namespace under a prefix", `<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>`],
  ["an element prefixed xmlns", `<xmlns:a/>`],
  ["an element prefixed xml", `<xml:a/>`],
  ["a name starting with a colon", `<:a/>`],
  ["a name ending with a colon", `<a:/>`],
  ["a name with two colons", `<a xmlns:a="urn:1"><a:b:c/></a>`],
  ["an attribute with two colons", `<a xmlns:a="urn:1" a:b:c="1"/>`],
  ["an attribute named xmlns:", `<a xmlns:="urn:1"/>`],
  ["an attribute starting with a colon", `<a :x="1"/>`],
  ["a processing instruction with a colon", `<?a:b c?><a/>`],
  ["a processing instruction", `<?a b?><a/>`],
  ["an entity name with a colon", `<a>&a:b;</a>`],
  ["past the name cache's bound, names still resolve", `<r xmlns:p="urn:1">${Array.from({ length: 4200 }, (_, i) => `<p:e${i}/>`).join("")}<x xmlns:p="urn:2"><p:e1/><p:e4199/></x><p:e4199/></r>`],
  ["past the name cache's bound, an unbound prefix is still refused", `<r xmlns:p="urn:1">${Array.from({ length: 4200 }, (_, i) => `<p:e${i}/>`).join("")}<q:e1/></r>`],
  ["a name too long to cache", `<r xmlns:p="urn:1"><p:${"n".repeat(300)}/><x xmlns:p="urn:2"><p:${"n".repeat(300)}/></x></r>`],
  // A tag recurring as it is (the stream remembers it per scope): named by the bindings where it recurs.
  ["a tag recurring in a scope that rebinds its prefixes", `<r xmlns:p="urn:1"><p:e p:a="1"/><x xmlns:p="urn:2"><p:e p:a="1"/><p:e p:a="1"/></x><p:e p:a="1"/></r>`],
  ["a tag recurring where the default namespace is undeclared", `<r xmlns="urn:1"><e a="1"/><x xmlns=""><e a="1"/></x><e a="1"/></r>`],
  ["a tag recurring where its attribute's prefix is undeclared (XML 1.1)", `<?xml version="1.1"?><r xmlns:p="urn:1"><e p:a="1"/><x xmlns:p=""><e p:a="1"/></x></r>`],
  ["a tag recurring where its own prefix is undeclared (XML 1.1)", `<?xml version="1.1"?><r xmlns:p="urn:1"><p:e/><x xmlns:p=""><p:e/></x></r>`],
  ["a tag recurring where its attributes' two prefixes become one namespace", `<r xmlns:p="urn:1" xmlns:q="urn:2"><e p:a="1" q:a="2"/><x xmlns:q="urn:1"><e p:a="1" q:a="2"/></x></r>`],
  ["a tag recurring after a sibling that declared", `<r xmlns:p="urn:1"><p:e p:a="&amp;"/><x xmlns:p="urn:2"/><p:e p:a="&amp;"/></r>`],
  ["a tag and its self-closing twin", `<r xmlns:p="urn:1"><p:e p:a="1"></p:e><p:e p:a="1"/><p:e p:a="1" /></r>`],
  ["mc:Ignorable and a declared prefix on the root", `<w:document xmlns:w="${W}" xmlns:mc="urn:mc" xmlns:w14="urn:w14" mc:Ignorable="w14"><w:p w14:paraId="1" w:rsidR="2"/></w:document>`],
];

describe("namespaces are resolved as saxes's namespace mode resolves them", () => {
  it.each(documents)("%s", (_name, xml) => {
    expect(byReader(xml)).toEqual(bySaxes(xml));
  });

  it("the cases above include refusals and acceptances", () => {
    const outcomes = documents.map(([, xml]) => bySaxes(xml) === "refused");
    expect(outcomes.filter(Boolean).length).toBeGreaterThan(10);
    expect(outcomes.filter((refused) => !refused).length).toBeGreaterThan(10);
  });

  it("a prefix resolves to its binding in the element just opened, and the outer one after it closes", () => {
    const seen: (string | undefined)[] = [];
    const stream = new XmlStream({
      open: (tag) => seen.push(`${tag.name} ${stream.resolve("p")}`),
      close: () => seen.push(`close ${stream.resolve("p")}`),
      text: () => undefined,
    });
    stream.writeText(`<r xmlns:p="urn:1"><a xmlns:p="urn:2"/><b/></r>`);
    stream.end();
    expect(seen).toEqual(["r urn:1", "a urn:2", "close urn:2", "b urn:1", "close urn:1", "close urn:1"]);
  });
});

/** Each element's {uri}local and code, as the stream names them with `classify`. */
function named(xml: string, classify: XmlClassify): string[] {
  const seen: string[] = [];
  const visitor = { open: (tag: XmlTag) => seen.push(`{${tag.uri}}${tag.local} ${tag.code}`), close: () => undefined, text: () => undefined, classify };
  const stream = new XmlStream(visitor);
  stream.writeText(xml);
  stream.end();
  return seen;
}

describe("element names are resolved once per namespace scope, by URI", () => {
  const byUri: XmlClassify = (uri, local) => (uri === "urn:1" ? 1 : uri === "urn:2" ? 2 : 0) * 100 + local.length;

  it("a prefix re-declared inside an element names by the new URI there, and by the old one after it", () => {
    const xml = `<p:r xmlns:p="urn:1"><p:a/><x xmlns:p="urn:2"><p:a/><p:a><p:a/></p:a></x><p:a/><y xmlns:p="urn:1"><p:a/></y><p:a/></p:r>`;
    expect(named(xml, byUri)).toEqual([
      "{urn:1}r 101", "{urn:1}a 101",
      "{}x 1", "{urn:2}a 201", "{urn:2}a 201", "{urn:2}a 201",
      "{urn:1}a 101", "{}y 1", "{urn:1}a 101", "{urn:1}a 101",
    ]);
  });

  it("the default namespace re-declared and undeclared", () => {
    const xml = `<a xmlns="urn:1"><a xmlns="urn:2"><a/><b xmlns=""><a/></b><a/></a><a/></a>`;
    expect(named(xml, byUri)).toEqual(["{urn:1}a 101", "{urn:2}a 201", "{urn:2}a 201", "{}b 1", "{}a 1", "{urn:2}a 201", "{urn:1}a 101"]);
  });

  it("two prefixes bound to one URI name the same elements", () => {
    expect(named(`<p:a xmlns:p="urn:1" xmlns:q="urn:1"><q:a/><p:b/><q:b/></p:a>`, byUri)).toEqual(["{urn:1}a 101", "{urn:1}a 101", "{urn:1}b 101", "{urn:1}b 101"]);
  });

  it("classify is asked once per name and scope, not per element", () => {
    const asked: string[] = [];
    const counting: XmlClassify = (uri, local) => {
      asked.push(`{${uri}}${local}`);
      return 0;
    };
    named(`<r xmlns:p="urn:1">${"<p:a/><p:b/>".repeat(50)}<x xmlns:p="urn:2">${"<p:a/>".repeat(50)}</x>${"<p:a/>".repeat(50)}</r>`, counting);
    expect(asked).toEqual(["{}r", "{urn:1}a", "{urn:1}b", "{}x", "{urn:2}a"]);
  });

  it("without classify, every code is 0", () => {
    const seen: number[] = [];
    const stream = new XmlStream({ open: (tag) => seen.push(tag.code), close: () => undefined, text: () => undefined });
    stream.writeText(`<w:a xmlns:w="urn:1"><w:b/></w:a>`);
    stream.end();
    expect(seen).toEqual([0, 0]);
  });

  it("the visitor is handed one tag object, renamed for each element", () => {
    const tags = new Set<XmlTag>();
    const names: string[] = [];
    const stream = new XmlStream({
      open: (tag) => {
        tags.add(tag);
        names.push(`${tag.name} ${tag.isSelfClosing} ${Object.keys(tag.attributes).join(",")}`);
      },
      close: () => undefined,
      text: () => undefined,
    });
    stream.writeText(`<a x="1"><b/><c y="2" z="3"></c></a>`);
    stream.end();
    expect(tags.size).toBe(1);
    expect(names).toEqual(["a false x", "b true ", "c false y,z"]);
  });
});

describe("the name caches are bounded", () => {
  /** Opens `<name>` elements on `scopes` as saxes would report them (attributes first). */
  function opener(scopes: NamespaceScopes) {
    const tag = {} as XmlTag;
    let depth = 0;
    return {
      open(name: string, attributes: Record<string, string> = {}): XmlTag {
        for (const [attribute, value] of Object.entries(attributes)) scopes.attribute(attribute, value);
        scopes.open({ name, attributes, isSelfClosing: false } as unknown as Parameters<NamespaceScopes["open"]>[0], ++depth, tag);
        return tag;
      },
      close(): void {
        scopes.close(depth--);
      },
    };
  }

  it(`one scope caches at most ${MAX_NAMES_PER_SCOPE} names, and resolves those past it all the same`, () => {
    const scopes = new NamespaceScopes(() => true);
    const { open, close } = opener(scopes);
    open("p:root", { "xmlns:p": "urn:1" });
    for (let i = 0; i < MAX_NAMES_PER_SCOPE + 500; i++) {
      const tag = open(`p:e${i}`);
      expect([tag.prefix, tag.local, tag.uri]).toEqual(["p", `e${i}`, "urn:1"]);
      close();
    }
    expect(scopes.cachedNames).toBe(MAX_NAMES_PER_SCOPE);
    // Names past the bound, asked again, still resolve.
    expect(open(`p:e${MAX_NAMES_PER_SCOPE + 100}`).local).toBe(`e${MAX_NAMES_PER_SCOPE + 100}`);
    close();
    close();
    expect(scopes.cachedNames).toBe(0);
  });

  it(`nested scopes cache at most ${MAX_CACHED_NAMES} names together, and a closed scope's names go`, () => {
    const scopes = new NamespaceScopes(() => true);
    const { open, close } = opener(scopes);
    const levels = Math.ceil(MAX_CACHED_NAMES / MAX_NAMES_PER_SCOPE) + 2;
    for (let level = 0; level < levels; level++) {
      open(`p:level`, { "xmlns:p": `urn:${level}` });
      for (let i = 0; i < MAX_NAMES_PER_SCOPE; i++) {
        expect(open(`p:e${i}`).uri).toBe(`urn:${level}`);
        close();
      }
      expect(scopes.cachedNames).toBeLessThanOrEqual(MAX_CACHED_NAMES);
    }
    expect(scopes.cachedNames).toBe(MAX_CACHED_NAMES);
    for (let level = levels - 1; level >= 0; level--) {
      // Each level's names resolve to its own URI, cached or not.
      expect(open("p:e7").uri).toBe(`urn:${level}`);
      close();
      close();
    }
    expect(scopes.cachedNames).toBe(0);
  });

  it(`names longer than ${MAX_CACHED_NAME_LENGTH} characters are not cached`, () => {
    const scopes = new NamespaceScopes(() => true);
    const { open } = opener(scopes);
    open("root");
    const long = "n".repeat(MAX_CACHED_NAME_LENGTH + 1);
    expect(open(long).local).toBe(long);
    expect(scopes.cachedNames).toBe(1);
    expect(open("n".repeat(MAX_CACHED_NAME_LENGTH)).local).toHaveLength(MAX_CACHED_NAME_LENGTH);
    expect(scopes.cachedNames).toBe(2);
  });
});

describe("a tag recurring as it is in one scope is remembered, within bounds", () => {
  it("each recurrence is handed the same names and attribute values as the first, decoded once", () => {
    const seen: string[] = [];
    const records = new Set<Readonly<Record<string, string>>>();
    const stream = new XmlStream({
      open: (tag) => {
        if (tag.local !== "e") return;
        records.add(tag.attributes);
        seen.push(`${tag.name} {${tag.uri}}${tag.local} ${tag.isSelfClosing} ${attribute(tag, "urn:1", "a")} ${tag.attributes["p:b"]}`);
      },
      close: () => undefined,
      text: () => undefined,
    });
    const e = `<p:e p:a="x &amp; y" p:b='2'/>`;
    stream.writeText(`<r xmlns:p="urn:1">${e}${e}<p:e p:a="z" p:b='2'/>${e}</r>`);
    stream.end();
    expect(seen).toEqual([
      "p:e {urn:1}e true x & y 2",
      "p:e {urn:1}e true x & y 2",
      "p:e {urn:1}e true z 2",
      "p:e {urn:1}e true x & y 2",
    ]);
    // One record for the three recurrences, one for the other tag.
    expect(records.size).toBe(2);
  });

  /** A tag as `open` leaves it, for `remember`. */
  const named = (name: string): XmlTag => ({ name, prefix: "", local: name, uri: "", code: 0, isSelfClosing: true, attributes: {}, scope: new Map() });

  it(`one scope remembers at most ${MAX_NAMES_PER_SCOPE} tags, nested scopes ${MAX_CACHED_NAMES} together; a closed scope's go`, () => {
    const scopes = new NamespaceScopes(() => true);
    const levels = Math.ceil(MAX_CACHED_NAMES / MAX_NAMES_PER_SCOPE) + 2;
    for (let level = 1; level <= levels; level++) {
      scopes.attribute("xmlns:p", `urn:${level}`);
      scopes.open({ name: "p:level", isSelfClosing: false }, level, named("p:level"));
      for (let i = 0; i < MAX_NAMES_PER_SCOPE + 10; i++) scopes.remember(`e${i} a="1"/`, named(`e${i}`), false);
      expect(scopes.cachedTags).toBe(Math.min(level * MAX_NAMES_PER_SCOPE, MAX_CACHED_NAMES));
    }
    expect(scopes.known(`e1 a="1"/`)).toBeUndefined(); // the innermost scope had no room left
    for (let level = levels; level >= 1; level--) scopes.close(level);
    expect(scopes.cachedTags).toBe(0);
  });

  it(`a tag longer than ${MAX_CACHED_TAG_LENGTH} characters, or one that declares a namespace, is not remembered`, () => {
    const scopes = new NamespaceScopes(() => true);
    scopes.open({ name: "r", isSelfClosing: false }, 1, named("r"));
    const long = `e a="${"x".repeat(MAX_CACHED_TAG_LENGTH)}"/`;
    expect(scopes.remember(long, named("e"), false)).toBeUndefined();
    expect(scopes.remember(`e xmlns:p="urn:1"/`, named("e"), true)).toBeUndefined();
    expect(scopes.remember(`e a="1"/`, named("e"), false)?.name).toBe("e");
    expect(scopes.known(`e a="1"/`)?.name).toBe("e");
    expect(scopes.known(long)).toBeUndefined();
    expect(scopes.cachedTags).toBe(1);
  });
});
