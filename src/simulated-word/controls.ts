import type { Location } from "../model/snapshot";
import type { SimRequestContext } from "./context";
import {
  type SimCell,
  type SimComment,
  type SimControl,
  type SimControlType,
  type SimParagraph as SimParagraphModel,
  type SimTable as SimTableModel,
  VALUES_PARAGRAPH_SEPARATOR,
  cellLocation,
  cellOfParagraph,
  paragraphIndex,
  paragraphsIn,
  refreshControl,
  tableValues,
} from "./document";
import { SimErrorCodes, SimOfficeError, itemNotFound } from "./errors";
import { spliceText } from "./runs";
import { SimClientCollection, SimClientObject, type PropertyReaders } from "./proxy";
import type { BodyTarget } from "./objects";
import { SimTable } from "./objects";

/** A content control and what holds it: a paragraph (inline, at its start) or a table it wraps. */
export interface ControlTarget {
  control: SimControl;
  host: SimParagraphModel | SimTableModel;
}

export function controlTarget(found: { control: SimControl; host: SimParagraphModel | SimTableModel }): ControlTarget {
  return { control: found.control, host: found.host };
}

const CONTROL_TYPES: readonly SimControlType[] = ["RichText", "PlainText", "DropDownList", "ComboBox", "CheckBox"];

/** Inserts an inline content control at the start of a paragraph (Range.insertContentControl). */
export function insertInlineControl(context: SimRequestContext, p: SimParagraphModel, type: string): SimControl {
  if (!CONTROL_TYPES.includes(type as SimControlType)) {
    throw new SimOfficeError(SimErrorCodes.invalidArgument, `'${type}' is not a content control type the simulated Word supports.`, "Range.insertContentControl");
  }
  if (p.control) throw new SimOfficeError(SimErrorCodes.notAllowed, "The paragraph already starts with a content control.", "Range.insertContentControl");
  const dropdown = type === "DropDownList" || type === "ComboBox";
  // Word's own placeholder until the add-in sets one.
  const placeholderText = dropdown ? "Choose an item." : "Click or tap here to enter text.";
  p.control = {
    id: context.state.nextId(),
    type: type as SimControlType,
    tag: "",
    title: "",
    appearance: "BoundingBox",
    placeholderText,
    listItems: [],
    selected: null,
    length: 0,
    own: false,
  };
  refreshControl(p);
  return p.control;
}

function controlText(target: ControlTarget): string {
  if (target.host.kind === "table") return tableValues(target.host).map((r) => r.join("\t")).join(VALUES_PARAGRAPH_SEPARATOR);
  return target.host.text.slice(0, target.host.control === target.control ? target.host.control.length : 0);
}

const CONTROL_PROPERTIES: PropertyReaders<ControlTarget> = {
  id: (t) => t.control.id,
  tag: (t) => t.control.tag,
  title: (t) => t.control.title,
  type: (t) => t.control.type,
  appearance: (t) => t.control.appearance,
  placeholderText: (t) => t.control.placeholderText,
  text: controlText,
  cannotEdit: (t) => t.control.cannotEdit === true,
};

function inDocument(context: SimRequestContext, target: ControlTarget): boolean {
  if (target.host.kind === "paragraph") return target.host.control === target.control && paragraphIndex(context.state.document, target.host) >= 0;
  return target.host.control === target.control;
}

export class SimContentControl extends SimClientObject<ControlTarget> {
  protected readonly typeName = "Word.ContentControl";
  protected readonly properties = CONTROL_PROPERTIES;

  get id(): number {
    return this.loaded("id");
  }
  get text(): string {
    return this.loaded("text");
  }
  get type(): string {
    return this.loaded("type");
  }
  get tag(): string {
    return this.loaded("tag");
  }
  set tag(value: string) {
    this.setField("tag", value);
  }
  get title(): string {
    return this.loaded("title");
  }
  set title(value: string) {
    this.setField("title", value);
  }
  get appearance(): string {
    return this.loaded("appearance");
  }
  set appearance(value: string) {
    if (!["BoundingBox", "Tags", "Hidden"].includes(value)) {
      this.queueCall(() => {
        throw new SimOfficeError(SimErrorCodes.invalidArgument, `'${value}' is not a content control appearance.`, "ContentControl.appearance");
      });
      return;
    }
    this.setField("appearance", value as SimControl["appearance"]);
  }
  get placeholderText(): string {
    return this.loaded("placeholderText");
  }
  set placeholderText(value: string) {
    this.queueCall((target) => {
      target.control.placeholderText = value;
      if (target.host.kind === "paragraph") refreshControl(target.host);
    });
  }

  /** WordApi 1.1. */
  get cannotEdit(): boolean {
    return this.loaded("cannotEdit");
  }
  set cannotEdit(value: boolean) {
    this.queueCall((target) => {
      target.control.cannotEdit = value;
    });
  }

  private setField<K extends "tag" | "title" | "appearance">(key: K, value: SimControl[K]): void {
    this.queueCall((target) => {
      target.control[key] = value;
    });
  }

  /** WordApi 1.9: the dropdown's list, or null for other controls (read at sync: a null object here fails then). */
  get dropDownListContentControl(): SimDropDownList {
    this.context.requireApi("WordApi", "1.9", "ContentControl.dropDownListContentControl");
    return new SimDropDownList(this.context, () => {
      const target = this.resolve();
      if (target.control.type !== "DropDownList") throw itemNotFound("ContentControl.dropDownListContentControl");
      return target;
    });
  }

  /** WordApi 1.3: the tables in the control. */
  get tables(): SimContentControlTables {
    this.context.requireApi("WordApi", "1.3", "ContentControl.tables");
    return new SimContentControlTables(this.context, () => {
      const target = this.resolve();
      return target.host.kind === "table" ? [{ table: target.host, nestingLevel: 1 }] : [];
    });
  }

  /**
   * WordApi 1.1. keepContent false removes what the control holds with it (its table, or its text);
   * true leaves the content in place.
   */
  delete(keepContent: boolean): void {
    this.queueCall((target) => {
      if (!inDocument(this.context, target)) throw itemNotFound("ContentControl.delete");
      const host = target.host;
      if (host.kind === "paragraph") {
        if (!keepContent) spliceText(host, 0, host.control?.length ?? 0, "");
        delete host.control;
        return;
      }
      delete host.control;
      if (!keepContent) removeBlock(this.context, host);
    });
  }
}

function removeBlock(context: SimRequestContext, table: SimTableModel): void {
  const blocks = context.state.document.blocks;
  const at = blocks.indexOf(table);
  if (at < 0) throw itemNotFound("ContentControl.delete");
  blocks.splice(at, 1);
}

/** ContentControl.tables: a table collection over what the control wraps. */
export class SimContentControlTables extends SimClientCollection<{ table: SimTableModel; nestingLevel: number }, SimTable> {
  protected readonly typeName = "Word.Table";
  protected readonly itemProperties: PropertyReaders<{ table: SimTableModel; nestingLevel: number }> = {
    values: (t) => tableValues(t.table),
    rowCount: (t) => t.table.rows.length,
    nestingLevel: (t) => t.nestingLevel,
  };
  protected createItem(model: { table: SimTableModel; nestingLevel: number }): SimTable {
    return new SimTable(this.context, () => model);
  }

  /** WordApi 1.3. */
  getFirst(): SimTable {
    return new SimTable(this.context, () => {
      const first = this.resolveAll()[0];
      if (!first) throw itemNotFound("TableCollection.getFirst");
      return first;
    });
  }
}

export class SimContentControlCollection extends SimClientCollection<ControlTarget, SimContentControl> {
  protected readonly typeName = "Word.ContentControl";
  protected readonly itemProperties = CONTROL_PROPERTIES;
  protected createItem(model: ControlTarget): SimContentControl {
    return new SimContentControl(this.context, () => model);
  }

  /** WordApi 1.1. */
  getByTag(tag: string): SimContentControlCollection {
    return new SimContentControlCollection(this.context, () => this.resolveAll().filter((t) => t.control.tag === tag));
  }

  /** WordApi 1.3: fails at sync with ItemNotFound when there is none. */
  getFirst(): SimContentControl {
    this.context.requireApi("WordApi", "1.3", "ContentControlCollection.getFirst");
    return new SimContentControl(this.context, () => {
      const first = this.resolveAll()[0];
      if (!first) throw itemNotFound("ContentControlCollection.getFirst");
      return first;
    });
  }
}

/** WordApi 1.9. */
export class SimDropDownList extends SimClientObject<ControlTarget> {
  protected readonly typeName = "Word.DropDownListContentControl";
  protected readonly properties: PropertyReaders<ControlTarget> = {};

  get listItems(): SimListItemCollection {
    return new SimListItemCollection(this.context, () => {
      const target = this.resolve();
      return target.control.listItems.map((_, index) => ({ target, index }));
    });
  }

  addListItem(displayText: string, value?: string, index?: number): SimListItem {
    let made: ListItemTarget | null = null;
    this.queueCall((target) => {
      const items = target.control.listItems;
      if (items.some((item) => item.displayText === displayText)) {
        throw new SimOfficeError(SimErrorCodes.invalidArgument, `The list already has an item '${displayText}'.`, "DropDownListContentControl.addListItem");
      }
      const at = index === undefined ? items.length : Math.max(0, Math.min(index, items.length));
      items.splice(at, 0, { displayText, value: value ?? displayText });
      if (target.control.selected !== null && target.control.selected >= at) target.control.selected++;
      made = { target, index: at };
    });
    return new SimListItem(this.context, () => {
      if (!made) throw itemNotFound("DropDownListContentControl.addListItem");
      return made;
    });
  }

  deleteAllListItems(): void {
    this.queueCall((target) => {
      target.control.listItems = [];
      target.control.selected = null;
      if (target.host.kind === "paragraph") refreshControl(target.host);
    });
  }
}

interface ListItemTarget {
  target: ControlTarget;
  index: number;
}

const LIST_ITEM_PROPERTIES: PropertyReaders<ListItemTarget> = {
  displayText: (i) => i.target.control.listItems[i.index]?.displayText,
  value: (i) => i.target.control.listItems[i.index]?.value,
  index: (i) => i.index,
};

export class SimListItemCollection extends SimClientCollection<ListItemTarget, SimListItem> {
  protected readonly typeName = "Word.ContentControlListItem";
  protected readonly itemProperties = LIST_ITEM_PROPERTIES;
  protected createItem(model: ListItemTarget): SimListItem {
    return new SimListItem(this.context, () => model);
  }

  getFirst(): SimListItem {
    return new SimListItem(this.context, () => {
      const first = this.resolveAll()[0];
      if (!first) throw itemNotFound("ContentControlListItemCollection.getFirst");
      return first;
    });
  }
}

export class SimListItem extends SimClientObject<ListItemTarget> {
  protected readonly typeName = "Word.ContentControlListItem";
  protected readonly properties = LIST_ITEM_PROPERTIES;

  get displayText(): string {
    return this.loaded("displayText");
  }
  get value(): string {
    return this.loaded("value");
  }
  get index(): number {
    return this.loaded("index");
  }

  /** "Selects the list item and sets the text of the content control to the value of the list item." */
  select(): void {
    this.queueCall(({ target, index }) => {
      if (!target.control.listItems[index]) throw itemNotFound("ContentControlListItem.select");
      chooseItem(target, index);
    });
  }

  delete(): void {
    this.queueCall(({ target, index }) => {
      if (!target.control.listItems[index]) throw itemNotFound("ContentControlListItem.delete");
      target.control.listItems.splice(index, 1);
      if (target.control.selected === index) target.control.selected = null;
      else if (target.control.selected !== null && target.control.selected > index) target.control.selected--;
      if (target.host.kind === "paragraph") refreshControl(target.host);
    });
  }
}

/** Chooses a dropdown's item: the control then shows it (as the user choosing it in Word does). */
export function chooseItem(target: ControlTarget, index: number): void {
  target.control.selected = index;
  const host = target.host;
  if (host.kind === "paragraph" && host.control) {
    host.control.own = false;
    refreshControl(host);
  }
}

// Comments (WordApi 1.4)

export function addComment(context: SimRequestContext, anchor: SimComment["anchor"], content: string): SimComment {
  const comment: SimComment = { id: `{comment-${context.state.nextId()}}`, content, authorName: "Scrutiny Monitoring", resolved: false, anchor };
  (context.state.document.comments ??= []).push(comment);
  return comment;
}

/** The comments of the document still in it (a comment goes with the rows it was on), optionally within a body. */
export function liveComments(context: SimRequestContext, within: BodyTarget | null): SimComment[] {
  const document = context.state.document;
  const comments = document.comments ?? [];
  if (comments.length === 0) return [];
  const blocks = within ? within.blocks : document.blocks;
  const paragraphs = new Set(paragraphsIn(blocks).map((e) => e.paragraph));
  const cells = new Set<SimCell>();
  const walk = (list: typeof blocks): void => {
    for (const b of list) if (b.kind === "table") for (const r of b.rows) for (const c of r.cells) {
      cells.add(c);
      walk(c.blocks);
    }
  };
  walk(blocks);
  if (within?.cell) cells.add(within.cell);
  const live = comments.filter((c) => ("cell" in c.anchor ? cells.has(c.anchor.cell) : paragraphs.has(c.anchor.paragraph)));
  if (!within) document.comments = live;
  return live;
}

/** Where a comment is, as a snapshot location. */
export function commentLocation(context: SimRequestContext | { state: { document: SimRequestContext["state"]["document"] } }, comment: SimComment): Location | null {
  const document = context.state.document;
  if ("cell" in comment.anchor) return cellLocation(document, comment.anchor.cell);
  const holder = cellOfParagraph(document, comment.anchor.paragraph);
  if (holder) return cellLocation(document, holder);
  const index = paragraphIndex(document, comment.anchor.paragraph);
  return index < 0 ? null : { kind: "paragraph", paragraph: index };
}

const COMMENT_PROPERTIES: PropertyReaders<SimComment> = {
  id: (c) => c.id,
  content: (c) => c.content,
  authorName: (c) => c.authorName,
  resolved: (c) => c.resolved,
};

export class SimCommentCollection extends SimClientCollection<SimComment, SimCommentProxy> {
  protected readonly typeName = "Word.Comment";
  protected readonly itemProperties = COMMENT_PROPERTIES;
  protected createItem(model: SimComment): SimCommentProxy {
    return new SimCommentProxy(this.context, () => model);
  }

  constructor(context: SimRequestContext, body: () => BodyTarget) {
    super(context, () => {
      const target = body();
      return liveComments(context, target.level === 0 && !target.cell ? null : target);
    });
  }
}

export class SimCommentProxy extends SimClientObject<SimComment> {
  protected readonly typeName = "Word.Comment";
  protected readonly properties = COMMENT_PROPERTIES;

  get id(): string {
    return this.loaded("id");
  }
  get content(): string {
    return this.loaded("content");
  }
  set content(value: string) {
    this.queueCall((c) => {
      c.content = value;
    });
  }
  get authorName(): string {
    return this.loaded("authorName");
  }
  get resolved(): boolean {
    return this.loaded("resolved");
  }

  /** "Deletes the comment and its replies." */
  delete(): void {
    this.queueCall((c) => {
      const comments = this.context.state.document.comments ?? [];
      const at = comments.indexOf(c);
      if (at < 0) throw itemNotFound("Comment.delete");
      comments.splice(at, 1);
    });
  }
}
