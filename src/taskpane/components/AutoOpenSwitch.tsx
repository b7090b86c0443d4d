import { useState } from "react";
import { Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { WordGateway } from "../../word/gateway-types";
import { failureMessage } from "../useCheck";

const useStyles = makeStyles({
  settings: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  failed: { color: tokens.colorStatusDangerForeground1 },
});

/** Office.AutoShowTaskpaneWithDocument, through the gateway: the pane opens whenever this document does. */
export function AutoOpenSwitch({ gateway }: { gateway: WordGateway }) {
  const styles = useStyles();
  const [on, setOn] = useState(() => gateway.getAutoOpen());
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const change = async (wanted: boolean): Promise<void> => {
    if (saving) return;
    setSaving(true);
    setOn(wanted);
    try {
      await gateway.setAutoOpen(wanted);
      setProblem(null);
    } catch (error) {
      setOn(!wanted);
      setProblem(failureMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className={styles.settings}>
      <Text as="h2" size={300} weight="semibold" id="settings-heading" className={styles.heading}>
        Settings
      </Text>
      <Switch
        label="Open with this document"
        checked={on}
        // Not disabled while saving: a disabled control drops the keyboard focus to the page.
        aria-busy={saving}
        onChange={(_event, data) => void change(data.checked)}
      />
      <Text size={200} className={styles.hint}>
        When on, this pane opens by itself whenever anyone opens this document in Word.
      </Text>
      {problem && (
        <Text role="alert" size={200} className={styles.failed}>
          The setting was not saved: {problem}
        </Text>
      )}
    </section>
  );
}
