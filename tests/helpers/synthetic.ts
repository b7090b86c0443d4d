/**
 * Synthetic Scrutiny Monitoring documents of any size, laid out like the council's template and the two
 * real documents: a header table, the instructions paragraph, one two-column table per recommendation
 * (heading, responsibility, date, agreed action, success measure, then three rows per dated round), and
 * the grading key. The text varies (seeded, so the same options give the same document) in length,
 * date style ("July 2021", "July 21", "Sept 2022") and grade style ("2. On track", "Fully Achieved …").
 */
import type { DocumentSnapshot } from "../../src/model/snapshot";
import { snapshotFromText } from "./text-snapshot";

export interface SyntheticOptions {
  recommendations: number;
  /** Dated progress updates per recommendation (default 4). */
  rounds?: number;
  /** Leave the latest round of every `gradeMissingEvery`-th recommendation without a grade (default: never). */
  gradeMissingEvery?: number;
  /** Different seeds give different text (default 1). */
  seed?: number;
}

export interface SyntheticFacts {
  /** Recommendation numbers as written (with gaps, as signed-off ones are dropped). */
  numbers: string[];
  /** Every recommendation's grades, oldest round first; null where the grade was left out. */
  grades: (1 | 2 | 3 | 4 | null)[][];
  /** The rounds' months, `YYYY-MM`, oldest first. */
  months: string[];
}

export interface SyntheticDocument {
  text: string;
  snapshot: DocumentSnapshot;
  facts: SyntheticFacts;
}

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const SHORT_MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"];

const OFFICERS = [
  "David Willingham", "Ian Caley", "Martin Gray", "Eddie Huntington", "Rhona Bollands", "Andrea Naylor",
  "Governor Support Service", "Youth Direction", "Careers Enterprise Company", "SBC TVCA Reps",
];

const SUBJECTS = [
  "schools and colleges", "care leavers", "the Opportunities Team", "Personal Advisers", "the Careers Hub",
  "young people in Year 11", "partner agencies", "local employers", "the Virtual School", "Children's Services",
  "the Progression Adviser posts", "governors", "the CIOC Strategic Group", "apprentices within SBC",
];
const VERBS = [
  "have continued to deliver", "are working towards", "have agreed to extend", "report strong engagement with",
  "have been encouraged to take part in", "have reviewed", "are now supported by", "contributed to",
  "have completed", "will be monitored through",
];
const OBJECTS = [
  "a comprehensive careers programme", "the Gatsby Benchmarks", "work experience placements",
  "the Personal Education Plan", "impartial careers guidance", "the apprenticeship offer",
  "termly network meetings", "destinations data for the school leaver cohort", "the employer engagement work",
  "a single point of contact for each young person", "the regional workstreams", "CPD for careers leaders",
];
const TAILS = [
  "despite the restrictions of the last year", "across the borough", "as set out in the action plan",
  "with support from the Tees Valley Careers Hub", "and figures are reported to the Select Committee",
  "although further work is needed", "in line with the agreed success measure", "ahead of the target date",
];

/** Grade styles officers use, by grade; the explanation follows where there is one. */
const GRADE_STYLES: Record<1 | 2 | 3 | 4, string[]> = {
  1: ["1. Fully Achieved", "1.", "Fully Achieved", "1. Fully achieved"],
  2: ["2. On track", "2. Largely met.", "On-Track", "2. On Track", "2."],
  3: ["3. Slipped", "Slipped", "3."],
  4: ["4. Not Achieved", "4. Not achieved", "Not Achieved"],
};

export function syntheticDocument(options: SyntheticOptions): SyntheticDocument {
  const random = seeded(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const sentence = (): string =>
    `${capitalise(pick(SUBJECTS))} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}.`;
  const passage = (min: number, max: number): string =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, sentence).join(" ");

  const roundCount = options.rounds ?? 4;
  // Rounds every five months from September 2021, the way updates fall in practice.
  const months = Array.from({ length: roundCount }, (_, i) => 2021 * 12 + 8 + i * 5);
  const facts: SyntheticFacts = {
    numbers: [],
    grades: [],
    months: months.map((m) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`),
  };

  const lines: string[] = [
    "SCRUTINY MONITORING – PROGRESS UPDATE\t",
    `Review:\tScrutiny Review of ${capitalise(pick(OBJECTS))} (synthetic, ${options.recommendations} recommendations)`,
    `Link Officer/s:\t${pick(OFFICERS)}/ ${pick(OFFICERS)}`,
    "Action Plan Agreed:\tSeptember 2021",
    "",
    "Updates on the progress of actions in relation to agreed recommendations from previous scrutiny reviews are " +
      "required approximately 12 months after the relevant Select Committee has agreed the Action Plan. Progress " +
      "updates must be detailed, evidencing what has taken place regarding each recommendation – a grade assessing " +
      "progress should then be given (see end of document for grading explanation). Any evidence on the impact of " +
      "the actions undertaken should also be recorded for each recommendation.",
    "",
  ];

  let number = 0;
  for (let r = 0; r < options.recommendations; r++) {
    number += random() < 0.15 ? 2 : 1; // gaps, as fully achieved recommendations are signed off
    facts.numbers.push(String(number));
    lines.push(
      `Recommendation ${number}:\tThat ${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}.`,
      `Responsibility:\t${pick(OFFICERS.slice(0, 5))} / ${pick(OFFICERS.slice(5))}`,
      `Date:\t${pick(MONTHS)} 2022`,
      `Agreed Action:\t${passage(1, 3)}`,
      `Agreed Success Measure:\t${passage(1, 2)}`,
    );
    const grades: (1 | 2 | 3 | 4 | null)[] = [];
    let grade: 1 | 2 | 3 | 4 = random() < 0.7 ? 2 : 3;
    for (let i = 0; i < roundCount; i++) {
      const date = dateText(months[i], random);
      const last = i === roundCount - 1;
      const missing = last && options.gradeMissingEvery !== undefined && (r + 1) % options.gradeMissingEvery === 0;
      const explanation = random() < 0.7 ? ` ${passage(1, 3)}` : "";
      const assessment = missing ? passage(1, 2) : `${pick(GRADE_STYLES[grade])}${explanation}`;
      grades.push(missing ? null : grade);
      lines.push(`Evidence of Progress (${date}):\t${passage(2, 6)}`);
      if (random() < 0.3) {
        // The label wraps onto a second row, the explanation beside it, as in the Care Leavers document.
        lines.push(`Assessment of Progress (${date}):\t${missing ? assessment : pick(GRADE_STYLES[grade])}`);
        lines.push(`(include explanation if required)\t${passage(1, 3)}`);
      } else {
        lines.push(`Assessment of Progress (${date}): (include explanation if required)\t${assessment}`);
      }
      lines.push(`Evidence of Impact (${date}):\t${passage(1, 4)}`);
      grade = nextGrade(grade, random);
    }
    facts.grades.push(grades);
    lines.push("");
  }

  lines.push(
    "Assessment of\t1\t2\t3\t4",
    "Progress Gradings:\tFully Achieved\tOn-Track\tSlipped\tNot Achieved",
  );
  const text = lines.join("\n") + "\n";
  return { text, snapshot: snapshotFromText(text), facts };
}

export function syntheticSnapshot(options: SyntheticOptions): DocumentSnapshot {
  return syntheticDocument(options).snapshot;
}

/** A month (counted from year 0) written as officers write it. */
function dateText(month: number, random: () => number): string {
  const year = Math.floor(month / 12);
  const m = month % 12;
  const roll = random();
  if (roll < 0.6) return `${MONTHS[m]} ${year}`;
  if (roll < 0.85) return `${MONTHS[m]} ${String(year).slice(2)}`;
  return `${SHORT_MONTHS[m]} ${year}`;
}

/** Grades drift towards achievement, occasionally slipping. */
function nextGrade(grade: 1 | 2 | 3 | 4, random: () => number): 1 | 2 | 3 | 4 {
  const roll = random();
  if (grade === 1) return 1;
  if (roll < 0.25) return 1;
  if (roll < 0.85) return 2;
  if (roll < 0.97) return 3;
  return 4;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** mulberry32: a small seeded generator, so a benchmark measures the same document every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
