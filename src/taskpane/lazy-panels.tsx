/**
 * The split points of the pane's bundle. The results' tabs, their three panels (with the set-aside dialog) and the
 * engine are separate same-origin chunks, fetched once the pane has painted (`preloadPanels`, from App's first
 * effect) rather than before it: the first screen (header, intro, the auto-open switch) needs none of them.
 * A part whose chunk has arrived renders at once; one still loading shows a spinner.
 */
import { Suspense, lazy, type ComponentType, type JSX } from "react";
import { MessageBar, MessageBarBody, Spinner, type TabListProps, type TabProps } from "@fluentui/react-components";
import type { FindingsPanel as EagerFindingsPanel } from "./components/FindingsPanel";
import type { TotalsPanel as EagerTotalsPanel } from "./components/TotalsPanel";
import type { UpdatePanel as EagerUpdatePanel } from "./update/UpdatePanel";
import { loadEngine } from "./useCheck";

/** A chunk that could not be fetched (the connection dropped, the add-in was updated meanwhile): say so, do not crash. */
function NotLoaded() {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>This part of the pane could not be loaded. Close the pane and open it again.</MessageBarBody>
    </MessageBar>
  );
}

type Panel<P> = ((props: P) => JSX.Element) & { preload: () => Promise<unknown> };

function lazyPanel<P extends object>(load: () => Promise<ComponentType<P>>): Panel<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> => {
    loading ??= load().then((component) => (loaded = component));
    return loading;
  };
  const Lazy = lazy(async () => {
    try {
      return { default: await preload() };
    } catch {
      return { default: NotLoaded }; // reopening the pane loads the page, and every chunk, afresh
    }
  });
  const panel = (props: P): JSX.Element => {
    const Loaded = loaded;
    if (Loaded) return <Loaded {...props} />;
    return (
      <Suspense fallback={<Spinner size="small" label="Loading…" />}>
        <Lazy {...props} />
      </Suspense>
    );
  };
  return Object.assign(panel, { preload });
}

export const FindingsPanel = lazyPanel<Parameters<typeof EagerFindingsPanel>[0]>(() =>
  import("./components/FindingsPanel").then((m) => m.FindingsPanel),
);
export const TotalsPanel = lazyPanel<Parameters<typeof EagerTotalsPanel>[0]>(() =>
  import("./components/TotalsPanel").then((m) => m.TotalsPanel),
);
export const UpdatePanel = lazyPanel<Parameters<typeof EagerUpdatePanel>[0]>(() =>
  import("./update/UpdatePanel").then((m) => m.UpdatePanel),
);
export const TabList = lazyPanel<TabListProps>(() => import("./components/tabs").then((m) => m.TabList));
export const Tab = lazyPanel<TabProps>(() => import("./components/tabs").then((m) => m.Tab));

/** Fetches every lazy part (the tabs, the panels and the engine); a failure shows where the part would be. */
export function preloadPanels(): void {
  for (const preload of [TabList.preload, Tab.preload, FindingsPanel.preload, TotalsPanel.preload, UpdatePanel.preload, loadEngine]) {
    preload().catch(() => undefined);
  }
}

