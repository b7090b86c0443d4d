/** One file → one report, whatever goes wrong: checkFile never throws. */
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkFile } from "../../src/cli/check-file";
import { MAX_FILE_BYTES } from "../../src/docx";
import { analyse } from "../../src/model";

jest.mock("../../src/model", () => {
  const actual = jest.requireActual<typeof import("../../src/model")>("../../src/model");
  return { ...actual, analyse: jest.fn(actual.analyse) };
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "scrutiny-check-file-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("checkFile", () => {
  it("a file over the reader's size limit is unreadable, without being read into memory", async () => {
    const big = join(dir, "huge.docx");
    writeFileSync(big, "");
    truncateSync(big, MAX_FILE_BYTES + 1); // sparse: no disk used
    const report = await checkFile(big);
    expect(report).toMatchObject({ ok: false, error: { code: "unreadable", message: expect.stringMatching(/too large/) } });
  });

  it("a folder named as a file is unreadable", async () => {
    const folder = join(dir, "looks-like.docx");
    mkdirSync(folder);
    expect((await checkFile(folder)).error?.code).toBe("unreadable");
  });

  it("a file that vanished between listing and reading is unreadable", async () => {
    const report = await checkFile(join(dir, "gone.docx"));
    expect(report.error?.code).toBe("unreadable");
    expect(report.error?.message).toMatch(/^Cannot open the file/);
  });

  it("an engine failure on one file becomes that file's error, not a crash", async () => {
    const file = join(dir, "engine-bug.docx");
    writeFileSync(file, await (await import("../fixtures/docx-builder")).docxFromSnapshot({ blocks: [] }));
    jest.mocked(analyse).mockImplementationOnce(() => {
      throw new TypeError("Cannot read properties of undefined");
    });
    const report = await checkFile(file);
    expect(report.ok).toBe(false);
    expect(report.error?.code).toBe("unreadable");
    expect(report.error?.message).toMatch(/internal error: Cannot read properties of undefined/);
  });
});

describe("a recommendation's state agrees with the checker", () => {
  const fixture = (name: string) => join(__dirname, "../fixtures/docx", name);

  it("the older column layout has no impact rows, so nothing is reported missing and every recommendation is complete", async () => {
    const report = await checkFile(fixture("care-leavers-eet-columns.docx"));
    expect(report.ok).toBe(true);
    expect(report.recommendations.map((r) => [r.number, r.complete, r.missing])).toEqual([
      ["2", true, []],
      ["6", true, []],
      ["7", true, []],
    ]);
  });

  it("careers-provision: only recommendation 2 is incomplete, and what it lacks is its grade", async () => {
    const report = await checkFile(fixture("careers-provision.docx"));
    expect(report.recommendations.filter((r) => !r.complete).map((r) => [r.number, r.missing])).toEqual([["2", ["grade"]]]);
  });
});
