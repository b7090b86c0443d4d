import type { Grade, TextSpan } from "./types";
import { DASHES, isWhitespace } from "./text";
import { compiled } from "./compiled";

/**
 * Reading grades as officers write them. The council's scale is 1 Fully Achieved, 2 On-Track,
 * 3 Slipped, 4 Not Achieved; officers write "2. On track", "(2)", "Grade: 3 Slipped", "On-Track",
 * "ontrack", a bare "1"… but a number that starts prose ("2 young people started") is not a grade.
 */

const GAP = `[\\s${DASHES}]*`;
/** Capture groups 1–4 are the grades, so the group that matched is the grade. */
const NAME = `(?:(fully${GAP}achieved)|(on${GAP}track)|(slipped)|(not${GAP}achieved))`;
/** Each run of spaces can be matched one way only ("\\s*[:]?\\s*" backtracks, cubic in the spaces of "Grade    …"). */
const PREFIX = `(?:(?:grade|rating|score|assessment(?:\\s+of\\s+progress)?)\\s*(?:[:${DASHES}]\\s*)?)`;
/** After a number, these make it a grade ("2.", "2)", "2 –"); a comma or slash does not ("2, 3 and 4…"). */
const SEPARATOR = `[.:)\\]${DASHES}]`;

/** Groups: 1 prefix, 2 opening bracket, 3 the number, 4 closing bracket. */
const NUMBER_START = compiled(new RegExp(`^\\s*(${PREFIX})?([(\\[]\\s*)?([1-4])(?!\\d)(\\s*[)\\]])?`, "i"));
const SEPARATOR_NEXT = new RegExp(`^\\s*${SEPARATOR}(?!\\d)`);
const NAME_NEXT = new RegExp(`^\\s+${NAME}\\b`, "i");
/** What follows an accepted number and belongs to the grade phrase: a separator, the grade's name, trailing punctuation. */
const NUMBER_TAIL = compiled(new RegExp(`^\\s*(?:[.:)\\]${DASHES},]\\s*)?(?:${NAME}\\b\\s*)?[.:${DASHES},]?`, "i"));
const NAME_START = compiled(
  new RegExp(`^\\s*${PREFIX}?(?:[(\\[]\\s*)?${NAME}\\b\\s*(?:[)\\]]\\s*)?[.:${DASHES},]?`, "i"),
);
/** Words that make "2. Largely met" a grade when found outside the Assessment row. */
const WEAK_GRADE_WORD =
  /^(?:largely|partially|mostly|fully|not)?\s*(?:met|achieved)\b\s*(?:[.,;:!)]|$)|^partially\s*(?:[.,;:!)]|$)/i;
const LINE_BREAK = /\r?\n/;
/** A cheap first look (no match array): could this text start with a grade at all? */
const MAYBE_GRADE = compiled(/^\s*(?:[([]|[1-4](?!\d)|grade|rating|score|assessment|fully|on|slipped|not)/i);
const SEPARATOR_AT = new RegExp(`^\\s*${SEPARATOR}\\s*`);
const NAME_AT = new RegExp(`^${NAME}\\b`, "i");

export interface GradeReading {
  grade: Grade | null;
  /** The text with the grade phrase removed, trimmed; the whole text when there is no grade; null when empty. */
  explanation: string | null;
  /** Where the grade phrase is in the text read (without the spaces around it); null when there is no grade. */
  at: TextSpan | null;
}

interface StartMatch {
  grade: Grade;
  /** Length of the grade phrase at the start of the text. */
  length: number;
  /** True when the grade was given by its name (not only a number). */
  named: boolean;
}

/** Groups first to first + 3 of `m` (a NAME) matched. */
function namesGrade(m: RegExpExecArray, first: number): boolean {
  for (let g = first; g < first + 4; g++) if (m[g] !== undefined) return true;
  return false;
}

function nameGrade(m: RegExpExecArray, first: number): Grade {
  for (let g = 1; g <= 4; g++) if (m[first + g - 1] !== undefined) return g as Grade;
  throw new Error("grade name group missing");
}

/** A grade phrase at the very start of `text`, if it is one. */
function gradeAtStart(text: string): StartMatch | null {
  if (!MAYBE_GRADE.test(text)) return null;
  const n = NUMBER_START.exec(text);
  if (n) {
    const rest = text.slice(n[0].length);
    const hasPrefix = n[1] !== undefined;
    const bracketed = n[4] !== undefined;
    const accepted =
      rest.trim() === "" ||
      bracketed ||
      SEPARATOR_NEXT.test(rest) ||
      NAME_NEXT.test(rest) ||
      (hasPrefix && /^\s/.test(rest));
    if (accepted) {
      const tail = NUMBER_TAIL.exec(rest);
      const tailLength = tail ? tail[0].length : 0;
      const named = tail !== null && namesGrade(tail, 1);
      return { grade: Number(n[3]) as Grade, length: n[0].length + tailLength, named: named || hasPrefix };
    }
  }
  const m = NAME_START.exec(text);
  return m ? { grade: nameGrade(m, 1), length: m[0].length, named: true } : null;
}

function orNull(text: string): string | null {
  const t = text.trim();
  return t === "" ? null : t;
}

/**
 * The grade of an Assessment row's text, and its explanation.
 *
 * The grade is read from the start of the text; failing that, from a line that is nothing but a
 * named grade phrase ("Grade 2", "2. On track", "Slipped"), so a grade written after the
 * explanation is still found. A bare number is a grade only at the start.
 * The explanation is the text with that grade phrase (number, separator, the grade's name and
 * punctuation after it) removed and trimmed; otherwise the officer's text is untouched.
 */
export function readAssessment(text: string): GradeReading {
  const start = gradeAtStart(text);
  if (start) {
    return { grade: start.grade, explanation: orNull(text.slice(start.length)), at: phraseSpan(text, 0, start.length) };
  }
  if (text.includes("\n")) {
    const lines = text.split(LINE_BREAK);
    let lineStart = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = gradeAtStart(lines[i]);
      if (line && line.named && lines[i].slice(line.length).trim() === "") {
        const at = phraseSpan(text, lineStart, line.length);
        lines.splice(i, 1);
        return { grade: line.grade, explanation: orNull(lines.join("\n")), at };
      }
      lineStart += lines[i].length + (text.charCodeAt(lineStart + lines[i].length) === 13 ? 2 : 1);
    }
  }
  return { grade: null, explanation: orNull(text), at: null };
}

/** The `length` characters of `text` from `from`, less the whitespace at either end. */
function phraseSpan(text: string, from: number, length: number): TextSpan {
  let start = from;
  let end = from + length;
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  return { offset: start, length: end - start };
}

/** The grade at the start of an Assessment row's text, or null. */
export function readGrade(text: string): Grade | null {
  return readAssessment(text).grade;
}

function misplacedInLine(line: string): Grade | null {
  if (!MAYBE_GRADE.test(line)) return null;
  const n = NUMBER_START.exec(line);
  if (n) {
    const rest = line.slice(n[0].length);
    if (rest.trim() === "") return Number(n[3]) as Grade;
    const sep = SEPARATOR_AT.exec(rest);
    const afterSep = sep ? rest.slice(sep[0].length) : n[4] !== undefined ? rest.trimStart() : null;
    if (afterSep === null) return null;
    if (afterSep.trim() === "" || NAME_AT.test(afterSep) || WEAK_GRADE_WORD.test(afterSep)) {
      return Number(n[3]) as Grade;
    }
    return null;
  }
  const m = NAME_START.exec(line);
  return m && line.slice(m[0].length).trim() === "" ? nameGrade(m, 1) : null;
}

/**
 * A grade written in an Evidence or Impact row, read strictly so numbered prose is not mistaken
 * for one: a line starting with a number 1–4 and a separator followed by a grade-like word
 * ("2. Largely met. Destinations…", "3 – Slipped", "1.") or a line that is only a grade's name.
 * "1. We met the heads" and "2 young people" are not grades.
 */
export function readMisplacedGrade(text: string): Grade | null {
  if (!text.includes("\n")) return misplacedInLine(text);
  const lines = text.split(LINE_BREAK);
  for (const line of lines) {
    const grade = misplacedInLine(line);
    if (grade !== null) return grade;
  }
  return null;
}

/** A cell of the grading key: a bare grade number or exactly a grade's name. */
export function isGradeKeyCell(text: string): boolean {
  const t = text.trim();
  if (/^[1-4]$/.test(t)) return true;
  const m = NAME_START.exec(t);
  return m !== null && t.slice(m[0].length).trim() === "";
}
