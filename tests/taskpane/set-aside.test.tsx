/** @jest-environment jsdom */
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { SET_ASIDE_SETTING, readSetAsideRecords } from "../../src/model/set-aside";
import { realSnapshot } from "../helpers/text-snapshot";
import { fakeGateway, renderApp } from "./fakes";

async function checked(gateway = fakeGateway(realSnapshot("careLeaversEet"))) {
  renderApp(gateway);
  fireEvent.click(screen.getByRole("button", { name: "Check document" }));
  await screen.findByRole("button", { name: "Re-check" });
  return gateway;
}

// Fluent dialogs render slowly on a busy shared machine.
jest.setTimeout(30_000);

const copiedFinding = /^Set aside… Recommendation 7 \(September 2022 update\): Evidence of Impact is word for word/;

describe("setting a finding aside in the pane", () => {
  it("asks for a reason, saves it in the document's settings, and takes the finding out of the list and the counts", async () => {
    const gateway = await checked();
    expect(screen.getByRole("tab", { name: "Findings (2)" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: copiedFinding }));
    const dialog = await screen.findByRole("dialog", { name: "Set this finding aside" });

    // No reason, no setting aside.
    fireEvent.click(within(dialog).getByRole("button", { name: "Set aside" }));
    expect(await within(dialog).findByText(/Say why this finding is set aside/)).toBeTruthy();
    expect(gateway.saveSetting).not.toHaveBeenCalled();

    fireEvent.change(within(dialog).getByRole("textbox", { name: /Reason/ }), {
      target: { value: "Both recommendations share one team; the impact is the same." },
    });
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Set aside" })));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    expect(gateway.saveSetting).toHaveBeenCalledTimes(1);
    const [key, value] = gateway.saveSetting.mock.calls[0];
    expect(key).toBe(SET_ASIDE_SETTING);
    expect(readSetAsideRecords(value)).toMatchObject([
      { code: "copied-impact", recommendation: "7", update: "September 2022", reason: "Both recommendations share one team; the impact is the same." },
    ]);
    expect(screen.getByRole("tab", { name: "Findings (1)" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: copiedFinding })).toBeNull();
    // Focus goes to the finding that took its place, never to the page.
    expect(document.activeElement?.tagName).toBe("BUTTON");
    expect(document.activeElement).not.toBe(document.body);

    const toggle = screen.getByRole("button", { name: "Set aside (1)" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(toggle);
    const list = screen.getByRole("list", { name: "Findings set aside" });
    expect(within(list).getByText(/“Both recommendations share one team; the impact is the same\.”/)).toBeTruthy();

    await act(async () => fireEvent.click(within(list).getByRole("button", { name: /^Restore: Recommendation 7/ })));
    expect(screen.getByRole("tab", { name: "Findings (2)" })).toBeTruthy();
    expect(readSetAsideRecords(gateway.saveSetting.mock.calls[1][1])).toEqual([]);
  });

  it("reads the records already in the document: the finding starts out set aside", async () => {
    const first = fakeGateway(realSnapshot("careLeaversEet"));
    const view = await checked(first).then(() => screen);
    fireEvent.click(view.getByRole("button", { name: copiedFinding }));
    fireEvent.change(await view.findByRole("textbox", { name: /Reason/ }), { target: { value: "Shared impact." } });
    await act(async () => fireEvent.click(view.getByRole("button", { name: "Set aside" })));
    const saved = first.saveSetting.mock.calls[0][1];

    cleanup();
    const second = fakeGateway(realSnapshot("careLeaversEet"));
    await second.saveSetting(SET_ASIDE_SETTING, saved);
    await checked(second);
    expect(screen.getAllByRole("tab", { name: "Findings (1)" })).toHaveLength(1);
    expect(screen.getByRole("button", { name: "Set aside (1)" })).toBeTruthy();
  });

  it("says so, and keeps the finding, when Word cannot save", async () => {
    const gateway = fakeGateway(realSnapshot("careLeaversEet"));
    gateway.saveSetting.mockRejectedValue(new Error("The document is read-only."));
    await checked(gateway);
    fireEvent.click(screen.getByRole("button", { name: copiedFinding }));
    fireEvent.change(await screen.findByRole("textbox", { name: /Reason/ }), { target: { value: "Shared impact." } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Set aside" })));
    expect(await screen.findByText(/It was not set aside: .*read-only/)).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Findings (2)" })).toBeTruthy();
  });
});
