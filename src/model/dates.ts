import type { Month } from "./types";
import { DASHES } from "./text";
import { compiled } from "./compiled";

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

const MONTH_WORD =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

/** "July 2021", "July 21", "Sept. 2022", "Feb-23", "Feb '23", "1 September 2022" (the day is ignored). */
const NAMED_SRC = `\\b(${MONTH_WORD})\\.?(?:[\\s${DASHES}/,]*'?)(\\d{4}|\\d{2})(?!\\d)`;
/** UK day/month/year: "01/09/2022", "1.9.22". */
const DMY_SRC = `\\b\\d{1,2}[/.${DASHES}](0?[1-9]|1[0-2])[/.${DASHES}](\\d{4}|\\d{2})(?!\\d)`;
/** month/year: "09/2022", "9-22". */
const MY_SRC = `\\b(0?[1-9]|1[0-2])\\s*[/.${DASHES}]\\s*(\\d{4}|\\d{2})(?!\\d)`;

const NAMED = compiled(new RegExp(NAMED_SRC, "i"));
const DMY = new RegExp(DMY_SRC);
const MY = new RegExp(MY_SRC);
const WHOLE_NAMED = new RegExp(`^(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?${NAMED_SRC}$`, "i");
const WHOLE_DMY = new RegExp(`^${DMY_SRC}$`);
const WHOLE_MY = new RegExp(`^${MY_SRC}$`);
const LEADING_WRAPPING = /^[\s([{:]+/;
/** One character of the wrapping after a date; the run is found by a loop, as "[…]+$" is quadratic on long text. */
const TRAILING_WRAPPING = /[\s)\]}:.,]/;
const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface LabelDate {
  month: Month;
  /** The date exactly as written, e.g. "July 21". */
  dateText: string;
}

const MONTH_BY_PREFIX: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.map((name, index) => [name.slice(0, 3).toLowerCase(), index + 1]),
);

/** 1–12 from a month word that MONTH_WORD matched. */
function monthNumber(word: string): number {
  return MONTH_BY_PREFIX.get(word.slice(0, 3).toLowerCase()) ?? 0;
}

function toYear(written: string): number | null {
  const n = Number(written);
  const year = written.length === 2 ? 2000 + n : n;
  return year >= 1990 && year <= 2099 ? year : null;
}

function toMonth(year: number | null, month: number): Month | null {
  if (year === null || month < 1 || month > 12) return null;
  return `${year}-${String(month).padStart(2, "0")}`;
}

function fromNamed(m: RegExpExecArray): Month | null {
  return toMonth(toYear(m[2]), monthNumber(m[1]));
}

function fromNumeric(m: RegExpExecArray): Month | null {
  return toMonth(toYear(m[2]), Number(m[1]));
}

/** The text without the brackets, colons and spaces around it. */
function unwrapped(text: string): string {
  const start = LEADING_WRAPPING.exec(text)?.[0].length ?? 0;
  let end = text.length;
  while (end > start && TRAILING_WRAPPING.test(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

/**
 * A whole string that is a date, e.g. "(July 2021)", "Sept 2022", "Feb-23", "09/2022", as "YYYY-MM".
 * Two-digit years are 20xx. Returns null for anything else (including text that merely contains a date).
 */
export function parseMonth(text: string): Month | null {
  const t = unwrapped(text);
  let m = WHOLE_NAMED.exec(t);
  if (m) return fromNamed(m);
  m = WHOLE_DMY.exec(t);
  if (m) return fromNumeric(m);
  m = WHOLE_MY.exec(t);
  if (m) return fromNumeric(m);
  return null;
}

/**
 * The first date in a label, e.g. "Evidence of Progress (July 21):" → 2021-07, "July 21".
 * Only for labels: dates inside an officer's text are content, not the round's date.
 */
export function findLabelDate(label: string): LabelDate | null {
  let m = NAMED.exec(label);
  let month = m ? fromNamed(m) : null;
  if (!m || !month) {
    m = DMY.exec(label);
    month = m ? fromNumeric(m) : null;
  }
  if (!m || !month) {
    m = MY.exec(label);
    month = m ? fromNumeric(m) : null;
  }
  return m && month ? { month, dateText: m[0] } : null;
}

/** A date as written in a label; `month` is null when it cannot be read as a month and year. */
export interface WrittenDate {
  month: Month | null;
  dateText: string;
}

/** Bracketed text, and what makes it meant as a date: a number, a season or a term ("Summer 2021", "Q3"). */
const BRACKETED = /\(([^()]*)\)/g;
const DATE_LIKE = /\d|spring|summer|autumn|winter|term/i;

/**
 * The date in a label, readable or not: findLabelDate's, or else bracketed text meant as a date,
 * e.g. "Evidence of Progress (Summer 2021):" → { month: null, dateText: "Summer 2021" }.
 */
export function findWrittenDate(label: string): WrittenDate | null {
  const readable = findLabelDate(label);
  if (readable) return readable;
  // One bracket at a time: a single pattern for "(… date-like …)" is quadratic on a long unclosed bracket.
  for (const m of label.matchAll(BRACKETED)) {
    if (DATE_LIKE.test(m[1])) return { month: null, dateText: m[1].trim() };
  }
  return null;
}

/** "2022-09" → "September 2022"; anything that is not a month comes back unchanged. */
export function formatMonth(month: Month): string {
  const m = MONTH_PATTERN.exec(month);
  return m ? `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}` : month;
}
