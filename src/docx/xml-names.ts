import type { SaxesTag } from "saxes";
import { DocxError, messages } from "./errors";
import { MARKUP_COMPATIBILITY, WORDPROCESSINGML, WORDPROCESSINGML_STRICT } from "./names";
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
const KNOWN_NAMESPACES: ReadonlyMap<string, string> = new Map([WORDPROCESSINGML, WORDPROCESSINGML_STRICT, MARKUP_COMPATIBILITY].map((uri) => [uri, uri]));
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
  /** The tag being read: its declarations, and its other prefixed attributes with where their colon is. */
  private readonly declaredPrefixes: string[] = [];
  private readonly declaredUris: string[] = [];
  private readonly prefixed: string[] = [];
  private readonly colons: number[] = [];

  /** `xml10`: whether the document is XML 1.0, where undeclaring a prefix (`xmlns:p=""`) is an error. */
  constructor(private readonly xml10: () => boolean) {}

  /** An attribute of the tag being read, as saxes reports it (before the tag itself). */
  attribute(name: string, value: string): void {
    const colon = name.indexOf(":");
    if (colon === -1) {
      if (name === "xmlns") this.declare("", value.trim());
      return;
    }
    if (colon === 0 || colon === name.length - 1 || name.indexOf(":", colon + 1) !== -1) throw notWellFormed();
    if (colon === 5 && name.startsWith("xmlns")) {
      const uri = value.trim();
      if (uri === "" && this.xml10()) throw notWellFormed();
      this.declare(name.slice(6), uri);
    } else {
      this.prefixed.push(name);
      this.colons.push(colon);
    }
  }

  /** `tag`, its attributes reported, named and with its scope. */
  open(saxesTag: SaxesTag, depth: number): XmlTag {
    // saxes's own tag object, named in place (without namespaces its attributes are plain strings).
    const tag = saxesTag as unknown as XmlTag;
    const declaredPrefixes = this.declaredPrefixes;
    if (declaredPrefixes.length > 0) {
      const declared = new Map(this.scope);
      const uris = this.declaredUris;
      for (let i = 0; i < declaredPrefixes.length; i++) declared.set(declaredPrefixes[i], uris[i]);
      declaredPrefixes.length = 0;
      uris.length = 0;
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
    if (this.prefixed.length > 0) this.checkPrefixed(scope);
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

  private declare(prefix: string, uri: string): void {
    checkBinding(prefix, uri);
    this.declaredPrefixes.push(prefix);
    // The reader's own constants, so that comparing a tag's namespace with them is comparing references.
    this.declaredUris.push(KNOWN_NAMESPACES.get(uri) ?? uri);
  }

  /**
   * Every prefixed attribute (other than a declaration) has a bound prefix, and no two name the same
   * namespace and local name. Only attributes under distinct prefixes bound to one namespace can: saxes
   * already refused two attributes of the same qualified name.
   */
  private checkPrefixed(scope: ReadonlyMap<string, string>): void {
    const names = this.prefixed;
    const colons = this.colons;
    const prefixes: string[] = [];
    const uris: string[] = [];
    let last = "";
    let shared = false;
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      const colon = colons[i];
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
    if (shared) {
      const seen = new Set<string>();
      for (let i = 0; i < names.length; i++) {
        const key = `{${scope.get(names[i].slice(0, colons[i]))!}}${names[i].slice(colons[i] + 1)}`;
        if (seen.has(key)) throw notWellFormed();
        seen.add(key);
      }
    }
    names.length = 0;
    colons.length = 0;
  }
}

/** Binding `prefix` to `uri` ("" for the default namespace): the xml and xmlns names are reserved. */
function checkBinding(prefix: string, uri: string): void {
  if (prefix === "xml" ? uri !== XML_NAMESPACE : prefix === "xmlns" || uri === XML_NAMESPACE || uri === XMLNS_NAMESPACE) throw notWellFormed();
}
