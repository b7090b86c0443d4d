/**
 * A real word processor opens what the .docx applier writes for text typed into a paragraph of
 * mixed-format runs: LibreOffice Writer (headless) converts the written files (changes tracked and
 * not) with no error, and in what it read the untouched bold run is still bold, the typed words sit in
 * the italic run they were typed into, and (tracked) the change is a tracked insertion. Without
 * LibreOffice the test fails and says how to install it (as tests/docx-write/libreoffice.test.ts).
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readDocx } from "../../src/docx";
import { applyPlanToDocx } from "../../src/docx/write";
import { parse, planReplaceParagraphText } from "../../src/model";
import type { DocumentSnapshot, Location } from "../../src/model/snapshot";
import { editDocumentXml, fixture, NOW } from "./helpers";

jest.setTimeout(240_000);

const SOFFICE = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((path) => existsSync(path));
const MISSING =
  "LibreOffice Writer is needed for this test and is not installed: run `bash scripts/ensure-deps.sh --libreoffice` " +
  "(it installs Debian's libreoffice-writer-nogui and poppler-utils).";

const ORIGINAL_RUN = '<w:p><w:r><w:t xml:space="preserve">2. Largely met. Stockton schools have continued';
const MIXED_RUNS =
  '<w:p><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">2. Largely met. </w:t></w:r>' +
  '<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">Stockton schools</w:t></w:r>' +
  '<w:r><w:t xml:space="preserve"> have continued';
const TYPED = "Stockton primary and secondary schools";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "scrutiny-libreoffice-runs-"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cellParagraph(snapshot: DocumentSnapshot, location: Location): string {
  const table = location.kind === "cell" ? snapshot.blocks.find((block) => block.kind === "table" && block.index === location.table) : undefined;
  if (location.kind !== "cell" || table?.kind !== "table") throw new Error("The Assessment is not in a table cell.");
  return table.rows[location.row]!.cells[location.cell]!.paragraphs[0]!;
}

/** Converts the files to flat ODF with LibreOffice Writer (headless), in `dir`/fodt. */
function toFlatOdf(names: string[]): ReturnType<typeof spawnSync> {
  if (!SOFFICE) throw new Error(MISSING);
  const profile = `file://${join(dir, "profile")}`;
  return spawnSync(SOFFICE, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "fodt", "--outdir", join(dir, "fodt"), ...names.map((name) => join(dir, name))], {
    encoding: "utf8",
    timeout: 200_000,
  });
}

/** The automatic text style a span holding `text` has, as its properties. */
function spanStyle(flat: string, text: string): string {
  const span = new RegExp(`<text:span text:style-name="([^"]+)">[^<]*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).exec(flat);
  if (!span) return "";
  const style = new RegExp(`<style:style style:name="${span[1]}"[^>]*>(?:(?!</style:style>)[\\s\\S])*</style:style>`).exec(flat);
  return style?.[0] ?? "";
}

test("LibreOffice opens typed text in mixed-format runs; bold stays bold, the typed words are italic as the run they were typed into", async () => {
  const mixed = await editDocumentXml(fixture("careers-provision.docx"), (xml) => {
    if (!xml.includes(ORIGINAL_RUN)) throw new Error("The fixture's Assessment paragraph is not as expected.");
    return xml.replace(ORIGINAL_RUN, MIXED_RUNS);
  });
  const snapshot = await readDocx(mixed);
  const location = parse(snapshot).recommendations[0]!.rounds.at(-1)!.assessment!.location;
  const old = cellParagraph(snapshot, location);
  const typed = planReplaceParagraphText({ location, paragraph: 0 }, old, old.replace("Stockton schools", TYPED));
  if (!typed.ok) throw new Error(typed.reason);
  const names = ["typed-runs.docx", "typed-runs-tracked.docx"];
  writeFileSync(join(dir, names[0]!), await applyPlanToDocx(mixed, typed.plan, { now: NOW, trackChanges: false }));
  writeFileSync(join(dir, names[1]!), await applyPlanToDocx(mixed, typed.plan, { now: NOW, trackChanges: true }));

  const result = toFlatOdf(names);
  expect(result.error).toBeUndefined();
  expect(result.status).toBe(0);
  const output = `${String(result.stderr)}${String(result.stdout)}`.split("\n").filter((line) => !/javaldx|java may not function/.test(line));
  expect(output.filter((line) => /error|could not be loaded|failed/i.test(line))).toEqual([]);
  expect(output.filter((line) => line.startsWith("convert "))).toHaveLength(names.length);

  const flat = readFileSync(join(dir, "fodt", "typed-runs.fodt"), "utf8");
  expect(spanStyle(flat, "2. Largely met. ")).toMatch(/fo:font-weight="bold"/);
  expect(spanStyle(flat, TYPED)).toMatch(/fo:font-style="italic"/);
  expect(spanStyle(flat, TYPED)).not.toMatch(/fo:font-weight="bold"/);

  const tracked = readFileSync(join(dir, "fodt", "typed-runs-tracked.fodt"), "utf8");
  expect(tracked).toMatch(/<text:changed-region[^>]*>\s*<text:insertion>/);
  expect(tracked).toContain("primary and secondary ");
  expect(spanStyle(tracked, "2. Largely met. ")).toMatch(/fo:font-weight="bold"/);
});
