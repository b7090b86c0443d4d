import { compiled } from "./compiled";
import { formatMonth } from "./dates";
import type { MonitoringDocument, Month } from "./types";

/** One update cycle: the rounds the recommendations were given in the same update of the document. */
export interface Cycle {
  /** "July 2021" (its most common month), or "Update N" when none of its rounds is dated. */
  label: string;
  month: Month | null;
}

export interface CyclePlan {
  /** Oldest first. */
  cycles: Cycle[];
  /** `roundCycle[r][i]`: the cycle of round `i` of recommendation `r` (index into `cycles`). */
  roundCycle: number[][];
}

/** Dated rounds this many months apart or closer can belong to the same cycle. */
export const CYCLE_WINDOW_MONTHS = 4;

/**
 * Groups every round of the document into update cycles. One update can carry different months on
 * different recommendations (careers provision: March, July and August 2021 in one update), so
 * rounds are not matched by month alone.
 *
 * Dated rounds, taken in month order (document order within a month), join the newest cycle when
 * their month is at most CYCLE_WINDOW_MONTHS after the previous dated round's month and their
 * recommendation has no round in it yet; otherwise they start a new cycle. Undated rounds are
 * matched by position: the cycle after their recommendation's previous round (the first cycle for a
 * first round), adding "Update N" cycles at the end when needed. A cycle is labelled by its most
 * common month (the earliest on a tie).
 */
export function groupCycles(document: MonitoringDocument): CyclePlan {
  const recommendations = document.recommendations;
  const roundCycle: number[][] = [];

  // Dated rounds bucketed by month, each bucket in document order: walking the months in order is
  // then the stable sort by month, without sorting every round (documents span a few dozen months).
  // A bucket holds pairs of numbers, recommendation then round, rather than an object per round.
  // One plain pass, with no closure per recommendation or round.
  const byOrder = new Map<number, number[]>();
  for (let rec = 0; rec < recommendations.length; rec++) {
    const rounds = recommendations[rec].rounds;
    const cycles: number[] = [];
    for (let index = 0; index < rounds.length; index++) {
      cycles.push(-1);
      const order = monthOrdinal(rounds[index].month);
      if (order === null) continue;
      const bucket = byOrder.get(order);
      if (bucket) bucket.push(rec, index);
      else byOrder.set(order, [rec, index]);
    }
    roundCycle.push(cycles);
  }
  const orders = [...byOrder.keys()].sort((a, b) => a - b);

  const monthCounts: Map<Month, number>[] = [];
  const lastCycleOf = new Array<number>(recommendations.length).fill(-1);
  let previousOrder = Number.NEGATIVE_INFINITY;
  for (const order of orders) {
    const bucket = byOrder.get(order) ?? [];
    for (let at = 0; at < bucket.length; at += 2) {
      const rec = bucket[at];
      const round = bucket[at + 1];
      const month = recommendations[rec].rounds[round].month as Month;
      const newest = monthCounts.length - 1;
      const inWindow = newest >= 0 && order - previousOrder <= CYCLE_WINDOW_MONTHS;
      const target = Math.max(inWindow ? newest : monthCounts.length, lastCycleOf[rec] + 1);
      if (target === monthCounts.length) monthCounts.push(new Map());
      const counts = monthCounts[target];
      counts.set(month, (counts.get(month) ?? 0) + 1);
      lastCycleOf[rec] = target;
      roundCycle[rec][round] = target;
      previousOrder = order;
    }
  }

  let cycleCount = monthCounts.length;
  for (const cycles of roundCycle) {
    for (let index = 0; index < cycles.length; index++) {
      if (cycles[index] !== -1) continue;
      cycles[index] = index === 0 ? 0 : cycles[index - 1] + 1;
      cycleCount = Math.max(cycleCount, cycles[index] + 1);
    }
  }

  const labelsSeen = new Map<string, number>();
  const cycles: Cycle[] = [];
  for (let index = 0; index < cycleCount; index++) {
    const month = index < monthCounts.length ? mostCommonMonth(monthCounts[index]) : null;
    const base = month !== null ? formatMonth(month) : `Update ${index + 1}`;
    // Two cycles with the same most common month (a round copied with its old date) still need
    // labels that tell them apart.
    const seen = (labelsSeen.get(base) ?? 0) + 1;
    labelsSeen.set(base, seen);
    cycles.push({ label: seen === 1 ? base : `${base} (${seen})`, month });
  }
  return { cycles, roundCycle };
}

function mostCommonMonth(counts: Map<Month, number>): Month | null {
  let best: Month | null = null;
  let bestCount = 0;
  for (const [month, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && month < best)) {
      best = month;
      bestCount = count;
    }
  }
  return best;
}

const MONTH = compiled(/^\d{4}-\d\d$/);

/** "2021-07" → months since year 0, for distances between months; null when not a month. */
export function monthOrdinal(month: Month | null): number | null {
  // One pattern and two numbers, not a loop over the digits, which costs several times as much before the
  // code is optimised: this runs on every round, twice.
  if (month === null || !MONTH.test(month)) return null;
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5)) - 1;
}
