import { readDocx } from "../../src/docx";
import { docxFromSnapshot } from "../fixtures/docx-builder";
import { realSnapshot } from "../helpers/text-snapshot";

test.each(["careersProvision", "careLeaversEet"] as const)("%s round trip", async (name) => {
  const snapshot = realSnapshot(name);
  expect(await readDocx(await docxFromSnapshot(snapshot))).toEqual(snapshot);
});
