import { useSyncExternalStore } from "react";
import { officeThemeName, type ThemeName } from "./theme";

function subscribe(onChange: () => void): () => void {
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return () => undefined;
  const query = window.matchMedia("(forced-colors: active)");
  query.addEventListener?.("change", onChange);
  return () => query.removeEventListener?.("change", onChange);
}

/**
 * The theme to use: `override` when given (the preview picks one), otherwise Office's theme, read
 * again on every render (so once Office is ready) and when the system turns high contrast on or off.
 */
export function useThemeName(override?: ThemeName): ThemeName {
  const followed = useSyncExternalStore(subscribe, officeThemeName, () => "light" as const);
  return override ?? followed;
}
