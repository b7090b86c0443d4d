import { readFileSync } from "fs";
import { join } from "path";
import { readDocx } from "../../src/docx";
import { parse } from "../../src/model/parse";
import { realSnapshot } from "../helpers/text-snapshot";
import { content } from "./blocks";

/** The .docx fixtures built from the real documents (tests/fixtures/README.md), read and parsed end to end. */
const read = async (file: string) =>
  parse(await readDocx(new Uint8Array(readFileSync(join(__dirname, "../fixtures/docx", file)))));

const ROW_LAYOUTS = [
  "",
  "-per-recommendation-tables",
  "-one-table",
  "-heading-paragraphs",
  "-label-dates-in-second-paragraph",
];

describe.each([
  ["careers-provision", "careersProvision"],
  ["care-leavers-eet", "careLeaversEet"],
] as const)("%s.docx in every row layout", (file, name) => {
  const expected = content(parse(realSnapshot(name)));

  it.each(ROW_LAYOUTS)("%s parses as the text does", async (suffix) => {
    expect(content(await read(`${file}${suffix}.docx`))).toEqual(expected);
  });
});

describe("Word features in .docx fixtures", () => {
  const grades = (document: Awaited<ReturnType<typeof read>>) =>
    document.recommendations.map((r) => r.rounds.map((round) => round.assessment?.grade ?? null));

  it("merged title and label cells", async () => {
    expect(content(await read("care-leavers-eet-merged-cells.docx"))).toEqual(
      content(parse(realSnapshot("careLeaversEet"))),
    );
  });

  it.each([
    "careers-provision-grade-in-content-control.docx",
    "careers-provision-tracked-changes.docx",
    "careers-provision-links-and-fields.docx",
    "careers-provision-nested-table.docx",
  ])("%s keeps the grades 2, none, 2, 2, 2, 3, 1", async (file) => {
    expect(grades(await read(file))).toEqual([[2], [null], [2], [2], [2], [3], [1]]);
  });

  it("a removed grade is no grade; a removed impact is empty", async () => {
    expect(grades(await read("careers-provision-missing-grade.docx"))).toEqual([
      [2],
      [null],
      [2],
      [2],
      [2],
      [null],
      [1],
    ]);
    const document = await read("careers-provision-missing-impact.docx");
    expect(document.recommendations[3].rounds[0].impact?.text).toBe("");
  });

  it("the column layout", async () => {
    const document = await read("care-leavers-eet-columns.docx");
    expect(document.layout).toBe("columns");
    expect(document.recommendations.map((r) => r.number)).toEqual(["2", "6", "7"]);
    expect(grades(document)).toEqual([
      [2, 2, 1],
      [2, 3, 1],
      [2, 3, 2],
    ]);
    for (const r of document.recommendations) {
      expect(r.rounds.map((round) => round.month)).toEqual(["2022-09", "2023-02", "2023-11"]);
      expect(r.rounds.every((round) => round.impact === null)).toBe(true);
    }
    expect(document.gradingKey).not.toBeNull();
    expect(document.unrecognised).toEqual([]);
  });
});
