import { useCallback, useState } from "react";
import type { Finding, MonitoringDocument } from "../model";
import {
  SET_ASIDE_SETTING,
  readSetAsideRecords,
  setAsideRecord,
  withSetAside,
  withoutSetAside,
  type SetAsideRecord,
} from "../model/set-aside";
import type { WordGateway } from "../word/gateway-types";

/** Today as YYYY-MM-DD, in the officer's own calendar. */
export function isoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface SetAside {
  records: readonly SetAsideRecord[];
  /** Sets the finding aside with the reason, saved in the document; rejects (saving nothing) when Word cannot save. */
  setAside(finding: Finding, document: MonitoringDocument, reason: string): Promise<void>;
  restore(record: SetAsideRecord): Promise<void>;
}

/** The document's set-aside records, read from its settings once and saved back on every change. */
export function useSetAside(gateway: WordGateway, now: () => Date = () => new Date()): SetAside {
  const [records, setRecords] = useState<readonly SetAsideRecord[]>(() =>
    readSetAsideRecords(gateway.readSetting(SET_ASIDE_SETTING)),
  );

  const save = useCallback(
    async (next: SetAsideRecord[]) => {
      await gateway.saveSetting(SET_ASIDE_SETTING, next);
      setRecords(next);
    },
    [gateway],
  );

  const setAside = useCallback(
    (finding: Finding, document: MonitoringDocument, reason: string) =>
      save(withSetAside(records, setAsideRecord(finding, document, reason, isoDate(now())))),
    [records, save, now],
  );
  const restore = useCallback((record: SetAsideRecord) => save(withoutSetAside(records, record)), [records, save]);

  return { records, setAside, restore };
}
