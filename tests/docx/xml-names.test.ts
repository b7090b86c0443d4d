/**
 * The reader resolves namespaces itself over saxes's plain tokens (src/docx/xml-names.ts): it must
 * name every element and attribute, and accept or refuse every document, exactly as saxes's own
 * namespace mode does.
 */
import { SaxesParser } from "saxes";
import { DocxError } from "../../src/docx";
import { attribute, XmlStream } from "../../src/docx/xml";

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
