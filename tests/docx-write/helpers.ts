/** Shared by the .docx writer's tests: fixtures, the parts of a package, and the plans the CLI makes. */
import { readFileSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { readDocx } from "../../src/docx";
import { applyPlanToDocx } from "../../src/docx/write";
import { applyPlanToSnapshot, planAddRound, planRemoveRound, planSummary, type Plan } from "../../src/model";
import type { DocumentSnapshot } from "../../src/model/snapshot";
import { editDocumentXml } from "../fixtures/docx-builder";

export const FIXTURES = join(__dirname, "..", "fixtures", "docx");
export const TODAY = "2026-12-02";
export const NOW = new Date("2026-12-02T09:30:00Z");
export const MONTH = "2027-01";

/** Every fixture of the row layouts (and their Word-feature variants, and the files LibreOffice saved). */
export const ROW_FIXTURES = [
  "careers-provision.docx",
  "careers-provision-per-recommendation-tables.docx",
  "careers-provision-one-table.docx",
  "careers-provision-heading-paragraphs.docx",
  "careers-provision-label-dates-in-second-paragraph.docx",
  "careers-provision-missing-impact.docx",
  "careers-provision-missing-grade.docx",
  "careers-provision-grade-in-content-control.docx",
  "careers-provision-tracked-changes.docx",
  "careers-provision-links-and-fields.docx",
  "careers-provision-nested-table.docx",
  "care-leavers-eet.docx",
  "care-leavers-eet-per-recommendation-tables.docx",
  "care-leavers-eet-one-table.docx",
  "care-leavers-eet-heading-paragraphs.docx",
  "care-leavers-eet-label-dates-in-second-paragraph.docx",
  "care-leavers-eet-merged-cells.docx",
  "libreoffice/careers-provision.docx",
  "libreoffice/care-leavers-eet.docx",
];
export const COLUMN_FIXTURES = ["careers-provision-columns.docx", "care-leavers-eet-columns.docx"];
export const BROKEN_FIXTURES = ["broken-empty.docx", "broken-not-a-zip.docx", "broken-not-word.docx", "broken-truncated.docx"];

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

export function planned(result: ReturnType<typeof planAddRound>): Plan {
  if (!result.ok) throw new Error(`no plan: ${result.reason}`);
  return result.plan;
}

export function addPlan(snapshot: DocumentSnapshot, dropdowns = true): Plan {
  return planned(planAddRound(snapshot, { month: MONTH, recommendations: "all", dropdowns, today: TODAY }));
}

export function removePlan(snapshot: DocumentSnapshot): Plan {
  return planned(planRemoveRound(snapshot, { month: MONTH }));
}

export function summaryPlan(snapshot: DocumentSnapshot): Plan {
  return planned(planSummary(snapshot, { place: { kind: "end" }, today: TODAY }));
}

/** Applies a plan to the bytes, and checks the result reads back as the plan's expected snapshot. */
export async function applied(bytes: Uint8Array, plan: Plan): Promise<{ bytes: Uint8Array; snapshot: DocumentSnapshot }> {
  const before = await readDocx(bytes);
  const after = await applyPlanToDocx(bytes, plan, { now: NOW });
  const snapshot = await readDocx(after);
  expect(snapshot).toEqual(applyPlanToSnapshot(before, plan));
  return { bytes: after, snapshot };
}

export interface Entry {
  name: string;
  content: Uint8Array;
  /** The entry's compressed bytes as stored in the zip, and its compression method. */
  stored: Uint8Array | undefined;
  method: string | undefined;
}

export async function entries(bytes: Uint8Array): Promise<Map<string, Entry>> {
  const zip = await JSZip.loadAsync(bytes);
  const found = new Map<string, Entry>();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    const data = (entry as unknown as { _data?: { compressedContent?: Uint8Array; compression?: { magic?: string } } })._data;
    found.set(name, {
      name,
      content: await entry.async("uint8array"),
      stored: data?.compressedContent ? Uint8Array.from(data.compressedContent) : undefined,
      method: data?.compression?.magic,
    });
  }
  return found;
}

export async function documentXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file("word/document.xml")!.async("string");
}

/** The same file with word/settings.xml recording tracked changes as on, as Word writes it. */
export async function withTrackedChanges(bytes: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const settings = await zip.file("word/settings.xml")!.async("string");
  zip.file("word/settings.xml", settings.replace(/(<w:settings\b[^>]*>)/, "$1<w:trackRevisions/>"));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export { editDocumentXml };
