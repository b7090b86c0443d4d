import type { Month } from "../../model/types";
import type { WordGateway } from "../../word/gateway-types";

/**
 * The document setting that remembers the last update added (its month and recommendations), so that
 * "Remove the update just added" still works after the pane, or the document, has been closed.
 */
export const LAST_ADDED_SETTING = "scrutiny-monitoring:last-added-update";

export interface LastAdded {
  month: Month;
  recommendations: string[];
}

/** The saved record, or null when there is none or it is not one we wrote (settings are plain JSON). */
export function asLastAdded(value: unknown): LastAdded | null {
  if (typeof value !== "object" || value === null) return null;
  const { month, recommendations } = value as Record<string, unknown>;
  if (typeof month !== "string" || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return null;
  if (!Array.isArray(recommendations) || !recommendations.every((r) => typeof r === "string")) return null;
  if (recommendations.length === 0) return null;
  return { month, recommendations: [...recommendations] };
}

export async function readLastAdded(gateway: WordGateway): Promise<LastAdded | null> {
  return asLastAdded(await gateway.readSetting(LAST_ADDED_SETTING));
}

export function saveLastAdded(gateway: WordGateway, record: LastAdded | null): Promise<void> {
  return gateway.saveSetting(LAST_ADDED_SETTING, record);
}
