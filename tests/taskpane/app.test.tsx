/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { WordError } from "../../src/word/gateway-types";
import { finding, fakeGateway, handMadeAnalysis, renderApp } from "./fakes";

const findings = [
  finding("warning", "Recommendation 1, June 2022: the evidence of impact is very short.", "1"),
  finding("error", "Recommendation 2, June 2022: the assessment has no grade from 1 to 4.", "2", 7),
  finding("warning", "Recommendation 2, June 2022: the evidence of progress repeats the last update.", "2", 6),
  finding("error", "Recommendation 2, June 2022: there is no evidence of impact.", "2", 8),
  finding("info", "The grading key is missing from the end of the document."),
];

describe("the pane before and during a check", () => {
  it("starts with what it does and one Check button, and has read nothing", () => {
    const gateway = fakeGateway();
    renderApp(gateway, () => handMadeAnalysis(findings));
    expect(screen.getAllByRole("button", { name: /check/i })).toHaveLength(1);
    expect(screen.getByRole("button", { name: "Check document" }).getAttribute("aria-disabled")).not.toBe("true");
    expect(screen.getByText(/lists what needs putting right/)).toBeTruthy();
    expect(screen.queryByRole("tab")).toBeNull();
    expect(gateway.scan).not.toHaveBeenCalled();
  });

  it("shows progress while Word is read, then the review's name, the status line and when it checked", async () => {
    const gateway = fakeGateway();
    let finishScan: () => void = () => undefined;
    gateway.scan.mockImplementation(() => new Promise((resolve) => (finishScan = () => resolve({ blocks: [] }))));
    renderApp(gateway, () => handMadeAnalysis(findings));

    fireEvent.click(screen.getByRole("button", { name: "Check document" }));
    expect(screen.getByRole("button", { name: "Checking…" }).getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByRole("status").textContent).toContain("Checking…");

    await act(async () => finishScan());
    expect(screen.getByRole("heading", { level: 1, name: "Scrutiny Review of Testing" })).toBeTruthy();
    expect(screen.getByText("2 of 3 recommendations complete for the latest update (June 2022)")).toBeTruthy();
    expect(screen.getByText(/Last checked at/)).toBeTruthy();
    expect(screen.getByRole("status").textContent).toContain("Check complete: 2 errors, 2 warnings, 1 note.");
    expect(screen.getByRole("button", { name: "Re-check" }).getAttribute("aria-disabled")).not.toBe("true");
  });
});

describe("findings", () => {
  async function checked(gateway = fakeGateway(), list = findings) {
    renderApp(gateway, () => handMadeAnalysis(list));
    fireEvent.click(screen.getByRole("button", { name: "Check document" }));
    await screen.findByRole("button", { name: "Re-check" });
    return gateway;
  }

  it("groups them by recommendation with counts, whole-document first, errors first within a group", async () => {
    await checked();
    const findingsPanel = screen.getByRole("tabpanel", { name: /^Findings/ });
    expect(within(findingsPanel).getAllByRole("list").map((list) => list.getAttribute("aria-labelledby"))).toHaveLength(3);
    expect(within(findingsPanel).getAllByRole("heading").map((h) => h.textContent)).toEqual([
      "Whole document: 1 note",
      "Recommendation 1: 1 warning",
      "Recommendation 2: 2 errors, 1 warning",
    ]);
    const rec2 = screen.getByRole("list", { name: /^Recommendation 2\s?: 2 errors, 1 warning$/ });
    const jumps = within(rec2).getAllByRole("button").filter((b) => b.textContent !== "Set aside…");
    expect(jumps.map((b) => b.textContent)).toEqual([
      "Error: Recommendation 2, June 2022: the assessment has no grade from 1 to 4.",
      "Error: Recommendation 2, June 2022: there is no evidence of impact.",
      "Warning: Recommendation 2, June 2022: the evidence of progress repeats the last update.",
    ]);
  });

  it("filters by severity: turning warnings off hides them and their empty groups", async () => {
    await checked();
    const warnings = screen.getByRole("button", { name: "Warnings (2)" });
    expect(warnings.getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(warnings);
    expect(warnings.getAttribute("aria-pressed")).toBe("false");
    expect(screen.queryByText(/repeats the last update/)).toBeNull();
    expect(screen.queryByRole("list", { name: /Recommendation 1/ })).toBeNull();
    expect(screen.getByText(/there is no evidence of impact/)).toBeTruthy();
    fireEvent.click(warnings);
    expect(screen.getByText(/repeats the last update/)).toBeTruthy();
  });

  it("takes the officer to a finding's place on click and on Enter", async () => {
    const gateway = await checked();
    fireEvent.click(screen.getByRole("button", { name: /^Error.*there is no evidence of impact/ }));
    await waitFor(() => expect(gateway.select).toHaveBeenCalledWith({ kind: "cell", table: 1, row: 8, cell: 1 }));

    const grade = screen.getByRole("button", { name: /^Error.*has no grade/ });
    grade.focus();
    expect(document.activeElement).toBe(grade);
    fireEvent.keyDown(grade, { key: "Enter" });
    await waitFor(() => expect(gateway.select).toHaveBeenLastCalledWith({ kind: "cell", table: 1, row: 7, cell: 1 }));
    expect(gateway.select).toHaveBeenCalledTimes(2);
  });

  it("says so beside the finding when Word cannot go there", async () => {
    const gateway = fakeGateway();
    gateway.select.mockRejectedValue(new WordError("That cell is no longer in the document.", "ItemNotFound"));
    await checked(gateway);
    fireEvent.click(screen.getByRole("button", { name: /^Error.*has no grade/ }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Could not go to this place. That cell is no longer in the document.");
  });

  it("says every recommendation is complete when nothing is wrong", async () => {
    await checked(fakeGateway(), []);
    expect(screen.getByText("All 3 recommendations are complete for the latest update (June 2022)")).toBeTruthy();
    expect(screen.getByText(/No problems found/)).toBeTruthy();
  });
});

describe("a failed check", () => {
  it("shows Word's message in one MessageBar, keeps nothing hidden, and Re-check works after", async () => {
    const gateway = fakeGateway();
    gateway.scan.mockRejectedValueOnce(new WordError("Word is busy: close the dialog box and try again.", "GeneralException"));
    renderApp(gateway, () => handMadeAnalysis(findings));

    fireEvent.click(screen.getByRole("button", { name: "Check document" }));
    expect(await screen.findByText("Word is busy: close the dialog box and try again.")).toBeTruthy();
    expect(screen.getByText("The check did not finish")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toContain("Check failed: Word is busy");

    fireEvent.click(screen.getByRole("button", { name: "Check document" }));
    expect(await screen.findByRole("button", { name: "Re-check" })).toBeTruthy();
    expect(screen.queryByText("The check did not finish")).toBeNull();
    expect(screen.getByRole("tab", { name: "Findings (5)" })).toBeTruthy();
    expect(gateway.scan).toHaveBeenCalledTimes(2);
  });

  it("reports an engine failure in the same place, in words", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderApp(fakeGateway(), () => {
      throw new Error("parse: unexpected table");
    });
    fireEvent.click(screen.getByRole("button", { name: "Check document" }));
    expect(await screen.findByText("The check could not finish: parse: unexpected table")).toBeTruthy();
    expect(console.error).toHaveBeenCalled();
  });
});

describe("a document that is not a progress update", () => {
  it("says so instead of showing empty results", async () => {
    const analysis = { ...handMadeAnalysis([], []), recognised: false };
    renderApp(fakeGateway(), () => analysis);
    fireEvent.click(screen.getByRole("button", { name: "Check document" }));
    expect(await screen.findByText(/doesn't look like a Scrutiny Monitoring – Progress Update document/)).toBeTruthy();
    expect(screen.queryByRole("tab")).toBeNull();
  });
});

describe("settings", () => {
  it("turns Open with this document on through the gateway", async () => {
    const gateway = fakeGateway();
    renderApp(gateway, () => handMadeAnalysis([]));
    const toggle = screen.getByRole("switch", { name: "Open with this document" });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect(gateway.setAutoOpen).toHaveBeenCalledWith(true));
    await waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(true));
  });

  it("puts the switch back and says why when the setting cannot be saved", async () => {
    const gateway = fakeGateway();
    gateway.setAutoOpen.mockRejectedValue(new WordError("The document is read-only."));
    renderApp(gateway, () => handMadeAnalysis([]));
    const toggle = screen.getByRole("switch", { name: "Open with this document" });
    fireEvent.click(toggle);
    expect((await screen.findByRole("alert")).textContent).toContain("The setting was not saved: The document is read-only.");
    expect((toggle as HTMLInputElement).checked).toBe(false);
  });
});
