import type { CellLocation, DocumentSnapshot, Location, ParagraphLocation } from "../model/snapshot";
import { CHANGED_MESSAGE, notInWord, toWordError } from "./errors";
import { type Capabilities, WordError, type WordGateway } from "./gateway-types";
import { snapshotFromWord } from "./interleave";
import { applyPlan, planRequirement } from "./apply";
import type { Plan } from "../model/plan";
import { locationOfParagraph } from "../model/edit-locate";

/** The document setting Office reads to open the task pane with the document. */
export const AUTO_OPEN_SETTING = "Office.AutoShowTaskpaneWithDocument";

function wordAvailable(): boolean {
  return typeof Word !== "undefined" && typeof Word.run === "function";
}

/** Runs one batch against Word, turning every failure into a WordError. */
async function runInWord<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> {
  if (!wordAvailable()) throw notInWord();
  try {
    return await Word.run(batch);
  } catch (error) {
    throw toWordError(error);
  }
}

/** Queues the scan's loads: tables' values and every paragraph with its table nesting. */
function loadStructure(context: Word.RequestContext): () => DocumentSnapshot {
  const body = context.document.body;
  const tables = body.tables.load("values,nestingLevel");
  const paragraphs = body.paragraphs.load("text,tableNestingLevel");
  return () =>
    snapshotFromWord(
      tables.items.map((t) => ({ values: t.values, nestingLevel: t.nestingLevel })),
      paragraphs.items.map((p) => ({ text: p.text, tableNestingLevel: p.tableNestingLevel })),
    );
}

/**
 * One sync: the structure, interleaved into a snapshot, and on WordApi 1.4 hosts whether the
 * document tracks changes (read only: the add-in never switches tracking on or off).
 */
async function scan(): Promise<DocumentSnapshot> {
  const tracking = isSetSupported("1.4");
  return runInWord(async (context) => {
    const snapshot = loadStructure(context);
    if (tracking) context.document.load("changeTrackingMode");
    await context.sync();
    const result = snapshot();
    if (tracking) result.trackingChanges = context.document.changeTrackingMode !== Word.ChangeTrackingMode.off;
    return result;
  });
}

/**
 * One sync: the structure and the paragraphs from the start of the body to the cursor, whose count
 * is the cursor's paragraph index, mapped onto the snapshot (a paragraph in a table is its cell).
 */
async function cursor(): Promise<Location | null> {
  return runInWord(async (context) => {
    const snapshot = loadStructure(context);
    const selection = context.document.getSelection();
    const before = context.document.body.getRange("Start").expandTo(selection.getRange("Start")).paragraphs.load("$none");
    await context.sync();
    return locationOfParagraph(snapshot(), before.items.length - 1);
  });
}

async function apply(plan: Plan): Promise<void> {
  const needs = planRequirement(plan);
  if (needs && !isSetSupported(needs.version)) throw new WordError(needs.why, "ApiNotFound");
  await runInWord((context) => applyPlan(context, plan));
}

/**
 * Two syncs: the tables' proxies, then the selection. nestingLevel is loaded (not "$none") because
 * whether body.tables lists nested tables is undocumented, and locations count top-level tables only.
 * TableCell.select() is desktop-only (WordApiDesktop 1.4); the cell body's start range works everywhere.
 */
async function selectCell(location: CellLocation): Promise<void> {
  await runInWord(async (context) => {
    const tables = context.document.body.tables.load("nestingLevel");
    await context.sync();
    const table = tables.items.filter((t) => t.nestingLevel === 1)[location.table];
    if (!table) throw new WordError(CHANGED_MESSAGE, "ItemNotFound");
    table.getCell(location.row, location.cell).body.getRange("Start").select();
    await context.sync();
  });
}

async function selectParagraph(location: ParagraphLocation): Promise<void> {
  await runInWord(async (context) => {
    const paragraphs = context.document.body.paragraphs.load("$none");
    await context.sync();
    const paragraph = paragraphs.items[location.paragraph];
    if (!paragraph) throw new WordError(CHANGED_MESSAGE, "ItemNotFound");
    paragraph.select();
    await context.sync();
  });
}

function isSetSupported(version: string): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return false;
  return Office.context.requirements.isSetSupported("WordApi", version);
}

function documentSettings(): Office.Settings {
  const settings = typeof Office === "undefined" ? undefined : Office.context?.document?.settings;
  if (!settings) throw notInWord();
  return settings;
}

/** A document setting (Office.context.document.settings, WordApi 1.3 hosts included), or null. */
function readSetting(key: string): unknown {
  try {
    return documentSettings().get(key) ?? null;
  } catch {
    return null;
  }
}

/**
 * Sets a document setting and saves it into the document (saveAsync). When the save fails the setting goes
 * back to what it was, so a later save of another setting cannot write this one half-way through.
 */
async function saveSetting(key: string, value: unknown): Promise<void> {
  const settings = documentSettings();
  const before: unknown = settings.get(key) ?? null;
  try {
    settings.set(key, value);
  } catch (error) {
    throw new WordError(`Word could not save the setting: ${error instanceof Error ? error.message : String(error)}`, "SaveFailed");
  }
  await new Promise<void>((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) return resolve();
      if (before === null) settings.remove(key);
      else settings.set(key, before);
      reject(new WordError(`Word could not save the setting: ${result.error?.message ?? "unknown reason"}.`, "SaveFailed"));
    });
  });
}

/** The WordGateway over the live Word (or the simulated Word installed in its place). */
export function createWordGateway(): WordGateway {
  return {
    scan,
    select: (location: Location) => (location.kind === "cell" ? selectCell(location) : selectParagraph(location)),
    capabilities: (): Capabilities => ({ wordApi14: isSetSupported("1.4"), wordApi19: isSetSupported("1.9") }),
    getAutoOpen: () => readSetting(AUTO_OPEN_SETTING) === true,
    setAutoOpen: (on: boolean) => saveSetting(AUTO_OPEN_SETTING, on),
    apply,
    cursor,
    readSetting,
    saveSetting,
  };
}
