/** @jest-environment jsdom */
/**
 * Document text is only ever rendered as text: markup, script and javascript: links typed into cells
 * show as the characters they are, in findings and totals, and none of it runs or becomes an element.
 */
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import type { DocumentSnapshot, SnapshotTable } from "../../src/model/snapshot";
import { realSnapshot } from "../helpers/text-snapshot";
import { fakeGateway, renderApp } from "./fakes";

jest.setTimeout(30_000);

const HOSTILE = [
  '<img src="x" onerror="window.__pwned = 1">',
  "<script>window.__pwned = 2</script>",
  '<a href="javascript:window.__pwned = 3">click me</a>',
  '<iframe src="javascript:window.__pwned = 4"></iframe><b onmouseover="window.__pwned = 5">bold</b>',
];

/** The real document with a row of hostile text in its first recommendation's table, and as a number. */
function hostileSnapshot(): DocumentSnapshot {
  const snapshot = realSnapshot("careersProvision");
  const table = snapshot.blocks.find((block): block is SnapshotTable => block.kind === "table" && block.rows.length > 6)!;
  const at = (row: number, cell: number) => ({ kind: "cell" as const, table: table.index, row, cell });
  const row = table.rows.length;
  table.rows.push({ cells: [{ paragraphs: [HOSTILE[0]], location: at(row, 0) }, { paragraphs: HOSTILE.slice(1), location: at(row, 1) }] });
  table.rows[0].cells[0].paragraphs = [`Recommendation 1<img src=x onerror="window.__pwned = 6">:`];
  return snapshot;
}

afterEach(cleanup);

function expectNoMarkup(): void {
  expect(document.querySelectorAll("img, script, iframe").length).toBe(0);
  for (const link of document.querySelectorAll("a")) expect(link.getAttribute("href") ?? "").not.toMatch(/^\s*javascript:/i);
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.getAttributeNames()) expect(attribute).not.toMatch(/^on/i);
  }
}

describe("hostile text in the document", () => {
  it("shows in the pane as text; nothing runs and no element is made from it", async () => {
    const pwned = window as unknown as { __pwned?: number };
    delete pwned.__pwned;
    renderApp(fakeGateway(hostileSnapshot()));
    fireEvent.click(screen.getByRole("button", { name: "Check document" }));
    await screen.findByRole("button", { name: "Re-check" });
    expect(document.body.textContent).toContain('<img src="x" onerror="window.__pwned = 1">');
    expectNoMarkup();
    for (const tab of screen.getAllByRole("tab")) {
      fireEvent.click(tab);
      expectNoMarkup();
    }
    // The Update tab reads the document's record of the last update added as it opens: wait for what it found.
    await waitFor(() => expect(screen.queryByText("Looking for the last update added…")).toBeNull());
    expectNoMarkup();
    // Give anything injected a moment to run, inside act: the tabs' selection indicator settles meanwhile.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(pwned.__pwned).toBeUndefined();
  });
});
