/**
 * A real word processor opens what the .docx applier writes: LibreOffice Writer (headless) converts
 * every written fixture to PDF, in one soffice run, with no error; the new rows' text is on the
 * rendered pages; and a page with new rows is rendered to PNG (test-results/libreoffice/, and
 * docs/screenshots/ with UPDATE_SCREENSHOTS=1) to be looked at. Without LibreOffice the test fails
 * and says how to install it (scripts/ensure-deps.sh --libreoffice does, on Debian).
 */
import { spawnSync, type SpawnSyncReturns } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readDocx } from "../../src/docx";
import { parse, planAddComments, planReplaceParagraphText } from "../../src/model";
import type { DocumentSnapshot, Location } from "../../src/model/snapshot";
import JSZip from "jszip";
import { addPlan, applied, documentXml, fixture, removePlan, ROW_FIXTURES, summaryPlan, withTrackedChanges } from "./helpers";

jest.setTimeout(240_000);

const ROOT = join(__dirname, "..", "..");
const SOFFICE = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((path) => existsSync(path));
const PDFTOPPM = "/usr/bin/pdftoppm";
const PDFTOTEXT = "/usr/bin/pdftotext";
const MISSING =
  "LibreOffice Writer (and poppler-utils) are needed for this test and are not installed: run " +
  "`bash scripts/ensure-deps.sh --libreoffice` (it installs Debian's libreoffice-writer-nogui and poppler-utils).";

const TYPED = "3. Slipped, typed over in the preview";
const TYPED_FILE = "careers-provision-tracked-updated.docx";
const REMOVED_FILE = "careers-provision-tracked-removed.docx";

let dir: string;
const written: string[] = [];
/** Each written file's tables, nested ones included, as word/document.xml holds them. */
const tableCounts = new Map<string, number>();
/** Each written file's review comments. */
const commentCounts = new Map<string, number>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "scrutiny-libreoffice-"));
  for (const file of ROW_FIXTURES) {
    const original = fixture(file);
    const added = await applied(original, addPlan(await readDocx(original)));
    const withSummary = await applied(added.bytes, summaryPlan(added.snapshot));
    // And the check's review comments, where it finds errors or warnings.
    const comments = planAddComments(withSummary.snapshot);
    const final = comments.ok ? await applied(withSummary.bytes, comments.plan) : withSummary;
    const name = `${file.replace(/\//g, "-").replace(/\.docx$/, "")}-updated.docx`;
    writeFileSync(join(dir, name), final.bytes);
    written.push(name);
    tableCounts.set(name, (await documentXml(final.bytes)).match(/<w:tbl>/g)?.length ?? 0);
    commentCounts.set(name, comments.ok ? comments.plan.writes.length : 0);
  }
  const tracked = await withTrackedChanges(fixture("careers-provision.docx"));
  const trackedAdded = await applied(tracked, addPlan(await readDocx(tracked)));
  // And text typed over an officer's Assessment (as the preview's Download replays it): a tracked deletion and insertion.
  const earlier = parse(trackedAdded.snapshot).recommendations[0]!.rounds.at(-2)!.assessment!;
  const typed = planReplaceParagraphText({ location: earlier.location, paragraph: 0 }, firstParagraph(trackedAdded.snapshot, earlier.location), TYPED);
  if (!typed.ok) throw new Error(typed.reason);
  const trackedTyped = await applied(trackedAdded.bytes, typed.plan);
  writeFileSync(join(dir, TYPED_FILE), trackedTyped.bytes);
  written.push(TYPED_FILE);
  // And an update added, accepted (written without tracking), then removed with changes tracked: its rows marked deleted.
  const accepted = await applied(fixture("careers-provision.docx"), addPlan(await readDocx(fixture("careers-provision.docx"))));
  const removed = await applied(await withTrackedChanges(accepted.bytes), removePlan(accepted.snapshot));
  writeFileSync(join(dir, REMOVED_FILE), removed.bytes);
});

function firstParagraph(snapshot: DocumentSnapshot, location: Location): string {
  const table = location.kind === "cell" ? snapshot.blocks.find((block) => block.kind === "table" && block.index === location.table) : undefined;
  if (location.kind !== "cell" || table?.kind !== "table") throw new Error("The Assessment is not in a table cell.");
  return table.rows[location.row]!.cells[location.cell]!.paragraphs[0]!;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Converts the files with LibreOffice Writer (headless) into `format`, in `dir`/`format`. */
function convert(format: string, names: string[]): SpawnSyncReturns<string> {
  if (!SOFFICE || !existsSync(PDFTOPPM) || !existsSync(PDFTOTEXT)) throw new Error(MISSING);
  // Its own profile, so that a LibreOffice the user has open (or a stale lock) cannot get in the way.
  const profile = `file://${join(dir, "profile")}`;
  return spawnSync(
    SOFFICE,
    [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", join(dir, format), ...names.map((name) => join(dir, name))],
    { encoding: "utf8", timeout: 200_000 },
  );
}

test("LibreOffice Writer converts every written file to PDF without an error", () => {
  const pdf = join(dir, "pdf");
  const result = convert("pdf", written);
  expect(result.error).toBeUndefined();
  expect(result.status).toBe(0);
  // LibreOffice warns that it runs without Java (javaldx), which converting does not need; anything else is an error.
  const output = (result.stderr + result.stdout).split("\n").filter((line) => !/javaldx|java may not function/.test(line));
  expect(output.filter((line) => /error|could not be loaded|failed/i.test(line))).toEqual([]);
  expect(output.filter((line) => line.startsWith("convert "))).toHaveLength(written.length);
  for (const name of written) {
    const file = join(pdf, name.replace(/\.docx$/, ".pdf"));
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // The new rows are on its pages, as text a reader sees.
    const text = spawnSync(PDFTOTEXT, [file, "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, " ");
    const shows = (pattern: RegExp): boolean => pattern.test(text);
    expect({ name, rows: shows(/Evidence of Progress \(January 2027\)/), dropdown: shows(/Choose a grade/) }).toEqual({ name, rows: true, dropdown: true });
    if (!name.includes("tracked")) expect({ name, summary: shows(/Grade summary for/) }).toEqual({ name, summary: true });
    if (name === TYPED_FILE) expect({ name, typed: text.includes(TYPED) }).toEqual({ name, typed: true });
  }

  // A page with new rows, as a picture to look at (and for the README).
  const careers = join(pdf, "careers-provision-updated.pdf");
  const pages = spawnSync(PDFTOTEXT, [careers, "-"], { encoding: "utf8" }).stdout.split("\f");
  const page = pages.findIndex((text) => /Evidence of Impact\s*\(January\s*2027\)/.test(text)) + 1;
  expect(page).toBeGreaterThan(0);
  const results = join(ROOT, "test-results", "libreoffice");
  mkdirSync(results, { recursive: true });
  const picture = spawnSync(PDFTOPPM, ["-png", "-r", "70", "-f", String(page), "-l", String(page), "-singlefile", careers, join(results, "new-update-rows")]);
  expect(picture.status).toBe(0);
  const png = join(results, "new-update-rows.png");
  expect(readFileSync(png).subarray(1, 4).toString("latin1")).toBe("PNG");
  if (process.env.UPDATE_SCREENSHOTS) copyFileSync(png, join(ROOT, "docs", "screenshots", "docx-new-update-rows.png"));
  expect(readdirSync(pdf).length).toBeGreaterThanOrEqual(written.length);
});

test("LibreOffice keeps every table apart (the summary after the grade key's table is a table of its own) and reads every review comment", () => {
  const names = [...tableCounts.keys()];
  const result = convert("fodt", names);
  expect(result.status).toBe(0);
  for (const name of names) {
    const flat = readFileSync(join(dir, "fodt", name.replace(/\.docx$/, ".fodt")), "utf8");
    // Adjacent tables would be read as one, and there would be fewer tables than the file holds.
    expect({ name, tables: flat.match(/<table:table /g)?.length ?? 0 }).toEqual({ name, tables: tableCounts.get(name) });
    // Each comment as an annotation by Scrutiny Monitoring, with its text.
    const annotations = flat.match(/<office:annotation\b(?:(?!<\/office:annotation>)[\s\S])*<\/office:annotation>/g) ?? [];
    expect({ name, comments: annotations.length }).toEqual({ name, comments: commentCounts.get(name) });
    for (const annotation of annotations) {
      expect(annotation).toContain("<dc:creator>Scrutiny Monitoring</dc:creator>");
      expect(annotation).toContain("[Scrutiny check] ");
    }
  }
});

test("LibreOffice reads an update removed with changes tracked as tracked deletions, and saves them so", async () => {
  const result = convert("docx:MS Word 2007 XML", [REMOVED_FILE]);
  expect(result.status).toBe(0);
  const saved = readFileSync(join(dir, "docx:MS Word 2007 XML", REMOVED_FILE));
  const xml = await (await JSZip.loadAsync(saved)).file("word/document.xml")!.async("string");
  const rows = (xml.match(/<w:tr\b(?:(?!<\/w:tr>)[\s\S])*<\/w:tr>/g) ?? []).filter((row) => row.includes("January 2027"));
  const marked = (row: string): boolean => /<w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:del [^>]*w:author="Scrutiny Monitoring"/.test(row);
  // Every one of the 21 rows is still in the file, every character of its text deleted text by Scrutiny Monitoring.
  expect(rows).toHaveLength(21);
  for (const row of rows) {
    expect(row.match(/<w:t\b[^>]*>[^<]+/g)).toBeNull();
    expect(row).toMatch(/<w:del [^>]*w:author="Scrutiny Monitoring"[^>]*><w:r>(?:(?!<\/w:r>)[\s\S])*<w:delText[^>]*>[^<]*January 2027/);
  }
  // The row deletions too (LibreOffice writes one only for a row deletion it understood), except on the rows holding the grade
  // dropdown: LibreOffice keeps the deleted text of a content control but not the row's mark (LibreOffice's limit, not the file's).
  expect(rows.filter((row) => !row.includes("<w:sdt>")).map(marked)).toEqual(Array(14).fill(true));
  expect(rows.filter((row) => row.includes("<w:sdt>"))).toHaveLength(7);
});
