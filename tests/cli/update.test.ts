/**
 * `scrutiny-update` in-process on copies of the fixtures: what each command writes (read back with
 * the reader), exit codes 0/1/2, --dry-run, --json, --in-place with its backup, and atomic writes.
 */
import fs from "fs";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readDocx } from "../../src/docx";
import type { UpdateReport } from "../../src/cli/update-file";
import { run } from "../../src/cli/update-main";
import JSZip from "jszip";
import { analyse, applyPlanToSnapshot, planAddRound, planRemoveRound, planSummary } from "../../src/model";
import { SET_ASIDE_SETTING, setAsideRecord } from "../../src/model/set-aside";
import { withWebExtensionSettings } from "../fixtures/webextension";
import { documentXml, FIXTURES, NOW } from "../docx-write/helpers";

jest.setTimeout(60_000);

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function update(...argv: string[]): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const code = await run(
    argv,
    { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {} },
    () => NOW,
  );
  return { code, stdout, stderr };
}

function reports(result: Captured): UpdateReport[] {
  return JSON.parse(result.stdout) as UpdateReport[];
}

let dir: string;
let work: string;
let out: string;

function copy(name: string, to = work): string {
  const target = join(to, name.replace(/\//g, "-"));
  copyFileSync(join(FIXTURES, name), target);
  return target;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "scrutiny-update-"));
  work = join(dir, "work");
  out = join(dir, "out");
  mkdirSync(work);
});

afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const today = "2026-12-02";

describe("add-update", () => {
  test("writes DIR/<same name>, read back exactly as the plan says, and leaves the original alone", async () => {
    const file = copy("careers-provision.docx");
    const before = readFileSync(file);
    const result = await update("add-update", "--month", "2027-01", "--out", out, "--json", file);
    expect(result.code).toBe(0);
    const [report] = reports(result);
    expect(report).toMatchObject({ status: "written", output: join(out, "careers-provision.docx"), rowsAdded: 21, rowsRemoved: 0 });
    expect(report.recommendations).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(readFileSync(file).equals(before)).toBe(true);
    const snapshot = await readDocx(before);
    const plan = planAddRound(snapshot, { month: "2027-01", recommendations: "all", dropdowns: true, today });
    if (!plan.ok) throw new Error(plan.reason);
    expect(await readDocx(readFileSync(report.output!))).toEqual(applyPlanToSnapshot(snapshot, plan.plan));
  });

  test("--recommendation limits it; a second run has nothing to do (exit 0, file unchanged)", async () => {
    const file = copy("care-leavers-eet.docx");
    const first = await update("add-update", "--month", "2027-01", "--recommendation", "6", "--in-place", "--json", file);
    expect(first.code).toBe(0);
    expect(reports(first)[0]).toMatchObject({ status: "written", rowsAdded: 3, recommendations: ["6"] });
    const once = readFileSync(file);
    const second = await update("add-update", "--month", "2027-01", "--recommendation", "6", "--in-place", file);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/nothing to do/);
    expect(readFileSync(file).equals(once)).toBe(true);
  });

  test("the column layout is refused: exit 1, nothing written", async () => {
    const file = copy("careers-provision-columns.docx");
    const result = await update("add-update", "--month", "2027-01", "--out", out, file);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/refused, nothing written\. This document lists one recommendation per table row/);
    expect(existsSync(join(out, "careers-provision-columns.docx"))).toBe(false);
  });

  test("--dry-run says what would change and writes nothing", async () => {
    const file = copy("careers-provision.docx");
    const result = await update("add-update", "--month", "2027-01", "--dry-run", file);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${file}: would be written (dry run, nothing written). Adds a January 2027 update to 7 recommendations (3 rows each).\n`);
    expect(readdirSync(work)).toEqual(["careers-provision.docx"]);
  });

  test("--in-place replaces the file and keeps the original as <name>.bak.docx; folder searches skip backups", async () => {
    const file = copy("careers-provision.docx");
    const before = readFileSync(file);
    expect((await update("add-update", "--month", "2027-01", "--in-place", work)).code).toBe(0);
    expect(readdirSync(work).sort()).toEqual(["careers-provision.bak.docx", "careers-provision.docx"]);
    expect(readFileSync(join(work, "careers-provision.bak.docx")).equals(before)).toBe(true);
    const again = await update("remove-update", "--month", "2027-01", "--in-place", "--json", work);
    expect(reports(again).map((report) => report.file)).toEqual([file]);
    expect(await documentXml(readFileSync(file))).toBe(await documentXml(before));
  });
});

describe("remove-update", () => {
  test("takes out only rows still holding what add-update wrote; rows with an officer's text are refused (exit 1)", async () => {
    const file = copy("careers-provision.docx");
    await update("add-update", "--month", "2027-01", "--in-place", file);
    // An officer writes into recommendation 3's new evidence row.
    const added = await readDocx(readFileSync(file));
    const plan = planRemoveRound(added, { month: "2027-01" });
    expect(plan.ok).toBe(true);
    const xml = await documentXml(readFileSync(file));
    const edited = xml.replace(
      /(Evidence of Progress \(January 2027\):<\/w:t><\/w:r><\/w:p><\/w:tc><w:tc><w:tcPr>(?:(?!<\/w:tcPr>).)*<\/w:tcPr><w:p>)<\/w:p>/,
      "$1<w:r><w:t>Met the heads of sixth form.</w:t></w:r></w:p>",
    );
    expect(edited).not.toBe(xml);
    const { editDocumentXml } = await import("../fixtures/docx-builder");
    writeFileSync(file, await editDocumentXml(readFileSync(file), () => edited));
    const before = readFileSync(file);
    const result = await update("remove-update", "--month", "2027-01", "--in-place", file);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/already holds text/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(join(work, "careers-provision.bak.docx"))).toBe(true);
  });

  test("no such update: nothing to do, exit 0", async () => {
    const result = await update("remove-update", "--month", "2027-01", "--out", out, copy("care-leavers-eet.docx"));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/nothing to do\. No recommendation has this update\./);
  });
});

describe("summary", () => {
  test("inserts the grade summary, then has nothing to do the same day", async () => {
    const file = copy("care-leavers-eet.docx");
    const snapshot = await readDocx(readFileSync(file));
    const first = await update("summary", "--in-place", "--json", file);
    expect(reports(first)[0]).toMatchObject({ status: "written" });
    const plan = planSummary(snapshot, { place: { kind: "end" }, today });
    if (!plan.ok) throw new Error(plan.reason);
    expect(await readDocx(readFileSync(file))).toEqual(applyPlanToSnapshot(snapshot, plan.plan));
    const once = readFileSync(file);
    const second = await update("summary", "--in-place", file);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/nothing to do\. The grade summary is already up to date\./);
    expect(readFileSync(file).equals(once)).toBe(true);
  });
});

describe("comments and remove-comments", () => {
  test("adds the check's review comments, then has nothing to do; remove-comments gives back document.xml, then has nothing to do", async () => {
    const file = copy("careers-provision-missing-impact.docx");
    const original = readFileSync(file);
    const first = await update("comments", "--in-place", "--json", file);
    expect(first.code).toBe(0);
    expect(reports(first)[0]).toMatchObject({ status: "written", message: expect.stringMatching(/^Adds 6 review comments/) });
    const commented = readFileSync(file);
    expect(await readDocx(commented)).toEqual(await readDocx(original));
    expect(await documentXml(commented)).toMatch(/<w:commentReference w:id="\d+"\/>/);

    const again = await update("comments", "--in-place", file);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nothing to do\. Every review comment the check would add is already there\./);
    expect(readFileSync(file).equals(commented)).toBe(true);

    const removed = await update("remove-comments", "--out", out, file);
    expect(removed.code).toBe(0);
    expect(await documentXml(readFileSync(join(out, "careers-provision-missing-impact.docx")))).toBe(await documentXml(original));
    const none = await update("remove-comments", "--dry-run", join(out, "careers-provision-missing-impact.docx"));
    expect(none.stdout).toMatch(/nothing to do\. There are no review comments of the check's to remove\./);
  });

  test("gives no comment to a finding set aside in the pane (the document's add-in settings)", async () => {
    const file = copy("careers-provision-missing-impact.docx");
    const snapshot = await readDocx(readFileSync(file));
    const { document, findings } = analyse(snapshot);
    const commented = findings.filter((f) => (f.severity === "error" || f.severity === "warning") && f.location);
    const aside = commented.find((f) => commented.every((o) => o === f || JSON.stringify(o.location) !== JSON.stringify(f.location)))!;
    const record = setAsideRecord(aside, document, "Agreed with the chair.", "2026-11-30");
    writeFileSync(file, await withWebExtensionSettings(readFileSync(file), { [SET_ASIDE_SETTING]: [record] }));

    const result = await update("comments", "--in-place", "--json", file);
    expect(result.code).toBe(0);
    expect(reports(result)[0]).toMatchObject({ status: "written", message: expect.stringMatching(/^Adds 5 review comments.*findings set aside get none/) });
    const zip = await JSZip.loadAsync(readFileSync(file));
    const comments = (await zip.file("word/comments.xml")?.async("string")) ?? "";
    expect(comments).toMatch(/<w:comment /);
    expect(comments).not.toContain(aside.message.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").slice(0, 60));

    // Every one set aside: nothing left to comment on.
    const all = copy("careers-provision-missing-impact.docx");
    const records = commented.map((f) => setAsideRecord(f, document, "Agreed with the chair.", "2026-11-30"));
    writeFileSync(all, await withWebExtensionSettings(readFileSync(all), { [SET_ASIDE_SETTING]: records }));
    const none = await update("comments", "--dry-run", all);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/nothing to do\. The check found no errors or warnings to comment on that are not set aside\./);
  });

  test("a document the check finds nothing wrong with: nothing to do, exit 0", async () => {
    const result = await update("comments", "--out", out, copy("care-leavers-eet-columns.docx"));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/nothing to do\. The check found no errors or warnings to comment on\./);
    expect(existsSync(join(out, "care-leavers-eet-columns.docx"))).toBe(false);
  });
});

describe("exit 2: unreadable files, not monitoring documents, wrong arguments", () => {
  test.each(["broken-empty.docx", "broken-not-a-zip.docx", "broken-not-word.docx", "broken-truncated.docx"])("%s", async (name) => {
    const result = await update("summary", "--out", out, copy(name));
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/cannot be updated\./);
  });

  test("a Word document that is not a monitoring document", async () => {
    const { docxFromSnapshot } = await import("../fixtures/docx-builder");
    const file = join(work, "letter.docx");
    writeFileSync(file, await docxFromSnapshot({ blocks: [{ kind: "paragraph", text: "Dear Councillor", location: { kind: "paragraph", paragraph: 0 } }] }));
    const result = await update("add-update", "--month", "2027-01", "--out", out, file);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/not a Scrutiny Monitoring progress-update document/);
  });

  test.each([
    [["add-update", "--month", "2027-01", "x.docx"], /say where to write: --out DIR .* or --in-place/],
    [["add-update", "--month", "January", "--out", "o", "x.docx"], /YYYY-MM/],
    [["add-update", "--out", "o", "x.docx"], /--month/],
    [["add-update", "--month", "2027-01", "--out", "o", "--in-place", "x.docx"], /cannot be used with/],
    [["rename", "x.docx"], /unknown command/],
    [[], /Usage: scrutiny-update <command>/],
    [["summary", "--out", "o", "no-such-file.docx"], /no such file or folder/],
  ])("%j", async (argv, message) => {
    const result = await update(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr + result.stdout).not.toMatch(/^\s+at /m);
  });

  test("--out naming the file's own folder is refused: that is what --in-place is for", async () => {
    const file = copy("careers-provision.docx");
    const result = await update("summary", "--out", work, file);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/use --in-place/);
  });

  test("--help and --version exit 0", async () => {
    const help = await update("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/add-update/);
    expect(help.stdout).toMatch(/Exit status:/);
    expect(help.stdout).not.toMatch(/round/i);
    expect((await update("add-update", "--help")).stdout).toMatch(/--recommendation <number>/);
    expect((await update("--version")).code).toBe(0);
  });

  test("three files: the worst outcome decides (2 over 1 over 0), and each file says what happened", async () => {
    const result = await update("add-update", "--month", "2027-01", "--out", out, copy("careers-provision.docx"), copy("care-leavers-eet-columns.docx"), copy("broken-empty.docx"));
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/3 files: 1 written, 1 refused, 1 unreadable\./);
  });
});

describe("atomic writes", () => {
  /** Calls `act(fd, path)` when the update opens its temporary file (beside the target, ending .tmp). */
  function onTemporaryOpened(act: (fd: number, path: string) => void): void {
    const open = fs.openSync;
    jest.spyOn(fs, "openSync").mockImplementation((...args: Parameters<typeof fs.openSync>) => {
      const fd = open(...args);
      if (String(args[0]).endsWith(".tmp")) act(fd, String(args[0]));
      return fd;
    });
  }

  test("a failure mid-write leaves the original untouched and no partial or temporary file", async () => {
    const file = copy("careers-provision.docx");
    const before = readFileSync(file);
    const write = fs.writeSync as (fd: number, bytes: Uint8Array, offset: number, length: number) => number;
    let temporary = -1;
    let temporaryPath = "";
    onTemporaryOpened((fd, path) => {
      temporary = fd;
      temporaryPath = path;
    });
    jest.spyOn(fs, "writeSync").mockImplementation(((fd: number, bytes: Uint8Array, offset: number, length: number) => {
      if (fd !== temporary) return write(fd, bytes, offset, length);
      write(fd, bytes, offset, Math.min(length, 1000));
      throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
    }) as typeof fs.writeSync);
    const result = await update("add-update", "--month", "2027-01", "--in-place", file);
    expect(temporaryPath).toMatch(/[/\\]\.careers-provision\.docx\.\d+-\d+\.tmp$/);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/no space left on device\. The original is unchanged\./);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(work)).toEqual(["careers-provision.docx"]);
  });

  test("a failing rename leaves the original and no temporary file", async () => {
    const file = copy("careers-provision.docx");
    const before = readFileSync(file);
    jest.spyOn(fs, "renameSync").mockImplementationOnce(() => {
      throw Object.assign(new Error("operation not permitted"), { code: "EPERM" });
    });
    const result = await update("summary", "--out", out, file);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/operation not permitted/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(out)).toEqual([]);
  });

  test("a temporary name already taken (another process's, or a crashed one's) is left alone and the next one used", async () => {
    const file = copy("careers-provision.docx");
    const taken: string[] = [];
    const open = fs.openSync;
    jest.spyOn(fs, "openSync").mockImplementation((...args: Parameters<typeof fs.openSync>) => {
      const path = String(args[0]);
      if (path.endsWith(".tmp") && taken.length < 2) {
        // Someone else's file, under the very name the update is about to take.
        writeFileSync(path, "not ours");
        taken.push(path);
      }
      return open(...args);
    });
    const result = await update("add-update", "--month", "2027-01", "--out", out, file);
    expect(result.code).toBe(0);
    expect(taken).toHaveLength(2);
    for (const path of taken) expect(readFileSync(path, "utf8")).toBe("not ours");
    expect(readdirSync(out).sort()).toEqual([...taken.map((path) => path.slice(out.length + 1)), "careers-provision.docx"].sort());
    const rounds = async (path: string): Promise<number[]> =>
      analyse(await readDocx(readFileSync(path))).document.recommendations.map((recommendation) => recommendation.rounds.length);
    expect(await rounds(join(out, "careers-provision.docx"))).toEqual((await rounds(file)).map((count) => count + 1));
  });

  test("a file changed on disk between reading and writing is not overwritten (exit 1)", async () => {
    const file = copy("careers-provision.docx");
    // Someone saves the document from Word while the update is being written.
    onTemporaryOpened(() => writeFileSync(file, readFileSync(join(FIXTURES, "careers-provision-missing-impact.docx"))));
    const result = await update("add-update", "--month", "2027-01", "--in-place", file);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/changed on disk while it was being updated, so it was not written/);
    expect(readFileSync(file).equals(readFileSync(join(FIXTURES, "careers-provision-missing-impact.docx")))).toBe(true);
    expect(readdirSync(work)).toEqual(["careers-provision.docx"]);
  });
});
