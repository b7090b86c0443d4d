/**
 * axe-core (WCAG 2.1 A and AA rules) on the built preview and taskpane.html, in every theme and in
 * each state an officer meets: before and after Check, a finding jumped to, Totals, Update, the
 * set-aside dialog, an error shown. Zero violations. And a keyboard walk: focus never lands on <body>.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { ROOT, browserSession } from "./server";

const AXE = fs.readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const FIXTURES = path.join(ROOT, "tests/fixtures/docx");
const SHORT = { timeout: 15_000 };
const THEMES = ["light", "dark", "high-contrast"] as const;

const session = browserSession();

const open = session.open;

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe in the page (evaluated, not a script tag, so the page's own Content-Security-Policy need
 * not allow it). Exclusions, each for a reason:
 * - `i[data-tabster-dummy]`: the focus-trap sentinels Fluent's tabster puts around TabList and
 *   dialogs; they are aria-hidden, never take focus from a user, and Fluent keeps them by design.
 */
async function violations(page: Page, state: string): Promise<string[]> {
  // Measured once Fluent's transitions have run (a dialog fading in is not yet its own colours).
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  await page.waitForTimeout(100);
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(
      { exclude: [["i[data-tabster-dummy]"]] },
      { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] },
    );
    return result.violations;
  });
  return (found as Violation[]).flatMap((v) =>
    v.nodes.map((node) => `${state}: ${v.id} (${v.help}) at ${node.target.join(" ")}: ${node.failureSummary ?? ""}`),
  );
}

const pane = (page: Page) => page.getByRole("complementary", { name: "Task pane" });

describe("axe-core, WCAG 2.1 AA", () => {
  it.each(THEMES)("the preview in %s: before and after Check, a finding jumped to, set aside, Totals, Update", async (theme) => {
    const page = await open(`preview.html?theme=${theme}`);
    await page.getByText("careers-provision.docx").waitFor(SHORT);
    const found: string[] = [];
    found.push(...(await violations(page, "before Check")));

    await pane(page).getByRole("button", { name: "Check document" }).click(SHORT);
    await pane(page).getByRole("button", { name: "Re-check" }).waitFor(SHORT);
    found.push(...(await violations(page, "after Check")));

    await pane(page).getByRole("button", { name: /^Error.*The grade is written in Evidence of Impact/ }).click(SHORT);
    await page.locator('[data-selected="true"]').first().waitFor(SHORT);
    found.push(...(await violations(page, "a finding jumped to")));

    await pane(page).getByRole("button", { name: /^Set aside… Recommendation 6/ }).click(SHORT);
    await page.getByRole("dialog").waitFor(SHORT);
    found.push(...(await violations(page, "the set-aside dialog")));
    await page.getByRole("textbox", { name: /Reason/ }).fill("Accepted by the committee.");
    await page.getByRole("dialog").getByRole("button", { name: "Set aside" }).click(SHORT);
    await pane(page).getByRole("button", { name: "Set aside (1)" }).click(SHORT);
    found.push(...(await violations(page, "the set-aside list")));

    await pane(page).getByRole("tab", { name: "Totals" }).click(SHORT);
    await pane(page).getByRole("heading", { name: /Grades in each update/ }).waitFor(SHORT);
    found.push(...(await violations(page, "Totals")));

    await pane(page).getByRole("tab", { name: "Update" }).click(SHORT);
    await page.waitForTimeout(300);
    found.push(...(await violations(page, "Update")));
    expect(found).toEqual([]);
  });

  it.each(THEMES)("the preview in %s with an error shown", async (theme) => {
    const page = await open(`preview.html?theme=${theme}`);
    await page.getByText("careers-provision.docx").waitFor(SHORT);
    await page.getByTestId("open-file").setInputFiles(path.join(FIXTURES, "broken-not-a-zip.docx"));
    await page.getByText("That file could not be opened").waitFor(SHORT);
    expect(await violations(page, "an unopenable file")).toEqual([]);
    await page.getByRole("button", { name: "Close this message" }).click(SHORT);
    await expect(page.getByText("That file could not be opened").count()).resolves.toBe(0);
  });

  it("taskpane.html outside Office", async () => {
    const page = await open("taskpane.html", { officeJsCdn: "local-copy" });
    await page.locator("body").getByText(/outside Word|Office/).first().waitFor(SHORT);
    expect(await violations(page, "taskpane.html")).toEqual([]);
  });
});

/** What each severity's icon is coloured with (Fluent tokens), as FindingItem sets it. */
const ICON_TOKENS = { Error: "colorStatusDangerForeground3", Warning: "colorStatusWarningForeground1", Note: "colorBrandForeground1" };

interface IconColour {
  severity: string;
  icon: string;
  token: string;
  background: string;
  contrast: number;
}

/** Each finding icon's colour, its token's colour, and its contrast with what is behind it (the nearest background). */
function iconColours(page: Page): Promise<IconColour[]> {
  return pane(page).evaluate((root, tokens) => {
    const rgb = (colour: string): number[] => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = (colour: string): number => {
      const [r, g, b] = rgb(colour).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const opaque = (colour: string): boolean => colour !== "transparent" && !(rgb(colour).length === 4 && rgb(colour)[3] === 0);
    return [...root.querySelectorAll<HTMLElement>("button[data-finding]")].map((button) => {
      const severity = (button.textContent ?? "").split(",")[0].split(":")[0];
      const icon = button.querySelector("svg")!;
      let background = "rgb(255, 255, 255)";
      for (let at: Element | null = icon.parentElement; at; at = at.parentElement) {
        const colour = getComputedStyle(at).backgroundColor;
        if (opaque(colour)) {
          background = colour;
          break;
        }
      }
      const probe = document.createElement("span");
      probe.style.color = `var(--${tokens[severity as keyof typeof tokens]})`;
      icon.parentElement!.appendChild(probe);
      const token = getComputedStyle(probe).color;
      probe.remove();
      const colour = getComputedStyle(icon).color;
      const [a, b] = [luminance(colour), luminance(background)].sort((x, y) => y - x);
      return { severity, icon: colour, token, background, contrast: Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100 };
    });
  }, ICON_TOKENS);
}

describe("the severity icons", () => {
  it.each(THEMES)("keep their severity colour, at 3:1 or more, in %s: resting, hovered, pressed, focused and current", async (theme) => {
    const page = await open(`preview.html?theme=${theme}`);
    await page.getByText("careers-provision.docx").waitFor(SHORT);
    await pane(page).getByRole("button", { name: "Check document" }).click(SHORT);
    await pane(page).getByRole("button", { name: "Re-check" }).waitFor(SHORT);
    const error = pane(page).getByRole("button", { name: /^Error.*The grade is written in Evidence of Impact/ });
    const away = async (): Promise<void> => {
      await page.mouse.move(0, 0);
      await pane(page).getByRole("button", { name: "Re-check" }).focus();
    };
    const problems: string[] = [];
    const look = async (state: string): Promise<void> => {
      await page.waitForTimeout(150); // Fluent's colour transitions
      const colours = await iconColours(page);
      expect(colours.map((c) => c.severity).sort()).toEqual(expect.arrayContaining(["Error", "Note", "Warning"]));
      for (const c of colours) {
        if (c.icon !== c.token) problems.push(`${state}: ${c.severity} icon is ${c.icon}, not its severity colour ${c.token}`);
        if (c.contrast < 3) problems.push(`${state}: ${c.severity} icon ${c.icon} on ${c.background} is ${c.contrast}:1`);
      }
    };

    await away();
    await look("resting");
    await error.hover();
    await look("hovered");
    await page.mouse.down();
    await look("pressed");
    await page.mouse.up(); // the click: Word goes there and the finding becomes the current one
    await page.locator('[data-selected="true"]').first().waitFor(SHORT);
    expect(await error.getAttribute("aria-current")).toBe("true");
    await look("current, hovered");
    await away();
    await look("current");
    await error.focus();
    await look("current, focused");
    expect(problems).toEqual([]);
  });
});

describe("the keyboard", () => {
  it("the preview's first Tab stop is a skip link past the document's text boxes, into the pane", async () => {
    const page = await open("preview.html");
    await page.getByText("careers-provision.docx").waitFor(SHORT);
    const skip = page.getByRole("link", { name: "Skip to the task pane" });
    // Off screen until it has focus.
    expect((await skip.boundingBox())!.x).toBeLessThan(0);
    await page.keyboard.press("Tab");
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    expect((await skip.boundingBox())!.x).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    expect(await pane(page).evaluate((element) => element === document.activeElement)).toBe(true);
    // The next Tab is the pane's first control, not the document's first cell.
    await page.keyboard.press("Tab");
    expect(await pane(page).getByRole("button", { name: "Check document" }).evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it("walks the pane with Tab, Enter, Space and arrows, and focus never lands on <body>", async () => {
    const page = await open("preview.html");
    await page.getByText("careers-provision.docx").waitFor(SHORT);
    await pane(page).getByRole("button", { name: "Check document" }).focus();
    const onBody = async (step: string): Promise<string[]> =>
      (await page.evaluate(() => document.activeElement === document.body || document.activeElement === null)) ? [step] : [];
    const lost: string[] = [];

    await page.keyboard.press("Enter");
    await pane(page).getByRole("button", { name: "Re-check" }).waitFor(SHORT);
    lost.push(...(await onBody("after Check")));
    // Tab from Re-check to the pane's last control, the "Open with this document" switch (past it, the
    // browser's own toolbar takes focus, which the page sees as <body>).
    const atSwitch = () => page.evaluate(() => document.activeElement?.getAttribute("role") === "switch");
    for (let i = 0; i < 60 && !(await atSwitch()); i++) {
      await page.keyboard.press("Tab");
      lost.push(...(await onBody(`Tab ${i + 1}`)));
    }
    expect(await atSwitch()).toBe(true);
    // Back to the tabs: arrows move between them, Enter/Space choose.
    await pane(page).getByRole("tab", { name: /^Findings/ }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Space");
    lost.push(...(await onBody("Totals tab")));
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    lost.push(...(await onBody("Findings tab")));

    // Jump to a finding with Enter, set one aside with the keyboard: focus stays in the pane.
    await pane(page).getByRole("button", { name: /^Error.*The grade is written/ }).focus();
    await page.keyboard.press("Enter");
    lost.push(...(await onBody("jumped to a finding")));
    await pane(page).getByRole("button", { name: /^Set aside… Recommendation 6/ }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("dialog").waitFor(SHORT);
    await page.keyboard.type("Accepted by the committee.");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("dialog").waitFor({ state: "detached", ...SHORT });
    lost.push(...(await onBody("set a finding aside")));

    // The "Open with this document" switch keeps focus while it saves.
    const toggle = pane(page).getByRole("switch", { name: "Open with this document" });
    await toggle.focus();
    await page.keyboard.press("Space");
    await page.waitForTimeout(300);
    lost.push(...(await onBody("Open with this document")));
    expect(await toggle.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(lost).toEqual([]);
  });
});
