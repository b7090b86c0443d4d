/** @jest-environment jsdom */
// The Totals chunk cannot be fetched (as when the connection drops): the pane says so where the tab's panel would be,
// and everything else keeps working.
import { fireEvent, screen } from "@testing-library/react";
import { fakeGateway, handMadeAnalysis, renderApp } from "./fakes";

jest.mock("../../src/taskpane/components/TotalsPanel", () => {
  throw new Error("Loading chunk 350 failed.");
});

describe("a part of the pane that cannot be loaded", () => {
  it("shows a message in its place, not a crash, and the other tabs still work", async () => {
    renderApp(fakeGateway(), () => handMadeAnalysis([]));
    fireEvent.click(screen.getByRole("button", { name: "Check document" }));
    fireEvent.click(await screen.findByRole("tab", { name: "Totals" }));
    expect(await screen.findByText("This part of the pane could not be loaded. Close the pane and open it again.")).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: /Findings/ }));
    expect(screen.queryByText(/could not be loaded/)).toBeNull();
    expect(screen.getByRole("tabpanel")).toBeTruthy();
  });
});
