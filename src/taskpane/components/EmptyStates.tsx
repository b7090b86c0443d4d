import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  intro: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  paragraph: { margin: 0 },
});

/** Before the first check: what the add-in does. The Check button sits just above, in the header. */
export function Intro() {
  const styles = useStyles();
  return (
    <div className={styles.intro}>
      <Text as="p" className={styles.paragraph}>
        Check reads this Scrutiny Monitoring progress update and lists what needs putting right before it goes
        to committee: a latest update with no evidence of progress, no grade from 1 to 4 or no evidence of impact,
        a grade in the wrong row, and dates that do not match.
      </Text>
      <Text as="p" className={styles.paragraph}>
        Select a finding to go to its place in the document, put it right, then choose Re-check. The Totals tab
        adds up the grades for you.
      </Text>
    </div>
  );
}

/** After a check of a document that is not a monitoring document at all. */
export function NotMonitoringDocument() {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Not a progress update</MessageBarTitle>
        This doesn&apos;t look like a Scrutiny Monitoring – Progress Update document: there is no
        &ldquo;Review:&rdquo; row and no &ldquo;Recommendation 1:&rdquo; style headings. Open the progress update
        document, then choose Re-check.
      </MessageBarBody>
    </MessageBar>
  );
}

/** The one place a failed check is reported. */
export function CheckFailed({ message }: { message: string }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>The check did not finish</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
