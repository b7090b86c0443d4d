import { classifyLabel, describesScale, isGradingKey, isTemplateText, looksLikeTitle } from "../../src/model/labels";

describe("classifyLabel: label cells", () => {
  it.each([
    ["Review:", "review"],
    ["Link Officer/s:", "linkOfficers"],
    ["Link Officers", "linkOfficers"],
    ["Action Plan Agreed:", "actionPlanAgreed"],
    ["Responsibility:", "responsibility"],
    ["Lead Officer:", "responsibility"],
    ["Date:", "targetDate"],
    ["Target date", "targetDate"],
    ["Agreed Action:", "agreedAction"],
    ["Agreed Success Measure:", "successMeasure"],
    ["Success measures", "successMeasure"],
    ["Evidence of Progress (July 2021):", "evidence"],
    ["Assessment of Progress (July 2021): (include explanation if required)", "assessment"],
    ["Assessment of Progress", "assessment"],
    ["Evidence of Impact (August 21):", "impact"],
    ["Evidence of Impact", "impact"],
    ["(include explanation if required)", "continuation"],
    ["(February 2023): (include explanation if required)", "continuation"],
    ["(i ebituary 2023).", "continuation"],
  ])("%j is %s, the whole cell being the label", (text, kind) => {
    expect(classifyLabel(text)).toMatchObject({ kind, label: text, rest: "" });
  });

  it("reads a recommendation heading's number as written", () => {
    expect(classifyLabel("Recommendation 2:")).toEqual({
      kind: "recommendation",
      label: "Recommendation 2:",
      rest: "",
      words: 17,
      number: "2",
    });
    expect(classifyLabel("Recommendation No. 3a")).toMatchObject({ number: "3a" });
    expect(classifyLabel("Rec 12 –")).toMatchObject({ number: "12" });
    expect(classifyLabel("Recommendation:")).toMatchObject({ kind: "recommendation", number: "" });
  });

  it("does not take noise or the grading key's first cell for a label", () => {
    expect(classifyLabel("December detion 0")).toBeNull();
    expect(classifyLabel("Assessment of")).toBeNull();
    expect(classifyLabel("Recommendations")).toBeNull();
    expect(classifyLabel("Record of meetings")).toBeNull();
    expect(classifyLabel("SCRUTINY MONITORING – PROGRESS UPDATE")).toBeNull();
    expect(classifyLabel("")).toBeNull();
  });

  it("keeps bracketed text wrapped into the label cell as label", () => {
    const text = "Evidence of Impact (February 2023): (i ebituary 2023).";
    expect(classifyLabel(text)).toMatchObject({ kind: "impact", label: text, rest: "" });
    // At the start of a paragraph, bracketed text after the colon is the officer's.
    expect(classifyLabel("Evidence of Progress (July 21): (1) Schools were contacted", true)).toMatchObject({
      label: "Evidence of Progress (July 21):",
      rest: "(1) Schools were contacted",
    });
  });

  it("puts the value that shares the label's cell in `rest`", () => {
    expect(classifyLabel("Recommendation 3: That governing bodies be encouraged")).toEqual({
      kind: "recommendation",
      label: "Recommendation 3:",
      rest: "That governing bodies be encouraged",
      words: 17,
      number: "3",
    });
    expect(classifyLabel("Evidence of Progress (July 21): All schools responded")).toMatchObject({
      kind: "evidence",
      words: "Evidence of Progress".length,
      label: "Evidence of Progress (July 21):",
      rest: "All schools responded",
    });
  });
});

describe("classifyLabel: paragraphs", () => {
  it("needs a colon after a plain label, so prose is not a label", () => {
    expect(classifyLabel("Date: April 2021", true)).toMatchObject({ kind: "targetDate", rest: "April 2021" });
    expect(classifyLabel("Date of the next meeting is in May", true)).toBeNull();
    expect(classifyLabel("Impact of the pandemic was severe", true)).toBeNull();
    expect(classifyLabel("Evidence of Impact (July 21): Destinations data", true)).toMatchObject({
      kind: "impact",
      rest: "Destinations data",
    });
    expect(classifyLabel("Responsibility:", true)).toMatchObject({ kind: "responsibility", rest: "" });
  });

  it("takes a heading paragraph, but not prose that starts with the word", () => {
    expect(classifyLabel("Recommendation 3: That governing bodies…", true)).toMatchObject({
      kind: "recommendation",
      number: "3",
      rest: "That governing bodies…",
    });
    expect(classifyLabel("Recommendation 3", true)).toMatchObject({ kind: "recommendation", number: "3" });
    expect(classifyLabel("Recommendation 3 was signed off last year", true)).toBeNull();
  });
});

describe("isGradingKey", () => {
  it("recognises both rows of the key at the end of the real documents", () => {
    expect(isGradingKey("Assessment of", ["1", "2", "3", "4"])).toBe(true);
    expect(isGradingKey("Progress Gradings:", ["Fully Achieved", "On-Track", "Slipped", "Not Achieved"])).toBe(true);
    expect(isGradingKey("Assessment of Progress Gradings:", [])).toBe(true);
    expect(isGradingKey("", ["Fully Achieved", "On-Track", "Slipped", "Not Achieved", ""])).toBe(true);
  });

  it("does not take an assessment for the key", () => {
    expect(isGradingKey("Assessment of Progress (July 21):", ["2. On track"])).toBe(false);
    expect(isGradingKey("Assessment of Progress", ["3. Slipped", "", "", ""])).toBe(false);
    expect(isGradingKey("Evidence of Impact", ["1", "2"])).toBe(false);
  });
});

describe("describesScale", () => {
  it("is true for text naming three or four grades", () => {
    expect(describesScale("1 = Fully Achieved, 2 = On-Track, 3 = Slipped, 4 = Not Achieved")).toBe(true);
    expect(describesScale("Progress Gradings:\tFully Achieved\tOntrack\tSlipped")).toBe(true);
  });

  it("is false for an assessment that names one", () => {
    expect(describesScale("3. Slipped The co-production of the strategy is on hold")).toBe(false);
    expect(describesScale("On track; not achieved last year")).toBe(false);
  });
});

describe("template text and title", () => {
  it("recognises the instructions paragraph", () => {
    expect(
      isTemplateText("Updates on the progress of actions in relation to agreed recommendations from previous scrutiny"),
    ).toBe(true);
    expect(isTemplateText("Progress has been made on the actions")).toBe(false);
  });

  it("recognises the title", () => {
    expect(looksLikeTitle("SCRUTINY MONITORING – PROGRESS UPDATE")).toBe(true);
    expect(looksLikeTitle("December detion 0")).toBe(false);
  });
});
