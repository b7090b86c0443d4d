/**
 * The streaming reader gives exactly the snapshot the tree-building (fast-xml-parser) reader gave, on
 * every committed fixture (layouts, variants, the LibreOffice re-saves) and on generated documents.
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { readDocx } from "../../src/docx";
import { readMainDocument } from "../../src/docx/package";
import { openZip } from "../../src/docx/zip";
import type { DocumentSnapshot } from "../../src/model/snapshot";
import { docxFromSnapshot } from "../fixtures/docx-builder";
import { largeSnapshot } from "../fixtures/large";
import { LAYOUTS, layout, type LayoutName } from "../fixtures/layouts";
import { syntheticSnapshot } from "../helpers/synthetic";
import { realSnapshot } from "../helpers/text-snapshot";
import { snapshotFromDocumentXml as oldSnapshot } from "./old-reader/ooxml";
import { parseXml } from "./old-reader/xml";

jest.setTimeout(120_000);

const DIR = join(__dirname, "../fixtures/docx");

async function oldReader(bytes: Uint8Array): Promise<DocumentSnapshot> {
  return oldSnapshot(parseXml(await readMainDocument(await openZip(bytes))));
}

function fixtureFiles(): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(DIR, { withFileTypes: true })) {
    if (entry.isDirectory()) for (const inner of readdirSync(join(DIR, entry.name))) files.push(join(entry.name, inner));
    else if (!entry.name.startsWith("broken-")) files.push(entry.name);
  }
  return files.filter((file) => file.endsWith(".docx"));
}

describe("the streaming reader reads as the tree reader did", () => {
  it.each(fixtureFiles())("%s", async (file) => {
    const bytes = readFileSync(join(DIR, file));
    expect(await readDocx(bytes)).toEqual(await oldReader(bytes));
  });

  const generated: [string, () => DocumentSnapshot][] = [
    ...(Object.keys(LAYOUTS) as LayoutName[]).map((name): [string, () => DocumentSnapshot] => [`careers-provision as ${name}`, () => layout(realSnapshot("careersProvision"), name)]),
    ...[1, 2, 3].map((seed): [string, () => DocumentSnapshot] => [`synthetic, 30 recommendations, seed ${seed}`, () => syntheticSnapshot({ recommendations: 30, seed })]),
    ["large, 150 recommendations", () => largeSnapshot(150)],
  ];
  it.each(generated)("%s", async (_name, make) => {
    const bytes = await docxFromSnapshot(make());
    expect(await readDocx(bytes)).toEqual(await oldReader(bytes));
  });
});
