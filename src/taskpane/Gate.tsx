import { useEffect, useMemo, useState } from "react";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WordGateway } from "../word/gateway-types";
import { App } from "./App";
import { waitForOffice, type Readiness } from "./readiness";
import { THEMES } from "./theme";
import type { Analyse } from "./useCheck";
import { useThemeName } from "./useThemeName";

const useStyles = makeStyles({
  root: { minHeight: "100vh" },
  waiting: { padding: tokens.spacingHorizontalL },
  message: { margin: tokens.spacingHorizontalM },
});

/** Outside Word the pane cannot do anything, so it says what to do instead. */
function NotReady({ readiness }: { readiness: Exclude<Readiness, { kind: "ready" }> }) {
  const styles = useStyles();
  if (readiness.kind === "no-office") {
    return (
      <MessageBar intent="error" layout="multiline" className={styles.message}>
        <MessageBarBody>
          <MessageBarTitle>Office.js could not be loaded</MessageBarTitle>
          Without it this pane cannot reach Word. Office.js comes from Microsoft at
          appsforoffice.microsoft.com, and council networks sometimes block it. Ask your IT service desk to allow
          that address, then close this pane and open it again.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const where = readiness.host ? `in ${readiness.host}` : "outside Word, in a web browser";
  return (
    <MessageBar intent="warning" layout="multiline" className={styles.message}>
      <MessageBarBody>
        <MessageBarTitle>Open this add-in from Word</MessageBarTitle>
        This pane checks Scrutiny Monitoring progress updates in Word documents, but it has been opened {where}. In
        Word, choose Home &gt; Check monitoring.
      </MessageBarBody>
    </MessageBar>
  );
}

export interface GateProps {
  /** Called once Office is ready inside Word. */
  createGateway: () => WordGateway;
  timeoutMs?: number;
  analyse?: Analyse;
}

/** The readiness gate: wait for Office.onReady (with a time limit), then the pane, in Office's theme. */
export function Gate({ createGateway, timeoutMs, analyse }: GateProps) {
  const styles = useStyles();
  const [readiness, setReadiness] = useState<Readiness | null>(null);
  const themeName = useThemeName();

  useEffect(() => {
    let live = true;
    void waitForOffice(timeoutMs).then((result) => {
      if (live) setReadiness(result);
    });
    return () => {
      live = false;
    };
  }, [timeoutMs]);

  const gateway = useMemo(() => (readiness?.kind === "ready" ? createGateway() : null), [readiness, createGateway]);

  return (
    <FluentProvider theme={THEMES[themeName]} className={styles.root}>
      {readiness === null && <Spinner className={styles.waiting} label="Connecting to Word…" />}
      {readiness !== null && readiness.kind !== "ready" && <NotReady readiness={readiness} />}
      {gateway && <App gateway={gateway} analyse={analyse} />}
    </FluentProvider>
  );
}
