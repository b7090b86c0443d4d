/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { fakeGateway, handMadeAnalysis, renderApp } from "./fakes";

async function showTotals(): Promise<HTMLElement> {
  renderApp(fakeGateway(), () => handMadeAnalysis([]));
  fireEvent.click(screen.getByRole("button", { name: "Check document" }));
  fireEvent.click(await screen.findByRole("tab", { name: "Totals" }));
  return screen.getByRole("tabpanel", { name: "Totals" });
}

describe("totals (hand-made)", () => {
  it("shows the latest grades with each grade's number and name beside its colour", async () => {
    const panel = await showTotals();
    const key = within(panel).getAllByRole("list")[0];
    expect(within(key).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "1 Fully Achieved1",
      "2 On-Track1",
      "3 Slipped0",
      "4 Not Achieved0",
      "No grade1",
    ]);
  });

  it("lists every round in a table with a column per grade", async () => {
    const panel = await showTotals();
    const table = within(panel).getByRole("table", { name: "Grades in every update" });
    expect(within(table).getByRole("columnheader", { name: "3 Slipped" })).toBeTruthy();
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell").map((c) => c.textContent))).toEqual([
      ["July 2021", "0", "2", "0", "0", "1"],
      ["June 2022", "1", "1", "0", "0", "1"],
    ]);
  });

  it("says each recommendation's history in full to a screen reader, and no grade as no grade", async () => {
    await showTotals();
    expect(screen.getByText("Recommendation 3: July 2021 grade 2, June 2022 no grade")).toBeTruthy();
  });
});
