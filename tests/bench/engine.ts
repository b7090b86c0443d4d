/**
 * The engine's part of `npm run bench`: `analyse(snapshot)` (parse + check + totals) on synthetic documents,
 * in ms at 10, 100 and 1,000 recommendations × 4 rounds, and as a ratio to its floor at 100, 1,000 and 5,000:
 * a JSON.stringify + JSON.parse round trip of the same snapshot (one pass that reads every string and builds a
 * copy of the whole tree, which is the least any engine that looks at all the text and builds a result can do).
 */
import { analyse } from "../../src/model";
import { syntheticSnapshot } from "../helpers/synthetic";
import { measure, pairedRatio, round2, type PairedRatio } from "./measure";

export const ENGINE_SIZES = [10, 100, 1000] as const;
export const RATIO_SIZES = [100, 1000, 5000] as const;
export const ENGINE_RATIO_TARGET = 1;
const ROUNDS = 4;

type Size = (typeof ENGINE_SIZES)[number];
type RatioSize = `${(typeof RATIO_SIZES)[number]}`;

export interface EngineBench {
  ms: Record<Size, number>;
  /** Median cost per recommendation, µs: flat when the cost grows linearly. */
  usPerRecommendation: Record<Size, number>;
  runs: Record<Size, number>;
  /** Median of per-pair ratios analyse / JSON round trip of the same snapshot (target ≤ 1). */
  ratioToJsonRoundTrip: Record<RatioSize, number>;
  /** The pairs' medians, ms, for context. */
  pairs: Record<RatioSize, { engineMs: number; jsonRoundTripMs: number; runs: number }>;
}

export async function benchEngine(log: (line: string) => void): Promise<EngineBench> {
  const ms = {} as Record<Size, number>;
  const perRec = {} as Record<Size, number>;
  const runs = {} as Record<Size, number>;
  for (const size of ENGINE_SIZES) {
    const snapshot = syntheticSnapshot({ recommendations: size, rounds: ROUNDS });
    const count = size === 1000 ? 31 : size === 100 ? 101 : 301;
    log(`Engine, ${size} recommendations × ${ROUNDS} rounds: ${count} runs…`);
    const m = await measure(() => analyse(snapshot), count, Math.ceil(count / 3));
    ms[size] = round2(m.medianMs);
    perRec[size] = round2((m.medianMs * 1000) / size);
    runs[size] = m.runs;
  }
  const ratioToJsonRoundTrip = {} as Record<RatioSize, number>;
  const pairs = {} as EngineBench["pairs"];
  for (const size of RATIO_SIZES) {
    const snapshot = syntheticSnapshot({ recommendations: size, rounds: ROUNDS });
    const count = size === 5000 ? 7 : size === 1000 ? 21 : 61;
    log(`Engine against a JSON round trip, ${size} recommendations: ${count} pairs…`);
    const r: PairedRatio = await pairedRatio(
      () => analyse(snapshot),
      () => JSON.parse(JSON.stringify(snapshot)),
      count,
      size === 5000 ? 1 : 3,
    );
    ratioToJsonRoundTrip[`${size}`] = r.ratio;
    pairs[`${size}`] = { engineMs: r.subjectMs, jsonRoundTripMs: r.floorMs, runs: r.runs };
  }
  return { ms, usPerRecommendation: perRec, runs, ratioToJsonRoundTrip, pairs };
}

export function engineTable(engine: EngineBench): string[] {
  return [
    "Engine: parse + check + totals (median)",
    "  recommendations × 4 rounds   ms        µs per recommendation   runs",
    ...ENGINE_SIZES.map(
      (size) =>
        `  ${String(size).padStart(5)}                      ${engine.ms[size].toFixed(2).padStart(7)}   ${engine.usPerRecommendation[
          size
        ]
          .toFixed(1)
          .padStart(8)}                ${engine.runs[size]}`,
    ),
    `Engine against its floor, a JSON.stringify + JSON.parse round trip of the same snapshot (median of per-pair ratios; target ≤ ${ENGINE_RATIO_TARGET}×)`,
    ...RATIO_SIZES.map((size) => {
      const pair = engine.pairs[`${size}`];
      return `  ${String(size).padStart(5)}   ${engine.ratioToJsonRoundTrip[`${size}`].toFixed(2)}×   (${pair.engineMs} ms against ${pair.jsonRoundTripMs} ms, ${pair.runs} pairs)`;
    }),
  ];
}
