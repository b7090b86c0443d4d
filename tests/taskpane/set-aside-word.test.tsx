/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { COMMENT_PREFIX, analyse, type Location } from "../../src/model";
import { SET_ASIDE_SETTING, readSetAsideRecords, setAsideRecord } from "../../src/model/set-aside";
import { resolveLocation, snapshotOfDocument, type SimCell, type SimulatedWord } from "../../src/simulated-word";
import { isoDate } from "../../src/taskpane/useSetAside";
import { createWordGateway } from "../../src/word/gateway";
import { install } from "../helpers/simulated-word";
import { realSnapshot } from "../helpers/text-snapshot";
import { renderApp } from "./fakes";

/**
 * Set aside the whole way through: the pane, the real Word gateway and the simulated Word, whose
 * Office.context.document.settings keep each value as its JSON until saveAsync writes it into the document.
 */
jest.setTimeout(30_000);
// Waits are bounded generously: the machine is shared, and a check plus a write can take seconds when it is busy.
const BUSY = { timeout: 10_000 };

const source = realSnapshot("careersProvision");
const findings = analyse(source).findings;
const labelled = findings.find((f) => f.code === "label-date-mismatch" && f.recommendation === "1")!;
const total = findings.length;
const REASON = "The August label is the date the impact was reported; agreed with the chair.";
const setAsideButton = /^Set aside… Recommendation 1 \(July 2021 update\): Evidence of Impact is labelled August 2021/;

async function check(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: /^(Check document|Re-check)$/ }));
  await screen.findByRole("button", { name: "Re-check" }, BUSY);
  await waitFor(() => expect(screen.getByRole("button", { name: "Re-check" }).getAttribute("aria-disabled")).not.toBe("true"), BUSY);
}

function open(settings?: Record<string, unknown>): SimulatedWord {
  const word = install(source, { settings });
  renderApp(createWordGateway());
  return word;
}

function savedRecords(word: SimulatedWord) {
  return readSetAsideRecords(word.savedSettings[SET_ASIDE_SETTING] ?? null);
}

function typeInto(word: SimulatedWord, location: Location, text: string): void {
  const cell = resolveLocation(word.document, location) as SimCell;
  const first = cell.blocks[0];
  if (first?.kind !== "paragraph") throw new Error("no paragraph to type into");
  first.text = text;
}

describe("setting a finding aside through the Word gateway", () => {
  it("saves the reason and date in the document's settings, leaves the finding out of the list, the counts and the review comments, and restores it", async () => {
    const word = open();
    await check();
    expect(screen.getByRole("tab", { name: `Findings (${total})` })).toBeTruthy();

    const before = isoDate(new Date());
    fireEvent.click(screen.getByRole("button", { name: setAsideButton }));
    const dialog = await screen.findByRole("dialog", { name: "Set this finding aside" }, BUSY);
    // The officer clicks into the reason box. (Without layout, jsdom leaves focus on the dialog's surface, and
    // Fluent's focus trap can then mark the dialog aria-hidden; in a browser focus starts inside it.)
    const reasonBox = within(dialog).getByRole("textbox", { name: /Reason/, hidden: true });
    act(() => reasonBox.focus());
    await waitFor(() => expect(dialog.getAttribute("aria-hidden")).toBeNull(), BUSY);
    fireEvent.click(within(dialog).getByRole("button", { name: "Set aside" }));
    expect(await within(dialog).findByText(/Say why this finding is set aside/, {}, BUSY)).toBeTruthy();
    expect(word.savedSettings[SET_ASIDE_SETTING]).toBeUndefined();

    fireEvent.change(within(dialog).getByRole("textbox", { name: /Reason/ }), { target: { value: `  ${REASON} ` } });
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Set aside" })));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull(), BUSY);

    // Saved into the document (saveAsync), as JSON Office can keep.
    const [record] = savedRecords(word);
    expect(savedRecords(word)).toHaveLength(1);
    expect(record).toMatchObject({ code: "label-date-mismatch", recommendation: "1", update: "July 2021", reason: REASON });
    expect([before, isoDate(new Date())]).toContain(record.date);
    expect(JSON.parse(JSON.stringify(word.savedSettings[SET_ASIDE_SETTING]))).toEqual(word.savedSettings[SET_ASIDE_SETTING]);

    expect(screen.getByRole("tab", { name: `Findings (${total - 1})` })).toBeTruthy();
    expect(screen.queryByRole("button", { name: setAsideButton })).toBeNull();
    // Recommendation 1 had no other finding: its heading goes too.
    expect(screen.queryByRole("list", { name: /^Recommendation 1\s?:/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Set aside (1)" }));
    const list = screen.getByRole("list", { name: "Findings set aside" });
    expect(within(list).getByText(labelled.message)).toBeTruthy();
    expect(list.textContent).toContain(`Set aside on ${record.date}: “${REASON}”`);

    // Review comments go where the other errors and warnings are, not on the finding set aside.
    fireEvent.click(screen.getByRole("tab", { name: "Update" }));
    const comments = screen.getByRole("region", { name: "Review comments" });
    expect(within(comments).getByText(/findings set aside get none\.$/)).toBeTruthy();
    fireEvent.click(within(comments).getByRole("button", { name: "Add review comments" }));
    await within(comments).findByText(/^Review comments in \d+ places? with errors or warnings/, {}, BUSY);
    const ours = word.comments().filter((c) => c.text.startsWith(COMMENT_PREFIX));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.some((c) => c.text.includes(labelled.message))).toBe(false);
    expect(ours.some((c) => JSON.stringify(c.location) === JSON.stringify(labelled.location))).toBe(false);

    // Restore: the record leaves the document and the finding comes back.
    await check();
    fireEvent.click(screen.getByRole("tab", { name: /^Findings/ }));
    fireEvent.click(screen.getByRole("button", { name: "Set aside (1)" }));
    await act(async () =>
      fireEvent.click(within(screen.getByRole("list", { name: "Findings set aside" })).getByRole("button", { name: /^Restore: / })),
    );
    expect(await screen.findByRole("tab", { name: `Findings (${total})` }, BUSY)).toBeTruthy();
    expect(savedRecords(word)).toEqual([]);
    expect(screen.getByRole("button", { name: setAsideButton })).toBeTruthy();
  });

  it("starts set aside in a document that carries the record, and comes back by itself when what it was about changes", async () => {
    const saved = setAsideRecord(labelled, analyse(source).document, REASON, "2026-11-30");
    const word = open({ [SET_ASIDE_SETTING]: [saved] });
    await check();
    expect(screen.getByRole("tab", { name: `Findings (${total - 1})` })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Set aside (1)" }));
    expect(screen.getByRole("list", { name: "Findings set aside" }).textContent).toContain(`Set aside on 2026-11-30: “${REASON}”`);

    // Only spaces and case changed: still the same words, still set aside.
    const at = labelled.location!;
    const text = (resolveLocation(word.document, at) as SimCell).blocks.map((b) => (b.kind === "paragraph" ? b.text : "")).join("");
    expect(text).toMatch(/August/);
    typeInto(word, at, `  ${text.toUpperCase()}  `);
    await check();
    expect(screen.getByRole("tab", { name: `Findings (${total - 1})` })).toBeTruthy();

    // The officer relabels the row to another month: a different fault, so it is shown again.
    typeInto(word, at, text.replace("August", "September"));
    await check();
    const now = analyse(snapshotOfDocument(word.document)).findings;
    expect(now).toHaveLength(total);
    expect(screen.getByRole("tab", { name: `Findings (${total})` })).toBeTruthy();
    expect(screen.getByRole("button", { name: /^Set aside… Recommendation 1 \(July 2021 update\): Evidence of Impact is labelled September 2021/ })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Set aside \(\d+\)$/ })).toBeNull();
    // The record stays in the document (it no longer matches anything); nothing was saved by re-checking.
    expect(savedRecords(word)).toEqual([saved]);
  });
});
