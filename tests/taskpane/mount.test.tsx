/** @jest-environment jsdom */
import { act, screen } from "@testing-library/react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { mountTaskpane } from "../../src/taskpane/mount";
import { fakeGateway, handMadeAnalysis } from "./fakes";

describe("mountTaskpane (the preview's entry)", () => {
  it("renders the pane in the theme asked for, switches theme, and unmounts", async () => {
    const container = document.createElement("div");
    document.body.appendChild(container);
    let pane!: ReturnType<typeof mountTaskpane>;
    await act(async () => {
      pane = mountTaskpane(container, fakeGateway(), { theme: "dark", analyse: () => handMadeAnalysis([]) });
    });
    expect(screen.getByRole("button", { name: "Check document" })).toBeTruthy();
    // FluentProvider writes its theme as CSS variables into a style sheet.
    const themeCss = (): string =>
      Array.from(document.styleSheets)
        .flatMap((sheet) => Array.from(sheet.cssRules, (rule) => rule.cssText))
        .join("\n");
    expect(themeCss()).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
    await act(async () => pane.setTheme("light"));
    expect(themeCss()).toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1}`);
    expect(themeCss()).not.toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
    await act(async () => pane.unmount());
    expect(container.childElementCount).toBe(0);
  });
});
