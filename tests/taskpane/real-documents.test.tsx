/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { analyse } from "../../src/model";
import { readRealDocument, realSnapshot, snapshotFromText } from "../helpers/text-snapshot";
import { fakeGateway, renderApp } from "./fakes";

/** The real engine over the two real documents, through a fake gateway. */
async function check(name: "careersProvision" | "careLeaversEet") {
  const gateway = fakeGateway(realSnapshot(name));
  renderApp(gateway);
  fireEvent.click(screen.getByRole("button", { name: "Check document" }));
  await screen.findByRole("button", { name: "Re-check" });
  return gateway;
}

function showTotals(): HTMLElement {
  fireEvent.click(screen.getByRole("tab", { name: "Totals" }));
  return screen.getByRole("tabpanel", { name: "Totals" });
}

describe("careers provision", () => {
  it("names the review and says how many recommendations are complete", async () => {
    await check("careersProvision");
    expect(screen.getByRole("heading", { level: 1, name: "Scrutiny Review of Careers Provision" })).toBeTruthy();
    // Recommendation 2's July 21 update has no grade in its assessment: the only recommendation with an error.
    expect(screen.getByText("6 of 7 recommendations complete for the latest update (July 2021)")).toBeTruthy();
  });

  it("lists recommendation 2's grade in the wrong row as one error under recommendation 2, and goes there", async () => {
    const gateway = await check("careersProvision");
    const rec2 = screen.getByRole("list", { name: /^Recommendation 2\s?: 1 error$/ });
    const [first] = within(rec2).getAllByRole("button");
    // Under its heading, the finding does not name the recommendation again; it names the update.
    expect(first.textContent).toMatch(/^Error, July 2021 update: The grade is written in Evidence of Impact/);

    fireEvent.click(first);
    // Once Word has gone there, the finding is marked as the current one.
    await waitFor(() => expect(first.getAttribute("aria-current")).toBe("true"));
    const missingGrade = analyse(realSnapshot("careersProvision")).findings.find(
      (f) => f.code === "missing-grade" && f.recommendation === "2",
    );
    expect(missingGrade?.location).toBeTruthy();
    expect(gateway.select).toHaveBeenCalledWith(missingGrade?.location);
  });

  it("shows the latest grade counts with the key", async () => {
    await check("careersProvision");
    const key = within(showTotals()).getAllByRole("list")[0];
    expect(within(key).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "1 Fully Achieved1",
      "2 On-Track4",
      "3 Slipped1",
      "4 Not Achieved0",
      "No grade1",
    ]);
  });

  it("never repeats “Recommendation N” under a recommendation's heading, and counts add up to the list", async () => {
    await check("careersProvision");
    const panel = screen.getByRole("tabpanel", { name: /^Findings/ });
    const items = within(panel).getAllByRole("listitem");
    for (const item of items) expect(item.textContent).not.toMatch(/Recommendation \d/);
    expect(screen.getByRole("tab", { name: `Findings (${items.length})` })).toBeTruthy();
    const filters = within(panel).getByRole("group", { name: "Show:" });
    const sum = within(filters)
      .getAllByRole("button")
      .map((b) => Number(/\((\d+)\)/.exec(b.textContent ?? "")?.[1]))
      .reduce((a, b) => a + b, 0);
    expect(sum).toBe(items.length);
    fireEvent.click(within(filters).getByRole("button", { name: /^Warnings/ }));
    expect(within(filters).getByRole("button", { name: /^Warnings/ }).getAttribute("aria-pressed")).toBe("false");
    expect(screen.getByText(`Showing ${within(panel).getAllByRole("listitem").length} of ${items.length} findings.`)).toBeTruthy();
  });
});

describe("a document whose key words the grades the older way", () => {
  it("names the grades as its key does", async () => {
    const text = readRealDocument("careersProvision").replace(
      "Progress Gradings:\tFully Achieved\tOn-Track\tSlipped\tNot Achieved",
      "Progress Gradings:\tAchieved (Fully)\tOn Track but not yet due for completion\tSlipped\tNot Achieved",
    );
    renderApp(fakeGateway(snapshotFromText(text)));
    fireEvent.click(screen.getByRole("button", { name: "Check document" }));
    await screen.findByRole("button", { name: "Re-check" });
    const key = within(showTotals()).getAllByRole("list")[0];
    expect(within(key).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "1 Achieved (Fully)1",
      "2 On Track but not yet due for completion4",
      "3 Slipped1",
      "4 Not Achieved0",
      "No grade1",
    ]);
  });
});

describe("care leavers EET", () => {
  it("shows each recommendation's grade history, recommendation 6 as 2 → 3 → 1", async () => {
    await check("careLeaversEet");
    const totals = showTotals();
    const sentence = within(totals).getByText(
      "Recommendation 6: September 2022 grade 2, February 2023 grade 3, November 2023 grade 1",
    );
    const item = sentence.closest("li");
    // What the eye sees (spacing comes from the layout): the number, then each grade with an arrow between.
    const shown = item?.querySelector("[aria-hidden]")?.textContent?.replace(/\s+/g, "");
    expect(shown).toBe("Recommendation62→3→1");
  });

  it("tabulates every round", async () => {
    await check("careLeaversEet");
    const table = within(showTotals()).getByRole("table", { name: "Grades in every update" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell").map((c) => c.textContent))).toEqual([
      ["September 2022", "0", "3", "0", "0", "0"],
      ["February 2023", "0", "1", "2", "0", "0"],
      ["November 2023", "2", "1", "0", "0", "0"],
    ]);
  });
});
