/**
 * readDocxAndSettings opens the package once for the snapshot and the add-in's settings (scrutiny-check's
 * path): the snapshot is readDocx's, the settings readDocxSettings's, and a bad file fails as readDocx fails.
 */
import JSZip from "jszip";
import { readFileSync } from "fs";
import { join } from "path";
import { readDocx, readDocxAndSettings } from "../../src/docx";
import { readDocxSettings } from "../../src/docx/webextension";
import { withWebExtensionSettings } from "../fixtures/webextension";

const FIXTURES = join(__dirname, "../fixtures/docx");
const fixture = (file: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, file)));

async function failure(read: Promise<unknown>): Promise<unknown> {
  try {
    await read;
    return "read";
  } catch (error) {
    const { name, reason, message } = error as { name: string; reason: string; message: string };
    return { name, reason, message };
  }
}

test("the snapshot and the settings are those of readDocx and readDocxSettings, on every fixture", async () => {
  const files = ["careers-provision-set-aside.docx", "careers-provision.docx", "care-leavers-eet.docx", "careers-provision-tracked-changes.docx"];
  let withSettings = 0;
  for (const file of files) {
    const bytes = fixture(file);
    const read = await readDocxAndSettings(bytes);
    expect(read.snapshot).toEqual(await readDocx(bytes));
    const settings = await read.settings();
    expect(settings).toEqual(await readDocxSettings(bytes));
    if (settings.size > 0) withSettings++;
  }
  expect(withSettings).toBeGreaterThan(0);
});

test("several settings of several kinds, and a second part, read as readDocxSettings reads them", async () => {
  const base = await withWebExtensionSettings(fixture("careers-provision.docx"), { a: [1, { b: "c" }], text: "x & y", flag: true });
  const zip = await JSZip.loadAsync(base);
  zip.file(
    "word/webextensions/webextension2.xml",
    '<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11"><we:properties><we:property name="a" value="2"/><we:property name="second" value="not json"/></we:properties></we:webextension>',
  );
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const settings = await (await readDocxAndSettings(bytes)).settings();
  expect(settings).toEqual(await readDocxSettings(bytes));
  expect(settings).toEqual(new Map<string, unknown>([["a", [1, { b: "c" }]], ["text", "x & y"], ["flag", true], ["second", "not json"]]));
});

test("a web-extension part that is not well-formed gives no settings, as before, and the snapshot still reads", async () => {
  const zip = await JSZip.loadAsync(fixture("careers-provision.docx"));
  zip.file("word/webextensions/webextension1.xml", "<we:webextension><unclosed>");
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const read = await readDocxAndSettings(bytes);
  expect(read.snapshot).toEqual(await readDocx(bytes));
  expect(await read.settings()).toEqual(new Map());
  expect(await readDocxSettings(bytes)).toEqual(new Map());
});

test("a file that cannot be read fails with readDocx's error", async () => {
  for (const file of ["broken-empty.docx", "broken-not-a-zip.docx", "broken-not-word.docx", "broken-truncated.docx"]) {
    const bytes = fixture(file);
    const expected = await failure(readDocx(bytes));
    expect(expected).toEqual(expect.objectContaining({ name: "DocxError" }));
    expect(await failure(readDocxAndSettings(bytes))).toEqual(expected);
  }
});
