/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import {
  ADDED_ROUND_SETTING,
  COMMENT_PREFIX,
  analyse,
  applyPlanToSnapshot,
  planAddRound,
  type DocumentSnapshot,
  type Location,
} from "../../src/model";
import { resolveLocation, snapshotOfDocument, type SimCell, type SimulatedWord } from "../../src/simulated-word";
import { createWordGateway } from "../../src/word/gateway";
import { install } from "../helpers/simulated-word";
import { realSnapshot } from "../helpers/text-snapshot";
import { renderApp } from "./fakes";

/**
 * The Update tab the whole way through: the pane, the real gateway, the simulated Word (which performs every
 * write), the real engine and planners, on the two real documents.
 */
jest.setTimeout(30_000);

function held(word: SimulatedWord): DocumentSnapshot {
  return snapshotOfDocument(word.document);
}

async function check(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: /^(Check document|Re-check)$/ }));
  await screen.findByRole("button", { name: "Re-check" });
  await waitFor(() => expect(screen.getByRole("button", { name: "Re-check" }).getAttribute("aria-disabled")).not.toBe("true"));
}

/** Opens the pane on the simulated Word, checks, and shows the Update tab. */
async function openUpdate(source: DocumentSnapshot | SimulatedWord["document"], options: Parameters<typeof install>[1] = {}) {
  const word = install(source, options);
  const view = renderApp(createWordGateway());
  await check();
  fireEvent.click(screen.getByRole("tab", { name: "Update" }));
  // Remove reads the document's record of the last update added as it opens: wait for what it found.
  await waitFor(() =>
    expect(within(section("Remove the update just added")).queryByText("Looking for the last update added…")).toBeNull(),
  );
  return { word, view };
}

const section = (name: string) => screen.getByRole("region", { name });

function chooseMonth(month: string, year: string): void {
  const add = section("Add an update");
  fireEvent.change(within(add).getByRole("combobox", { name: "Month" }), { target: { value: month } });
  fireEvent.change(within(add).getByRole("combobox", { name: "Year" }), { target: { value: year } });
}

function previewLines(): string[] {
  return within(screen.getByRole("list", { name: "What Add will do" }))
    .getAllByRole("listitem")
    .map((li) => li.textContent ?? "");
}

async function added(): Promise<string> {
  const line = await within(section("Add an update")).findByText(/^Added /);
  return line.textContent ?? "";
}

function typeInto(word: SimulatedWord, location: Location, text: string): void {
  const cell = resolveLocation(word.document, location) as SimCell;
  const first = cell.blocks[0];
  if (first?.kind !== "paragraph") throw new Error("no paragraph to type into");
  first.text = text;
}

describe("add an update", () => {
  it("adds a November 2026 update to every recommendation, remembers it, and re-checks: the new rows are the gaps", async () => {
    const { word } = await openUpdate(realSnapshot("careersProvision"));
    const before = held(word);
    chooseMonth("11", "2026");
    expect(previewLines()).toEqual([
      "Adds a November 2026 update to 7 recommendations (3 rows each)",
      "Each new Assessment of Progress cell starts with a grade dropdown (Choose a grade).",
    ]);

    word.resetCounters();
    fireEvent.click(screen.getByRole("button", { name: "Add to 7 recommendations" }));
    expect(await added()).toBe("Added a November 2026 update to 7 recommendations");
    // One apply (at most two syncs) and the re-check's one scan.
    expect(word.syncCount).toBeLessThanOrEqual(3);

    const today = new Date().toISOString().slice(0, 10);
    const planned = planAddRound(before, { month: "2026-11", recommendations: "all", dropdowns: true, today });
    if (!planned.ok) throw new Error(planned.reason);
    expect(held(word)).toEqual(applyPlanToSnapshot(before, planned.plan));

    const record = word.savedSettings[ADDED_ROUND_SETTING] as { month: string; recommendations: string[] };
    expect(record).toMatchObject({ month: "2026-11", recommendations: ["1", "2", "3", "4", "5", "6", "7"] });

    // The re-check: every recommendation's latest update is now the empty November 2026 one.
    expect(screen.getByText("0 of 7 recommendations complete for the latest update (November 2026)")).toBeTruthy();
    fireEvent.click(within(section("Add an update")).getByRole("button", { name: "Show the findings" }));
    const findings = screen.getByRole("tabpanel", { name: /^Findings/ });
    for (const rec of ["1", "4", "7"]) {
      const list = within(findings).getByRole("list", { name: new RegExp(`^Recommendation ${rec}\\b`) });
      expect(list.textContent).toMatch(/November 2026/);
    }
  });

  it("skips a recommendation that already has the month's update, and says so", async () => {
    const { word } = await openUpdate(realSnapshot("careLeaversEet"));
    chooseMonth("11", "2023");
    expect(previewLines()[0]).toMatch(/^Nothing to add: Recommendation 2 already has a November 2023 update/);
    expect(screen.getByRole("button", { name: "Add" }).getAttribute("aria-disabled")).toBe("true");

    // The cursor in recommendation 6's Agreed Action: add November 2026 to that one only.
    const rec6 = analyse(held(word)).document.recommendations.find((r) => r.number === "6")!;
    word.placeCursor(rec6.agreedAction!.location);
    chooseMonth("11", "2026");
    fireEvent.click(screen.getByRole("radio", { name: "Only the recommendation where the cursor is" }));
    await screen.findByText("The cursor is in Recommendation 6.");
    fireEvent.click(screen.getByRole("button", { name: "Add to 1 recommendation" }));
    expect(await added()).toBe("Added a November 2026 update to 1 recommendation");
    const months = (n: string) =>
      analyse(held(word)).document.recommendations.find((r) => r.number === n)!.rounds.map((r) => r.month);
    expect(months("6").at(-1)).toBe("2026-11");
    expect(months("2").at(-1)).toBe("2023-11");

    fireEvent.click(screen.getByRole("radio", { name: /^Every recommendation/ }));
    expect(previewLines()).toContain("Recommendation 6 already has a November 2026 update: skipped");
    expect(previewLines()[0]).toBe("Adds a November 2026 update to 2 recommendations (3 rows each)");
  });

  it("with the cursor outside every recommendation, says where to click and adds nothing", async () => {
    const { word } = await openUpdate(realSnapshot("careersProvision"));
    word.placeCursor({ kind: "cell", table: 0, row: 1, cell: 1 }); // the Review: row of the header table
    fireEvent.click(screen.getByRole("radio", { name: "Only the recommendation where the cursor is" }));
    await screen.findByText(/^The cursor is not in a recommendation/);
    expect(screen.getByRole("button", { name: "Add" }).getAttribute("aria-disabled")).toBe("true");
  });
});

describe("remove the update just added", () => {
  it("removes it after the pane (and Word) were closed and opened again: the document is as before", async () => {
    const first = await openUpdate(realSnapshot("careersProvision"));
    const original = held(first.word);
    chooseMonth("11", "2026");
    fireEvent.click(screen.getByRole("button", { name: "Add to 7 recommendations" }));
    await added();
    const saved = { ...first.word.savedSettings };
    const edited = first.word.document;
    first.view.unmount();

    // Reopen: a new Word holding the same document and its saved settings, a new pane.
    await openUpdate(edited, { settings: saved });
    const remove = section("Remove the update just added");
    expect(await within(remove).findByText(/^Last added: the November 2026 update, to 7 recommendations/)).toBeTruthy();
    fireEvent.click(within(remove).getByRole("button", { name: "Remove the November 2026 update" }));
    expect((await within(remove).findByText(/^Removed /)).textContent).toBe("Removed the November 2026 update from 7 recommendations");
    expect(snapshotOfDocument(edited)).toEqual(original);
    await within(remove).findByText(/^Nothing to remove/);
  });

  it("refuses while a new row holds text, names the recommendation, and deletes nothing", async () => {
    const { word } = await openUpdate(realSnapshot("careersProvision"));
    chooseMonth("11", "2026");
    fireEvent.click(screen.getByRole("button", { name: "Add to 7 recommendations" }));
    await added();
    const rec3 = analyse(held(word)).document.recommendations.find((r) => r.number === "3")!;
    typeInto(word, rec3.rounds.at(-1)!.evidence!.location, "Governor leads named in 9 schools.");
    await check();
    const withText = held(word);

    const remove = section("Remove the update just added");
    fireEvent.click(within(remove).getByRole("button", { name: "Remove the November 2026 update" }));
    const refusal = await within(remove).findByText("Nothing was written");
    expect(refusal.parentElement?.textContent).toMatch(/Recommendation 3/);
    expect(held(word)).toEqual(withText);
  });
});

describe("grades", () => {
  it("sets a grade from the picker, worded as the key, keeping the explanation", async () => {
    const { word } = await openUpdate(realSnapshot("careersProvision"));
    const grade = section("Grade an update");
    // Recommendation 2's July 21 update has no grade: the picker starts there.
    expect(within(grade).getByRole("list", { name: "Latest updates with no grade" }).textContent).toBe("Recommendation 2");
    expect((within(grade).getByRole("combobox", { name: "Recommendation" }) as HTMLSelectElement).value).toBe("2");
    const explanation = analyse(held(word)).document.recommendations[1]!.rounds.at(-1)!.assessment!.text;
    fireEvent.click(within(grade).getByRole("radio", { name: "2. On-Track" }));
    fireEvent.click(within(grade).getByRole("button", { name: "Set grade" }));
    expect((await within(grade).findByText(/is now graded/)).textContent).toBe(
      "Recommendation 2's July 21 update is now graded 2. On-Track",
    );
    const assessment = analyse(held(word)).document.recommendations[1]!.rounds.at(-1)!.assessment!;
    expect(assessment.grade).toBe(2);
    expect(assessment.text).toBe(`2. On-Track ${explanation}`);
    expect(screen.getByText("All 7 recommendations are complete for the latest update (July 2021)")).toBeTruthy();
  });

  it("grades a new update by choosing its dropdown, for the recommendation at the cursor", async () => {
    const { word } = await openUpdate(realSnapshot("careLeaversEet"));
    chooseMonth("11", "2026");
    fireEvent.click(screen.getByRole("button", { name: "Add to 3 recommendations" }));
    await added();
    const rec7 = analyse(held(word)).document.recommendations.find((r) => r.number === "7")!;
    word.placeCursor(rec7.rounds.at(-1)!.impact!.location);
    const grade = section("Grade an update");
    fireEvent.click(within(grade).getByRole("button", { name: "Where the cursor is" }));
    await waitFor(() => expect((within(grade).getByRole("combobox", { name: "Recommendation" }) as HTMLSelectElement).value).toBe("7"));
    fireEvent.click(within(grade).getByRole("radio", { name: /^3\. / }));
    fireEvent.click(within(grade).getByRole("button", { name: "Set grade" }));
    await within(grade).findByText(/^Recommendation 7's November 2026 update is now graded 3\./);
    const latest = analyse(held(word)).document.recommendations.find((r) => r.number === "7")!.rounds.at(-1)!;
    expect(latest.month).toBe("2026-11");
    expect(latest.assessment?.grade).toBe(3);
  });
});

describe("grade summary", () => {
  it("inserts the summary at the end, then refreshes only it; the checks read the document as without it", async () => {
    const { word } = await openUpdate(realSnapshot("careLeaversEet"));
    const findingsBefore = analyse(held(word)).findings;
    const summary = section("Grade summary in the document");
    fireEvent.click(within(summary).getByRole("button", { name: "Insert the summary" }));
    expect((await within(summary).findByText(/^Inserted/)).textContent).toBe("Inserted the grade summary at the end of the document");
    const withSummary = held(word);
    const tables = withSummary.blocks.filter((b) => b.kind === "table");
    expect(tables.at(-1)?.kind === "table" && tables.at(-1)!.rows[0]!.cells[0]!.paragraphs[0]).toMatch(/^Grade summary/);
    expect(analyse(withSummary).findings).toEqual(findingsBefore);

    const refresh = await within(summary).findByRole("button", { name: "Refresh the summary" });
    fireEvent.click(refresh);
    expect((await within(summary).findByText(/^Refreshed/)).textContent).toBe("Refreshed the grade summary");
    const summaries = held(word).blocks.filter(
      (b) => b.kind === "table" && (b.rows[0]?.cells[0]?.paragraphs[0] ?? "").startsWith("Grade summary"),
    );
    expect(summaries).toHaveLength(1);
  });

  it("at the cursor, refuses a cursor inside a table and writes nothing", async () => {
    const { word } = await openUpdate(realSnapshot("careersProvision"));
    word.placeCursor({ kind: "cell", table: 1, row: 0, cell: 1 });
    const before = held(word);
    const summary = section("Grade summary in the document");
    fireEvent.click(within(summary).getByRole("radio", { name: "At the cursor" }));
    fireEvent.click(within(summary).getByRole("button", { name: "Insert the summary" }));
    const refusal = await within(summary).findByText("Nothing was written");
    expect(refusal.parentElement?.textContent).toMatch(/table/);
    expect(held(word)).toEqual(before);
  });
});

describe("review comments", () => {
  it("adds one comment per cell with an error or warning, does not repeat them, and removes only its own", async () => {
    const { word } = await openUpdate(realSnapshot("careersProvision"));
    const comments = section("Review comments");
    fireEvent.click(within(comments).getByRole("button", { name: "Add review comments" }));
    const line = await within(comments).findByText(/^Review comments in \d+ places? with errors or warnings/);
    const count = Number(/\d+/.exec(line.textContent ?? "")![0]);
    const ours = () => (word.document.comments ?? []).filter((c) => c.content.startsWith(COMMENT_PREFIX));
    expect(ours()).toHaveLength(count);
    expect(count).toBeGreaterThan(0);

    fireEvent.click(within(comments).getByRole("button", { name: "Add review comments" }));
    expect(within(comments).getByRole("progressbar")).toBeTruthy();
    await waitFor(() => expect(within(comments).queryByRole("progressbar")).toBeNull());
    await within(comments).findByText(/^Review comments in \d+ places?/);
    expect(ours()).toHaveLength(count);

    // Someone else's comment stays.
    const theirs = { ...ours()[0]!, id: "theirs", content: "Please check this with Martin.", authorName: "Ian Caley" };
    word.document.comments!.push(theirs);
    fireEvent.click(within(comments).getByRole("button", { name: "Remove review comments" }));
    await within(comments).findByText("Removed the review comments the check added");
    expect(ours()).toHaveLength(0);
    expect(word.document.comments).toEqual([theirs]);
  });
});

describe("on Word API 1.3 (Office 2019 and 2021)", () => {
  it("shows the comment buttons disabled with the reason, and adds updates without dropdowns", async () => {
    const { word } = await openUpdate(realSnapshot("careersProvision"), { requirementSets: { WordApi: "1.3" } });
    const comments = section("Review comments");
    for (const name of ["Add review comments", "Remove review comments"]) {
      const button = within(comments).getByRole("button", { name });
      expect(button.getAttribute("aria-disabled")).toBe("true");
      const reason = document.getElementById(button.getAttribute("aria-describedby") ?? "");
      expect(reason?.textContent).toMatch(/cannot add comments from an add-in: it needs Word API 1\.4/);
    }
    chooseMonth("11", "2026");
    expect(previewLines()).toContain(
      "This version of Word cannot add grade dropdowns: type the grade, or use Grade an update below.",
    );
    fireEvent.click(screen.getByRole("button", { name: "Add to 7 recommendations" }));
    await added();
    expect(JSON.stringify(held(word))).not.toContain("Choose a grade");
    expect(word.savedSettings[ADDED_ROUND_SETTING]).toMatchObject({ month: "2026-11" });
  });
});

describe("when the document changed since the check", () => {
  it("writes nothing, re-checks, and says so", async () => {
    const { word } = await openUpdate(realSnapshot("careersProvision"));
    chooseMonth("11", "2026");
    // Someone types in recommendation 1's last row after the check.
    const rec1 = analyse(held(word)).document.recommendations[0]!;
    typeInto(word, rec1.rounds.at(-1)!.impact!.location, "Destinations data now shows the impact.");
    const changed = held(word);
    const scansBefore = word.runCount;
    fireEvent.click(screen.getByRole("button", { name: "Add to 7 recommendations" }));
    const title = await within(section("Add an update")).findByText("The document changed");
    expect(title.parentElement?.textContent).toMatch(/nothing was written/);
    expect(held(word)).toEqual(changed);
    expect(word.savedSettings[ADDED_ROUND_SETTING] ?? null).toBeNull();
    expect(word.runCount).toBeGreaterThan(scansBefore + 1); // the apply, then the re-check
  });
});

describe("while writing", () => {
  it("shows a spinner and disables every control until the write and the re-check are done", async () => {
    await openUpdate(realSnapshot("careersProvision"));
    chooseMonth("11", "2026");
    fireEvent.click(screen.getByRole("button", { name: "Add to 7 recommendations" }));
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(within(section("Add an update")).getByText("Adding the update…")).toBeTruthy();
    for (const name of ["Insert the summary", "Set grade", "Add review comments"]) {
      expect(screen.getByRole("button", { name }).getAttribute("aria-disabled")).toBe("true");
    }
    await added();
    expect(screen.getByRole("button", { name: "Insert the summary" }).getAttribute("aria-disabled")).not.toBe("true");
  });
});


describe("what else Word can say", () => {
  it("says the additions will be tracked when the document tracks changes (WordApi 1.4)", async () => {
    await openUpdate(realSnapshot("careLeaversEet"), { trackingChanges: true });
    chooseMonth("11", "2026");
    expect(previewLines()).toContain("Track Changes is on: your additions will be tracked.");
  });

  it("does not mention tracking when the document does not track changes", async () => {
    await openUpdate(realSnapshot("careLeaversEet"));
    chooseMonth("11", "2026");
    expect(previewLines().join(" ")).not.toMatch(/tracked/);
  });

  it("shows Word's failure in the one MessageBar and re-checks", async () => {
    const { word } = await openUpdate(realSnapshot("careersProvision"));
    const before = held(word);
    chooseMonth("11", "2026");
    word.failNextSync("AccessDenied");
    fireEvent.click(screen.getByRole("button", { name: "Add to 7 recommendations" }));
    const title = await within(section("Add an update")).findByText("The change was not made");
    expect(title.parentElement?.textContent).toMatch(/Word did not let the add-in read or change this document/);
    expect(held(word)).toEqual(before);
    expect(screen.getAllByText("The change was not made")).toHaveLength(1);
  });

  it("adds the update but warns when the document could not remember it for Remove", async () => {
    const { word } = await openUpdate(realSnapshot("careersProvision"));
    chooseMonth("11", "2026");
    word.failSettingsSave("The document is read-only.");
    fireEvent.click(screen.getByRole("button", { name: "Add to 7 recommendations" }));
    expect(await added()).toBe("Added a November 2026 update to 7 recommendations");
    const warning = await within(section("Add an update")).findByText(/could not remember it/);
    expect(warning.textContent).toMatch(/Remove the update just added cannot take it out again.*read-only/);
  });
});

describe("from a finding", () => {
  it("Set grade… on a missing grade opens the picker on that update, offering the grade written in the wrong row", async () => {
    install(realSnapshot("careersProvision"));
    renderApp(createWordGateway());
    await check();
    // Only missing-grade findings offer it: recommendation 2's grade written in its Evidence of Impact.
    expect(screen.getAllByRole("button", { name: /^Set grade… / }).map((b) => b.getAttribute("aria-label"))).toEqual([
      expect.stringMatching(/^Set grade… Recommendation 2 \(July 2021 update\): the grade is written in Evidence of Impact/i),
    ]);
    const rec2 = screen.getByRole("list", { name: /^Recommendation 2\b/ });
    fireEvent.click(within(rec2).getByRole("button", { name: /^Set grade… Recommendation 2/ }));
    const grade = section("Grade an update");
    expect(screen.getByRole("tab", { name: "Update" }).getAttribute("aria-selected")).toBe("true");
    expect((within(grade).getByRole("combobox", { name: "Recommendation" }) as HTMLSelectElement).value).toBe("2");
    expect((within(grade).getByRole("combobox", { name: "Update" }) as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
      "July 21 (latest)",
    );
    // The grade written in the wrong row is offered (the officer's text there is left for them to move), and the
    // keyboard is on it.
    const offered = within(grade).getByRole("radio", { name: "2. On-Track" }) as HTMLInputElement;
    expect(offered.checked).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(offered));
  });

  it("Set grade… on a grade not on the scale puts a grade at the start of the assessment, keeping what was written", async () => {
    const source = realSnapshot("careersProvision");
    const rec5 = analyse(source).document.recommendations.find((r) => r.number === "5")!;
    const assessment = rec5.rounds[rec5.rounds.length - 1].assessment!;
    const word = install(source);
    typeInto(word, assessment.location, "Green: the pilot continues.");
    renderApp(createWordGateway());
    await check();
    const rec5List = screen.getByRole("list", { name: /^Recommendation 5\b/ });
    expect(within(rec5List).getAllByRole("button")[0].textContent).toMatch(/No grade in Assessment of Progress/);
    fireEvent.click(within(rec5List).getByRole("button", { name: /^Set grade… Recommendation 5/ }));
    const grade = section("Grade an update");
    expect((within(grade).getByRole("combobox", { name: "Recommendation" }) as HTMLSelectElement).value).toBe("5");
    fireEvent.click(within(grade).getByRole("radio", { name: "1. Fully Achieved" }));
    fireEvent.click(within(grade).getByRole("button", { name: "Set grade" }));
    await within(grade).findByText(/^Recommendation 5's .* update is now graded 1\. Fully Achieved/);
    const written = resolveLocation(word.document, assessment.location) as SimCell;
    const first = written.blocks[0];
    expect(first?.kind === "paragraph" ? first.text : "").toBe("1. Fully Achieved Green: the pilot continues.");
    await check();
    expect(screen.queryByRole("list", { name: /^Recommendation 5\b/ })).toBeNull();
  });
});
