import { isGradeKeyCell, readAssessment, readGrade, readMisplacedGrade } from "../../src/model/grades";

describe("readAssessment: grades", () => {
  it.each([
    ["2. On track", 2, null],
    ["2. Largely met.", 2, "Largely met."],
    ["1.", 1, null],
    ["1", 1, null],
    ["(2)", 2, null],
    ["[3]", 3, null],
    ["2)", 2, null],
    ["2 -", 2, null],
    ["2 – On-Track", 2, null],
    ["2 On track", 2, null],
    ["Grade 2", 2, null],
    ["Grade: 3 Slipped", 3, null],
    ["Assessment: 4", 4, null],
    ["FULLY ACHIEVED", 1, null],
    ["on track", 2, null],
    ["On-Track", 2, null],
    ["ontrack", 2, null],
    ["not-achieved", 4, null],
    ["Not Achieved as the budget was withdrawn", 4, "as the budget was withdrawn"],
    ["Slipped.", 3, null],
    ["(3) Slipped: staff shortages", 3, "staff shortages"],
    ["3. Slipped The co-production of the CIOC/CL strategy", 3, "The co-production of the CIOC/CL strategy"],
    ["On-Track This is a council wide response", 2, "This is a council wide response"],
    ["Fully Achieved Progression Advisers work with", 1, "Progression Advisers work with"],
    ["2. Further progress hampered by COVID restrictions.", 2, "Further progress hampered by COVID restrictions."],
    ["2. On track\nEarly signs of impact", 2, "Early signs of impact"],
    ["1. Fully Achieved", 1, null],
  ])("%j → grade %s, explanation %j", (text, grade, explanation) => {
    expect(readAssessment(text)).toMatchObject({ grade, explanation });
  });

  it("finds a grade written on its own line after the explanation", () => {
    expect(readAssessment("Good progress with schools.\n2. On track")).toMatchObject({
      grade: 2,
      explanation: "Good progress with schools.",
    });
    expect(readAssessment("Staff shortages.\nGrade 3")).toMatchObject({ grade: 3, explanation: "Staff shortages." });
  });

  it("does not take a bare number on a later line for a grade", () => {
    expect(readGrade("Care leavers in EET by age:\n2\n3")).toBeNull();
  });

  it("keeps the officer's text otherwise untouched", () => {
    const text = "2.  On track\n\nLine one  with  spaces\nLine two";
    expect(readAssessment(text).explanation).toBe("Line one  with  spaces\nLine two");
  });
});

describe("readAssessment: not grades", () => {
  it.each([
    "2 young people started",
    "3 x care experienced young people in apprenticeships within SBC.",
    "1 has not continued with their employment",
    "12 Stockton schools have moved",
    "2023",
    "5",
    "0",
    "1.5 million pounds",
    "2/3 of schools",
    "2, 3 and 4 of the actions are complete",
    "Progress Gradings: Fully Achieved On-Track Slipped Not Achieved",
    "Largely met",
    "Not on track",
    "All schools and colleges have responded positively",
    "",
    "   ",
  ])("%j has no grade; the explanation is the whole text", (text) => {
    const reading = readAssessment(text);
    expect(reading.grade).toBeNull();
    expect(reading.explanation).toBe(text.trim() === "" ? null : text.trim());
  });
});

describe("readMisplacedGrade (Evidence and Impact rows, read strictly)", () => {
  it.each([
    ["2. Largely met. Destinations data showed strong performance", 2],
    ["2. Largely met.", 2],
    ["1.", 1],
    ["3 – Slipped", 3],
    ["(4) Not Achieved", 4],
    ["Grade 2", 2],
    ["On track.", 2],
    ["Work continues.\n2. On track", 2],
    ["2. Partially met", 2],
  ])("%j is a grade %s", (text, grade) => {
    expect(readMisplacedGrade(text)).toBe(grade);
  });

  it.each([
    "1. We met the heads of all secondary schools",
    "1. Met with heads in June",
    "2 young people have maintained their apprenticeship.",
    "3 x care experienced young people",
    "1 has not continued",
    "12 Stockton schools",
    "On track to deliver by April",
    "2. Achieved the target of 40 placements",
    "Yet to see the impact of this (November 21)",
    "",
  ])("%j is not a grade", (text) => {
    expect(readMisplacedGrade(text)).toBeNull();
  });
});

describe("isGradeKeyCell", () => {
  it("recognises the cells of the grading key", () => {
    for (const cell of ["1", "2", "3", "4", "Fully Achieved", "On-Track", "Slipped", "Not Achieved", " on track "]) {
      expect(isGradeKeyCell(cell)).toBe(true);
    }
  });

  it("rejects anything more", () => {
    for (const cell of ["5", "Progress Gradings:", "2. On track because", "Assessment of", ""]) {
      expect(isGradeKeyCell(cell)).toBe(false);
    }
  });
});
