/**
 * The engine's whole report (document, findings, totals), byte for byte, on large generated documents,
 * as digests stored when the engine was last changed for speed alone. A pass restructured to be faster
 * must give exactly the same report: a digest that changes here means the output changed, which is a
 * behaviour change to make (and explain) on purpose, never a side effect of a speed-up.
 */
import { createHash } from "crypto";
import { analyse } from "../../src/model";
import type { DocumentSnapshot } from "../../src/model/snapshot";
import { largeSnapshot } from "../fixtures/large";
import { syntheticSnapshot, type SyntheticOptions } from "../helpers/synthetic";

function digest(snapshot: DocumentSnapshot): string {
  return createHash("sha256").update(JSON.stringify(analyse(snapshot))).digest("hex").slice(0, 16);
}

describe("the report on large documents is unchanged", () => {
  it("3,000 recommendations of careers provision's real text, repeated (the limits bench's input)", () => {
    expect(digest(largeSnapshot(3000))).toBe("f82269bb4ff48813");
  });

  it.each<[SyntheticOptions, string]>([
    [{ recommendations: 3000 }, "4b3817024f9027b4"],
    [{ recommendations: 300, gradeMissingEvery: 3, seed: 2 }, "d7165faf0685348e"],
    [{ recommendations: 200, rounds: 7, seed: 5 }, "288665f6dc0f4288"],
    [{ recommendations: 100, rounds: 1, seed: 9, gradeMissingEvery: 2 }, "e765f97a2241092c"],
  ])("synthetic %j", (options, expected) => {
    expect(digest(syntheticSnapshot(options))).toBe(expected);
  });
});
