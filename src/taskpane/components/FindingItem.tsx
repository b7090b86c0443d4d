import { useState } from "react";
import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircleFilled, InfoFilled, WarningFilled } from "@fluentui/react-icons";
import type { Finding, Location, Severity } from "../../model";
import { failureMessage } from "../useCheck";

/** Where to go when a finding has nowhere better: the start of the document. */
const START: Location = { kind: "paragraph", paragraph: 0 };

export const SEVERITY_WORDS: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Note" };

const useStyles = makeStyles({
  item: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
  },
  // The finding last jumped to: a bar that stays while the officer works in the document (a tint
  // behind the text would take its contrast away in high contrast, where "selected" is the highlight colour).
  current: { borderLeftColor: tokens.colorCompoundBrandStroke },
  button: {
    width: "100%",
    minHeight: "auto",
    justifyContent: "flex-start",
    alignItems: "flex-start",
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  // The word carries the meaning; it keeps the button's own text colour, which Fluent keeps readable
  // in every theme and state (a status colour here fell to 3.35:1 hovered in dark, 1.46:1 in high contrast).
  severity: { fontWeight: tokens.fontWeightSemibold },
  // The icon sits on its own disc of the pane's background, so it keeps its severity colour whatever the row's
  // state (hovered, pressed, focused, current) and in every theme: in high contrast the row's highlight is
  // cyan and every status colour is white, so without the disc a white icon would sit on cyan.
  iconPlate: {
    display: "inline-flex",
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // On that disc each is at least 5:1 in light and dark (21:1 in high contrast), past the 3:1 an icon needs;
  // colorStatusDangerForeground1 was 4.16:1 in dark, and 3.36:1 on the hovered row.
  errorIcon: { color: tokens.colorStatusDangerForeground3 },
  warningIcon: { color: tokens.colorStatusWarningForeground1 },
  infoIcon: { color: tokens.colorBrandForeground1 },
  actions: { display: "flex", justifyContent: "flex-end", paddingRight: tokens.spacingHorizontalXS },
  failed: {
    display: "block",
    color: tokens.colorStatusDangerForeground1,
    paddingLeft: tokens.spacingHorizontalXXL,
    paddingBottom: tokens.spacingVerticalXS,
  },
});

/** "July 2021 update", or "Update 2" for an undated one. */
export function updateName(round: string): string {
  return /^Update \d+$/.test(round) ? round : `${round} update`;
}

/** Ends the message with a full stop if it has none. */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  const Icon = severity === "error" ? ErrorCircleFilled : severity === "warning" ? WarningFilled : InfoFilled;
  return (
    <span className={styles.iconPlate}>
      <Icon className={mergeClasses("finding-icon", styles[`${severity}Icon`])} aria-hidden />
    </span>
  );
}

/** What a finding says under its recommendation's heading: "Error, July 2021 update: The grade is…". */
export function FindingText({ finding }: { finding: Finding }) {
  const styles = useStyles();
  return (
    <span>
      <span className={styles.severity}>{SEVERITY_WORDS[finding.severity]}</span>
      {finding.round !== undefined && finding.recommendation !== undefined && <span>, {updateName(finding.round)}</span>}
      {": "}
      {/* The short form, without "Recommendation N (…)": the heading above says it. */}
      {finding.detail ?? finding.message}
    </span>
  );
}

export interface FindingItemProps {
  finding: Finding;
  onSelect: (location: Location) => Promise<void>;
  /** This is the finding last jumped to. */
  current?: boolean;
  /** Called once the officer has been taken to the finding. */
  onWent?: () => void;
  /** Opens "Set aside…" for this finding; absent where setting aside is not offered. */
  onSetAside?: () => void;
  /** Opens the grade picker for this finding's update (missing-grade findings). */
  onSetGrade?: () => void;
}

/** One finding: a button that takes the officer to its place in the document (click, Enter or Space). */
export function FindingItem({ finding, onSelect, current = false, onWent, onSetAside, onSetGrade }: FindingItemProps) {
  const styles = useStyles();
  const [problem, setProblem] = useState<string | null>(null);

  const go = async (): Promise<void> => {
    try {
      await onSelect(finding.location ?? START);
      setProblem(null);
      onWent?.();
    } catch (error) {
      setProblem(failureMessage(error));
    }
  };

  return (
    <li className={mergeClasses(styles.item, current && styles.current)}>
      <Button
        appearance="subtle"
        className={styles.button}
        icon={<SeverityIcon severity={finding.severity} />}
        aria-current={current ? "true" : undefined}
        data-finding=""
        onClick={() => void go()}
        onKeyDown={(event) => {
          // Handled here (not left to the browser's click-on-Enter) so Enter works the same in every
          // Office webview; preventDefault stops the browser sending a second, synthetic click.
          if (event.key !== "Enter" || event.repeat) return;
          event.preventDefault();
          void go();
        }}
      >
        <FindingText finding={finding} />
      </Button>
      {(onSetAside || onSetGrade) && (
        <div className={styles.actions}>
          {onSetGrade && (
            <Button size="small" appearance="transparent" onClick={onSetGrade} aria-label={`Set grade… ${finding.message}`}>
              Set grade…
            </Button>
          )}
          {onSetAside && (
            <Button size="small" appearance="transparent" onClick={onSetAside} aria-label={`Set aside… ${finding.message}`}>
              Set aside…
            </Button>
          )}
        </div>
      )}
      {problem && (
        <Text role="alert" size={200} className={styles.failed}>
          Could not go to this place. {sentence(problem)}
        </Text>
      )}
    </li>
  );
}
