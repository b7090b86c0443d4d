import type { ReactNode } from "react";
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkCircleFilled } from "@fluentui/react-icons";
import type { Analysis } from "../../model";
import type { DocumentSnapshot } from "../../model/snapshot";
import type { WordGateway } from "../../word/gateway-types";
import type { Planners } from "./planners";
import type { WriteRequest, WriteState } from "./useWrite";

/** What every part of the Update panel is given. */
export interface SectionProps {
  gateway: WordGateway;
  snapshot: DocumentSnapshot;
  analysis: Analysis;
  planners: Planners;
  /** True while anything is being written or checked: every control is disabled. */
  busy: boolean;
  state: WriteState;
  write: (request: WriteRequest) => Promise<void>;
  now: () => Date;
}

export const useSectionStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  paragraph: { margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  preview: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    listStyleType: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  problem: { margin: 0, color: tokens.colorStatusWarningForeground1 },
  done: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS, margin: 0 },
  doneIcon: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, marginTop: "2px" },
});

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = useSectionStyles();
  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <Text as="h2" size={300} weight="semibold" id={`${id}-heading`} className={styles.heading}>
        {title}
      </Text>
      {children}
    </section>
  );
}

const TITLES = {
  refused: "Nothing was written",
  changed: "The document changed",
  failed: "The change was not made",
} as const;

/**
 * The outcome of the last write, shown beside the part of the panel that asked for it: a spinner while
 * writing, the one-line result, or the one MessageBar with the planner's or Word's message.
 */
export function WriteStatus({ state, source, children }: { state: WriteState; source: string; children?: ReactNode }) {
  const styles = useSectionStyles();
  if (state.status === "idle" || state.source !== source) return null;
  if (state.status === "writing") return <Spinner size="tiny" labelPosition="after" label={state.label} />;
  if (state.status === "done") {
    return (
      <>
        <Text as="p" className={styles.done}>
          <CheckmarkCircleFilled className={styles.doneIcon} aria-hidden />
          <span>{state.message}</span>
        </Text>
        {state.warning && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{state.warning}</MessageBarBody>
          </MessageBar>
        )}
        {children}
      </>
    );
  }
  return (
    <MessageBar intent={state.status === "refused" ? "warning" : "error"} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{TITLES[state.status]}</MessageBarTitle>
        {state.message}
      </MessageBarBody>
    </MessageBar>
  );
}
