/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { analyse } from "../../src/model";
import type { SimulatedWord } from "../../src/simulated-word";
import { Gate } from "../../src/taskpane/Gate";
import { createWordGateway } from "../../src/word/gateway";
import { install } from "../helpers/simulated-word";
import { realSnapshot } from "../helpers/text-snapshot";

/** The whole way through: readiness gate → real gateway → simulated Word → real engine → pane. */
let word: SimulatedWord;
beforeEach(() => {
  word = install(realSnapshot("careersProvision"));
});

async function openAndCheck(): Promise<void> {
  render(<Gate createGateway={createWordGateway} />);
  fireEvent.click(await screen.findByRole("button", { name: "Check document" }));
  await screen.findByRole("button", { name: "Re-check" });
}

describe("the pane in a simulated Word", () => {
  it("checks the document and puts Word's selection on the finding chosen", async () => {
    await openAndCheck();
    expect(screen.getByRole("heading", { level: 1, name: "Scrutiny Review of Careers Provision" })).toBeTruthy();
    const rec2 = screen.getByRole("list", { name: /^Recommendation 2/ });
    fireEvent.click(within(rec2).getAllByRole("button")[0]);
    const missingGrade = analyse(realSnapshot("careersProvision")).findings.find((f) => f.code === "missing-grade");
    await waitFor(() => expect(word.selection).toEqual(missingGrade?.location));
  });

  it("shows a failed scan in the MessageBar, then re-checks", async () => {
    await openAndCheck();
    word.failNextSync("GeneralException", "Word is busy.");
    fireEvent.click(screen.getByRole("button", { name: "Re-check" }));
    const title = await screen.findByText("The check did not finish");
    expect(title.parentElement?.textContent).toContain("Word could not finish the request. Try again");
    fireEvent.click(await screen.findByRole("button", { name: "Re-check" }));
    await waitFor(() => expect(screen.queryByText("The check did not finish")).toBeNull());
    expect(screen.getByRole("tab", { name: /^Findings/ })).toBeTruthy();
  });

  it("saves Open with this document in the document's settings", async () => {
    await openAndCheck();
    fireEvent.click(screen.getByRole("switch", { name: "Open with this document" }));
    await waitFor(() => expect(word.savedSettings["Office.AutoShowTaskpaneWithDocument"]).toBe(true));
  });
});
