import type JSZip from "jszip";
import { pushAll } from "../model/arrays";
import { COMMENT_PREFIX, type Write } from "../model/plan";
import type { DocumentSnapshot, Location } from "../model/snapshot";
import { DocxWriteError } from "./write-errors";
import { REVISION_AUTHOR, revisionAt } from "./write-markup";
import { hasShapeOf, writableStructure, type OpenedDocx } from "./write-open";
import { partPath, replacePart, type WritablePackage } from "./write-package";
import { applySplices, encodeSplices, type Splice } from "./write-splice";
import type { DocumentStructure } from "./write-structure";
import { readEntry } from "./zip";
import { childElement, decodePart, descendants, encodePart, escapeXml, parseXmlTree, type XmlElement, type XmlTree } from "./write-xml";

/**
 * Review comments in a .docx file, stored as Word stores them: each a w:comment (id, author
 * "Scrutiny Monitoring", date, initials, one paragraph with its text) in word/comments.xml, and in
 * word/document.xml a w:commentRangeStart and w:commentRangeEnd around the cell's (or paragraph's)
 * content followed by a run holding its w:commentReference. The comments part, its relationship and
 * its content type are created when the file has none, and removed again when removing leaves it
 * without a comment. Removing takes away only comments whose text starts with COMMENT_PREFIX, and
 * every character of the officer's comments and of the rest of each part stays as it was.
 */

type CommentWrite = Extract<Write, { kind: "add-comment" | "remove-comments" }>;

export function isCommentWrite(write: Write): write is CommentWrite {
  return write.kind === "add-comment" || write.kind === "remove-comments";
}

const COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const MAIN_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const CONTENT_TYPES = "[Content_Types].xml";
const INITIALS = "SM";

/** A part of the package as text, with its entry's name and encoding (a missing part: `tree` undefined). */
interface TextPart {
  name: string;
  tree: XmlTree | undefined;
  encoding: Parameters<typeof encodePart>[1];
}

interface CommentParts {
  /** The file as it was, returned when there is nothing to do. */
  bytes: Uint8Array;
  snapshot: DocumentSnapshot;
  pack: WritablePackage;
  structure: DocumentStructure;
  relationships: TextPart;
  /** The comments part's path, from the document's relationship to it, or where a new one goes. */
  comments: TextPart;
  /** The relationship to the comments part, when there is one. */
  relationship: XmlElement | undefined;
  contentTypes: TextPart;
}

/**
 * Applies a plan's comment writes (all its writes are comment writes) to the file's bytes. Returns
 * the very same bytes when there is nothing to do (every comment already there, or none of ours to remove).
 */
export async function applyCommentWrites(opened: OpenedDocx, writes: readonly CommentWrite[], now: Date): Promise<Uint8Array> {
  const parts = await openCommentParts(opened);
  const adds = writes.filter((write): write is Extract<CommentWrite, { kind: "add-comment" }> => write.kind === "add-comment");
  const removes = writes.some((write) => write.kind === "remove-comments");
  if (removes && adds.length > 0) throw new DocxWriteError("unsupported", "Comments cannot be added and removed in one change.");
  return removes ? removeOurComments(parts) : addComments(parts, adds, now);
}

async function openCommentParts(opened: OpenedDocx): Promise<CommentParts> {
  const { bytes, snapshot } = opened;
  const { pack, structure } = await writableStructure(opened);
  const folder = pack.documentPath.includes("/") ? pack.documentPath.slice(0, pack.documentPath.lastIndexOf("/") + 1) : "";
  const relationships = await textPart(pack.zip, `${folder}_rels/${pack.documentPath.slice(folder.length)}.rels`);
  const relationship = relationships.tree && rootOf(relationships.tree, "Relationships")?.children.find(
    (child) => child.name === "Relationship" && child.attributes.Type === COMMENTS_TYPE && child.attributes.TargetMode !== "External",
  );
  const target = relationship?.attributes.Target;
  const path = target ? partPath(folder, target) : freePath(pack.zip, folder);
  return {
    bytes,
    snapshot,
    pack,
    structure,
    relationships,
    comments: await textPart(pack.zip, path),
    relationship,
    contentTypes: await textPart(pack.zip, CONTENT_TYPES),
  };
}

async function addComments(parts: CommentParts, writes: readonly Extract<CommentWrite, { kind: "add-comment" }>[], now: Date): Promise<Uint8Array> {
  const { pack, structure, comments } = parts;
  const existing = comments.tree ? commentsOf(comments.tree) : [];
  const texts = new Set(existing.map((comment) => comment.text));
  const wanted = writes.filter((write) => !texts.has(write.text));
  if (wanted.length === 0) return parts.bytes;

  // Ids above every w:id of the document and of the comments part, so no new id equals an officer's.
  let next = 1 + Math.max(highestId(pack.document.text), comments.tree ? highestId(comments.tree.text) : -1);
  const date = revisionAt(now).date;
  const splices: Splice[] = [];
  const added: string[] = [];
  wanted.forEach((write, order) => {
    const id = next++;
    const { first, last } = anchorOf(structure, write.location);
    const start = `<w:commentRangeStart w:id="${id}"/>`;
    const end = `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
    if (first === last) pushAll(splices, paragraphSplices(pack.document, first, start, end, order));
    else {
      pushAll(splices, paragraphSplices(pack.document, first, start, "", order));
      pushAll(splices, paragraphSplices(pack.document, last, "", end, order));
    }
    added.push(
      `<w:comment w:id="${id}" w:author="${escapeXml(REVISION_AUTHOR)}" w:date="${date}" w:initials="${INITIALS}">` +
        `<w:p><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">${escapeXml(write.text)}</w:t></w:r></w:p></w:comment>`,
    );
  });

  const changed = new Map<string, Uint8Array>();
  changed.set(comments.name, encoded(comments, commentsWith(comments.tree, added.join(""))));
  if (!parts.relationship) changed.set(parts.relationships.name, encoded(parts.relationships, withRelationship(parts)));
  const override = overrideFor(parts.contentTypes, comments.name);
  if (!override) changed.set(parts.contentTypes.name, encoded(parts.contentTypes, withOverride(parts.contentTypes, comments.name)));
  return written(parts, encodeSplices(pack.document.text, splices, pack.encoding), changed, []);
}

async function removeOurComments(parts: CommentParts): Promise<Uint8Array> {
  const { pack, comments } = parts;
  if (!comments.tree) return parts.bytes;
  const all = commentsOf(comments.tree);
  const ours = all.filter((comment) => comment.text.startsWith(COMMENT_PREFIX));
  if (ours.length === 0) return parts.bytes;
  const ids = new Set(ours.map((comment) => comment.id));

  const splices: Splice[] = [];
  const text = pack.document.text;
  for (const element of allElements(pack.document)) {
    const id = element.attributes["w:id"];
    if ((element.name === "w:commentRangeStart" || element.name === "w:commentRangeEnd") && ids.has(id)) {
      splices.push({ start: element.start, end: element.end, text: "", order: 0 });
    } else if (element.name === "w:r" && element.children.some((child) => child.name === "w:commentReference" && ids.has(child.attributes["w:id"]))) {
      // The reference's own run goes; a run that holds anything else keeps it and loses only the reference.
      const own = element.children.every((child) => child.name === "w:rPr" || child.name === "w:commentReference");
      if (own) splices.push({ start: element.start, end: element.end, text: "", order: 0 });
      else for (const child of element.children) if (child.name === "w:commentReference") splices.push({ start: child.start, end: child.end, text: "", order: 0 });
    }
  }
  let document = applySplices(text, splices);
  // A paragraph that held nothing but our marks was written out as <w:p …></w:p>: it is self-closing again.
  document = collapseEmptiedParagraphs(pack.document, splices, document);

  const changed = new Map<string, Uint8Array>();
  const removed: string[] = [];
  if (ours.length === all.length) {
    // Nothing left in the comments part: it goes, with its relationship and content type.
    removed.push(comments.name);
    if (parts.relationship) changed.set(parts.relationships.name, encoded(parts.relationships, cut(parts.relationships.tree!, parts.relationship)));
    const override = overrideFor(parts.contentTypes, comments.name);
    if (override) changed.set(parts.contentTypes.name, encoded(parts.contentTypes, cut(parts.contentTypes.tree!, override)));
  } else {
    const cuts = ours.map((comment) => ({ start: comment.element.start, end: comment.element.end, text: "", order: 0 }));
    changed.set(comments.name, encoded(comments, applySplices(comments.tree.text, cuts)));
  }
  return written(parts, encodePart(document, pack.encoding), changed, removed);
}

/** The first and last paragraph of a cell (its own, not a nested table's last), or a paragraph twice. */
function anchorOf(structure: DocumentStructure, location: Location): { first: XmlElement; last: XmlElement } {
  if (location.kind === "paragraph") {
    const paragraph = structure.paragraphs[location.paragraph];
    if (!paragraph) throw changed();
    return { first: paragraph, last: paragraph };
  }
  const cell = structure.tables[location.table]?.rows[location.row]?.cells[location.cell];
  const first = cell?.paragraphs[0];
  if (!cell || !first) throw changed();
  const own = cell.element.children.filter((child) => child.name === "w:p");
  return { first, last: own[own.length - 1] ?? cell.paragraphs[cell.paragraphs.length - 1] };
}

/** `start` after the paragraph's properties, `end` at its end; a self-closing paragraph is opened to hold them. */
function paragraphSplices(tree: XmlTree, paragraph: XmlElement, start: string, end: string, order: number): Splice[] {
  if (paragraph.contentStart === paragraph.end) {
    const tag = tree.text.slice(paragraph.start, paragraph.end).replace(/\s*\/>$/, ">");
    return [{ start: paragraph.start, end: paragraph.end, text: `${tag}${start}${end}</w:p>`, order }];
  }
  const pPr = childElement(paragraph, "w:pPr");
  const at = pPr ? pPr.end : paragraph.contentStart;
  // Both at one point (a paragraph with nothing after its properties): one splice, so the start comes first.
  if (start && end && at === paragraph.contentEnd) return [{ start: at, end: at, text: start + end, order }];
  const splices: Splice[] = [];
  if (start) splices.push({ start: at, end: at, text: start, order });
  if (end) splices.push({ start: paragraph.contentEnd, end: paragraph.contentEnd, text: end, order });
  return splices;
}

/**
 * `<w:p …></w:p>` left with nothing inside by the cuts becomes `<w:p …/>` again. Only paragraphs a
 * cut was in are looked at, so an officer's own `<w:p></w:p>` elsewhere stays as written.
 */
function collapseEmptiedParagraphs(before: XmlTree, splices: readonly Splice[], document: string): string {
  if (splices.length === 0) return document;
  const tree = parseXmlTree(document);
  const emptied = new Set<number>();
  // Paragraphs are matched by their order: the cuts remove no paragraph.
  const paragraphs = (t: XmlTree) => allElements(t).filter((element) => element.name === "w:p");
  const was = paragraphs(before);
  const now = paragraphs(tree);
  was.forEach((paragraph, index) => {
    const cut = splices.some((splice) => splice.start >= paragraph.contentStart && splice.end <= paragraph.contentEnd);
    const after = now[index];
    if (cut && after && after.children.length === 0 && after.contentStart !== after.end && after.contentStart === after.contentEnd) emptied.add(index);
  });
  if (emptied.size === 0) return document;
  const collapse: Splice[] = [...emptied].map((index) => {
    const paragraph = now[index];
    return { start: paragraph.start, end: paragraph.end, text: `${document.slice(paragraph.start, paragraph.contentStart - 1)}/>`, order: 0 };
  });
  return applySplices(document, collapse);
}

interface StoredComment {
  id: string;
  text: string;
  element: XmlElement;
}

/** The part's comments with their text: each paragraph's w:t text, paragraphs joined by "\n". */
function commentsOf(tree: XmlTree): StoredComment[] {
  const root = rootOf(tree, "w:comments");
  if (!root) return [];
  return root.children
    .filter((child) => child.name === "w:comment")
    .map((element) => {
      const paragraphs = [...descendants(element)].filter((child) => child.name === "w:p");
      const text = paragraphs
        .map((paragraph) =>
          [...descendants(paragraph)]
            .filter((child) => child.name === "w:t")
            .map((t) => decodeText(tree.text.slice(t.contentStart, t.contentEnd)))
            .join(""),
        )
        .join("\n");
      return { id: element.attributes["w:id"] ?? "", text, element };
    });
}

function commentsWith(tree: XmlTree | undefined, added: string): string {
  if (!tree) {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="${MAIN_NAMESPACE}">${added}</w:comments>`;
  }
  const root = rootOf(tree, "w:comments");
  if (!root) throw new DocxWriteError("unsupported", "The document's comments part is not one Word wrote, so no comment was added.");
  return insertInto(tree, root, added);
}

function withRelationship(parts: CommentParts): string {
  const tree = parts.relationships.tree;
  const folder = parts.pack.documentPath.includes("/") ? parts.pack.documentPath.slice(0, parts.pack.documentPath.lastIndexOf("/") + 1) : "";
  const target = parts.comments.name.startsWith(folder) ? parts.comments.name.slice(folder.length) : `/${parts.comments.name}`;
  const root = tree && rootOf(tree, "Relationships");
  const taken = new Set(root?.children.map((child) => child.attributes.Id) ?? []);
  let number = 1;
  while (taken.has(`rId${number}`)) number++;
  const element = `<Relationship Id="rId${number}" Type="${COMMENTS_TYPE}" Target="${escapeXml(target)}"/>`;
  if (!tree || !root) {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${element}</Relationships>`;
  }
  return insertInto(tree, root, element);
}

function overrideFor(contentTypes: TextPart, name: string): XmlElement | undefined {
  const root = contentTypes.tree && rootOf(contentTypes.tree, "Types");
  return root?.children.find((child) => child.name === "Override" && child.attributes.PartName?.toLowerCase() === `/${name}`.toLowerCase());
}

function withOverride(contentTypes: TextPart, name: string): string {
  const root = contentTypes.tree && rootOf(contentTypes.tree, "Types");
  if (!contentTypes.tree || !root) throw new DocxWriteError("unsupported", "The file has no list of its parts' types, so no comment was added.");
  return insertInto(contentTypes.tree, root, `<Override PartName="/${escapeXml(name)}" ContentType="${COMMENTS_CONTENT_TYPE}"/>`);
}

/** The part's text with `xml` as the root's last children (a self-closing root opened to hold them). */
function insertInto(tree: XmlTree, root: XmlElement, xml: string): string {
  const { text } = tree;
  if (root.contentStart === root.end) {
    const tag = text.slice(root.start, root.end).replace(/\s*\/>$/, ">");
    return `${text.slice(0, root.start)}${tag}${xml}</${root.name}>${text.slice(root.end)}`;
  }
  return text.slice(0, root.contentEnd) + xml + text.slice(root.contentEnd);
}

function cut(tree: XmlTree, element: XmlElement): string {
  return tree.text.slice(0, element.start) + tree.text.slice(element.end);
}

/** The package with word/document.xml (`document`, its new bytes; and the other parts given) replaced and `removed` taken out. */
async function written(parts: CommentParts, document: Uint8Array, changed: Map<string, Uint8Array>, removed: string[]): Promise<Uint8Array> {
  const { pack } = parts;
  // What is written must be well-formed, and the document must still hold the places the reader read.
  let asPlanned: boolean;
  try {
    asPlanned = hasShapeOf(document, parts.snapshot);
    for (const bytes of changed.values()) parseXmlTree(decodePart(bytes).text);
  } catch {
    asPlanned = false;
  }
  if (!asPlanned) {
    throw new DocxWriteError("unsupported", "The comments did not come out as planned, so nothing was written. Please report this.");
  }
  for (const name of removed) pack.zip.remove(name);
  for (const [name, bytes] of changed) pack.zip.file(name, bytes, { compression: "DEFLATE", date: pack.zip.file(name)?.date, createFolders: false });
  return replacePart(pack.zip, pack.documentPath, document);
}

async function textPart(zip: JSZip, path: string): Promise<TextPart> {
  const name = entryName(zip, path) ?? path;
  const bytes = await readEntry(zip, name);
  if (!bytes) return { name, tree: undefined, encoding: "utf-8" };
  const { text, encoding } = decodePart(bytes);
  return { name, tree: parseXmlTree(text), encoding };
}

function encoded(part: TextPart, text: string): Uint8Array {
  return encodePart(text, part.encoding);
}

/** The zip's own name for a path, compared case-insensitively as the packaging conventions say. */
function entryName(zip: JSZip, path: string): string | undefined {
  if (zip.file(path)) return path;
  const wanted = path.toLowerCase();
  return Object.keys(zip.files).find((name) => !zip.files[name].dir && name.toLowerCase() === wanted);
}

/** Where a new comments part goes: word/comments.xml, or a free name beside it when that is taken. */
function freePath(zip: JSZip, folder: string): string {
  for (let number = 0; ; number++) {
    const path = `${folder}comments${number === 0 ? "" : number}.xml`;
    if (!entryName(zip, path)) return path;
  }
}

function rootOf(tree: XmlTree, name: string): XmlElement | undefined {
  return tree.roots.find((element) => element.name === name);
}

function allElements(tree: XmlTree): XmlElement[] {
  const found: XmlElement[] = [];
  for (const root of tree.roots) {
    found.push(root);
    for (const element of descendants(root)) found.push(element);
  }
  return found;
}

function highestId(text: string): number {
  let highest = -1;
  for (const match of text.matchAll(/\bw:id="(-?\d+)"/g)) highest = Math.max(highest, Number(match[1]));
  return highest;
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeText(raw: string): string {
  return raw.replace(ENTITY, (_all, hex: string | undefined, decimal: string | undefined, name: string | undefined) =>
    name ? NAMED[name] : String.fromCodePoint(parseInt(hex ?? decimal ?? "0", hex ? 16 : 10)),
  );
}

function changed(): DocxWriteError {
  return new DocxWriteError("document-changed", "The document's tables have changed since the comments were planned, so nothing was written.");
}
