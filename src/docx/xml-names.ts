import type { SaxesTag } from "saxes";
import { DocxError, messages } from "./errors";
import type { XmlTag } from "./xml";

/**
 * Namespaces in XML 1.0, resolved for saxes's plain (namespace-unaware) tokens: a stack of prefix →
 * URI scopes, one pushed only by an element that declares `xmlns` or `xmlns:*` (each scope a whole
 * map, so looking a prefix up is one `get`); element and attribute names split at their colon and
 * resolved against it. It refuses what saxes's namespace mode refused: a malformed qualified name, an
 * unbound prefix, `xmlns:p=""` in XML 1.0, the xml and xmlns prefixes or namespaces bound otherwise
 * than to each other, an element prefixed `xmlns`, and two attributes with one namespace and local name.
 */

const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";
const ROOT_SCOPE: ReadonlyMap<string, string> = new Map([
  ["xml", XML_NAMESPACE],
  ["xmlns", XMLNS_NAMESPACE],
]);
/** Attributes with more distinct prefixes than this are checked for duplicates with a set, not pairwise. */
const FEW_PREFIXES = 8;

export function notWellFormed(): DocxError {
  return new DocxError("corrupt", messages.damaged("its text is not well-formed XML"));
}

export class NamespaceScopes {
  private scope: ReadonlyMap<string, string> = ROOT_SCOPE;
  private readonly outer: ReadonlyMap<string, string>[] = [];
  /** The depth of the element that pushed each scope in `outer`. */
  private readonly depths: number[] = [];

  /** `tag`, named and with its scope; `xml10` when undeclaring a prefix (`xmlns:p=""`) is an error. */
  open(saxesTag: SaxesTag, depth: number, xml10: boolean): XmlTag {
    // saxes's own tag object, named in place (without namespaces its attributes are plain strings).
    const tag = saxesTag as unknown as XmlTag;
    const attributes = tag.attributes;
    let declared: Map<string, string> | undefined;
    let prefixed = 0;
    for (const name in attributes) {
      const colon = name.indexOf(":");
      if (colon === -1) {
        if (name === "xmlns") (declared ??= new Map(this.scope)).set("", declare("", attributes[name].trim()));
        continue;
      }
      if (colon === 0 || colon === name.length - 1 || name.indexOf(":", colon + 1) !== -1) throw notWellFormed();
      if (colon === 5 && name.startsWith("xmlns")) {
        const uri = attributes[name].trim();
        if (xml10 && uri === "") throw notWellFormed();
        (declared ??= new Map(this.scope)).set(name.slice(6), declare(name.slice(6), uri));
      } else {
        prefixed++;
      }
    }
    if (declared !== undefined) {
      this.outer.push(this.scope);
      this.depths.push(depth);
      this.scope = declared;
    }
    const scope = this.scope;
    tag.scope = scope;
    const name = tag.name;
    const colon = name.indexOf(":");
    if (colon === -1) {
      tag.prefix = "";
      tag.local = name;
      tag.uri = scope.get("") ?? "";
    } else {
      if (colon === 0 || colon === name.length - 1 || name.indexOf(":", colon + 1) !== -1) throw notWellFormed();
      const prefix = name.slice(0, colon);
      if (prefix === "xmlns") throw notWellFormed();
      const uri = scope.get(prefix);
      if (uri === undefined || uri === "") throw notWellFormed();
      tag.prefix = prefix;
      tag.local = name.slice(colon + 1);
      tag.uri = uri;
    }
    if (prefixed > 0) checkPrefixedAttributes(attributes, scope, prefixed);
    return tag;
  }

  /** The element at `depth` closes: the scope it pushed, if any, goes. */
  close(depth: number): void {
    const depths = this.depths;
    if (depths.length > 0 && depths[depths.length - 1] === depth) {
      depths.pop();
      this.scope = this.outer.pop()!;
    }
  }

  resolve(prefix: string): string | undefined {
    return this.scope.get(prefix);
  }
}

/** Binding `prefix` to `uri` ("" for the default namespace): the xml and xmlns names are reserved. */
function declare(prefix: string, uri: string): string {
  if (prefix === "xml" ? uri !== XML_NAMESPACE : prefix === "xmlns" || uri === XML_NAMESPACE || uri === XMLNS_NAMESPACE) throw notWellFormed();
  return uri;
}

/**
 * Every prefixed attribute (other than a declaration) has a bound prefix, and no two name the same
 * namespace and local name. Only attributes under distinct prefixes bound to one namespace can: saxes
 * already refused two attributes of the same qualified name.
 */
function checkPrefixedAttributes(attributes: Readonly<Record<string, string>>, scope: ReadonlyMap<string, string>, prefixed: number): void {
  const prefixes: string[] = [];
  const uris: string[] = [];
  let last = "";
  let shared = false;
  for (const name in attributes) {
    const colon = name.indexOf(":");
    if (colon === -1 || (colon === 5 && name.startsWith("xmlns"))) continue;
    // Most attributes share the previous one's prefix (w:rsidR w:rsidRDefault…): no slice for those.
    if (colon === last.length && name.startsWith(last)) continue;
    const prefix = name.slice(0, colon);
    last = prefix;
    const at = prefixes.length <= FEW_PREFIXES ? prefixes.indexOf(prefix) : -2;
    if (at >= 0) continue;
    const uri = scope.get(prefix);
    if (uri === undefined) throw notWellFormed();
    if (at === -2 || uris.includes(uri)) shared = true;
    prefixes.push(prefix);
    uris.push(uri);
  }
  if (!shared || prefixed < 2) return;
  const seen = new Set<string>();
  for (const name in attributes) {
    const colon = name.indexOf(":");
    if (colon === -1 || (colon === 5 && name.startsWith("xmlns"))) continue;
    const key = `{${scope.get(name.slice(0, colon))!}}${name.slice(colon + 1)}`;
    if (seen.has(key)) throw notWellFormed();
    seen.add(key);
  }
}
