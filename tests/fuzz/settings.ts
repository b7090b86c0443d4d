/**
 * Seeded, replayable fuzzing. Every property runs with the seed printed by fast-check on failure;
 * replay one with FUZZ_SEED=<seed> (and FUZZ_PATH=<path> for the exact shrunk case), run deeper with
 * `npm run fuzz -- --runs N` (FUZZ_RUNS). The default run counts keep the suite under a minute.
 */
import fc, { type Parameters } from "fast-check";

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_261_202;
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined;

export function fuzzParameters<T>(defaultRuns: number): Parameters<T> {
  const parameters: Parameters<T> = { seed: SEED, numRuns: RUNS ?? defaultRuns, endOnFailure: true };
  if (process.env.FUZZ_PATH) parameters.path = process.env.FUZZ_PATH;
  return parameters;
}

/** Generous per-case time bound (a deep run multiplies cases, not this). */
export const CASE_MS = 5_000;

/** A test's time: two minutes for the quick counts; unbounded for a deep run. */
export const TEST_TIMEOUT_MS = RUNS === undefined ? 120_000 : 2 ** 31 - 1;

/**
 * A fraction in [0, 1], uniform: fast-check's doubles are uniform over the doubles, nearly all of them
 * next to 0 (every edit and cut at a fraction of a text would land at its start), and biased to the ends besides.
 */
export const uniformFraction = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_000);
