import type { Location } from "./snapshot";
import type { Field, Finding, MonitoringDocument } from "./types";

/**
 * Findings a scrutiny officer has set aside, with a reason, kept in the document itself (the add-in's
 * document settings, which Word saves inside the .docx, where scrutiny-check reads them too).
 *
 * A record is keyed to what the finding is about, never to where it is: its code, recommendation,
 * update and a digest of the text it concerns. When that text changes (the officer edits the row, a
 * new update arrives), the key no longer matches and the finding comes back by itself.
 */

/** The document setting holding the records (an array of SetAsideRecord). */
export const SET_ASIDE_SETTING = "ScrutinyMonitoring.SetAside";

export interface SetAsideRecord {
  code: string;
  /** The recommendation's number as written, or null for a finding about the whole document. */
  recommendation: string | null;
  /** The update's name ("July 2021"), or null when the finding is not about one update. */
  update: string | null;
  /** A digest of the text the finding concerns (see findingDigest). */
  digest: string;
  /** Why it was set aside, as the officer wrote it. */
  reason: string;
  /** When, as YYYY-MM-DD. */
  date: string;
}

export interface SetAsideFinding {
  finding: Finding;
  record: SetAsideRecord;
}

export interface Partition {
  /** Findings still to deal with, in the engine's order. */
  shown: Finding[];
  /** Findings set aside, with the record that set each aside. */
  setAside: SetAsideFinding[];
}

/** The text at a location in the document: a field's value or label, a heading, a row not understood; "" when none. */
export function textAt(document: MonitoringDocument, location: Location | null): string {
  if (location === null) return "";
  const same = (other: Location | null): boolean =>
    other !== null &&
    (other.kind === "cell"
      ? location.kind === "cell" && other.table === location.table && other.row === location.row && other.cell === location.cell
      : location.kind === "paragraph" && other.paragraph === location.paragraph);
  const inField = (field: Field | null): string | null => {
    if (!field) return null;
    if (same(field.location)) return field.text;
    if (same(field.labelLocation)) return field.label;
    return null;
  };
  for (const field of [document.review, document.linkOfficers, document.actionPlanAgreed]) {
    const text = inField(field);
    if (text !== null) return text;
  }
  for (const recommendation of document.recommendations) {
    if (same(recommendation.location)) return recommendation.text;
    const fields = [recommendation.responsibility, recommendation.targetDate, recommendation.agreedAction, recommendation.successMeasure];
    for (const round of recommendation.rounds) fields.push(round.evidence, round.assessment, round.impact);
    for (const field of fields) {
      const text = inField(field);
      if (text !== null) return text;
    }
  }
  for (const row of document.unrecognised) if (same(row.location)) return row.text;
  return "";
}

/** FNV-1a over UTF-16 code units, as 8 hex digits: enough to notice a change, not a secret. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * What the finding is about, digested: the text at its place, and for a finding about no one update
 * (a recommendation not updated in the newest update) its own words, which name the updates involved.
 * Spaces and case do not count, so retyping the same words does not bring a finding back.
 */
export function findingDigest(finding: Finding, document: MonitoringDocument): string {
  const about = textAt(document, finding.location);
  const words = finding.round === undefined ? (finding.detail ?? finding.message) : "";
  return `${about.length.toString(36)}-${hash(`${about}\u0000${words}`.replace(/\s+/g, " ").trim().toLowerCase())}`;
}

function keyOf(record: Pick<SetAsideRecord, "code" | "recommendation" | "update" | "digest">): string {
  return JSON.stringify([record.code, record.recommendation, record.update, record.digest]);
}

function findingKey(finding: Finding, document: MonitoringDocument): string {
  return keyOf({
    code: finding.code,
    recommendation: finding.recommendation ?? null,
    update: finding.round ?? null,
    digest: findingDigest(finding, document),
  });
}

/** A record setting the finding aside. The reason must say something. */
export function setAsideRecord(finding: Finding, document: MonitoringDocument, reason: string, today: string): SetAsideRecord {
  const said = reason.trim();
  if (said === "") throw new Error("A finding is set aside with a reason.");
  return {
    code: finding.code,
    recommendation: finding.recommendation ?? null,
    update: finding.round ?? null,
    digest: findingDigest(finding, document),
    reason: said,
    date: today,
  };
}

/** The records with the finding set aside (replacing any record for the same finding). */
export function withSetAside(records: readonly SetAsideRecord[], record: SetAsideRecord): SetAsideRecord[] {
  const key = keyOf(record);
  return [...records.filter((other) => keyOf(other) !== key), record];
}

/** The records without this one: its finding is restored. */
export function withoutSetAside(records: readonly SetAsideRecord[], record: SetAsideRecord): SetAsideRecord[] {
  const key = keyOf(record);
  return records.filter((other) => keyOf(other) !== key);
}

/** Findings into those still shown and those set aside. Records whose finding is gone are left out. */
export function partitionFindings(
  findings: readonly Finding[],
  records: readonly SetAsideRecord[],
  document: MonitoringDocument,
): Partition {
  if (records.length === 0) return { shown: [...findings], setAside: [] };
  const byKey = new Map(records.map((record) => [keyOf(record), record]));
  const shown: Finding[] = [];
  const setAside: SetAsideFinding[] = [];
  for (const finding of findings) {
    const record = byKey.get(findingKey(finding, document));
    if (record) setAside.push({ finding, record });
    else shown.push(finding);
  }
  return { shown, setAside };
}

function isText(value: unknown): value is string {
  return typeof value === "string";
}

/**
 * The records as stored (the setting's value, or its JSON text as the .docx holds it), read
 * leniently: anything that is not a well-formed record is skipped, never an error.
 */
export function readSetAsideRecords(value: unknown): SetAsideRecord[] {
  let data = value;
  if (isText(data)) {
    try {
      data = JSON.parse(data) as unknown;
    } catch {
      return [];
    }
  }
  if (!Array.isArray(data)) return [];
  const records: SetAsideRecord[] = [];
  for (const item of data as unknown[]) {
    if (typeof item !== "object" || item === null) continue;
    const r = item as Record<string, unknown>;
    const nullableText = (v: unknown): v is string | null => v === null || isText(v);
    if (!isText(r.code) || !isText(r.digest) || !isText(r.reason) || !isText(r.date)) continue;
    if (!nullableText(r.recommendation) || !nullableText(r.update) || r.reason.trim() === "") continue;
    records.push({
      code: r.code,
      recommendation: r.recommendation,
      update: r.update,
      digest: r.digest,
      reason: r.reason,
      date: r.date,
    });
  }
  return records;
}
