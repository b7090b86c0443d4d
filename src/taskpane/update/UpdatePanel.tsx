import { makeStyles, tokens } from "@fluentui/react-components";
import type { Analysis } from "../../model";
import type { SetAsideRecord } from "../../model/set-aside";
import type { DocumentSnapshot } from "../../model/snapshot";
import type { WordGateway } from "../../word/gateway-types";
import { useSharedStyles } from "../components/styles";
import { AddUpdate } from "./AddUpdate";
import { GradeSummary } from "./GradeSummary";
import type { GradeTarget } from "./grade-target";
import { GradeUpdate } from "./GradeUpdate";
import { PLANNERS, type Planners } from "./planners";
import { RemoveUpdate } from "./RemoveUpdate";
import { ReviewComments } from "./ReviewComments";
import type { SectionProps } from "./section";
import { useWrite, type WriteState } from "./useWrite";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

const systemClock = (): Date => new Date();
const NONE_SET_ASIDE: readonly SetAsideRecord[] = [];

/** What a screen reader hears when a write ends (the same words the eye reads beside the button). */
function announcement(state: WriteState): string {
  switch (state.status) {
    case "idle":
      return "";
    case "writing":
      return state.label;
    case "done":
      return state.warning ? `${state.message}. ${state.warning}` : state.message;
    default:
      return state.message;
  }
}

export interface UpdatePanelProps {
  gateway: WordGateway;
  /** The last check: its snapshot is what every plan is made from. */
  snapshot: DocumentSnapshot;
  analysis: Analysis;
  /** Re-checks the document (after every write, and when the document changed under a write). */
  recheck: () => Promise<void>;
  /** A check is running: nothing may be written meanwhile. */
  checking: boolean;
  onShowFindings: () => void;
  /** Opened from a finding's "Set grade…": the grade picker starts on that update. */
  gradeStart?: GradeTarget | null;
  /** The findings set aside in the document: review comments leave them out. */
  setAside?: readonly SetAsideRecord[];
  planners?: Planners;
  now?: () => Date;
}

/** The Update tab: every write the pane makes, one at a time, each re-checked afterwards. */
export function UpdatePanel({
  gateway,
  snapshot,
  analysis,
  recheck,
  checking,
  onShowFindings,
  gradeStart = null,
  setAside = NONE_SET_ASIDE,
  planners = PLANNERS,
  now = systemClock,
}: UpdatePanelProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { state, write } = useWrite(gateway, recheck);
  const busy = checking || state.status === "writing";
  const props: SectionProps = { gateway, snapshot, analysis, planners, busy, state, write, now };
  return (
    <div className={styles.panel} aria-busy={busy}>
      <div aria-live="polite" className={shared.visuallyHidden}>
        {announcement(state)}
      </div>
      <AddUpdate {...props} onShowFindings={onShowFindings} />
      <RemoveUpdate {...props} />
      <GradeUpdate
        {...props}
        key={gradeStart ? `${gradeStart.recommendation}:${gradeStart.round}` : "grade"}
        start={gradeStart}
      />
      <GradeSummary {...props} />
      <ReviewComments {...props} setAside={setAside} />
    </div>
  );
}
