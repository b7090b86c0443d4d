/**
 * The Update tab in the built preview (Debian's Chromium): every write, performed by the simulated Word and read
 * back with window.scrutinyPreview.snapshot(), compared with what the engine's own plan says the document holds
 * afterwards. Screenshots of the Update tab and of the page after the writes, in light and dark, go to
 * test-results/screenshots/ (docs/screenshots/ with `npm run screenshots`).
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import {
  analyse,
  applyPlanToSnapshot,
  parse,
  planAddRound,
  type DocumentSnapshot,
  type Location,
} from "../../src/model";
import { ROOT, SCREENSHOTS, browserSession } from "./server";

const FIXTURES = path.join(ROOT, "tests/fixtures/docx");
const SHORT = { timeout: 15_000 };
const TODAY = new Date().toISOString().slice(0, 10);

const session = browserSession();

beforeAll(() => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

const pane = (page: Page) => page.getByRole("complementary", { name: "Task pane" });
const documentView = (page: Page) => page.getByRole("region", { name: "Word document (simulated)" });
const section = (page: Page, name: string) => pane(page).getByRole("region", { name });

async function open(query: string): Promise<Page> {
  const page = await session.open(`preview.html?${query}`);
  await documentView(page).locator("td").first().waitFor(SHORT);
  await page.waitForFunction(() => window.scrutinyPreview !== undefined, undefined, SHORT);
  return page;
}

/** Opens one of the .docx fixtures with the preview's file input. */
async function openFixture(fixture: string, query = ""): Promise<Page> {
  const page = await open(query);
  await page.getByTestId("open-file").setInputFiles(path.join(FIXTURES, fixture));
  await documentView(page).getByText(fixture).waitFor(SHORT);
  return page;
}

async function check(page: Page): Promise<void> {
  await pane(page).getByRole("button", { name: /^(Check document|Re-check)$/ }).click(SHORT);
  await pane(page).getByRole("button", { name: "Re-check" }).waitFor(SHORT);
  await page.waitForFunction(
    () => document.querySelector('[aria-label="Task pane"] [aria-busy="true"]') === null,
    undefined,
    SHORT,
  );
}

async function snapshot(page: Page): Promise<DocumentSnapshot> {
  return page.evaluate(() => window.scrutinyPreview!.snapshot());
}

async function placeCursor(page: Page, location: Location): Promise<void> {
  await page.evaluate((at) => window.scrutinyPreview!.placeCursor(at), location);
}

async function openUpdateTab(page: Page): Promise<void> {
  await pane(page).getByRole("tab", { name: "Update" }).click(SHORT);
  await section(page, "Add an update").waitFor(SHORT);
}

async function chooseMonth(page: Page, month: string, year: string): Promise<void> {
  const add = section(page, "Add an update");
  await add.getByLabel("Month", { exact: true }).selectOption(month);
  await add.getByLabel("Year", { exact: true }).selectOption(year);
}

/** Adds a November 2026 update to every recommendation; returns the snapshots before and after. */
async function addNovember(page: Page): Promise<{ before: DocumentSnapshot; after: DocumentSnapshot; count: number }> {
  await openUpdateTab(page);
  await chooseMonth(page, "11", "2026");
  const before = await snapshot(page);
  const count = parse(before).recommendations.length;
  const button = section(page, "Add an update").getByRole("button", { name: /^Add to \d+ recommendations?$/ });
  await expect(button.innerText()).resolves.toBe(`Add to ${count} recommendation${count === 1 ? "" : "s"}`);
  await button.click(SHORT);
  await section(page, "Add an update")
    .getByText(`Added a November 2026 update to ${count} recommendation${count === 1 ? "" : "s"}`, { exact: true })
    .waitFor(SHORT);
  await check(page);
  return { before, after: await snapshot(page), count };
}

/** The rows are where the engine's plan puts them, hold the template's labels, and their values are empty. */
function expectNewUpdate(before: DocumentSnapshot, after: DocumentSnapshot, dropdowns: boolean): void {
  const planned = planAddRound(before, { month: "2026-11", recommendations: "all", dropdowns, today: TODAY });
  if (!planned.ok) throw new Error(planned.reason);
  expect(after).toEqual(applyPlanToSnapshot(before, planned.plan));
  const recommendations = parse(after).recommendations;
  expect(recommendations.length).toBeGreaterThan(0);
  for (const recommendation of recommendations) {
    const latest = recommendation.rounds.at(-1)!;
    expect(latest.month).toBe("2026-11");
    expect(latest.evidence?.label).toMatch(/^Evidence of Progress \(November 2026\):$/i);
    expect(latest.assessment?.label).toMatch(/^Assessment of Progress \(November 2026\): \(include explanation if required\)$/i);
    expect(latest.impact?.label).toMatch(/^Evidence of Impact \(November 2026\):$/i);
    expect([latest.evidence?.text, latest.assessment?.text, latest.impact?.text]).toEqual(["", "", ""]);
    expect(latest.assessment?.grade).toBeNull();
  }
}

/** The Findings tab lists exactly what the engine finds in the document now. */
async function expectFindingsOf(page: Page, now: DocumentSnapshot): Promise<void> {
  await pane(page).getByRole("tab", { name: /^Findings/ }).click(SHORT);
  const analysis = analyse(now);
  const items = pane(page).getByRole("listitem");
  await expect(items.count()).resolves.toBe(analysis.findings.length);
  const shown = (await items.allInnerTexts()).join("\n").replace(/\s+/g, " ");
  for (const finding of analysis.findings) {
    // The list is headed by the recommendation, so each item shows the finding's short form.
    expect(shown).toContain((finding.detail ?? finding.message).trim().replace(/[.!?]$/, "").replace(/\s+/g, " "));
  }
}

describe.each([
  { name: "the Careers Provision sample", sample: "careers-provision", fixture: null },
  { name: "the Care Leavers EET sample", sample: "care-leavers-eet", fixture: null },
  { name: "the one-table layout", sample: null, fixture: "careers-provision-one-table.docx" },
  { name: "the heading-paragraphs layout", sample: null, fixture: "care-leavers-eet-heading-paragraphs.docx" },
])("an update for every recommendation in $name", ({ sample, fixture }) => {
  it("adds it where the plan says, lists its empty rows as the gaps, and Remove gives back the document", async () => {
    const page = fixture ? await openFixture(fixture) : await open(`sample=${sample}`);
    await check(page);
    const { before, after, count } = await addNovember(page);
    expectNewUpdate(before, after, true);

    // The page draws one unchosen grade dropdown per new update.
    await expect(documentView(page).getByRole("button", { name: /Choose a grade$/ }).count()).resolves.toBe(count);

    // The re-check: the new update is the latest, and its empty rows are the errors.
    const analysis = analyse(after);
    const errors = analysis.findings.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThanOrEqual(count * 3);
    expect(errors.every((f) => /November 2026/.test(f.message))).toBe(true);
    await expectFindingsOf(page, after);

    await openUpdateTab(page);
    const remove = section(page, "Remove the update just added");
    await remove.getByRole("button", { name: "Remove the November 2026 update" }).click(SHORT);
    await remove.getByText(`Removed the November 2026 update from ${count} recommendation${count === 1 ? "" : "s"}`).waitFor(SHORT);
    await expect(snapshot(page)).resolves.toEqual(before);
  });
});

describe("grades, the summary and comments on the Careers Provision sample", () => {
  it("sets grades through the picker and the dropdown; Remove then refuses and names the recommendation", async () => {
    const page = await open("sample=careers-provision");
    await check(page);
    const { after } = await addNovember(page);

    // Recommendation 1 through the pane's picker.
    const grade = section(page, "Grade an update");
    await grade.getByLabel("Recommendation", { exact: true }).selectOption("1");
    await grade.getByRole("radio", { name: "2. On-Track" }).check(SHORT);
    await grade.getByRole("button", { name: "Set grade" }).click(SHORT);
    await grade.getByText("Recommendation 1's November 2026 update is now graded 2. On-Track").waitFor(SHORT);

    // Recommendation 2 by choosing in its dropdown in the document, as in Word.
    const rec2 = parse(after).recommendations.find((r) => r.number === "2")!;
    const cell = rec2.rounds.at(-1)!.assessment!.location;
    const key = cell.kind === "cell" ? `t${cell.table}r${cell.row}c${cell.cell}` : "";
    await documentView(page).locator(`td[data-location="${key}"]`).getByRole("button", { name: /Choose a grade$/ }).click(SHORT);
    await page.getByRole("menuitemradio", { name: "3. Slipped" }).click(SHORT);
    await documentView(page).locator(`td[data-location="${key}"]`).getByRole("button", { name: /3\. Slipped$/ }).waitFor(SHORT);

    await check(page);
    const graded = parse(await snapshot(page)).recommendations;
    expect(graded.find((r) => r.number === "1")!.rounds.at(-1)!.assessment!.grade).toBe(2);
    expect(graded.find((r) => r.number === "2")!.rounds.at(-1)!.assessment!.grade).toBe(3);
    await pane(page).getByRole("tab", { name: "Totals" }).click(SHORT);
    const latest = pane(page).locator("section", { has: page.getByRole("heading", { name: /Grades in the latest update/ }) });
    await expect(latest.getByRole("listitem").filter({ hasText: "On-Track" }).innerText()).resolves.toMatch(/1$/);

    // Rows with a grade in them are no longer just what Add wrote: Remove refuses and deletes nothing.
    const beforeRemove = await snapshot(page);
    await openUpdateTab(page);
    const remove = section(page, "Remove the update just added");
    await remove.getByRole("button", { name: "Remove the November 2026 update" }).click(SHORT);
    await remove.getByText("Nothing was written").waitFor(SHORT);
    await expect(remove.innerText()).resolves.toMatch(/Recommendation 1\b/);
    await expect(snapshot(page)).resolves.toEqual(beforeRemove);
  });

  it.each(["light", "dark"] as const)(
    "the whole cycle drawn in the page: new rows, a dropdown, comments in the margin, the summary (%s)",
    async (theme) => {
      const page = await open(`sample=careers-provision&theme=${theme}`);
      await check(page);
      await openUpdateTab(page);
      await chooseMonth(page, "11", "2026");
      await pane(page).screenshot({ path: path.join(SCREENSHOTS, `pane-update-${theme}.png`) });
      const { before, after } = await addNovember(page);

      // Recommendation 1's new Assessment: choose a grade in its dropdown, as in Word.
      const rec1 = parse(after).recommendations[0]!.rounds.at(-1)!;
      const cellKey = (at: Location) => (at.kind === "cell" ? `t${at.table}r${at.row}c${at.cell}` : `p${at.paragraph}`);
      const assessment = documentView(page).locator(`td[data-location="${cellKey(rec1.assessment!.location)}"]`);
      await assessment.getByRole("button", { name: /Choose a grade$/ }).click(SHORT);
      await page.getByRole("menuitemradio", { name: "2. On-Track" }).click(SHORT);
      await assessment.getByRole("button", { name: /2\. On-Track$/ }).waitFor(SHORT);
      await check(page);

      // Comments: one per place with an error or warning, each in the margin level with its cell.
      const comments = section(page, "Review comments");
      await comments.getByRole("button", { name: "Add review comments" }).click(SHORT);
      const added = comments.getByText(/^Review comments in \d+ places? with errors or warnings/);
      await added.waitFor(SHORT);
      const count = Number(/\d+/.exec(await added.innerText())![0]);
      const margin = documentView(page).getByRole("list", { name: "Comments" });
      await expect(margin.getByRole("listitem").count()).resolves.toBe(count);
      const onEvidence = margin.locator(`[data-comment-on="${cellKey(rec1.evidence!.location)}"]`);
      await expect(onEvidence.innerText()).resolves.toMatch(/\[Scrutiny check\] .*Evidence of Progress/);
      const evidenceCell = documentView(page).locator(`td[data-location="${cellKey(rec1.evidence!.location)}"]`);
      await evidenceCell.evaluate((cell) => cell.scrollIntoView({ block: "center" }));
      await page.waitForTimeout(200);
      const [cardBox, cellBox] = await Promise.all([onEvidence.boundingBox(), evidenceCell.boundingBox()]);
      // Level with its cell, or just below when the card for the place above is in the way.
      expect(cardBox!.y).toBeGreaterThanOrEqual(cellBox!.y - 1);
      expect(cardBox!.y - cellBox!.y).toBeLessThan(120);
      // The cards are in the order of what they are on, and never overlap.
      const cards = await margin.getByRole("listitem").evaluateAll((items) =>
        items.map((item) => {
          const box = item.getBoundingClientRect();
          const anchor = document.querySelector(`[data-location="${item.getAttribute("data-comment-on")}"]`);
          return { top: box.top, bottom: box.bottom, anchor: anchor?.getBoundingClientRect().top ?? NaN };
        }),
      );
      for (let i = 1; i < cards.length; i++) {
        expect(cards[i]!.top).toBeGreaterThanOrEqual(cards[i - 1]!.bottom);
        expect(cards[i]!.anchor).toBeGreaterThanOrEqual(cards[i - 1]!.anchor);
        expect(cards[i]!.top).toBeGreaterThanOrEqual(cards[i]!.anchor - 1);
      }
      await assessment.evaluate((cell) => cell.scrollIntoView({ block: "center" }));
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(SCREENSHOTS, `preview-update-${theme}.png`) });

      // Adding again repeats nothing.
      await comments.getByRole("button", { name: "Add review comments" }).click(SHORT);
      await page.waitForFunction(() => !document.querySelector('[aria-label="Task pane"] [role="progressbar"]'), undefined, SHORT);
      await check(page);
      await expect(margin.getByRole("listitem").count()).resolves.toBe(count);

      // The summary at the cursor: after the instructions paragraph.
      const instructions = after.blocks.find((b) => b.kind === "paragraph" && b.text.startsWith("Updates on the progress"));
      expect(instructions?.kind).toBe("paragraph");
      await documentView(page).locator(`p[data-location="${cellKey(instructions!.kind === "paragraph" ? instructions!.location : rec1.evidence!.location)}"]`).click();
      const summary = section(page, "Grade summary in the document");
      await summary.getByRole("radio", { name: "At the cursor" }).check(SHORT);
      const withoutSummary = await snapshot(page);
      await summary.getByRole("button", { name: "Insert the summary" }).click(SHORT);
      await summary.getByText("Inserted the grade summary at the cursor").waitFor(SHORT);
      await check(page);
      const withSummary = await snapshot(page);
      const index = withSummary.blocks.findIndex((b) => b.kind === "paragraph" && b.text.startsWith("Updates on the progress"));
      const table = withSummary.blocks[index + 1];
      expect(table?.kind === "table" && table.rows[0]!.cells[0]!.paragraphs[0]).toMatch(/^Grade summary for Scrutiny Review of Careers Provision/);
      // The summary is not monitoring content: the same findings (their places moved down by the new table).
      const said = (s: DocumentSnapshot) => analyse(s).findings.map((f) => f.message);
      expect(said(withSummary)).toEqual(said(withoutSummary));
      const frame = documentView(page).locator('[data-control-tag="scrutiny-monitoring:summary"]');
      await frame.waitFor(SHORT);

      // Grade recommendation 2, then refresh: only the summary changes.
      const grade = section(page, "Grade an update");
      await grade.getByLabel("Recommendation", { exact: true }).selectOption("2");
      await grade.getByRole("radio", { name: "1. Fully Achieved" }).check(SHORT);
      await grade.getByRole("button", { name: "Set grade" }).click(SHORT);
      await grade.getByText(/is now graded 1\. Fully Achieved/).waitFor(SHORT);
      const graded = await snapshot(page);
      await summary.getByRole("button", { name: "Refresh the summary" }).click(SHORT);
      await summary.getByText("Refreshed the grade summary").waitFor(SHORT);
      const refreshed = await snapshot(page);
      const outside = (s: DocumentSnapshot) => s.blocks.filter((_block, i) => i !== index + 1);
      expect(outside(refreshed)).toEqual(outside(graded));
      expect(refreshed.blocks[index + 1]).not.toEqual(graded.blocks[index + 1]);
      await frame.evaluate((element) => {
        element.scrollIntoView({ block: "start" });
        element.closest('[aria-label="Word document (simulated)"]')?.scrollBy(0, -40); // show the control's title tab
      });
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(SCREENSHOTS, `preview-summary-${theme}.png`) });

      await comments.getByRole("button", { name: "Remove review comments" }).click(SHORT);
      await comments.getByText("Removed the review comments the check added").waitFor(SHORT);
      await expect(documentView(page).getByRole("list", { name: "Comments" }).count()).resolves.toBe(0);
      expect(before.blocks.length).toBeLessThan(refreshed.blocks.length);
    },
  );
});

/** axe-core's WCAG 2.1 A and AA rules over the task pane as it is now. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated by the test's browser connection, not added as an inline <script>, which the pane's CSP refuses.
  await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // Fluent's focus manager (Tabster) puts aria-hidden focus sentinels around the tab list; they hand focus on
    // at once and are never read, so axe's aria-hidden-focus rule does not apply to them.
    const context = { include: [['[aria-label="Task pane"]']], exclude: [["[data-tabster-dummy]"]] };
    const result = await axe.run(context, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

describe.each(["light", "dark", "high-contrast"] as const)("the Update tab in the %s theme", (theme) => {
  it("has no WCAG 2.1 AA violations, before and after a write, on Word API 1.9 and 1.3", async () => {
    for (const word of ["1.9", "1.3"]) {
      const page = await open(`sample=careers-provision&theme=${theme}&word=${word}`);
      await check(page);
      await openUpdateTab(page);
      await chooseMonth(page, "11", "2026");
      await section(page, "Add an update").getByRole("radio", { name: "Only the recommendation where the cursor is" }).check(SHORT);
      await section(page, "Add an update").getByText(/^The cursor is not in a recommendation/).waitFor(SHORT);
      await expect(accessibilityViolations(page)).resolves.toEqual([]);
      await section(page, "Add an update").getByRole("radio", { name: /^Every recommendation/ }).check(SHORT);
      await addNovember(page);
      await openUpdateTab(page);
      await section(page, "Remove the update just added").getByRole("button", { name: "Remove the November 2026 update" }).waitFor(SHORT);
      await expect(accessibilityViolations(page)).resolves.toEqual([]);
      await session.closePage();
    }
  });
});

describe("the Word the preview simulates", () => {
  it("on Word API 1.3 shows the comment buttons disabled with the reason, and adds updates without dropdowns", async () => {
    const page = await open("sample=care-leavers-eet&word=1.3");
    await check(page);
    await openUpdateTab(page);
    const comments = section(page, "Review comments");
    for (const name of ["Add review comments", "Remove review comments"]) {
      const button = comments.getByRole("button", { name });
      await expect(button.getAttribute("aria-disabled")).resolves.toBe("true");
    }
    await expect(comments.innerText()).resolves.toContain("it needs Word API 1.4");
    await comments.screenshot({ path: path.join(SCREENSHOTS, "pane-comments-word-1.3.png") });

    const { before, after, count } = await addNovember(page);
    expect(count).toBe(3);
    expectNewUpdate(before, after, false);
    await expect(documentView(page).getByRole("button", { name: /Choose a grade$/ }).count()).resolves.toBe(0);
  });

  it("switches Word keeping the document as it is, and the pane follows", async () => {
    const page = await open("sample=care-leavers-eet");
    await check(page);
    const { after } = await addNovember(page);
    await page.getByLabel("Word", { exact: true }).selectOption("1.3");
    await expect(page.evaluate(() => window.scrutinyPreview!.wordApi())).resolves.toBe("1.3");
    await expect(snapshot(page)).resolves.toEqual(after);
    await check(page);
    await openUpdateTab(page);
    // The saved record came along: Remove still knows the November 2026 update.
    await section(page, "Remove the update just added").getByRole("button", { name: "Remove the November 2026 update" }).waitFor(SHORT);
    await expect(
      section(page, "Review comments").getByRole("button", { name: "Add review comments" }).getAttribute("aria-disabled"),
    ).resolves.toBe("true");
  });

  it("puts the cursor where a cell is clicked, and adds to that recommendation only", async () => {
    const page = await open("sample=careers-provision");
    await check(page);
    const before = await snapshot(page);
    const rec4 = parse(before).recommendations.find((r) => r.number === "4")!;
    const at = rec4.agreedAction!.location;
    const key = at.kind === "cell" ? `t${at.table}r${at.row}c${at.cell}` : "";
    await documentView(page).locator(`td[data-location="${key}"]`).click();
    await expect(documentView(page).locator('[data-selected="true"]').getAttribute("data-location")).resolves.toBe(key);
    await openUpdateTab(page);
    await chooseMonth(page, "11", "2026");
    await section(page, "Add an update").getByRole("radio", { name: "Only the recommendation where the cursor is" }).check(SHORT);
    await section(page, "Add an update").getByText("The cursor is in Recommendation 4.").waitFor(SHORT);
    await section(page, "Add an update").getByRole("button", { name: "Add to 1 recommendation" }).click(SHORT);
    await section(page, "Add an update").getByText("Added a November 2026 update to 1 recommendation").waitFor(SHORT);
    const months = parse(await snapshot(page)).recommendations.map((r) => r.rounds.at(-1)?.month);
    expect(months).toEqual(parse(before).recommendations.map((r) => (r.number === "4" ? "2026-11" : r.rounds.at(-1)?.month)));

    // placeCursor does the same for scripts.
    await placeCursor(page, { kind: "cell", table: 0, row: 1, cell: 1 });
    await section(page, "Add an update").getByRole("button", { name: "Find the cursor" }).click(SHORT);
    await section(page, "Add an update").getByText(/^The cursor is not in a recommendation/).waitFor(SHORT);
  });
});
