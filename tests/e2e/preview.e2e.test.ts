/**
 * The built preview and task pane in Debian's Chromium (playwright-core), served from dist/ on 127.0.0.1.
 * The pane's findings and totals are compared with what the engine computes from the same .docx.
 * Screenshots of each panel, in light and dark, go to test-results/screenshots/ (docs/screenshots/ with
 * `npm run screenshots`).
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { readDocx } from "../../src/docx";
import { GRADE_NAMES, analyse, type Analysis, type Location } from "../../src/model";
import { checkManifest, folderFiles } from "../../scripts/check-manifest";
import { DIST, ROOT, SCREENSHOTS, browserSession } from "./server";

const FIXTURES = path.join(ROOT, "tests/fixtures/docx");
const SHORT = { timeout: 10_000 };

const session = browserSession();

beforeAll(() => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

const open = session.open;

async function engine(fixture: string): Promise<Analysis> {
  return analyse(await readDocx(fs.readFileSync(path.join(FIXTURES, fixture))));
}

function locationKey(location: Location): string {
  return location.kind === "cell" ? `t${location.table}r${location.row}c${location.cell}` : `p${location.paragraph}`;
}

function withoutFullStop(text: string): string {
  return text.trim().replace(/[.!?]$/, "");
}

const pane = (page: Page) => page.getByRole("complementary", { name: "Task pane" });
const documentView = (page: Page) => page.getByRole("region", { name: "Word document (simulated)" });

/** Opens the preview on a sample and runs the pane's check. */
async function checkSample(sample: string, theme: string): Promise<Page> {
  const page = await open(`preview.html?sample=${sample}&theme=${theme}`);
  await documentView(page).locator("td").first().waitFor(SHORT);
  await pane(page).getByRole("button", { name: "Check document" }).click(SHORT);
  await pane(page).getByRole("button", { name: "Re-check" }).waitFor(SHORT);
  return page;
}

/** Every finding the engine reports is listed in the pane, and nothing else. */
async function expectFindings(page: Page, analysis: Analysis): Promise<void> {
  const items = pane(page).getByRole("listitem");
  await expect(items.allInnerTexts()).resolves.toHaveLength(analysis.findings.length);
  const shown = (await items.allInnerTexts()).join("\n").replace(/\s+/g, " ");
  // Each list is headed by its recommendation, so an item shows the finding's short form.
  for (const finding of analysis.findings) {
    expect(shown).toContain(withoutFullStop(finding.detail ?? finding.message).replace(/\s+/g, " "));
  }
}

/** The latest-update grade counts in the Totals panel, by the key's label ("1 Fully Achieved" … "No grade"). */
async function expectLatestTotals(page: Page, analysis: Analysis): Promise<void> {
  await pane(page).getByRole("tab", { name: /Totals/ }).click(SHORT);
  const latest = pane(page).locator("section", { has: page.getByRole("heading", { name: /Grades in the latest update/ }) });
  await latest.waitFor(SHORT);
  const keys = [1, 2, 3, 4, "none"] as const;
  for (const key of keys) {
    const label = key === "none" ? "No grade" : `${key} ${GRADE_NAMES[key]}`;
    const row = latest.getByRole("listitem").filter({ hasText: label });
    await expect(row.innerText(SHORT)).resolves.toMatch(new RegExp(`${label}\\s*${analysis.totals.latest[key]}$`));
  }
}

/** Waits until the element sits inside the document's scrolled view (scrollIntoView is smooth). */
async function expectScrolledTo(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    ([scrollerLabel, target]) => {
      const scroller = document.querySelector(`[aria-label="${scrollerLabel}"]`);
      const element = document.querySelector(target);
      if (!scroller || !element) return false;
      const outer = scroller.getBoundingClientRect();
      const inner = element.getBoundingClientRect();
      return inner.top >= outer.top && inner.bottom <= outer.bottom;
    },
    ["Word document (simulated)", selector] as const,
    SHORT,
  );
}

describe.each(["light", "dark"] as const)("the preview in the %s theme", (theme) => {
  it("checks the Careers Provision sample: findings, recommendation 2's missing grade, jump to the cell, totals", async () => {
    const analysis = await engine("careers-provision.docx");
    const missingGrade = analysis.findings.find((f) => f.code === "missing-grade" && f.recommendation === "2");
    expect(missingGrade?.location?.kind).toBe("cell");

    const page = await checkSample("careers-provision", theme);
    await expectFindings(page, analysis);
    if (theme === "dark") {
      const background = await pane(page).locator("main").evaluate((main) => getComputedStyle(main).backgroundColor);
      expect(background).not.toBe("rgb(255, 255, 255)");
    }

    // Recommendation 2's missing grade: an error, and clicking it selects the Assessment cell.
    const item = pane(page)
      .getByRole("list", { name: /^Recommendation 2\b/ })
      .getByRole("button", { name: /The grade is written in Evidence of Impact/ });
    await expect(item.innerText()).resolves.toMatch(/^Error\b/);
    await expect(documentView(page).locator('[data-selected="true"]').count()).resolves.toBe(0);
    await item.click(SHORT);
    const key = locationKey(missingGrade!.location!);
    const selected = documentView(page).locator('[data-selected="true"]');
    await selected.waitFor(SHORT);
    await expect(selected.getAttribute("data-location")).resolves.toBe(key);
    await expect(selected.count()).resolves.toBe(1);
    await expectScrolledTo(page, `[data-location="${key}"]`);
    // Only the document scrolled: the preview's toolbar is still at the top of the window.
    await expect(page.getByRole("banner").boundingBox()).resolves.toMatchObject({ y: 0 });
    // Recommendation 2's grade sits in its Evidence of Impact row: the finding points at that cell.
    const label = documentView(page).locator(`[data-location="${key.replace(/c\d+$/, "c0")}"]`);
    await expect(label.innerText()).resolves.toMatch(/^Evidence of Impact/);

    await pane(page).screenshot({ path: path.join(SCREENSHOTS, `pane-findings-${theme}.png`) });
    await page.screenshot({ path: path.join(SCREENSHOTS, `preview-${theme}.png`) });

    await expectLatestTotals(page, analysis);
    await pane(page).screenshot({ path: path.join(SCREENSHOTS, `pane-totals-${theme}.png`) });
  });
});

describe("the preview's documents", () => {
  it("switches to the Care Leavers EET sample", async () => {
    const analysis = await engine("care-leavers-eet.docx");
    const page = await open("preview.html");
    await documentView(page).getByText("careers-provision.docx").waitFor(SHORT);
    await page.getByLabel("Sample").selectOption("care-leavers-eet");
    await documentView(page).getByText("care-leavers-eet.docx").waitFor(SHORT);
    await expect(documentView(page).innerText()).resolves.toContain("Care Leavers");
    await pane(page).getByRole("button", { name: "Check document" }).click(SHORT);
    await pane(page).getByRole("button", { name: "Re-check" }).waitFor(SHORT);
    await expectFindings(page, analysis);
    await expectLatestTotals(page, analysis);
  });

  it("opens the user's own .docx, and says clearly when a file is not one", async () => {
    const fixture = "careers-provision-missing-impact.docx";
    const analysis = await engine(fixture);
    const page = await open("preview.html");
    await documentView(page).getByText("careers-provision.docx").waitFor(SHORT);

    await page.getByTestId("open-file").setInputFiles(path.join(FIXTURES, fixture));
    await documentView(page).getByText(fixture).waitFor(SHORT);
    await expect(page.getByLabel("Sample").inputValue()).resolves.toBe("");
    await pane(page).getByRole("button", { name: "Check document" }).click(SHORT);
    await pane(page).getByRole("button", { name: "Re-check" }).waitFor(SHORT);
    await expectFindings(page, analysis);
    expect(analysis.findings.some((f) => f.code === "missing-impact")).toBe(true);

    // A file that is not a Word document: a clear message, and the document stays open.
    await page.getByTestId("open-file").setInputFiles(path.join(FIXTURES, "broken-not-a-zip.docx"));
    const alert = page.getByText("That file could not be opened");
    await alert.waitFor(SHORT);
    await expect(page.locator("body").innerText()).resolves.toContain(
      "“broken-not-a-zip.docx” could not be opened: This file is not a Word document (.docx).",
    );
    await expect(documentView(page).getByText(fixture).count()).resolves.toBe(1);
  });

  it("follows the theme switch, high contrast included", async () => {
    const page = await checkSample("careers-provision", "light");
    const background = () => pane(page).locator("main").evaluate((main) => getComputedStyle(main).backgroundColor);
    await expect(background()).resolves.toBe("rgb(255, 255, 255)");
    await page.getByLabel("Theme").selectOption("high-contrast");
    await expect(background()).resolves.toBe("rgb(0, 0, 0)");
    // The check survives the theme change: the findings are still there.
    await expect(pane(page).getByRole("button", { name: "Re-check" }).count()).resolves.toBe(1);
    await pane(page).screenshot({ path: path.join(SCREENSHOTS, "pane-findings-high-contrast.png") });
  });
});

describe("taskpane.html outside Office", () => {
  it("says to open it in Word (Office.js from the CDN, answered from the local copy)", async () => {
    const page = await open("taskpane.html", { officeJsCdn: "local-copy" });
    await page.getByText("Open this add-in from Word").first().waitFor(SHORT);
    await expect(page.locator("body").innerText()).resolves.toContain("Home > Check monitoring");
    expect(session.guarded.servedLocally).toContain("/lib/1/hosted/office.js");
    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane-outside-word.png") });
  });

  it("says Office.js could not be loaded when the CDN is blocked, rather than a blank page", async () => {
    const page = await open("taskpane.html", { officeJsCdn: "block", expectedConsoleErrors: [/Failed to load resource/] });
    await page.getByText("Office.js could not be loaded").first().waitFor({ timeout: 15_000 });
    await expect(page.locator("body").innerText()).resolves.toContain("appsforoffice.microsoft.com");
  });
});

describe("the test's network guard", () => {
  it("records a request the page's Content-Security-Policy blocks, and a page error", async () => {
    const page = await open("preview.html");
    await documentView(page).locator("td").first().waitFor(SHORT);
    await page.evaluate(() => fetch("https://example.org/tracker.js").catch(() => null));
    await page.evaluate(() => setTimeout(() => {
      throw new Error("boom");
    }));
    await page.waitForTimeout(200);
    const problems = session.guarded.problems.splice(0); // seen here, so the afterEach check passes
    // The policy stops the request before it leaves (connect-src 'self'); the guard reports the violation.
    expect(problems).toContain("CSP violation: connect-src https://example.org/tracker.js");
    expect(problems).not.toContain("request left localhost: GET https://example.org/tracker.js");
    expect(problems).toContain("page error: boom");
  });
});

describe("the built manifest", () => {
  it("passes the offline check against the files in dist/", () => {
    const result = checkManifest(fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8"), { fileExists: folderFiles(DIST) });
    expect(result.errors).toEqual([]);
  });
});
