import { useId, useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Finding } from "../../model";
import { failureMessage } from "../useCheck";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  finding: { margin: 0 },
});

export interface SetAsideDialogProps {
  /** The finding being set aside, or null when the dialog is closed. */
  finding: Finding | null;
  onSave: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** Asks why a finding is set aside: a reason is required, and is kept in the document with the date. */
export function SetAsideDialog({ finding, onSave, onClose }: SetAsideDialogProps) {
  const styles = useStyles();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formId = useId();

  const close = (): void => {
    setReason("");
    setProblem(null);
    onClose();
  };

  const submit = async (): Promise<void> => {
    if (reason.trim() === "") {
      setProblem("Say why this finding is set aside: the reason is kept in the document for whoever reads it next.");
      return;
    }
    setSaving(true);
    try {
      await onSave(reason.trim());
      setReason("");
      setProblem(null);
    } catch (error) {
      setProblem(`It was not set aside: ${failureMessage(error)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open={finding !== null} onOpenChange={(_event, data) => !data.open && close()} modalType="modal">
      <DialogSurface aria-describedby={`${formId}-finding`}>
        <form
          id={formId}
          // Our own message says what is wanted, in the dialog, in every browser.
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <DialogBody>
            <DialogTitle>Set this finding aside</DialogTitle>
            <DialogContent className={styles.content}>
              <Text as="p" id={`${formId}-finding`} className={styles.finding}>
                {finding?.message}
              </Text>
              <Field
                label="Reason (required)"
                required
                validationState={problem ? "error" : "none"}
                validationMessage={problem ?? undefined}
                hint="Kept in the document with today's date. The finding comes back by itself if what it is about changes."
              >
                <Textarea value={reason} onChange={(_event, data) => setReason(data.value)} resize="vertical" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabledFocusable={saving}>
                {saving ? "Saving…" : "Set aside"}
              </Button>
              <Button appearance="secondary" onClick={close}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
