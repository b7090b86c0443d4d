import { DocxError, messages } from "./errors";
import { MARKUP_COMPATIBILITY, WORDPROCESSINGML, WORDPROCESSINGML_STRICT } from "./names";
import type { XmlTag } from "./xml";

/**
 * Namespaces in XML 1.0, resolved for the tokenizer's plain (namespace-unaware) tokens: a stack of prefix →
 * URI scopes, one pushed only by an element that declares `xmlns` or `xmlns:*` (each scope a whole
 * map, so looking a prefix up is one `get`); element and attribute names split at their colon and
 * resolved against it. It refuses what saxes's namespace mode (the reader's first tokenizer) refused: a malformed qualified name, an
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

/** Runs a tokenizer's `step`: a DocxError passes through, anything else it throws means the XML is not well-formed. */
export function tokenizing(step: () => unknown): void {
  try {
    step();
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw notWellFormed();
  }
}

/** A qualified element name resolved in one scope, with the code the stream's `classify` gave it. */
interface ResolvedName {
  readonly prefix: string;
  readonly local: string;
  readonly uri: string;
  readonly code: number;
}

/**
 * A start tag already read in one scope, by its whole text (name and attributes as written): one
 * that declares no namespace resolves the same every time it recurs there, and its attributes were
 * checked when it first came.
 */
export interface KnownTag extends ResolvedName {
  readonly name: string;
  /** Its attributes by qualified name, decoded the first time a visitor asks for them. */
  attributes: Readonly<Record<string, string>> | undefined;
}

/** Prefix → URI bindings in force, and the element names and whole tags already resolved under them. */
interface Scope {
  readonly prefixes: ReadonlyMap<string, string>;
  /** Made on the first element named in the scope; at most MAX_NAMES_PER_SCOPE names. */
  names: Map<string, ResolvedName> | undefined;
  /** Made on the first tag remembered in the scope; at most MAX_NAMES_PER_SCOPE tags. */
  tags: Map<string, KnownTag> | undefined;
}

/**
 * Element names are resolved once per scope: a document names a few hundred distinct elements
 * among millions. Bounded, so that neither many distinct names nor many nested scopes (each
 * declaring a namespace) make the caches grow with the input: past the bounds, names are resolved
 * each time, as if there were no cache.
 */
export const MAX_NAMES_PER_SCOPE = 4096;
/** The open scopes' caches together. */
export const MAX_CACHED_NAMES = 4 * MAX_NAMES_PER_SCOPE;
/** Longer names are not cached (no cache holds more than a bounded number of characters). */
export const MAX_CACHED_NAME_LENGTH = 128;
/**
 * Nor longer tags (their text between `<` and `>`), nor looked up: Word gives each paragraph its own
 * ids (`<w:p w:rsidR="…" w:rsidRDefault="…" w:rsidP="…" w14:paraId="…" w14:textId="…">`, about 120),
 * so such a tag never recurs, while properties (`<w:tcW w:w="4788" w:type="dxa"/>`) recur throughout.
 */
export const MAX_CACHED_TAG_LENGTH = 100;

/** What a tag's `code` is when the stream has no `classify`. */
const noClass = (): number => 0;

/** A start tag as the tokenizer gives it. */
export interface PlainTag {
  readonly name: string;
  readonly isSelfClosing: boolean;
}

/**
 * A stack of scopes resolving the tokenizer's plain names. `open` names the stream's one reused tag object,
 * `tag`, in place: a visitor must read it during `open` and keep none of it but its strings.
 */
export class NamespaceScopes {
  private scope: Scope = { prefixes: ROOT_SCOPE, names: undefined, tags: undefined };
  private readonly outer: Scope[] = [];
  /** The depth of the element that pushed each scope in `outer`. */
  private readonly depths: number[] = [];
  /** Names held by the open scopes' caches, and tags. */
  private cached = 0;
  private cachedTagCount = 0;
  /** The tag being read: its declarations, and its other prefixed attributes with where their colon is. */
  private readonly declaredPrefixes: string[] = [];
  private readonly declaredUris: string[] = [];
  private readonly prefixed: string[] = [];
  private readonly colons: number[] = [];
  private prefixedCount = 0;
  /** checkPrefixed's distinct prefixes and their URIs, reused from tag to tag. */
  private readonly seenPrefixes: string[] = [];
  private readonly seenUris: string[] = [];

  /**
   * `xml10`: whether the document is XML 1.0, where undeclaring a prefix (`xmlns:p=""`) is an error;
   * `classify`: a tag's `code` from its namespace and local name, asked once per name and scope.
   */
  constructor(
    private readonly xml10: () => boolean,
    private readonly classify: (uri: string, local: string) => number = noClass,
  ) {}

  /** An attribute of the tag being read (reported before the tag itself; `value` matters only for declarations). */
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
      const at = this.prefixedCount++;
      this.prefixed[at] = name;
      this.colons[at] = colon;
    }
  }

  /** Names `tag` (`plain`, its attributes reported) and gives it its scope. */
  open(plain: PlainTag, depth: number, tag: XmlTag): void {
    if (this.declaredPrefixes.length > 0) this.pushScope(depth);
    const scope = this.scope;
    const prefixes = scope.prefixes;
    const name = plain.name;
    tag.name = name;
    tag.isSelfClosing = plain.isSelfClosing;
    tag.scope = prefixes;
    const resolved = scope.names?.get(name) ?? this.resolveName(scope, name);
    tag.prefix = resolved.prefix;
    tag.local = resolved.local;
    tag.uri = resolved.uri;
    tag.code = resolved.code;
    if (this.prefixedCount > 0) this.checkPrefixed(prefixes);
  }

  /** The tag whose text (between `<` and `>`) is `source`, if it was remembered in the scope in force. */
  known(source: string): KnownTag | undefined {
    return source.length > MAX_CACHED_TAG_LENGTH ? undefined : this.scope.tags?.get(source);
  }

  /**
   * The tag just opened (named by `open`) recurs as it is wherever `source` recurs in this scope, if it
   * declared no namespace (which would make a scope of its own) and the bounds allow. Returns it.
   */
  remember(source: string, tag: XmlTag, declared: boolean): KnownTag | undefined {
    if (declared || source.length > MAX_CACHED_TAG_LENGTH || this.cachedTagCount >= MAX_CACHED_NAMES) return undefined;
    const scope = this.scope;
    let tags = scope.tags;
    if (tags === undefined) tags = scope.tags = new Map();
    else if (tags.size >= MAX_NAMES_PER_SCOPE) return undefined;
    const known: KnownTag = { name: ownCopy(tag.name), prefix: tag.prefix, local: tag.local, uri: tag.uri, code: tag.code, attributes: undefined };
    tags.set(ownCopy(source), known);
    this.cachedTagCount++;
    return known;
  }

  /** Names `tag` as `known` (see `known`), in the scope in force. */
  openKnown(known: KnownTag, isSelfClosing: boolean, tag: XmlTag): void {
    tag.name = known.name;
    tag.isSelfClosing = isSelfClosing;
    tag.scope = this.scope.prefixes;
    tag.prefix = known.prefix;
    tag.local = known.local;
    tag.uri = known.uri;
    tag.code = known.code;
  }

  /** The element at `depth` closes: the scope it pushed, if any, goes. */
  close(depth: number): void {
    const depths = this.depths;
    if (depths.length > 0 && depths[depths.length - 1] === depth) {
      depths.pop();
      this.cached -= this.scope.names?.size ?? 0;
      this.cachedTagCount -= this.scope.tags?.size ?? 0;
      this.scope = this.outer.pop()!;
    }
  }

  resolve(prefix: string): string | undefined {
    return this.scope.prefixes.get(prefix);
  }

  /** Element names held by the open scopes' caches (never more than MAX_CACHED_NAMES). */
  get cachedNames(): number {
    return this.cached;
  }

  /** Tags held by the open scopes' caches (never more than MAX_CACHED_NAMES). */
  get cachedTags(): number {
    return this.cachedTagCount;
  }

  /** Whether the tag being read declares a namespace (before `open`). */
  get declaring(): boolean {
    return this.declaredPrefixes.length > 0;
  }

  /** The tag declares namespaces: a scope of its own, with every binding of the outer one. */
  private pushScope(depth: number): void {
    const declaredPrefixes = this.declaredPrefixes;
    const uris = this.declaredUris;
    const declared = new Map(this.scope.prefixes);
    for (let i = 0; i < declaredPrefixes.length; i++) declared.set(declaredPrefixes[i], uris[i]);
    declaredPrefixes.length = 0;
    uris.length = 0;
    this.outer.push(this.scope);
    this.depths.push(depth);
    this.scope = { prefixes: declared, names: undefined, tags: undefined };
  }

  /** `name` checked and resolved in `scope`, and cached there if the bounds allow. */
  private resolveName(scope: Scope, written: string): ResolvedName {
    // Its prefix and local name are slices of it, and may be cached: of a copy, not of the part's text.
    const name = ownCopy(written);
    const colon = name.indexOf(":");
    let prefix = "";
    let local = name;
    let uri: string;
    if (colon === -1) {
      uri = scope.prefixes.get("") ?? "";
    } else {
      if (colon === 0 || colon === name.length - 1 || name.indexOf(":", colon + 1) !== -1) throw notWellFormed();
      prefix = name.slice(0, colon);
      if (prefix === "xmlns") throw notWellFormed();
      const bound = scope.prefixes.get(prefix);
      if (bound === undefined || bound === "") throw notWellFormed();
      uri = bound;
      local = name.slice(colon + 1);
    }
    const resolved: ResolvedName = { prefix, local, uri, code: this.classify(uri, local) };
    if (name.length > MAX_CACHED_NAME_LENGTH || this.cached >= MAX_CACHED_NAMES) return resolved;
    let names = scope.names;
    if (names === undefined) names = scope.names = new Map();
    else if (names.size >= MAX_NAMES_PER_SCOPE) return resolved;
    names.set(name, resolved);
    this.cached++;
    return resolved;
  }

  private declare(prefix: string, uri: string): void {
    checkBinding(prefix, uri);
    this.declaredPrefixes.push(prefix);
    // The reader's own constants, so that comparing a tag's namespace with them is comparing references.
    this.declaredUris.push(KNOWN_NAMESPACES.get(uri) ?? uri);
  }

  /**
   * Every prefixed attribute (other than a declaration) has a bound prefix, and no two name the same
   * namespace and local name. Only attributes under distinct prefixes bound to one namespace can: the
   * tokenizer already refused two attributes of the same qualified name.
   */
  private checkPrefixed(scope: ReadonlyMap<string, string>): void {
    const names = this.prefixed;
    const colons = this.colons;
    const count = this.prefixedCount;
    this.prefixedCount = 0;
    const prefixes = this.seenPrefixes;
    const uris = this.seenUris;
    let distinct = 0;
    let last = "";
    let shared = false;
    for (let i = 0; i < count; i++) {
      const name = names[i];
      const colon = colons[i];
      // Most attributes share the previous one's prefix (w:rsidR w:rsidRDefault…): no slice for those.
      if (colon === last.length && name.startsWith(last)) continue;
      const prefix = name.slice(0, colon);
      last = prefix;
      let at = -1;
      if (distinct > FEW_PREFIXES) at = -2;
      else for (let j = 0; j < distinct; j++) if (prefixes[j] === prefix) at = j;
      if (at >= 0) continue;
      const uri = scope.get(prefix);
      if (uri === undefined) throw notWellFormed();
      if (at === -2) shared = true;
      else for (let j = 0; j < distinct; j++) if (uris[j] === uri) shared = true;
      prefixes[distinct] = prefix;
      uris[distinct] = uri;
      distinct++;
    }
    if (shared) {
      const seen = new Set<string>();
      for (let i = 0; i < count; i++) {
        const key = `{${scope.get(names[i].slice(0, colons[i]))!}}${names[i].slice(colons[i] + 1)}`;
        if (seen.has(key)) throw notWellFormed();
        seen.add(key);
      }
    }
  }
}

/**
 * `text` in storage of its own. The tokenizer's names and tags are slices of the piece of the part
 * they came in, and a cache holding a slice would keep that whole piece alive: a string this short
 * is a copy already, and a longer one is copied when V8 flattens the join before slicing it.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : (text + "\0").slice(0, -1);
}

/** Binding `prefix` to `uri` ("" for the default namespace): the xml and xmlns names are reserved. */
function checkBinding(prefix: string, uri: string): void {
  if (prefix === "xml" ? uri !== XML_NAMESPACE : prefix === "xmlns" || uri === XML_NAMESPACE || uri === XMLNS_NAMESPACE) throw notWellFormed();
}
