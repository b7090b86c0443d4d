import { useEffect, useId, useRef, useState } from "react";
import { Button, Text, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircleFilled, CheckmarkRegular, ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import type { Finding, Location, MonitoringDocument, Severity } from "../../model";
import type { SetAsideFinding, SetAsideRecord } from "../../model/set-aside";
import {
  SEVERITIES,
  SEVERITY_NAMES,
  countBySeverity,
  describeSeverityCounts,
  groupFindings,
  type FindingGroup,
} from "../summary";
import { FindingItem } from "./FindingItem";
import { SetAsideDialog } from "./SetAsideDialog";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  filters: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  showLabel: { fontWeight: tokens.fontWeightSemibold },
  showing: { margin: 0, color: tokens.colorNeutralForeground2 },
  group: { display: "flex", flexDirection: "column" },
  groupTitle: { margin: 0, display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  counts: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  list: { margin: 0, padding: 0 },
  allClear: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, margin: 0 },
  allClearIcon: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  setAside: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  setAsideToggle: { alignSelf: "flex-start", fontWeight: tokens.fontWeightSemibold },
  setAsideItem: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
  },
  reason: { color: tokens.colorNeutralForeground2 },
  restore: { alignSelf: "flex-end" },
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Which finding was last jumped to, by the engine's order of findings (stable across re-renders). */
function findingId(finding: Finding): string {
  return JSON.stringify([finding.code, finding.recommendation ?? null, finding.round ?? null, finding.location]);
}

interface GroupProps {
  group: FindingGroup;
  onSelect: FindingsPanelProps["onSelect"];
  current: string | null;
  onWent: (finding: Finding) => void;
  onSetAside: ((finding: Finding) => void) | null;
  onSetGrade?: (finding: Finding) => void;
}

function Group({ group, onSelect, current, onWent, onSetAside, onSetGrade }: GroupProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const headingId = useId();
  return (
    <section className={styles.group}>
      <Text as="h2" size={300} weight="semibold" id={headingId} className={styles.groupTitle}>
        <span>{group.title}</span>
        <span className={styles.counts}>
          <span className={shared.visuallyHidden}>: </span>
          {describeSeverityCounts(group.counts)}
        </span>
      </Text>
      <ul className={styles.list} aria-labelledby={headingId}>
        {group.findings.map((finding, i) => (
          <FindingItem
            key={`${finding.code}-${i}`}
            finding={finding}
            onSelect={onSelect}
            current={current === findingId(finding)}
            onWent={() => onWent(finding)}
            onSetAside={onSetAside ? () => onSetAside(finding) : undefined}
            // Every fault a grade fixes is a missing-grade finding: no grade, a grade not on the scale, a grade in the
            // wrong row (one finding per fault). planSetGrade could also change a grade that is there, but no other
            // finding is fixed by that (grade-in-wrong-row wants the extra grade removed, no-explanation wants words).
            onSetGrade={onSetGrade && finding.code === "missing-grade" ? () => onSetGrade(finding) : undefined}
          />
        ))}
      </ul>
    </section>
  );
}

function SetAsideList({ entries, onRestore }: { entries: readonly SetAsideFinding[]; onRestore: (record: SetAsideRecord) => Promise<void> }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  if (entries.length === 0) return null;
  return (
    <section className={styles.setAside}>
      <Button
        ref={toggle}
        appearance="subtle"
        className={styles.setAsideToggle}
        icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        data-set-aside-toggle=""
      >
        Set aside ({entries.length})
      </Button>
      {problem && (
        <Text role="alert" size={200}>
          {problem}
        </Text>
      )}
      <ul id={listId} className={styles.list} hidden={!open} aria-label="Findings set aside">
        {entries.map(({ finding, record }, i) => (
          <li key={`${record.code}-${record.digest}-${i}`} className={styles.setAsideItem}>
            <Text>{finding.message}</Text>
            <Text size={200} className={styles.reason}>
              Set aside on <time dateTime={record.date}>{record.date}</time>: “{record.reason}”
            </Text>
            <Button
              size="small"
              className={styles.restore}
              aria-label={`Restore: ${finding.message}`}
              onClick={() => {
                onRestore(record).then(
                  () => {
                    setProblem(null);
                    toggle.current?.focus();
                  },
                  (error: unknown) => setProblem(`Not restored: ${error instanceof Error ? error.message : String(error)}`),
                );
              }}
            >
              Restore
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface FindingsPanelProps {
  /** The findings still to deal with (set-aside ones left out). */
  findings: readonly Finding[];
  document: MonitoringDocument;
  onSelect: (location: Location) => Promise<void>;
  /** Findings set aside, with their reasons. */
  setAside?: readonly SetAsideFinding[];
  /** Sets a finding aside with a reason (saved in the document); absent where that is not offered. */
  onSetAside?: (finding: Finding, reason: string) => Promise<void>;
  onRestore?: (record: SetAsideRecord) => Promise<void>;
  /** Opens the grade picker for a missing-grade finding's update (the Update tab). */
  onSetGrade?: (finding: Finding) => void;
}

export function FindingsPanel({
  findings,
  document,
  onSelect,
  setAside = [],
  onSetAside,
  onRestore,
  onSetGrade,
}: FindingsPanelProps) {
  const styles = useStyles();
  const showId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [current, setCurrent] = useState<string | null>(null);
  const [asking, setAsking] = useState<Finding | null>(null);
  // After a finding leaves the list, focus goes to the one that took its place (never to the page).
  const focusAt = useRef<number | null>(null);

  useEffect(() => {
    if (focusAt.current === null || !panel.current) return;
    const buttons = panel.current.querySelectorAll<HTMLElement>("button[data-finding]");
    const target = buttons[Math.min(focusAt.current, buttons.length - 1)] ?? panel.current.querySelector<HTMLElement>("button[data-set-aside-toggle]");
    focusAt.current = null;
    target?.focus();
  });

  const saveSetAside = async (reason: string): Promise<void> => {
    if (!asking || !onSetAside) return;
    const index = visibleIndex(asking);
    await onSetAside(asking, reason);
    focusAt.current = Math.max(0, index);
    setAsking(null);
  };

  const counts = countBySeverity(findings);
  const visible = findings.filter((f) => shown[f.severity]);
  const groups = groupFindings(visible, document);
  const ordered = groups.flatMap((group) => group.findings);
  const visibleIndex = (finding: Finding): number => ordered.indexOf(finding);

  const setAsideList = onRestore ? <SetAsideList entries={setAside} onRestore={onRestore} /> : null;
  const dialog = onSetAside ? <SetAsideDialog finding={asking} onSave={saveSetAside} onClose={() => setAsking(null)} /> : null;

  if (findings.length === 0) {
    return (
      <div ref={panel} className={styles.panel}>
        <Text as="p" className={styles.allClear}>
          <CheckmarkCircleFilled className={styles.allClearIcon} aria-hidden />
          {setAside.length === 0
            ? "No problems found: every recommendation's latest update has its evidence, grade and impact."
            : "Nothing left to deal with: every other finding has been set aside."}
        </Text>
        {setAsideList}
      </div>
    );
  }

  return (
    <div ref={panel} className={styles.panel}>
      <div role="group" aria-labelledby={showId} className={styles.filters}>
        <Text id={showId} className={styles.showLabel}>
          Show:
        </Text>
        {SEVERITIES.filter((s) => counts[s] > 0).map((severity) => (
          <ToggleButton
            key={severity}
            size="small"
            shape="circular"
            appearance={shown[severity] ? "primary" : "outline"}
            checked={shown[severity]}
            icon={shown[severity] ? <CheckmarkRegular /> : undefined}
            onClick={() => setShown({ ...shown, [severity]: !shown[severity] })}
          >
            {capitalise(SEVERITY_NAMES[severity].many)} ({counts[severity]})
          </ToggleButton>
        ))}
      </div>
      {visible.length < findings.length && (
        <Text as="p" size={200} className={styles.showing}>
          Showing {visible.length} of {findings.length} findings.
        </Text>
      )}
      {groups.length === 0 ? (
        <Text as="p">No findings to show. Turn a severity back on to see its findings.</Text>
      ) : (
        groups.map((group) => (
          <Group
            key={group.title}
            group={group}
            onSelect={onSelect}
            current={current}
            onWent={(finding) => setCurrent(findingId(finding))}
            onSetAside={onSetAside ? setAsking : null}
            onSetGrade={onSetGrade}
          />
        ))
      )}
      {setAsideList}
      {dialog}
    </div>
  );
}
