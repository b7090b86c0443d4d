import { analyse } from "../../src/model";
import { groupCycles } from "../../src/model/cycles";
import { totals } from "../../src/model/totals";
import { buildDocument, careLeaversLike, careersLike, gradedRounds } from "../helpers/model-builder";
import { realSnapshot } from "../helpers/text-snapshot";

describe("totals", () => {
  it("counts one update carrying March, July and August 2021 as one round, labelled by its most common month", () => {
    const result = totals(buildDocument({ recommendations: careersLike() }));
    expect(result.latest).toEqual({ 1: 1, 2: 4, 3: 1, 4: 0, none: 1 });
    expect(result.rounds).toEqual([{ label: "July 2021", month: "2021-07", counts: { 1: 1, 2: 4, 3: 1, 4: 0, none: 1 } }]);
  });

  it("counts every round of a document with three updates, oldest first, and each recommendation's history", () => {
    const result = totals(buildDocument({ recommendations: careLeaversLike() }));
    expect(result.rounds.map((round) => [round.label, round.month])).toEqual([
      ["September 2022", "2022-09"],
      ["February 2023", "2023-02"],
      ["November 2023", "2023-11"],
    ]);
    expect(result.rounds.map((round) => round.counts)).toEqual([
      { 1: 0, 2: 3, 3: 0, 4: 0, none: 0 },
      { 1: 0, 2: 1, 3: 2, 4: 0, none: 0 },
      { 1: 2, 2: 1, 3: 0, 4: 0, none: 0 },
    ]);
    expect(result.latest).toEqual({ 1: 2, 2: 1, 3: 0, 4: 0, none: 0 });
    expect(result.history.map((h) => [h.recommendation, h.grades.map((g) => g.grade)])).toEqual([
      ["2", [2, 2, 1]],
      ["6", [2, 3, 1]],
      ["7", [2, 3, 2]],
    ]);
    expect(result.history[0].grades.map((g) => g.label)).toEqual(["September 2022", "February 2023", "November 2023"]);
  });

  it("labels history entries by their round's cycle but keeps each round's own month", () => {
    const result = totals(buildDocument({ recommendations: careersLike() }));
    const seven = result.history.find((h) => h.recommendation === "7");
    expect(seven?.grades).toEqual([{ label: "July 2021", month: "2021-03", grade: 1 }]);
  });

  it("counts a recommendation with no round, or no grade in its last round, as none", () => {
    const result = totals(
      buildDocument({
        recommendations: [
          { number: "1", rounds: gradedRounds(["2022-09"], [4]) },
          { number: "2", rounds: [] },
          { number: "3", rounds: gradedRounds(["2022-09"], [null]) },
        ],
      }),
    );
    expect(result.latest).toEqual({ 1: 0, 2: 0, 3: 0, 4: 1, none: 2 });
    expect(result.rounds[0].counts).toEqual({ 1: 0, 2: 0, 3: 0, 4: 1, none: 1 });
    expect(result.history[1]).toEqual({ recommendation: "2", grades: [] });
  });

  it("matches undated rounds by position and labels them Update N", () => {
    const result = totals(
      buildDocument({
        recommendations: [
          { number: "1", rounds: [{ assessment: "2. a" }, { assessment: "3. b" }] },
          { number: "2", rounds: [{ assessment: "1. c" }] },
        ],
      }),
    );
    expect(result.rounds).toEqual([
      { label: "Update 1", month: null, counts: { 1: 1, 2: 1, 3: 0, 4: 0, none: 0 } },
      { label: "Update 2", month: null, counts: { 1: 0, 2: 0, 3: 1, 4: 0, none: 0 } },
    ]);
    expect(result.latest).toEqual({ 1: 1, 2: 0, 3: 1, 4: 0, none: 0 });
  });

  it("puts an undated round in the cycle after its recommendation's previous round", () => {
    const result = totals(
      buildDocument({
        recommendations: [
          { number: "1", rounds: [{ month: "2022-09", assessment: "2." }, { month: "2023-02", assessment: "2." }] },
          { number: "2", rounds: [{ month: "2022-09", assessment: "2." }, { assessment: "3. undated" }] },
          { number: "3", rounds: [{ month: "2022-09", assessment: "2." }, { month: "2023-02", assessment: "2." }, { assessment: "1. newest" }] },
        ],
      }),
    );
    expect(result.rounds.map((round) => [round.label, round.counts[3], round.counts[1]])).toEqual([
      ["September 2022", 0, 0],
      ["February 2023", 1, 0],
      ["Update 3", 0, 1],
    ]);
  });

  it("starts a new round when the months are more than four apart", () => {
    const plan = groupCycles(
      buildDocument({
        recommendations: [
          { number: "1", rounds: gradedRounds(["2022-01"], [2]) },
          { number: "2", rounds: gradedRounds(["2022-05"], [2]) },
          { number: "3", rounds: gradedRounds(["2022-10"], [2]) },
        ],
      }),
    );
    expect(plan.cycles.map((cycle) => cycle.label)).toEqual(["January 2022", "October 2022"]);
    expect(plan.roundCycle).toEqual([[0], [0], [1]]);
  });

  it("never puts two rounds of one recommendation in the same cycle (quarterly updates)", () => {
    const quarters = ["2022-01", "2022-04", "2022-07"];
    const plan = groupCycles(
      buildDocument({
        recommendations: [
          { number: "1", rounds: gradedRounds(quarters, [2, 2, 2]) },
          { number: "2", rounds: gradedRounds(["2022-02", "2022-04", "2022-06"], [2, 2, 2]) },
          { number: "3", rounds: gradedRounds(["2022-04", "2022-07"], [2, 2]) },
        ],
      }),
    );
    expect(plan.cycles.map((cycle) => cycle.label)).toEqual(["January 2022", "April 2022", "July 2022"]);
    expect(plan.roundCycle).toEqual([
      [0, 1, 2],
      [0, 1, 2],
      [1, 2],
    ]);
  });

  it("labels a tie by the earlier month and tells apart cycles with the same month", () => {
    const plan = groupCycles(
      buildDocument({
        recommendations: [
          { number: "1", rounds: gradedRounds(["2022-08", "2022-08"], [2, 2]) },
          { number: "2", rounds: gradedRounds(["2022-07"], [2]) },
        ],
      }),
    );
    expect(plan.cycles.map((cycle) => cycle.label)).toEqual(["July 2022", "August 2022"]);

    const copied = groupCycles(
      buildDocument({ recommendations: [{ number: "1", rounds: gradedRounds(["2022-08", "2022-08"], [2, 2]) }] }),
    );
    expect(copied.cycles.map((cycle) => cycle.label)).toEqual(["August 2022", "August 2022 (2)"]);
  });

  it("gives an empty document zero counts and no rounds", () => {
    expect(totals(buildDocument())).toEqual({ latest: { 1: 0, 2: 0, 3: 0, 4: 0, none: 0 }, rounds: [], history: [] });
  });
});

describe("totals: the real documents", () => {
  it("careers provision: one round, July 2021, with 1:1 2:4 3:1 4:0 none:1", () => {
    const result = analyse(realSnapshot("careersProvision")).totals;
    const counts = { 1: 1, 2: 4, 3: 1, 4: 0, none: 1 };
    expect(result.latest).toEqual(counts);
    expect(result.rounds).toEqual([{ label: "July 2021", month: "2021-07", counts }]);
    expect(result.history.map((h) => [h.recommendation, h.grades.map((g) => g.grade)])).toEqual([
      ["1", [2]],
      ["2", [null]],
      ["3", [2]],
      ["4", [2]],
      ["5", [2]],
      ["6", [3]],
      ["7", [1]],
    ]);
  });

  it("care leavers EET: three rounds and each recommendation's history", () => {
    const result = analyse(realSnapshot("careLeaversEet")).totals;
    expect(result.rounds).toEqual([
      { label: "September 2022", month: "2022-09", counts: { 1: 0, 2: 3, 3: 0, 4: 0, none: 0 } },
      { label: "February 2023", month: "2023-02", counts: { 1: 0, 2: 1, 3: 2, 4: 0, none: 0 } },
      { label: "November 2023", month: "2023-11", counts: { 1: 2, 2: 1, 3: 0, 4: 0, none: 0 } },
    ]);
    expect(result.latest).toEqual({ 1: 2, 2: 1, 3: 0, 4: 0, none: 0 });
    expect(result.history.map((h) => [h.recommendation, h.grades.map((g) => g.grade)])).toEqual([
      ["2", [2, 2, 1]],
      ["6", [2, 3, 1]],
      ["7", [2, 3, 2]],
    ]);
  });
});
