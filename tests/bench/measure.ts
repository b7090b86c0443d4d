/** The bench's timing helpers: medians, and ratios to a floor measured in the same run, interleaved. */
import { performance } from "perf_hooks";

export interface Measurement {
  medianMs: number;
  minMs: number;
  runs: number;
}

export interface PairedRatio {
  /** Median over the pairs of subject ms / floor ms (each pair timed back to back). */
  ratio: number;
  subjectMs: number;
  floorMs: number;
  /** The fastest subject run, ms. */
  subjectMinMs: number;
  runs: number;
}

/** Median of `runs` timed calls after `warmup` untimed ones. */
export async function measure(fn: () => unknown, runs: number, warmup: number): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(fn));
  return { medianMs: median(times), minMs: minimum(times), runs };
}

/**
 * The subject against its floor, in pairs: each pair times both back to back (alternating which goes first), so
 * a machine that slows down mid-run slows both alike; the ratio is the median of the pairs' own ratios.
 */
export async function pairedRatio(
  subject: () => unknown,
  floor: () => unknown,
  runs: number,
  warmup: number,
): Promise<PairedRatio> {
  const ratios: number[] = [];
  const subjects: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const subjectFirst = i % 2 === 0;
    const a = await timed(subjectFirst ? subject : floor);
    const b = await timed(subjectFirst ? floor : subject);
    if (i < warmup) continue;
    const [s, f] = subjectFirst ? [a, b] : [b, a];
    subjects.push(s);
    floors.push(f);
    ratios.push(s / f);
  }
  return {
    ratio: round2(median(ratios)),
    subjectMs: round2(median(subjects)),
    floorMs: round2(median(floors)),
    subjectMinMs: round2(minimum(subjects)),
    runs,
  };
}

async function timed(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function minimum(values: readonly number[]): number {
  return values.reduce((low, value) => Math.min(low, value), Infinity);
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** "met" or "NOT met", for the tables. */
export const met = (ok: boolean): string => (ok ? "met" : "NOT met");
