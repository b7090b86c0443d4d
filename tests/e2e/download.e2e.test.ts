/**
 * Download .docx in the built preview (Debian's Chromium): after writes made through the pane (an update
 * added, the grade summary inserted), the downloaded file, read with the project's reader, holds exactly what
 * the simulated Word holds; and it is still the original file everywhere else.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { readDocx } from "../../src/docx";
import { parse, type DocumentSnapshot } from "../../src/model";
import { ROOT, browserSession } from "./server";

const SHORT = { timeout: 20_000 };
const session = browserSession();

const pane = (page: Page) => page.getByRole("complementary", { name: "Task pane" });
const section = (page: Page, name: string) => pane(page).getByRole("region", { name });

async function snapshot(page: Page): Promise<DocumentSnapshot> {
  return page.evaluate(() => window.scrutinyPreview!.snapshot());
}

async function download(page: Page): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download", SHORT), page.getByRole("button", { name: "Download .docx" }).click(SHORT)]);
  expect(file.suggestedFilename()).toBe("care-leavers-eet.docx");
  return fs.readFileSync((await file.path())!);
}

test("the downloaded .docx holds every write made through the pane, as the simulated Word does", async () => {
  const page = await session.open("preview.html?sample=care-leavers-eet");
  await page.waitForFunction(() => window.scrutinyPreview !== undefined, undefined, SHORT);
  await page.getByRole("region", { name: "Word document (simulated)" }).locator("td").first().waitFor(SHORT);

  // Before any write: the sample itself.
  const original = fs.readFileSync(path.join(ROOT, "tests/fixtures/docx/care-leavers-eet.docx"));
  expect(await readDocx(await download(page))).toEqual(await readDocx(original));

  await pane(page).getByRole("button", { name: /^(Check document|Re-check)$/ }).click(SHORT);
  await pane(page).getByRole("button", { name: "Re-check" }).waitFor(SHORT);
  await pane(page).getByRole("tab", { name: "Update" }).click(SHORT);
  const add = section(page, "Add an update");
  await add.waitFor(SHORT);
  await add.getByLabel("Month", { exact: true }).selectOption("11");
  await add.getByLabel("Year", { exact: true }).selectOption("2026");
  await add.getByRole("button", { name: /^Add to \d+ recommendations?$/ }).click(SHORT);
  await add.getByText(/^Added a November 2026 update to \d+ recommendations?$/).waitFor(SHORT);

  const shown = await snapshot(page);
  expect(parse(shown).recommendations.every((r) => r.rounds.at(-1)?.month === "2026-11")).toBe(true);
  const written = await download(page);
  expect(await readDocx(written)).toEqual(shown);
  expect(await page.getByText("Downloaded, with a difference").count()).toBe(0);
});
