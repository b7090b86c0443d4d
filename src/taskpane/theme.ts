import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeName = "light" | "dark" | "high-contrast";

export const THEMES: Readonly<Record<ThemeName, Theme>> = {
  light: webLightTheme,
  dark: webDarkTheme,
  "high-contrast": teamsHighContrastTheme,
};

/** Relative luminance (WCAG) of "#rrggbb" or "#rgb"; null when it is not a hex colour. */
export function luminance(colour: string): number | null {
  let hex = colour.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Which theme matches Office's: high contrast when the system forces colours, dark when Office's
 * body background is dark (Office has no "is dark" flag, so we read the colour), light otherwise.
 */
export function themeNameFor(
  officeTheme: Pick<Office.OfficeTheme, "bodyBackgroundColor"> | null | undefined,
  forcedColors: boolean,
): ThemeName {
  if (forcedColors) return "high-contrast";
  const background = officeTheme?.bodyBackgroundColor ? luminance(officeTheme.bodyBackgroundColor) : null;
  return background !== null && background < 0.5 ? "dark" : "light";
}

export function forcedColorsActive(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function"
    ? window.matchMedia("(forced-colors: active)").matches
    : false;
}

/** Office's theme, when Office.js has loaded and the host shares it. */
export function currentOfficeTheme(): Office.OfficeTheme | null {
  try {
    return typeof Office !== "undefined" ? (Office.context?.officeTheme ?? null) : null;
  } catch {
    // Some hosts throw when the theme is read outside Office; that simply means "no Office theme".
    return null;
  }
}

/** The theme for the pane now: Office's theme, or high contrast when the system forces colours. */
export function officeThemeName(): ThemeName {
  return themeNameFor(currentOfficeTheme(), forcedColorsActive());
}
