import { useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircleFilled, InfoFilled, WarningFilled } from "@fluentui/react-icons";
import type { Finding, Location, Severity } from "../../model";
import { failureMessage } from "../useCheck";

/** Where to go when a finding has nowhere better: the start of the document. */
const START: Location = { kind: "paragraph", paragraph: 0 };

const SEVERITY_WORDS: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Note" };

const useStyles = makeStyles({
  item: { listStyleType: "none" },
  button: {
    width: "100%",
    minHeight: "auto",
    justifyContent: "flex-start",
    alignItems: "flex-start",
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  // Text colours meant for text (contrast ≥ 4.5:1 in light and dark); the word itself carries the meaning.
  error: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorStatusWarningForeground1, fontWeight: tokens.fontWeightSemibold },
  info: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  errorIcon: { color: tokens.colorStatusDangerForeground1 },
  warningIcon: { color: tokens.colorStatusWarningForeground3 },
  infoIcon: { color: tokens.colorBrandForeground1 },
  update: { fontWeight: tokens.fontWeightSemibold },
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
  return <Icon className={styles[`${severity}Icon`]} aria-hidden />;
}

export interface FindingItemProps {
  finding: Finding;
  onSelect: (location: Location) => Promise<void>;
}

/** One finding: a button that takes the officer to its place in the document (click, Enter or Space). */
export function FindingItem({ finding, onSelect }: FindingItemProps) {
  const styles = useStyles();
  const [problem, setProblem] = useState<string | null>(null);

  const go = async (): Promise<void> => {
    try {
      await onSelect(finding.location ?? START);
      setProblem(null);
    } catch (error) {
      setProblem(failureMessage(error));
    }
  };

  return (
    <li className={styles.item}>
      <Button
        appearance="subtle"
        className={styles.button}
        icon={<SeverityIcon severity={finding.severity} />}
        onClick={() => void go()}
        onKeyDown={(event) => {
          // Handled here (not left to the browser's click-on-Enter) so Enter works the same in every
          // Office webview; preventDefault stops the browser sending a second, synthetic click.
          if (event.key !== "Enter" || event.repeat) return;
          event.preventDefault();
          void go();
        }}
      >
        <span>
          <span className={styles[finding.severity]}>{SEVERITY_WORDS[finding.severity]}</span>
          {finding.round !== undefined && finding.recommendation !== undefined && (
            <span className={styles.update}>, {updateName(finding.round)}</span>
          )}
          {": "}
          {/* Under its recommendation's heading: the short form, without "Recommendation N (…)". */}
          {finding.detail ?? finding.message}
        </span>
      </Button>
      {problem && (
        <Text role="alert" size={200} className={styles.failed}>
          Could not go to this place. {sentence(problem)}
        </Text>
      )}
    </li>
  );
}
