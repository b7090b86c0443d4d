/**
 * Document text is only ever rendered as text, in the preview's page and in the pane: a .docx whose cells hold
 * markup, <script>, <img onerror> and javascript: links, opened in the preview, and the same typed into a cell.
 * Nothing runs (a window flag stays unset, and the page's Content-Security-Policy reports no blocked inline code,
 * which the session's guard would fail on), no element is made from it, and it reads as the characters it is.
 */
import type { Page } from "playwright-core";
import type { DocumentSnapshot, SnapshotTable } from "../../src/model/snapshot";
import { docxFromSnapshot } from "../fixtures/docx-builder";
import { realSnapshot } from "../helpers/text-snapshot";
import { browserSession } from "./server";

const SHORT = { timeout: 10_000 };

const HOSTILE = [
  '<img src="x" onerror="window.__pwned = 1">',
  "<script>window.__pwned = 2</script>",
  '<a href="javascript:window.__pwned = 3">click me</a>',
  '<iframe src="javascript:window.__pwned = 4"></iframe><b onmouseover="window.__pwned = 5">bold</b>',
  "&lt;i&gt;an entity&lt;/i&gt; &amp; <svg onload=\"window.__pwned = 6\"></svg>",
];

const session = browserSession();

const pane = (page: Page) => page.getByRole("complementary", { name: "Task pane" });
const documentView = (page: Page) => page.getByRole("region", { name: "Word document (simulated)" });

/** The Careers Provision document with a row of hostile text in its first recommendation's table. */
function hostileSnapshot(): DocumentSnapshot {
  const snapshot = realSnapshot("careersProvision");
  const table = snapshot.blocks.find((block): block is SnapshotTable => block.kind === "table" && block.rows.length > 6)!;
  const at = (row: number, cell: number) => ({ kind: "cell" as const, table: table.index, row, cell });
  const row = table.rows.length;
  table.rows.push({ cells: [{ paragraphs: [HOSTILE[0]!], location: at(row, 0) }, { paragraphs: HOSTILE.slice(1), location: at(row, 1) }] });
  return snapshot;
}

/**
 * Elements made from document text: any element carrying the hostile text's code in an attribute that loads or runs
 * (an <img onerror>, a javascript: link, an <svg onload>), any inline script or frame, and the plain tags it holds (<b>, <em>, <i>;
 * Fluent's own <i> focus sentinels aside).
 */
async function madeFromText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      const tag = element.tagName.toLowerCase();
      const runs = (name: string) => /^on/i.test(name) || ["href", "src", "srcdoc", "action", "formaction", "xlink:href", "data"].includes(name);
      // Text attributes (a text box's aria-label naming its row) may hold the text; none that loads or runs may.
      if (element.getAttributeNames().some((name) => runs(name) && (element.getAttribute(name) ?? "").includes("__pwned"))) out.push(element.outerHTML);
      if ((tag === "script" && !element.hasAttribute("src")) || ["iframe", "object", "embed"].includes(tag)) out.push(`<${tag}>`);
      if (["b", "em", "i"].includes(tag) && !element.hasAttribute("data-tabster-dummy")) out.push(`<${tag}>`);
    }
    return out;
  });
}

async function expectInert(page: Page): Promise<void> {
  // Anything that had been made would have had its chance to run (an image's error, a hover).
  await page.mouse.move(200, 300);
  await page.waitForTimeout(100);
  await expect(madeFromText(page)).resolves.toEqual([]);
  await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
}

/** Text as the page shows it, with spacing folded. */
const shown = async (locator: ReturnType<typeof pane>) => (await locator.innerText()).replace(/\s+/g, " ");

describe("hostile text in the document", () => {
  it("a .docx with markup in its cells: the page and the pane's findings show it as text, and none of it runs", async () => {
    const page = await session.open("preview.html");
    await documentView(page).locator("td").first().waitFor(SHORT);
    await page.getByTestId("open-file").setInputFiles({
      name: "hostile.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: await docxFromSnapshot(hostileSnapshot()),
    });
    await documentView(page).getByText("hostile.docx").waitFor(SHORT);
    const page_ = await shown(documentView(page));
    for (const text of HOSTILE) expect(page_).toContain(text);
    await expectInert(page);

    await pane(page).getByRole("button", { name: "Check document" }).click(SHORT);
    await pane(page).getByRole("button", { name: "Re-check" }).waitFor(SHORT);
    // The hostile label is a row the checker does not know: its finding quotes it, as text.
    await expect(shown(pane(page))).resolves.toContain(HOSTILE[0]);
    await expectInert(page);
    for (const name of [/^Totals/, /^Update/, /^Findings/]) {
      await pane(page).getByRole("tab", { name }).click(SHORT);
      await expectInert(page);
    }
    // Jumping to the finding selects the hostile row's cell; still nothing runs.
    await pane(page).getByRole("button", { name: /img src/ }).first().click(SHORT);
    await documentView(page).locator('[data-selected="true"]').first().waitFor(SHORT);
    await expectInert(page);
  });

  it("markup typed (or pasted) into a cell stays text in the page and in the pane", async () => {
    const page = await session.open("preview.html?sample=careers-provision");
    await documentView(page).locator("td").first().waitFor(SHORT);
    const label = documentView(page).getByRole("textbox", { name: /^Table 2, row 1, cell 1$/ });
    await label.click(SHORT);
    await page.keyboard.press("Control+End");
    await page.keyboard.type(` ${HOSTILE[1]}`);
    // A paste of HTML: only its plain text goes in.
    await label.evaluate((element, html) => {
      const data = new DataTransfer();
      data.setData("text/html", html);
      data.setData("text/plain", "<em>plain</em>");
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, HOSTILE[3]!);
    await expect(label.innerText()).resolves.toMatch(/^Recommendation 1: <script>window.__pwned = 2<\/script><em>plain<\/em>$/);
    await expect(label.evaluate((element) => element.children.length)).resolves.toBe(0);
    await expectInert(page);

    await pane(page).getByRole("button", { name: "Check document" }).click(SHORT);
    await pane(page).getByRole("button", { name: "Re-check" }).waitFor(SHORT);
    await expectInert(page);
    const snapshot = await page.evaluate(() => window.scrutinyPreview!.snapshot());
    const typed = snapshot.blocks.find((b): b is SnapshotTable => b.kind === "table" && b.index === 1)!.rows[0]!.cells[0]!.paragraphs[0];
    expect(typed).toBe("Recommendation 1: <script>window.__pwned = 2</script><em>plain</em>");
  });
});
