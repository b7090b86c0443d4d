/**
 * The reader unpacks deflated parts with the platform's DecompressionStream when there is one, and with
 * jszip otherwise or when the platform refuses the data (src/docx/zip.ts). Either way a file must read,
 * or fail, exactly as it does with jszip alone: compared here with DecompressionStream taken away.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { readDocx } from "../../src/docx";
import { zipBomb } from "../fixtures/broken";

jest.setTimeout(60_000);

const fixture = (file: string): Buffer => readFileSync(join(__dirname, "../fixtures/docx", file));

type Outcome = { read: unknown } | { failed: { reason: string; message: string } };

async function outcome(bytes: Uint8Array): Promise<Outcome> {
  try {
    return { read: await readDocx(bytes) };
  } catch (error) {
    const { reason, message } = error as { reason: string; message: string };
    return { failed: { reason, message } };
  }
}

/** The outcome with jszip unpacking everything, as before the platform's inflate was used. */
async function outcomeWithJszipOnly(bytes: Uint8Array): Promise<Outcome> {
  const platform = globalThis.DecompressionStream;
  // @ts-expect-error: taken away for the comparison, put back below.
  delete globalThis.DecompressionStream;
  try {
    return await outcome(bytes);
  } finally {
    globalThis.DecompressionStream = platform;
  }
}

test("the platform's inflate is there to be compared with (Node ≥ 18, current browsers)", () => {
  expect(typeof DecompressionStream).toBe("function");
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
