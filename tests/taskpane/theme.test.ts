/** @jest-environment jsdom */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { THEMES, luminance, themeNameFor } from "../../src/taskpane/theme";

describe("following Office's theme", () => {
  it("picks the dark theme when Office's body background is dark", () => {
    expect(themeNameFor({ bodyBackgroundColor: "#262626" }, false)).toBe("dark");
    expect(THEMES[themeNameFor({ bodyBackgroundColor: "#000000" }, false)]).toBe(webDarkTheme);
  });

  it("picks the light theme for Office's white and colourful themes, and when Office gives none", () => {
    expect(THEMES[themeNameFor({ bodyBackgroundColor: "#FFFFFF" }, false)]).toBe(webLightTheme);
    expect(themeNameFor({ bodyBackgroundColor: "#e6e6e6" }, false)).toBe("light");
    expect(themeNameFor(null, false)).toBe("light");
    expect(themeNameFor({ bodyBackgroundColor: "not a colour" }, false)).toBe("light");
  });

  it("picks high contrast whenever the system forces colours", () => {
    expect(THEMES[themeNameFor({ bodyBackgroundColor: "#ffffff" }, true)]).toBe(teamsHighContrastTheme);
  });

  it("measures luminance for six- and three-digit colours", () => {
    expect(luminance("#fff")).toBeCloseTo(1);
    expect(luminance("000000")).toBeCloseTo(0);
    expect(luminance("#777")).toBeCloseTo(0.184, 2);
  });
});
