import { GRADE_NAMES, GRADES, type Grade } from "./types";

/**
 * The document's own grading key: the names it gives the 1–4 scale, and reading grades written in
 * those names. Councils keep older wordings of the same scale in their templates ("1 Achieved
 * (Fully) / 2 On Track but not yet due for completion / 3 Slipped / 4 Not Achieved"); an officer who
 * writes "Achieved (Fully)" has given grade 1.
 *
 * Matching is done word by word on letters and digits (case, spaces, hyphens and brackets do not
 * count), with plain loops: no regular expression is built from the document's text.
 */

export type GradeNames = Readonly<Record<Grade, string>>;

/** The key's rows as cell texts (label cell first), or a key written as one sentence. */
export type KeyRows = readonly (readonly string[])[];

const SINGLE_NUMBER = /^\s*([1-4])\s*$/;
/** "1 Achieved (Fully)", "2. On-Track", "3 = Slipped", "(4) Not Achieved". */
const NUMBERED_NAME = /^\s*[([]?\s*([1-4])\s*[)\]]?\s*[.:=\-\u2010-\u2014]?\s*(\S.*)$/s;
/** "Assessment of Progress Gradings:" before a key written on one line. */
const KEY_LABEL = /^[^\n]{0,60}?gradings?\s*[:\-\u2010-\u2014]?\s*/i;
/** Where a key written on one line starts its next grade: "…Fully / 2 On Track…", "…, 2 = On-Track". */
const NEXT_NUMBER = /\s*[,;/|\n]\s*(?=[([]?\s*[1-4]\s*[)\].:=\-\u2010-\u2014\s])/;

/** The key's names, over GRADE_NAMES: a grade the key does not name keeps its usual name. */
export function gradeNamesFromKey(rows: KeyRows): GradeNames {
  const found: Partial<Record<Grade, string>> = {};
  const name = (grade: Grade, text: string): void => {
    const cleaned = cleanName(text);
    if (cleaned !== null && found[grade] === undefined) found[grade] = cleaned;
  };

  rows.forEach((row, r) => {
    // A row of bare numbers, the names in the row below, column by column (the template's key).
    const numbers = row.map((cell) => SINGLE_NUMBER.exec(cell)?.[1]);
    if (numbers.filter((n) => n !== undefined).length >= 2 && r + 1 < rows.length) {
      numbers.forEach((n, c) => {
        const below = rows[r + 1][c];
        if (n !== undefined && below !== undefined) name(Number(n) as Grade, below);
      });
      return;
    }
    // Down the page: "1 | Fully Achieved".
    if (numbers[0] !== undefined && row.length > 1) {
      name(Number(numbers[0]) as Grade, row.slice(1).find((cell) => cell.trim() !== "") ?? "");
      return;
    }
    // A number and a name in one cell, one or several to a cell.
    for (const cell of row) {
      for (const piece of cell.replace(KEY_LABEL, "").split(NEXT_NUMBER)) {
        const m = NUMBERED_NAME.exec(piece);
        if (m) name(Number(m[1]) as Grade, m[2]);
      }
    }
  });

  const names = { ...GRADE_NAMES };
  for (const grade of GRADES) if (found[grade] !== undefined) names[grade] = found[grade];
  return names;
}

/** "Achieved (Fully) " → "Achieved (Fully)"; null when there is no word to it (or it is the label). */
function cleanName(text: string): string | null {
  const name = text.replace(/\s+/g, " ").trim().replace(/[\s.:;,]+$/, "");
  // An ASCII letter answers without compiling the Unicode pattern (a cold run compiles every pattern it uses).
  if (!(/[A-Za-z]/.test(name) || /\p{L}/u.test(name)) || name.length > 80 || /gradings?\b/i.test(name)) return null;
  return name;
}

/** The letters-and-digits words of a text, lower-cased: "On-Track (2)" → ["on", "track", "2"]. */
function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "");
}

function isWordCharacter(character: string): boolean {
  return /[\p{L}\p{N}]/u.test(character);
}

/**
 * The key's names the usual reading (grades.ts) does not already know, as words, longest first so
 * "Not Achieved" is tried before any name it ends with. Empty for the template's own key.
 */
export interface KeyReader {
  names: readonly { grade: Grade; words: readonly string[] }[];
}

export function keyReader(names: GradeNames): KeyReader {
  const usual = (grade: Grade): string => words(GRADE_NAMES[grade]).join(" ");
  // A name the key spells as the usual one has the usual words: no need to split either (nearly every key).
  const own = GRADES.filter(
    (grade) => names[grade] !== GRADE_NAMES[grade] && words(names[grade]).join(" ") !== usual(grade),
  )
    .map((grade) => ({ grade, words: words(names[grade]) }))
    .filter((entry) => entry.words.length > 0);
  return { names: own.sort((a, b) => b.words.join(" ").length - a.words.join(" ").length) };
}

/** Where `nameWords` end if the text spells them from `at` (skipping anything but letters and digits); -1 if not. */
function spells(text: string, at: number, nameWords: readonly string[]): number {
  let position = at;
  for (const word of nameWords) {
    while (position < text.length && !isWordCharacter(text[position])) position++;
    if (text.slice(position, position + word.length).toLowerCase() !== word) return -1;
    position += word.length;
  }
  if (position < text.length && isWordCharacter(text[position])) return -1;
  // A closing bracket that belongs to the name: "Achieved (Fully)".
  if (text[position] === ")" && text.slice(at, position).includes("(")) position++;
  return position;
}

const NUMBER_BEFORE_NAME = /^\s*[([]?\s*([1-4])(?!\d)\s*[)\]]?\s*[.:\-\u2010-\u2014]?\s*/;
const AFTER_NAME = /^\s*[.:,;\-\u2010-\u2014]?\s*/;

/** A grade phrase in the key's own words at the start of the text: its grade and length. */
function ownNameAtStart(text: string, reader: KeyReader): { grade: Grade; length: number } | null {
  const number = NUMBER_BEFORE_NAME.exec(text);
  const starts = number ? [number[0].length, 0] : [0];
  for (const start of starts) {
    for (const entry of reader.names) {
      if (number && start > 0 && Number(number[1]) !== entry.grade) continue;
      const end = spells(text, start, entry.words);
      if (end === -1) continue;
      return { grade: entry.grade, length: end + (AFTER_NAME.exec(text.slice(end))?.[0].length ?? 0) };
    }
  }
  return null;
}

/**
 * An Assessment's grade and explanation in the key's own words, when the text starts with one of
 * them ("Achieved (Fully). All schools…", "1 Achieved (Fully)") or has a line that is only one.
 * Null when it has none: the usual reading then stands.
 */
export function readOwnGrade(text: string, reader: KeyReader): { grade: Grade; explanation: string | null } | null {
  if (reader.names.length === 0) return null;
  const start = ownNameAtStart(text, reader);
  if (start) return { grade: start.grade, explanation: orNull(text.slice(start.length)) };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = ownNameAtStart(lines[i], reader);
    if (line && lines[i].slice(line.length).trim() === "") {
      return { grade: line.grade, explanation: orNull([...lines.slice(0, i), ...lines.slice(i + 1)].join("\n")) };
    }
  }
  return null;
}

/** A grade in the key's own words written in an Evidence or Impact row: a line that is nothing else. */
export function readOwnMisplacedGrade(text: string, reader: KeyReader): Grade | null {
  if (reader.names.length === 0) return null;
  for (const line of text.split(/\r?\n/)) {
    const found = ownNameAtStart(line, reader);
    if (found && line.slice(found.length).trim() === "") return found.grade;
  }
  return null;
}

function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}
