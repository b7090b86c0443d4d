import { createRoot } from "react-dom/client";
import { FluentProvider, makeStyles } from "@fluentui/react-components";
import type { WordGateway } from "../word/gateway-types";
import { App } from "./App";
import { Gate } from "./Gate";
import { THEMES, type ThemeName } from "./theme";
import type { Analyse } from "./useCheck";
import { useThemeName } from "./useThemeName";

const useStyles = makeStyles({ root: { minHeight: "100vh" } });

export interface PaneProps {
  gateway: WordGateway;
  /** A fixed theme (the preview's choice); by default the pane follows Office and high contrast. */
  theme?: ThemeName;
  analyse?: Analyse;
}

/** The pane in its theme, without the readiness gate: for a host that already has a gateway. */
export function Pane({ gateway, theme, analyse }: PaneProps) {
  const styles = useStyles();
  const themeName = useThemeName(theme);
  return (
    <FluentProvider theme={THEMES[themeName]} className={styles.root}>
      <App gateway={gateway} analyse={analyse} />
    </FluentProvider>
  );
}

export interface MountedPane {
  /** Re-renders with another theme (or undefined to follow Office again). */
  setTheme(theme: ThemeName | undefined): void;
  unmount(): void;
}

/**
 * For the preview page: renders the same pane Word shows, beside a simulated Word, in the theme it
 * chooses. No readiness gate: the caller already has a gateway (e.g. over installSimulatedWord()).
 */
export function mountTaskpane(
  container: HTMLElement,
  gateway: WordGateway,
  options: { theme?: ThemeName; analyse?: Analyse } = {},
): MountedPane {
  const root = createRoot(container);
  const render = (theme: ThemeName | undefined): void =>
    root.render(<Pane gateway={gateway} theme={theme} analyse={options.analyse} />);
  render(options.theme);
  return { setTheme: render, unmount: () => root.unmount() };
}

/** For Word: the readiness gate, then the pane over the real gateway. */
export function startTaskpane(container: HTMLElement, createGateway: () => WordGateway): () => void {
  const root = createRoot(container);
  root.render(<Gate createGateway={createGateway} />);
  return () => root.unmount();
}
