import { ADDED_ROUND_SETTING, addedRoundRecord, readAddedRoundRecord, type AddedRoundRecord, type Plan } from "../../model";
import type { WordGateway } from "../../word/gateway-types";

/** The last update added, as the document's settings remember it (so Remove survives closing the pane). */
export async function readLastAdded(gateway: WordGateway): Promise<AddedRoundRecord | null> {
  return readAddedRoundRecord(await gateway.readSetting(ADDED_ROUND_SETTING));
}

/** Remembers what an Add wrote, in the document's settings. */
export async function rememberAdded(gateway: WordGateway, plan: Plan, now: Date): Promise<void> {
  const record = addedRoundRecord(plan, now);
  if (record) await gateway.saveSetting(ADDED_ROUND_SETTING, record);
}

/** Forgets it, once removed. */
export function forgetAdded(gateway: WordGateway): Promise<void> {
  return gateway.saveSetting(ADDED_ROUND_SETTING, null);
}
