import { findLabelDate, findWrittenDate, formatMonth, parseMonth } from "../../src/model/dates";

describe("parseMonth", () => {
  it.each([
    ["(July 2021)", "2021-07"],
    ["(July 21)", "2021-07"],
    ["(Sept 2022)", "2022-09"],
    ["(Sep 22)", "2022-09"],
    ["(August 21)", "2021-08"],
    ["(February 2023)", "2023-02"],
    ["February 2023", "2023-02"],
    ["(February 2023):", "2023-02"],
    ["Feb-23", "2023-02"],
    ["Feb '23", "2023-02"],
    ["sept. 2022", "2022-09"],
    ["DECEMBER 2020", "2020-12"],
    ["1 September 2022", "2022-09"],
    ["09/2022", "2022-09"],
    ["9-22", "2022-09"],
    ["01/09/2022", "2022-09"],
    ["Jun 2024", "2024-06"],
  ])("%s → %s", (text, month) => {
    expect(parseMonth(text)).toBe(month);
  });

  it.each([
    "",
    "2023",
    "July",
    "13/2022",
    "(i ebituary 2023).",
    "Established by December 2020",
    "December detion 0",
    "July 1899",
    "Marketing 2021",
  ])("%j is not a month", (text) => {
    expect(parseMonth(text)).toBeNull();
  });
});

describe("findLabelDate", () => {
  it("reads the date of a round label, as written", () => {
    expect(findLabelDate("Evidence of Progress (July 2021):")).toEqual({ month: "2021-07", dateText: "July 2021" });
    expect(findLabelDate("Assessment of Progress (July 21): (include explanation if required)")).toEqual({
      month: "2021-07",
      dateText: "July 21",
    });
    expect(findLabelDate("Evidence of Impact (Sept 2022):")).toEqual({ month: "2022-09", dateText: "Sept 2022" });
    expect(findLabelDate("(February 2023): (include explanation if required)")).toEqual({
      month: "2023-02",
      dateText: "February 2023",
    });
    expect(findLabelDate("Progress update 01/09/2022")).toEqual({ month: "2022-09", dateText: "01/09/2022" });
  });

  it("finds nothing in a label without a date", () => {
    expect(findLabelDate("Evidence of Impact")).toBeNull();
    expect(findLabelDate("Assessment of Progress (include explanation if required)")).toBeNull();
    expect(findLabelDate("(i ebituary 2023).")).toBeNull();
  });
});

describe("findWrittenDate", () => {
  it("gives a readable date with its month", () => {
    expect(findWrittenDate("Evidence of Progress (July 21):")).toEqual({ month: "2021-07", dateText: "July 21" });
  });

  it("keeps a date that cannot be read as written, with no month", () => {
    expect(findWrittenDate("Evidence of Progress (Summer 2021):")).toEqual({ month: null, dateText: "Summer 2021" });
    expect(findWrittenDate("(i ebituary 2023).")).toEqual({ month: null, dateText: "i ebituary 2023" });
    expect(findWrittenDate("Evidence of Impact ( Q3 ):")).toEqual({ month: null, dateText: "Q3" });
  });

  it("does not take the template's hint for a date", () => {
    expect(findWrittenDate("Assessment of Progress: (include explanation if required)")).toBeNull();
    expect(findWrittenDate("Evidence of Impact")).toBeNull();
  });
});

describe("formatMonth", () => {
  it("writes a month the way the documents do", () => {
    expect(formatMonth("2022-09")).toBe("September 2022");
    expect(formatMonth("2021-01")).toBe("January 2021");
    expect(formatMonth("2023-12")).toBe("December 2023");
  });

  it("gives back anything that is not a month unchanged", () => {
    expect(formatMonth("2022-13")).toBe("2022-13");
    expect(formatMonth("Update 2")).toBe("Update 2");
  });

  it("round-trips with parseMonth", () => {
    for (let m = 1; m <= 12; m++) {
      const month = `2024-${String(m).padStart(2, "0")}`;
      expect(parseMonth(formatMonth(month))).toBe(month);
    }
  });
});
