/** @jest-environment jsdom */
import { act, render, screen } from "@testing-library/react";
import { Gate } from "../../src/taskpane/Gate";
import { fakeGateway, handMadeAnalysis } from "./fakes";

type OfficeGlobal = { Office?: unknown };
const globals = globalThis as OfficeGlobal;

function installOffice(onReady: () => Promise<{ host: string | null; platform: string | null }>): void {
  globals.Office = { onReady, context: { officeTheme: { bodyBackgroundColor: "#ffffff" } } };
}

afterEach(() => {
  delete globals.Office;
  jest.useRealTimers();
});

function renderGate(createGateway = jest.fn(() => fakeGateway())) {
  render(<Gate createGateway={createGateway} analyse={() => handMadeAnalysis([])} />);
  return createGateway;
}

describe("the readiness gate", () => {
  it("says Office.js could not be loaded when Office never appears (a blocked CDN)", async () => {
    jest.useFakeTimers();
    const createGateway = renderGate();
    expect(screen.getByText("Connecting to Word…")).toBeTruthy();
    await act(async () => {
      jest.advanceTimersByTime(4900);
    });
    expect(screen.queryByText(/Office.js could not be loaded/)).toBeNull();
    await act(async () => {
      jest.advanceTimersByTime(200);
    });
    expect(screen.getByText(/council networks sometimes block it/).textContent).toContain("appsforoffice.microsoft.com");
    expect(createGateway).not.toHaveBeenCalled();
  });

  it("says the same when Office.onReady never resolves", async () => {
    jest.useFakeTimers();
    installOffice(() => new Promise(() => undefined));
    renderGate();
    await act(async () => {
      jest.advanceTimersByTime(5100);
    });
    expect(screen.getAllByText(/Office.js could not be loaded/).length).toBeGreaterThan(0);
    expect(screen.queryByRole("button", { name: "Check document" })).toBeNull();
  });

  it("asks to open the add-in from Word when opened outside Office (host null)", async () => {
    installOffice(async () => ({ host: null, platform: null }));
    const createGateway = renderGate();
    expect((await screen.findByText(/it has been opened/)).textContent).toContain("outside Word, in a web browser");
    expect(screen.getByText("Open this add-in from Word")).toBeTruthy();
    expect(createGateway).not.toHaveBeenCalled();
  });

  it("names the host when opened in another Office application", async () => {
    installOffice(async () => ({ host: "Excel", platform: "PC" }));
    renderGate();
    expect((await screen.findByText(/it has been opened/)).textContent).toContain("in Excel");
  });

  it("renders the pane over a new gateway once Word is ready", async () => {
    installOffice(async () => ({ host: "Word", platform: "OfficeOnline" }));
    const createGateway = renderGate();
    expect(await screen.findByRole("button", { name: "Check document" })).toBeTruthy();
    expect(createGateway).toHaveBeenCalledTimes(1);
  });

  it("waits for Office.js that arrives late", async () => {
    jest.useFakeTimers();
    renderGate();
    installOffice(async () => ({ host: "Word", platform: "PC" }));
    await act(async () => {
      jest.advanceTimersByTime(300);
    });
    expect(screen.getByRole("button", { name: "Check document" })).toBeTruthy();
  });
});
