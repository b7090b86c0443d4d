import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSyncRegular, DocumentSearchRegular } from "@fluentui/react-icons";
import { clockTime } from "../words";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // Re-check stays in view while the officer works down a long list.
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingTop: tokens.spacingVerticalS,
  },
  title: { margin: 0, overflowWrap: "anywhere" },
  status: { margin: 0 },
  actions: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  when: { color: tokens.colorNeutralForeground3 },
});

export interface HeaderProps {
  /** The review's name, or null before a check (or when the document has none). */
  reviewName: string | null;
  status: string | null;
  /** Which update "latest" means, when recommendations' latest updates differ. */
  note?: string | null;
  checking: boolean;
  checkedAt: Date | null;
  onCheck: () => void;
}

export function Header({ reviewName, status, note, checking, checkedAt, onCheck }: HeaderProps) {
  const styles = useStyles();
  const label = checking ? "Checking…" : checkedAt ? "Re-check" : "Check document";
  return (
    <header className={styles.header}>
      <Text as="h1" size={500} weight="semibold" className={styles.title}>
        {reviewName ?? "Scrutiny monitoring check"}
      </Text>
      {status && (
        <Text as="p" className={styles.status}>
          {status}
        </Text>
      )}
      {note && (
        <Text as="p" size={200} className={styles.status}>
          {note}
        </Text>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={
            checking ? (
              <Spinner size="extra-tiny" appearance="inverted" />
            ) : checkedAt ? (
              <ArrowSyncRegular />
            ) : (
              <DocumentSearchRegular />
            )
          }
          disabledFocusable={checking}
          onClick={onCheck}
        >
          {label}
        </Button>
        {checkedAt && (
          <Text size={200} className={styles.when}>
            Last checked at <time dateTime={checkedAt.toISOString()}>{clockTime(checkedAt)}</time>
          </Text>
        )}
      </div>
    </header>
  );
}
