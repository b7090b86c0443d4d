/**
 * Download .docx in the built preview (Debian's Chromium): after writes made through the pane (an update
 * added, the grade summary inserted), the downloaded file, read with the project's reader, holds exactly what
 * the simulated Word holds; and it is still the original file everywhere else. A grade chosen in a dropdown
 * on the page is in the downloaded file too, chosen as Word saves a choice.
 */
import * as fs from "fs";
import JSZip from "jszip";
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

  await addNovember2026Update(page);

  const shown = await snapshot(page);
  expect(parse(shown).recommendations.every((r) => r.rounds.at(-1)?.month === "2026-11")).toBe(true);
  const written = await download(page);
  expect(await readDocx(written)).toEqual(shown);
  expect(await page.getByText("Downloaded, with a difference").count()).toBe(0);
});

test("a grade chosen in a dropdown on the page, and review comments, are in the downloaded .docx, as Word saves them", async () => {
  const page = await session.open("preview.html?sample=care-leavers-eet");
  await page.waitForFunction(() => window.scrutinyPreview !== undefined, undefined, SHORT);
  const view = page.getByRole("region", { name: "Word document (simulated)" });
  await view.locator("td").first().waitFor(SHORT);
  await addNovember2026Update(page);

  // Recommendation 1's new Assessment: a grade chosen, then another instead (a choice changed), as in Word;
  // recommendation 2's: one grade chosen.
  const recommendations = parse(await snapshot(page)).recommendations;
  const cellOf = (index: number) => {
    const at = recommendations[index]!.rounds.at(-1)!.assessment!.location;
    return view.locator(`td[data-location="${at.kind === "cell" ? `t${at.table}r${at.row}c${at.cell}` : ""}"]`);
  };
  const choose = async (index: number, from: RegExp, item: string) => {
    await cellOf(index).getByRole("button", { name: from }).click(SHORT);
    await page.getByRole("menuitemradio", { name: item }).click(SHORT);
    await cellOf(index).getByRole("button", { name: new RegExp(`${item.replace(".", "\\.")}$`) }).waitFor(SHORT);
  };
  await choose(0, /Choose a grade$/, "2. On-Track");
  await choose(0, /2\. On-Track$/, "3. Slipped");
  await choose(1, /Choose a grade$/, "1. Fully Achieved");

  // And the check's review comments, through the pane.
  await pane(page).getByRole("button", { name: "Re-check" }).click(SHORT);
  await page.waitForFunction(() => document.querySelector('[aria-label="Task pane"] [aria-busy="true"]') === null, undefined, SHORT);
  const comments = section(page, "Review comments");
  await comments.getByRole("button", { name: "Add review comments" }).click(SHORT);
  await comments.getByText(/^Review comments in \d+ places? with errors or warnings/).waitFor(SHORT);
  const margin = view.getByRole("list", { name: "Comments" });
  const commentCount = await margin.getByRole("listitem").count();
  expect(commentCount).toBeGreaterThan(0);

  const shown = await snapshot(page);
  const written = await download(page);
  const read = await readDocx(written);
  expect(read).toEqual(shown);
  const grades = parse(read).recommendations.map((r) => r.rounds.at(-1)!.assessment!.grade);
  expect(grades.slice(0, 2)).toEqual([3, 1]);
  expect(await page.getByText("Downloaded, with a difference").count()).toBe(0);

  // Each chosen dropdown no longer shows its placeholder and records its item, as Word saves a choice.
  const xml = await (await JSZip.loadAsync(written)).file("word/document.xml")!.async("string");
  const lastValues = [...xml.matchAll(/<w:dropDownList w:lastValue="([^"]*)">/g)].map((match) => match[1]);
  expect(lastValues).toEqual(["3. Slipped", "1. Fully Achieved"]);
  expect(xml.match(/<w:showingPlcHdr\/>/g)).toHaveLength(recommendations.length - 2);
  const stored = await (await JSZip.loadAsync(written)).file("word/comments.xml")!.async("string");
  expect(stored.match(/<w:comment w:id="\d+" w:author="Scrutiny Monitoring"/g)).toHaveLength(commentCount);
});

test("a grade typed into a cell on the page is in the downloaded .docx, and no difference is reported", async () => {
  const page = await session.open("preview.html?sample=care-leavers-eet");
  await page.waitForFunction(() => window.scrutinyPreview !== undefined, undefined, SHORT);
  const view = page.getByRole("region", { name: "Word document (simulated)" });
  await view.locator("td").first().waitFor(SHORT);

  const before = await snapshot(page);
  const assessment = parse(before).recommendations[0]!.rounds.at(-1)!.assessment!;
  const at = assessment.location;
  if (at.kind !== "cell") throw new Error("the assessment is not in a cell");
  const box = view.locator(`td[data-location="t${at.table}r${at.row}c${at.cell}"]`).getByRole("textbox").first();
  const was = await box.innerText();
  await box.click(SHORT);
  await page.keyboard.press("Control+Home");
  // Many keystrokes, one paragraph: Download replays them as one change.
  await page.keyboard.type("4. Not Achieved. ");
  await expect(box.innerText()).resolves.toBe(`4. Not Achieved. ${was}`);

  const shown = await snapshot(page);
  const read = await readDocx(await download(page));
  expect(read).toEqual(shown);
  expect(parse(read).recommendations[0]!.rounds.at(-1)!.assessment!.text.startsWith("4. Not Achieved. ")).toBe(true);
  expect(parse(read).recommendations[0]!.rounds.at(-1)!.assessment!.grade).toBe(4);
  expect(await page.getByText("Downloaded, with a difference").count()).toBe(0);

  // Enter splits the paragraph: that is not replayed, and Download says so.
  await box.click(SHORT);
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("A second paragraph");
  await expect(parse(await snapshot(page)).recommendations[0]!.rounds.at(-1)!.assessment!.text).toMatch(/\nA second paragraph$/);
  const split = await readDocx(await download(page));
  expect(split).not.toEqual(await snapshot(page));
  await page.getByText("Downloaded, with a difference").waitFor(SHORT);
  await page.getByText(/not paragraphs split or joined on the page \(Enter, or Backspace at the start of a paragraph\)/).waitFor(SHORT);
});

/** Check, then add a November 2026 update to every recommendation from the pane's Update tab. */
async function addNovember2026Update(page: Page): Promise<void> {
  await pane(page).getByRole("button", { name: /^(Check document|Re-check)$/ }).click(SHORT);
  await pane(page).getByRole("button", { name: "Re-check" }).waitFor(SHORT);
  await pane(page).getByRole("tab", { name: "Update" }).click(SHORT);
  const add = section(page, "Add an update");
  await add.waitFor(SHORT);
  await add.getByLabel("Month", { exact: true }).selectOption("11");
  await add.getByLabel("Year", { exact: true }).selectOption("2026");
  await add.getByRole("button", { name: /^Add to \d+ recommendations?$/ }).click(SHORT);
  await add.getByText(/^Added a November 2026 update to \d+ recommendations?$/).waitFor(SHORT);
}
