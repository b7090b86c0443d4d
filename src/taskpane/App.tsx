import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Analysis, Location } from "../model";
import type { WordGateway } from "../word/gateway-types";
import { AutoOpenSwitch } from "./components/AutoOpenSwitch";
import { CheckFailed, Intro, NotMonitoringDocument } from "./components/EmptyStates";
import { Header } from "./components/Header";
import { useSharedStyles } from "./components/styles";
import { gradeTargetOf, type GradeTarget } from "./update/grade-target";
import { FindingsPanel, Tab, TabList, TotalsPanel, UpdatePanel, preloadPanels } from "./lazy-panels";
import { checkAnnouncement, latestUpdateNote, reviewName, statusLine } from "./summary";
import { useCheck, type Analyse, type CheckState } from "./useCheck";
import { useSetAside } from "./useSetAside";
import { partitionFindings } from "../model/set-aside";

const useStyles = makeStyles({
  app: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  results: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, flexGrow: 1 },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
});

type View = "findings" | "totals" | "update";


/** What a screen reader hears: progress while checking, then the result (counting the findings still shown). */
function announcement(state: CheckState, shown: Analysis | null): string {
  switch (state.status) {
    case "idle":
      return "";
    case "checking":
      return "Checking…";
    case "done":
      return checkAnnouncement(shown ?? state.last.analysis);
    case "error":
      return `Check failed: ${state.message}`;
  }
}

export interface AppProps {
  gateway: WordGateway;
  /** The engine; tests and the preview may pass their own. */
  analyse?: Analyse;
}

export function App({ gateway, analyse }: AppProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { state, check } = useCheck(gateway, analyse);
  const [view, setView] = useState<View>("findings");
  const [gradeStart, setGradeStart] = useState<GradeTarget | null>(null);
  const ids = useId();
  const select = useCallback((location: Location) => gateway.select(location), [gateway]);
  useEffect(preloadPanels, []);

  const last = state.status === "idle" ? null : state.last;
  const analysis = last?.analysis ?? null;
  const checking = state.status === "checking";
  const setAside = useSetAside(gateway);
  // Set-aside findings leave the list and every count; they are listed under "Set aside (N)".
  const partition = useMemo(
    () => (analysis ? partitionFindings(analysis.findings, setAside.records, analysis.document) : null),
    [analysis, setAside.records],
  );
  const counted = analysis && partition ? { ...analysis, findings: partition.shown } : null;

  return (
    <main className={styles.app}>
      <Header
        reviewName={analysis ? reviewName(analysis.document) : null}
        status={counted?.recognised ? statusLine(counted) : null}
        note={analysis?.recognised ? latestUpdateNote(analysis) : null}
        checking={checking}
        checkedAt={last?.checkedAt ?? null}
        onCheck={() => void check()}
      />
      <div role="status" className={shared.visuallyHidden}>
        {announcement(state, counted)}
      </div>
      {state.status === "error" && <CheckFailed message={state.message} />}
      <div className={styles.results} aria-busy={checking}>
        {!analysis && <Intro />}
        {analysis && !analysis.recognised && <NotMonitoringDocument />}
        {analysis && analysis.recognised && (
          <>
            <TabList
              className={styles.tabs}
              selectedValue={view}
              onTabSelect={(_event, data) => {
                setGradeStart(null);
                setView(data.value as View);
              }}
              aria-label="Results"
            >
              <Tab value="findings" id={`${ids}-tab-findings`} aria-controls={view === "findings" ? `${ids}-panel` : undefined}>
                Findings ({partition?.shown.length ?? 0})
              </Tab>
              <Tab value="totals" id={`${ids}-tab-totals`} aria-controls={view === "totals" ? `${ids}-panel` : undefined}>
                Totals
              </Tab>
              <Tab value="update" id={`${ids}-tab-update`} aria-controls={view === "update" ? `${ids}-panel` : undefined}>
                Update
              </Tab>
            </TabList>
            <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={`${ids}-tab-${view}`}>
              {view === "findings" && (
                <FindingsPanel
                  findings={partition?.shown ?? []}
                  document={analysis.document}
                  onSelect={select}
                  setAside={partition?.setAside ?? []}
                  onSetAside={(finding, reason) => setAside.setAside(finding, analysis.document, reason)}
                  onRestore={setAside.restore}
                  onSetGrade={(finding) => {
                    setGradeStart(gradeTargetOf(finding, analysis.document));
                    setView("update");
                  }}
                />
              )}
              {view === "totals" && <TotalsPanel totals={analysis.totals} gradeNames={analysis.document.gradeNames} />}
              {view === "update" && last && (
                <UpdatePanel
                  gateway={gateway}
                  snapshot={last.snapshot}
                  analysis={analysis}
                  recheck={check}
                  checking={checking}
                  onShowFindings={() => setView("findings")}
                  gradeStart={gradeStart}
                  setAside={setAside.records}
                />
              )}
            </div>
          </>
        )}
      </div>
      <AutoOpenSwitch gateway={gateway} />
    </main>
  );
}
