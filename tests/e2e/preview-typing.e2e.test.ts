/**
 * The preview's document behaves like Word's: its cells can be typed in (the simulated Word's text changes, so
 * "fix it, then Re-check" works), it is a landmark reached by keyboard, and its table columns stay readable at the
 * preview's width and in a narrow window (a 1,280 px screen at 200 % zoom: 640 CSS px, the pane under the document).
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { analyse, planAddRound, type Analysis } from "../../src/model";
import type { CellLocation, DocumentSnapshot, SnapshotTable } from "../../src/model/snapshot";
import { SCREENSHOTS, browserSession } from "./server";

const SHORT = { timeout: 10_000 };
const NARROW = { width: 640, height: 360 };

const session = browserSession();

const pane = (page: Page) => page.getByRole("complementary", { name: "Task pane" });
const documentView = (page: Page) => page.getByRole("region", { name: "Word document (simulated)" });

/** What the simulated Word holds now, and what the engine makes of it. */
async function simulated(page: Page): Promise<{ snapshot: DocumentSnapshot; analysis: Analysis }> {
  const snapshot = await page.evaluate(() => window.scrutinyPreview!.snapshot());
  return { snapshot, analysis: analyse(snapshot) };
}

async function openSample(sample: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await session.open(`preview.html?sample=${sample}`, viewport ? { viewport } : {});
  await documentView(page).locator("td").first().waitFor(SHORT);
  return page;
}

async function check(page: Page, button: "Check document" | "Re-check"): Promise<void> {
  await pane(page).getByRole("button", { name: button }).click(SHORT);
  await pane(page).getByRole("button", { name: "Re-check" }).waitFor(SHORT);
}

/** The Assessment of Progress cell of the update a finding's cell belongs to: the nearest such row above it. */
function assessmentCellAbove(snapshot: DocumentSnapshot, location: CellLocation): CellLocation {
  const table = snapshot.blocks.find((b): b is SnapshotTable => b.kind === "table" && b.index === location.table)!;
  for (let row = location.row; row >= 0; row--) {
    if (/^Assessment of Progress/.test(table.rows[row]?.cells[0]?.paragraphs[0] ?? "")) return { ...location, row, cell: 1 };
  }
  throw new Error("no Assessment of Progress row above the finding");
}

const cellKey = (l: CellLocation) => `t${l.table}r${l.row}c${l.cell}`;

/** The latest update's count for a grade in the Totals tab ("2 On-Track" … "No grade"). */
async function latestCount(page: Page, label: string): Promise<number> {
  await pane(page).getByRole("tab", { name: /Totals/ }).click(SHORT);
  const latest = pane(page).locator("section", { has: page.getByRole("heading", { name: /Grades in the latest update/ }) });
  const text = await latest.getByRole("listitem").filter({ hasText: label }).innerText(SHORT);
  await pane(page).getByRole("tab", { name: /^Findings/ }).click(SHORT);
  return Number(/(\d+)\s*$/.exec(text)?.[1]);
}

describe("typing in the preview's document", () => {
  it("fix it, then Re-check: a grade typed into the Assessment cell clears the missing-grade finding and moves the totals", async () => {
    const page = await openSample("careers-provision");
    await check(page, "Check document");
    const before = await simulated(page);
    const missing = before.analysis.findings.find((f) => f.code === "missing-grade" && f.recommendation === "2");
    expect(missing?.location?.kind).toBe("cell");
    const finding = pane(page).getByRole("list", { name: /^Recommendation 2\b/ }).getByRole("button", { name: /The grade is written in Evidence of Impact/ });
    await finding.waitFor(SHORT);
    await expect(latestCount(page, "No grade")).resolves.toBe(1);
    await expect(latestCount(page, "2 On-Track")).resolves.toBe(before.analysis.totals.latest[2]);

    // The Assessment of Progress cell of that update: a text box named by its row's label.
    const target = assessmentCellAbove(before.snapshot, missing!.location as CellLocation);
    const cell = documentView(page).locator(`td[data-location="${cellKey(target)}"]`);
    const box = cell.getByRole("textbox");
    await expect(box.getAttribute("aria-label")).resolves.toMatch(/^Table \d+, row \d+, cell 2: Assessment of Progress \(July 21\)/);
    const was = await box.innerText();
    await box.click(SHORT);
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("2 On-Track ");
    await expect(box.innerText()).resolves.toBe(`2 On-Track ${was}`);
    // The simulated Word holds the typed text; clicking put its cursor in that cell, and the page did not scroll away.
    const after = await simulated(page);
    const table = after.snapshot.blocks.find((b): b is SnapshotTable => b.kind === "table" && b.index === target.table)!;
    expect(table.rows[target.row]!.cells[1]!.paragraphs).toEqual([`2 On-Track ${was}`]);
    await expect(cell.getAttribute("data-selected")).resolves.toBe("true");

    await check(page, "Re-check");
    expect(after.analysis.findings.some((f) => f.code === "missing-grade" && f.recommendation === "2")).toBe(false);
    await expect(finding.count()).resolves.toBe(0);
    await expect(pane(page).getByRole("listitem").count()).resolves.toBe(after.analysis.findings.length);
    await expect(latestCount(page, "No grade")).resolves.toBe(0);
    await expect(latestCount(page, "2 On-Track")).resolves.toBe(before.analysis.totals.latest[2] + 1);
    expect(after.analysis.totals.latest.none).toBe(0);
  });

  it("Enter starts a paragraph in the cell and Backspace at its start joins it back, as in Word", async () => {
    const page = await openSample("careers-provision");
    const location = await documentView(page).locator("td").filter({ hasText: /^Scrutiny Review of Careers Provision$/ }).getAttribute("data-location");
    const cell = documentView(page).locator(`td[data-location="${location}"]`);
    const box = cell.getByRole("textbox");
    await box.click(SHORT);
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Second paragraph");
    await expect(cell.getByRole("textbox").allInnerTexts()).resolves.toEqual(["Scrutiny Review of Careers Provision", "Second paragraph"]);
    const paragraphsOf = async (): Promise<string[]> => {
      const { snapshot } = await simulated(page);
      for (const block of snapshot.blocks) {
        if (block.kind !== "table") continue;
        for (const row of block.rows) for (const c of row.cells) if (cellKey(c.location) === location) return c.paragraphs;
      }
      return [];
    };
    await expect(paragraphsOf()).resolves.toEqual(["Scrutiny Review of Careers Provision", "Second paragraph"]);

    // Backspace at the second paragraph's start: one paragraph again, the caret where they met.
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Backspace");
    await expect(paragraphsOf()).resolves.toEqual(["Scrutiny Review of Careers ProvisionSecond paragraph"]);
    await page.keyboard.type(" / ");
    await expect(paragraphsOf()).resolves.toEqual(["Scrutiny Review of Careers Provision / Second paragraph"]);
    await expect(cell.getByRole("textbox").count()).resolves.toBe(1);
  });

  it("the arrow keys go on into the paragraph before or after, and Delete at a paragraph's end joins the next one, as in Word", async () => {
    const page = await openSample("careers-provision");
    const location = await documentView(page).locator("td").filter({ hasText: /^Scrutiny Review of Careers Provision$/ }).getAttribute("data-location");
    const cell = documentView(page).locator(`td[data-location="${location}"]`);
    /** The focused paragraph (its index in body.paragraphs) and the caret's offset in its text. */
    const caret = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const range = document.getSelection()!.getRangeAt(0);
        const before = document.createRange();
        before.selectNodeContents(element);
        before.setEnd(range.startContainer, range.startOffset);
        return { paragraph: Number(element.getAttribute("data-editable-paragraph")), at: before.toString().length, text: element.textContent };
      });
    await cell.getByRole("textbox").click(SHORT);
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Second paragraph");
    const second = await caret();
    expect(second).toMatchObject({ at: "Second paragraph".length, text: "Second paragraph" });

    // Left at the start and Up on the first line go on into the paragraph before; Right at the end and Down on the last line, after.
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowLeft");
    await expect(caret()).resolves.toEqual({ paragraph: second.paragraph - 1, at: "Scrutiny Review of Careers Provision".length, text: "Scrutiny Review of Careers Provision" });
    await page.keyboard.press("ArrowRight");
    await expect(caret()).resolves.toMatchObject({ paragraph: second.paragraph, at: 0 });
    await page.keyboard.press("ArrowUp");
    await expect(caret()).resolves.toMatchObject({ paragraph: second.paragraph - 1, at: 0 });
    await page.keyboard.press("ArrowDown");
    await expect(caret()).resolves.toMatchObject({ paragraph: second.paragraph, at: 0 });
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowDown");
    await expect(caret()).resolves.toMatchObject({ paragraph: second.paragraph + 1 });

    // Delete at the first paragraph's end: one paragraph again, the caret where they met; the simulated Word holds it.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("End");
    await page.keyboard.press("Delete");
    await expect(cell.getByRole("textbox").allInnerTexts()).resolves.toEqual(["Scrutiny Review of Careers ProvisionSecond paragraph"]);
    await page.keyboard.type(" / ");
    await expect(cell.getByRole("textbox").allInnerTexts()).resolves.toEqual(["Scrutiny Review of Careers Provision / Second paragraph"]);
    const { snapshot } = await simulated(page);
    const texts = snapshot.blocks.flatMap((b) => (b.kind === "table" ? b.rows.flatMap((r) => r.cells.filter((c) => cellKey(c.location) === location).flatMap((c) => c.paragraphs)) : []));
    expect(texts).toEqual(["Scrutiny Review of Careers Provision / Second paragraph"]);
  });

  it("Ctrl+Z takes back typing, Enter and a join step by step, and Ctrl+Y does them again, in the simulated Word too", async () => {
    const page = await openSample("careers-provision");
    const location = await documentView(page).locator("td").filter({ hasText: /^Scrutiny Review of Careers Provision$/ }).getAttribute("data-location");
    const cell = documentView(page).locator(`td[data-location="${location}"]`);
    const inWord = async (): Promise<string[]> => {
      const { snapshot } = await simulated(page);
      return snapshot.blocks.flatMap((b) => (b.kind === "table" ? b.rows.flatMap((r) => r.cells.filter((c) => cellKey(c.location) === location).flatMap((c) => c.paragraphs)) : []));
    };
    const onPage = () => cell.getByRole("textbox").allInnerTexts();
    const title = "Scrutiny Review of Careers Provision";
    await cell.getByRole("textbox").click(SHORT);
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" 2026");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Next");
    await page.keyboard.press("Home");
    await page.keyboard.press("Backspace");
    await expect(onPage()).resolves.toEqual([`${title} 2026Next`]);

    await page.keyboard.press("Control+z");
    await expect(onPage()).resolves.toEqual([`${title} 2026`, "Next"]);
    await page.keyboard.press("Control+z");
    await expect(onPage()).resolves.toEqual([`${title} 2026`, ""]);
    await page.keyboard.press("Control+z");
    await expect(onPage()).resolves.toEqual([`${title} 2026`]);
    await page.keyboard.press("Control+z");
    await expect(onPage()).resolves.toEqual([title]);
    await expect(inWord()).resolves.toEqual([title]);
    // Nothing more to undo: the text stays as it was opened (the browser's own undo would not know the page's paragraphs).
    await page.keyboard.press("Control+z");
    await expect(onPage()).resolves.toEqual([title]);

    await page.keyboard.press("Control+y");
    await page.keyboard.press("Control+Shift+z");
    await expect(onPage()).resolves.toEqual([`${title} 2026`, ""]);
    await page.keyboard.press("Control+y");
    await page.keyboard.press("Control+y");
    await expect(onPage()).resolves.toEqual([`${title} 2026Next`]);
    await expect(inWord()).resolves.toEqual([`${title} 2026Next`]);
    // The caret is where the last step redone ended: typing goes on from there.
    await page.keyboard.type("!");
    await expect(inWord()).resolves.toEqual([`${title} 2026!Next`]);
  });

  it("is the user's edit: a change the pane worked out before it writes nothing (DocumentChanged), as in Word", async () => {
    const page = await openSample("careers-provision");
    await check(page, "Check document");
    await pane(page).getByRole("tab", { name: "Update" }).click(SHORT);
    const add = pane(page).getByRole("region", { name: "Add an update" });
    await add.getByLabel("Month", { exact: true }).selectOption("11");
    await add.getByLabel("Year", { exact: true }).selectOption("2026");
    // A cell the pane's plan depends on (the engine's plan from the same text names it), typed in after the check.
    const { snapshot } = await simulated(page);
    const planned = planAddRound(snapshot, { month: "2026-11", recommendations: "all", dropdowns: true, today: new Date().toISOString().slice(0, 10) });
    if (!planned.ok) throw new Error(planned.reason);
    const expected = planned.plan.expect.find((e) => e.kind === "text" && e.location.kind === "cell");
    if (!expected || expected.kind !== "text" || expected.location.kind !== "cell") throw new Error("the plan expects no cell");
    const box = documentView(page).locator(`td[data-location="${cellKey(expected.location)}"]`).getByRole("textbox").first();
    await box.click(SHORT);
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" (typed later)");
    const typed = (await simulated(page)).snapshot;

    await add.getByRole("button", { name: /^Add to \d+ recommendations?$/ }).click(SHORT);
    await pane(page).getByText(/The document changed after the last check, so nothing was written/).first().waitFor(SHORT);
    await expect(simulated(page).then((s) => s.snapshot)).resolves.toEqual(typed);
  });

  it("is a landmark reached by keyboard: Tab from the toolbar goes to the document, then into its text", async () => {
    const page = await openSample("careers-provision");
    await page.getByLabel("Theme").focus();
    await page.keyboard.press("Tab");
    const focused = () => page.evaluate(() => ({
      role: document.activeElement?.getAttribute("role") ?? document.activeElement?.tagName.toLowerCase(),
      label: document.activeElement?.getAttribute("aria-label"),
    }));
    await expect(focused()).resolves.toEqual({ role: "section", label: "Word document (simulated)" });
    await page.keyboard.press("Tab");
    await expect(focused()).resolves.toMatchObject({ role: "textbox" });
    // Typing there changes the document; Tab leaves the text for the next cell, as focus moves on any page.
    await page.keyboard.type("Typed: ");
    await page.keyboard.press("Tab");
    await expect(focused()).resolves.toMatchObject({ role: "textbox", label: expect.stringMatching(/^Table 1, row 1, cell 2/) });
    const { snapshot } = await simulated(page);
    const first = snapshot.blocks.find((b): b is SnapshotTable => b.kind === "table")!;
    expect(first.rows[0]!.cells[0]!.paragraphs[0]).toMatch(/^Typed: SCRUTINY MONITORING/);
  });
});

/** Cells narrower than `min` px, and letter runs the page broke across lines (a word broken mid-word). */
async function unreadable(page: Page, min: number): Promise<string[]> {
  return page.evaluate((least) => {
    const out: string[] = [];
    for (const td of Array.from(document.querySelectorAll("td[data-location]"))) {
      const box = td.getBoundingClientRect();
      const where = td.getAttribute("data-location");
      if (box.width < least) out.push(`${where} is ${Math.round(box.width)} px wide`);
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? "").matchAll(/\p{L}{2,}/gu)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
          if (lines.size > 1) out.push(`${where}: "${word[0]}" is broken across ${lines.size} lines`);
        }
      }
    }
    return out;
  }, min);
}

describe("the document's tables keep readable columns", () => {
  it.each([
    ["careers-provision", "the preview's width", undefined],
    ["care-leavers-eet", "the preview's width", undefined],
    ["careers-provision", "a 1,280 px screen at 200 % zoom", NARROW],
    ["care-leavers-eet", "a 1,280 px screen at 200 % zoom", NARROW],
  ] as const)("%s at %s: every cell at least 48 px wide, no word broken mid-word", async (sample, _what, viewport) => {
    const page = await openSample(sample, viewport);
    await expect(unreadable(page, 48)).resolves.toEqual([]);
    if (!viewport) return;
    // Narrow: the pane goes under the document, whole, rather than cutting it off.
    const documentBox = (await documentView(page).boundingBox())!;
    const paneBox = (await pane(page).boundingBox())!;
    expect(paneBox.y).toBeGreaterThanOrEqual(documentBox.y + documentBox.height - 1);
    expect(paneBox.width).toBeGreaterThanOrEqual(NARROW.width - 20);
    expect(documentBox.width).toBeLessThanOrEqual(NARROW.width);
    await documentView(page).locator("table").nth(1).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, `preview-narrow-${sample}.png`) });
  });
});
