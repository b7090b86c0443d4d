/**
 * The reader unpacks deflated parts with the platform's inflate (Node's zlib, else DecompressionStream)
 * when there is one, streaming word/document.xml into the reader, and with jszip otherwise or when the
 * platform refuses the data (src/docx/zip.ts). Either way a file must read, or fail, exactly as it does
 * with jszip alone: compared here with the platform's inflate taken away (Node's alone, then both).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { zipBomb } from "../fixtures/broken";
import { readOutcome as outcome, readOutcomeWithout as outcomeWithout, type ReadOutcome as Outcome } from "../helpers/read-outcome";

jest.setTimeout(60_000);

const fixture = (file: string): Buffer => readFileSync(join(__dirname, "../fixtures/docx", file));

async function outcomeWithJszipOnly(bytes: Uint8Array): Promise<Outcome> {
  const browser = await outcomeWithout(bytes, "node");
  const jszip = await outcomeWithout(bytes, "platform");
  expect(browser).toEqual(jszip);
  return jszip;
}

test("the platform's inflate is there to be compared with (Node ≥ 20.16's zlib, DecompressionStream in current browsers)", () => {
  expect(typeof DecompressionStream).toBe("function");
  expect(typeof process.getBuiltinModule).toBe("function");
});

test("real documents read the same", async () => {
  for (const file of ["careers-provision.docx", "careers-provision-tracked-changes.docx", "care-leavers-eet-merged-cells.docx"]) {
    const bytes = fixture(file);
    const result = await outcome(bytes);
    expect("read" in result).toBe(true);
    expect(result).toEqual(await outcomeWithJszipOnly(bytes));
  }
});

test("damaged deflate data reads, or fails, as it does with jszip alone", async () => {
  const good = fixture("careers-provision.docx");
  let differentFromGood = 0;
  for (let at = 50; at < good.length; at += 97) {
    const bad = Buffer.from(good);
    bad[at] ^= 0x5a;
    const result = await outcome(bad);
    expect(result).toEqual(await outcomeWithJszipOnly(bad));
    if (!("read" in result)) differentFromGood++;
  }
  expect(differentFromGood).toBeGreaterThan(0);
});

test("a zip bomb is stopped at the same limit with the same message", async () => {
  const bomb = zipBomb(128);
  const result = await outcome(bomb);
  expect(result).toEqual({ failed: expect.objectContaining({ reason: "too-large" }) });
  expect(result).toEqual(await outcomeWithJszipOnly(bomb));
});
