/**
 * Word is not the only program that writes .docx files, and ours are built by the `docx` package. These
 * fixtures are careers-provision.docx and care-leavers-eet.docx opened and saved again by LibreOffice
 * Writer 7 (`soffice --headless --convert-to "docx:MS Word 2007 XML"`), which writes different markup:
 * paragraph styles, cell borders, row properties, widow control. The text and every location must not change.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { readDocx } from "../../src/docx";
import { analyse } from "../../src/model";

const read = async (path: string) => readDocx(new Uint8Array(readFileSync(join(__dirname, "../fixtures/docx", path))));

describe.each(["careers-provision", "care-leavers-eet"])("%s re-saved by LibreOffice", (name) => {
  it("reads to exactly the snapshot of the original", async () => {
    expect(await read(`libreoffice/${name}.docx`)).toEqual(await read(`${name}.docx`));
  });
});

it("the re-saved Careers Provision still has recommendation 2's grade missing, and its totals", async () => {
  const { findings, totals } = analyse(await read("libreoffice/careers-provision.docx"));
  expect(findings.filter((f) => f.severity === "error").map((f) => [f.code, f.recommendation])).toEqual([["missing-grade", "2"]]);
  expect(totals.latest).toEqual({ 1: 1, 2: 4, 3: 1, 4: 0, none: 1 });
});
