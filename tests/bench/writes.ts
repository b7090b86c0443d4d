/**
 * The write path's part of `npm run bench`: each gateway call's round trips, counted on the simulated
 * Word for 10 and 1,000 recommendations (the budget is 1 for a scan, at most 2 for anything else,
 * the same at both sizes), and what planning an update for 1,000 recommendations costs next to the
 * engine's own check of that document.
 */
import { performance } from "perf_hooks";
import type { DocumentSnapshot } from "../../src/model/snapshot";
import type { Plan } from "../../src/model/plan";
import {
  analyse,
  applyPlanToSnapshot,
  parse,
  planAddComments,
  planAddRound,
  planRemoveComments,
  planRemoveRound,
  planSetGrade,
  planSummary,
} from "../../src/model";
import { installSimulatedWord } from "../../src/simulated-word";
import { createWordGateway } from "../../src/word/gateway";
import { syntheticSnapshot } from "../helpers/synthetic";
import { TODAY, planOf } from "../model/edit-helpers";

export const SYNC_SIZES = [10, 1000] as const;
export const SYNC_CALLS = [
  "scan",
  "select",
  "cursor",
  "addRound",
  "setGrade",
  "removeRound",
  "summary",
  "summaryRefresh",
  "comments",
  "commentsRemove",
] as const;
export type SyncCall = (typeof SYNC_CALLS)[number];
export type SyncCounts = Record<SyncCall, Record<"10" | "1000", number>>;

export interface WritesBench {
  syncs: SyncCounts;
  /** The most any write took, at either size, and whether every call is the same at both sizes. */
  syncBudget: { scan: number; writes: number; maxWrite: number; sameAtBothSizes: boolean; met: boolean };
  planning: {
    /** Median ms of planAddRound for every recommendation of a 1,000-recommendation document. */
    addRound1000Ms: number;
    /** Median ms of analyse (parse + check + totals) of the same document. */
    check1000Ms: number;
    /** addRound1000Ms / check1000Ms: the target is at most 1. */
    ratio: number;
    met: boolean;
  };
}



/** Every gateway call once, in an officer's order, counting each one's syncs. */
async function countSyncs(source: DocumentSnapshot): Promise<Record<SyncCall, number>> {
  const word = installSimulatedWord(source);
  try {
    const gateway = createWordGateway();
    const counted = {} as Record<SyncCall, number>;
    const count = async (call: SyncCall, action: () => Promise<unknown>): Promise<void> => {
      word.resetCounters();
      await action();
      counted[call] = word.syncCount;
    };
    let snapshot = source;
    const apply = async (call: SyncCall, plan: Plan): Promise<void> => {
      await count(call, () => gateway.apply(plan));
      snapshot = applyPlanToSnapshot(snapshot, plan);
    };
    await count("scan", () => gateway.scan());
    const last = parse(snapshot).recommendations.at(-1)!;
    await count("select", () => gateway.select(last.location));
    await count("cursor", () => gateway.cursor());
    const add = planOf(planAddRound(snapshot, { month: "2026-11", recommendations: "all", dropdowns: true, today: TODAY }));
    await apply("addRound", add);
    const added = parse(snapshot).recommendations.at(-1)!;
    await apply("setGrade", planOf(planSetGrade(snapshot, { recommendation: added.number, round: added.rounds.length - 1, grade: 2 })));
    await apply("removeRound", planOf(planRemoveRound(snapshot, { month: "2026-11", recommendations: add.round!.recommendations.slice(0, -1) })));
    await apply("summary", planOf(planSummary(snapshot, { place: { kind: "end" }, today: TODAY })));
    await apply("summaryRefresh", planOf(planSummary(snapshot, { place: { kind: "end" }, today: TODAY })));
    await apply("comments", planOf(planAddComments(snapshot)));
    await apply("commentsRemove", planOf(planRemoveComments(snapshot)));
    return counted;
  } finally {
    word.uninstall();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timed(fn: () => unknown, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

export async function benchWrites(log: (line: string) => void, rounds: number): Promise<WritesBench> {
  const syncs = {} as SyncCounts;
  for (const call of SYNC_CALLS) syncs[call] = { "10": 0, "1000": 0 };
  for (const size of SYNC_SIZES) {
    log(`Write path on the simulated Word, ${size} recommendations: counting syncs…`);
    const counted = await countSyncs(syntheticSnapshot({ recommendations: size, rounds, gradeMissingEvery: 3 }));
    for (const call of SYNC_CALLS) syncs[call][String(size) as "10" | "1000"] = counted[call];
  }
  const writes = SYNC_CALLS.filter((c) => c !== "scan" && c !== "cursor");
  const maxWrite = Math.max(...writes.map((c) => Math.max(syncs[c]["10"], syncs[c]["1000"])));
  const sameAtBothSizes = SYNC_CALLS.every((c) => syncs[c]["10"] === syncs[c]["1000"]);
  const scan = Math.max(syncs.scan["10"], syncs.scan["1000"], syncs.cursor["10"], syncs.cursor["1000"]);

  log("Planning an update for 1,000 recommendations, against the engine's check of the same document…");
  const snapshot = syntheticSnapshot({ recommendations: 1000, rounds });
  const intent = { month: "2026-11", recommendations: "all" as const, dropdowns: true, today: TODAY };
  const addRound1000Ms = timed(() => planAddRound(snapshot, intent), 31, 10);
  const check1000Ms = timed(() => analyse(snapshot), 31, 10);
  const ratio = round2(addRound1000Ms / check1000Ms);
  return {
    syncs,
    syncBudget: { scan: 1, writes: 2, maxWrite, sameAtBothSizes, met: maxWrite <= 2 && scan <= 1 && sameAtBothSizes },
    planning: { addRound1000Ms: round2(addRound1000Ms), check1000Ms: round2(check1000Ms), ratio, met: ratio <= 1 },
  };
}

/** The write path's lines of the bench's table. */
export function writesTable(result: WritesBench): string[] {
  const met = (ok: boolean): string => (ok ? "met" : "NOT met");
  return [
    "Write path: syncs per call on the simulated Word (10 / 1,000 recommendations)",
    ...SYNC_CALLS.map((call) => `  ${call.padEnd(16)} ${result.syncs[call]["10"]} / ${result.syncs[call]["1000"]}`),
    `  budget (scan and cursor 1, every write ≤ 2, the same at both sizes): ${met(result.syncBudget.met)}`,
    "",
    "Planning an update for 1,000 recommendations vs the engine's check of that document (median)",
    `  plan ${result.planning.addRound1000Ms} ms, check ${result.planning.check1000Ms} ms: ratio ${result.planning.ratio} (target ≤ 1: ${met(result.planning.met)})`,
  ];
}
