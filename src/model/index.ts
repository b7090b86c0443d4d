import { parse } from "./parse";
import { check } from "./check";
import { totals } from "./totals";

export * from "./types";
export * from "./snapshot";
export { parse, check, totals };
export { analyse, isMonitoringDocument, type Analysis } from "./analyse";
export * from "./plan";
export {
  planAddRound,
  addedRoundRecord,
  readAddedRoundRecord,
  monthProblem,
  ADDED_ROUND_SETTING,
  type AddRoundIntent,
  type AddedRoundRecord,
} from "./edit-add-round";
export { planRemoveRound, type RemoveRoundIntent } from "./edit-remove-round";
export { planSetGrade, type SetGradeIntent } from "./edit-set-grade";
export { planChooseItem } from "./edit-choose-item";
export { planReplaceParagraphText, samePlace, type ParagraphPlace } from "./edit-type-text";
export { planSummary, summaryPlaceAt, type SummaryIntent } from "./edit-summary";
export { planAddComments, planRemoveComments } from "./edit-comments";
export { applyPlanToSnapshot } from "./edit-apply";
export { recommendationAt, locationOfParagraph } from "./edit-locate";
export { gradeWording } from "./grade-wording";
