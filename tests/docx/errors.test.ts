import { readFileSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { DocxError, MAX_FILE_BYTES, MAX_PART_BYTES, readDocx, type DocxErrorReason } from "../../src/docx";
import { zipBomb } from "../fixtures/broken";
import { docxWithBody, p, r } from "./minimal-docx";

// Generous: these tests unzip many files or a bomb, on shared machines.
jest.setTimeout(60_000);

const DIR = join(__dirname, "../fixtures/docx");
const fixture = (file: string): Buffer => readFileSync(join(DIR, file));

async function failure(bytes: Uint8Array): Promise<DocxError> {
  try {
    await readDocx(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(DocxError);
    return error as DocxError;
  }
  throw new Error("readDocx accepted a bad file");
}

/** Written for a council officer: whole sentences, no zip or parser jargon, no stack or code names. */
function expectPlainEnglish(message: string): void {
  expect(message).toMatch(/^[A-Z].*\.$/s);
  expect(message).not.toMatch(/central directory|jszip|signature|undefined|null|Error:|Bug|\bat \w+ \(|xml parser|readDocx/i);
}

describe("broken files are rejected with a reason and a plain-English message", () => {
  test.each<[string, DocxErrorReason, RegExp]>([
    ["broken-empty.docx", "not-zip", /empty/],
    ["broken-not-a-zip.docx", "not-zip", /not a Word document \(\.docx\)/],
    ["broken-truncated.docx", "truncated", /incomplete.*cut short/],
    ["broken-not-word.docx", "not-word", /This is a zip file but not a Word document/],
  ])("%s → %s", async (file, reason, message) => {
    const error = await failure(fixture(file));
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(message);
    expectPlainEnglish(error.message);
  });

  test("a .docx cut short anywhere is 'truncated', never a crash", async () => {
    const good = fixture("careers-provision.docx");
    const reasons = new Set<string>();
    for (let cut = 4; cut < good.length; cut += Math.floor(good.length / 40)) {
      reasons.add((await failure(good.subarray(0, cut))).reason);
    }
    expect([...reasons]).toEqual(["truncated"]);
  });

  test("damaged bytes inside a .docx give a DocxError, never anything else", async () => {
    const good = fixture("careers-provision.docx");
    for (let at = 50; at < good.length; at += 173) {
      const bad = Buffer.from(good);
      bad[at] ^= 0xff;
      await readDocx(bad).then(
        (snapshot) => expect(snapshot.blocks.length).toBeGreaterThan(0),
        (error: unknown) => {
          expect(error).toBeInstanceOf(DocxError);
          expectPlainEnglish((error as DocxError).message);
        },
      );
    }
  });

  test("an old .doc (or password-protected file) and a PDF are named as such", async () => {
    const ole = await failure(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect([ole.reason, ole.message]).toEqual(["not-zip", expect.stringMatching(/older Word document \(\.doc\)/)]);
    const pdf = await failure(new TextEncoder().encode("%PDF-1.7\n..."));
    expect([pdf.reason, pdf.message]).toEqual(["not-zip", expect.stringMatching(/PDF/)]);
  });

  test("an Excel workbook is named as such", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    const error = await failure(await zip.generateAsync({ type: "uint8array" }));
    expect(error.reason).toBe("not-word");
    expect(error.message).toMatch(/Excel workbook/);
  });

  test("a document part that is not a Word document body is not-word; one with a DTD is corrupt", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<html><body>hello</body></html>");
    expect((await failure(await zip.generateAsync({ type: "uint8array" }))).reason).toBe("not-word");
    zip.file("word/document.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document/>');
    expect((await failure(await zip.generateAsync({ type: "uint8array" }))).reason).toBe("corrupt");
  });

  test("input that is not bytes at all is a DocxError", async () => {
    const error = await failure(null as unknown as Uint8Array);
    expect(error.reason).toBe("corrupt");
  });
});

describe("size limits", () => {
  test("a file over the size limit is rejected before unzipping", async () => {
    const error = await failure(new Uint8Array(MAX_FILE_BYTES + 5 * 1024 * 1024));
    expect(error.reason).toBe("too-large");
    expect(error.message).toBe("This file is too large to check (55 MB; the limit is 50 MB).");
  });

  test("a zip bomb (1 MB unpacking to 1 GB) is stopped at the limit without filling memory", async () => {
    const bomb = zipBomb(1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    global.gc?.();
    const start = process.memoryUsage();
    const used = (usage: NodeJS.MemoryUsage): number => usage.heapUsed + usage.arrayBuffers;
    let peak = used(start);
    const sampler = setInterval(() => (peak = Math.max(peak, used(process.memoryUsage()))), 1);
    const error = await failure(bomb).finally(() => clearInterval(sampler));
    expect(error.reason).toBe("too-large");
    expect(error.message).toMatch(/too large to check safely \(more than 64 MB once unpacked\)/);
    expectPlainEnglish(error.message);
    // Unpacking it all would take 1 GB; stopping at the limit keeps the growth near MAX_PART_BYTES.
    expect(peak - used(start)).toBeLessThan(MAX_PART_BYTES * 3);
  });

  test("a large document well within the limits is still read", async () => {
    const text = "x".repeat(1024 * 1024);
    const snapshot = await readDocx(await docxWithBody(p(r(text)).repeat(2)));
    expect(snapshot.blocks).toHaveLength(2);
  });
});
