import { analyse } from "../../src/model";
import {
  findingDigest,
  partitionFindings,
  readSetAsideRecords,
  setAsideRecord,
  withSetAside,
  withoutSetAside,
} from "../../src/model/set-aside";
import { readRealDocument, realSnapshot, snapshotFromText } from "../helpers/text-snapshot";

const careers = analyse(realSnapshot("careersProvision"));
const careLeavers = analyse(realSnapshot("careLeaversEet"));
const asAbove = careers.findings.find((finding) => finding.code === "as-above");
const copied = careLeavers.findings.find((finding) => finding.code === "copied-impact");

describe("setting a finding aside", () => {
  it("records the code, recommendation, update, a digest of its text, the reason and the date", () => {
    expect(asAbove).toBeDefined();
    const record = setAsideRecord(asAbove!, careers.document, "  Members agreed “As above” refers to recommendation 5.  ", "2026-12-02");
    expect(record).toEqual({
      code: "as-above",
      recommendation: "6",
      update: "July 2021",
      digest: findingDigest(asAbove!, careers.document),
      reason: "Members agreed “As above” refers to recommendation 5.",
      date: "2026-12-02",
    });
  });

  it("wants a reason", () => {
    expect(() => setAsideRecord(asAbove!, careers.document, "   ", "2026-12-02")).toThrow(/reason/);
  });

  it("takes the finding out of the list, and restoring puts it back", () => {
    const records = withSetAside([], setAsideRecord(copied!, careLeavers.document, "Both teams share this impact.", "2026-12-02"));
    const parted = partitionFindings(careLeavers.findings, records, careLeavers.document);
    expect(parted.shown).toEqual(careLeavers.findings.filter((finding) => finding !== copied));
    expect(parted.setAside).toEqual([{ finding: copied, record: records[0] }]);
    expect(partitionFindings(careLeavers.findings, withoutSetAside(records, records[0]), careLeavers.document).shown).toEqual(
      careLeavers.findings,
    );
  });

  it("setting the same finding aside again replaces its record", () => {
    const first = setAsideRecord(copied!, careLeavers.document, "First reason.", "2026-12-01");
    const second = setAsideRecord(copied!, careLeavers.document, "Second reason.", "2026-12-02");
    expect(withSetAside([first], second)).toEqual([second]);
  });

  it("brings the finding back by itself when the text it is about changes, not when it only moves", () => {
    const text = readRealDocument("careLeaversEet");
    const records = [setAsideRecord(copied!, careLeavers.document, "Shared impact.", "2026-12-02")];

    // The same words a paragraph further down the document: still set aside.
    const moved = analyse(snapshotFromText(`\n${text}`));
    expect(partitionFindings(moved.findings, records, moved.document).setAside).toHaveLength(1);

    // Recommendation 7's September 2022 impact edited, but still the same as recommendation 2's: it comes back.
    const shared = "The review and recruitment is now complete and we have a new team who are keen to embed this work.";
    const edited = analyse(snapshotFromText(text.split(shared).join(shared.replace("keen", "eager"))));
    const again = edited.findings.filter((finding) => finding.code === "copied-impact");
    expect(again).toHaveLength(1);
    expect(partitionFindings(edited.findings, records, edited.document).setAside).toEqual([]);
  });

  it("reads stored records leniently: JSON text or the value itself, malformed entries skipped", () => {
    const record = setAsideRecord(asAbove!, careers.document, "Agreed.", "2026-12-02");
    expect(readSetAsideRecords([record])).toEqual([record]);
    expect(readSetAsideRecords(JSON.stringify([record, { code: 3 }, null, { ...record, reason: " " }]))).toEqual([record]);
    expect(readSetAsideRecords("not json")).toEqual([]);
    expect(readSetAsideRecords(null)).toEqual([]);
    expect(readSetAsideRecords({ code: "as-above" })).toEqual([]);
  });
});
