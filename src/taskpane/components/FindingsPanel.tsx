import { useId, useState } from "react";
import { Text, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircleFilled, CheckmarkRegular } from "@fluentui/react-icons";
import type { Finding, Location, MonitoringDocument, Severity } from "../../model";
import {
  SEVERITIES,
  SEVERITY_NAMES,
  countBySeverity,
  describeSeverityCounts,
  groupFindings,
  type FindingGroup,
} from "../summary";
import { FindingItem } from "./FindingItem";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  filters: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  showLabel: { fontWeight: tokens.fontWeightSemibold },
  showing: { margin: 0, color: tokens.colorNeutralForeground2 },
  group: { display: "flex", flexDirection: "column" },
  groupTitle: { margin: 0, display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  counts: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  list: { margin: 0, padding: 0 },
  allClear: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, margin: 0 },
  allClearIcon: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function Group({ group, onSelect }: { group: FindingGroup; onSelect: FindingsPanelProps["onSelect"] }) {
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
          <FindingItem key={`${finding.code}-${i}`} finding={finding} onSelect={onSelect} />
        ))}
      </ul>
    </section>
  );
}

export interface FindingsPanelProps {
  findings: readonly Finding[];
  document: MonitoringDocument;
  onSelect: (location: Location) => Promise<void>;
}

export function FindingsPanel({ findings, document, onSelect }: FindingsPanelProps) {
  const styles = useStyles();
  const showId = useId();
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });

  if (findings.length === 0) {
    return (
      <Text as="p" className={styles.allClear}>
        <CheckmarkCircleFilled className={styles.allClearIcon} aria-hidden />
        No problems found: every recommendation&apos;s latest update has its evidence, grade and impact.
      </Text>
    );
  }

  const counts = countBySeverity(findings);
  const visible = findings.filter((f) => shown[f.severity]);
  const groups = groupFindings(visible, document);

  return (
    <div className={styles.panel}>
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
        groups.map((group) => <Group key={group.title} group={group} onSelect={onSelect} />)
      )}
    </div>
  );
}
