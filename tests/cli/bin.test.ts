/**
 * The real command: `node bin/scrutiny-check.js` run as a child process on the .docx fixtures and on
 * broken files, for the exit codes, the reports' facts, and no stack trace ever.
 */
import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join, relative } from "path";
import type { FileReport } from "../../src/cli/report";
import { docxFromSnapshot } from "../fixtures/docx-builder";
import { snapshotFromText } from "../helpers/text-snapshot";
import { syntheticDocument } from "../helpers/synthetic";
import { buildCli, ROOT } from "./build";

// Each test starts Node processes; on a busy shared 2-core machine one can take seconds.
jest.setTimeout(60_000);

const BIN = join(ROOT, "bin", "scrutiny-check.js");
const FIXTURES = join(ROOT, "tests", "fixtures", "docx");
const CAREERS = join(FIXTURES, "careers-provision.docx");
const CARE_LEAVERS = join(FIXTURES, "care-leavers-eet.docx");

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

const results = new Map<string, Result>();

/** Runs the command (once per distinct argument list: the files it reads do not change). */
function scrutinyCheck(...args: string[]): Result {
  const key = JSON.stringify(args);
  const known = results.get(key);
  if (known) return known;
  const result = spawnCheck(args);
  results.set(key, result);
  return result;
}

function spawnCheck(args: string[]): Result {
  const env = { ...process.env };
  delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env, timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(result: Result): FileReport[] {
  return JSON.parse(result.stdout) as FileReport[];
}

/** A Node stack frame ("    at fn (file.js:1:2)") or an uncaught error's banner. */
function expectNoStackTrace(result: Result): void {
  const all = result.stdout + result.stderr;
  expect(all).not.toMatch(/^\s+at .*(:\d+:\d+\)?|native)$/m);
  expect(all).not.toMatch(/node:internal|Uncaught|UnhandledPromiseRejection/);
}

let dir: string;
const broken: Record<string, string> = {};
let notMonitoring: string;
let emptyImpact: string;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), "scrutiny-bin-"));
  const careers = readFileSync(CAREERS);
  broken["not a zip"] = join(dir, "random-bytes.docx");
  writeFileSync(broken["not a zip"], Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  broken["truncated"] = join(dir, "truncated.docx");
  writeFileSync(broken["truncated"], careers.subarray(0, Math.floor(careers.length / 2)));
  broken["empty"] = join(dir, "empty.docx");
  writeFileSync(broken["empty"], "");
  broken["text renamed .docx"] = join(dir, "notes.docx");
  writeFileSync(broken["text renamed .docx"], "Recommendation 1:\tThis is a text file, not a Word document.\n");

  notMonitoring = join(dir, "minutes.docx");
  writeFileSync(
    notMonitoring,
    await docxFromSnapshot(
      snapshotFromText(
        "Minutes of the Children and Young People Select Committee\n\nPresent:\tCllr Smith, Cllr Jones\nApologies:\tNone\n\nThe minutes of the last meeting were agreed.\n",
      ),
    ),
  );

  const synthetic = syntheticDocument({ recommendations: 2, rounds: 2 });
  // Blank the latest impact of the second recommendation (whitespace only).
  const lines = synthetic.text.split("\n");
  const lastImpact = lines.map((l, i) => (l.startsWith("Evidence of Impact") ? i : -1)).filter((i) => i >= 0).pop()!;
  lines[lastImpact] = lines[lastImpact].replace(/\t.*$/, "\t   ");
  emptyImpact = join(dir, "empty-impact.docx");
  writeFileSync(emptyImpact, await docxFromSnapshot(snapshotFromText(lines.join("\n"))));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("exit codes", () => {
  it("0 for a complete document (care-leavers-eet)", () => {
    const result = scrutinyCheck(CARE_LEAVERS);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("1 for a document with an error finding (careers-provision: recommendation 2 has no grade)", () => {
    const result = scrutinyCheck(CAREERS);
    expect(result.code).toBe(1);
    expectNoStackTrace(result);
  });

  it("1 when one of several readable documents has an error", () => {
    expect(scrutinyCheck(CARE_LEAVERS, CAREERS).code).toBe(1);
  });

  it.each(["not a zip", "truncated", "empty", "text renamed .docx"])(
    "2 for a broken file (%s): reported as unreadable with the reader's message, no stack trace",
    (kind) => {
      const result = scrutinyCheck("--json", broken[kind]);
      expect(result.code).toBe(2);
      expectNoStackTrace(result);
      const [report] = json(result);
      expect(report).toMatchObject({ file: broken[kind], ok: false, error: { code: "unreadable" } });
      expect(report.error!.message.length).toBeGreaterThan(10);
      expect(report.error!.message).not.toMatch(/not written yet/);
    },
  );

  it("2 for a broken file in the text report too, with the reason in words", () => {
    const result = scrutinyCheck(broken["not a zip"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("UNREADABLE:");
    expectNoStackTrace(result);
  });

  it("2 for a Word document that is not a monitoring document", () => {
    const result = scrutinyCheck("--json", notMonitoring);
    expect(result.code).toBe(2);
    expect(json(result)[0]).toMatchObject({ ok: false, error: { code: "not-monitoring-document" } });
    expect(scrutinyCheck(notMonitoring).stdout).toContain("NOT A MONITORING DOCUMENT");
  });

  it("2 for a folder mixing good and bad files, and every file is still reported", () => {
    const mixed = join(dir, "mixed");
    mkdirSync(join(mixed, "older"), { recursive: true });
    copyFileSync(CARE_LEAVERS, join(mixed, "care-leavers-eet.docx"));
    copyFileSync(CAREERS, join(mixed, "older", "careers-provision.docx"));
    copyFileSync(broken["truncated"], join(mixed, "truncated.docx"));
    writeFileSync(join(mixed, "~$re-leavers-eet.docx"), "Word lock file");
    const result = scrutinyCheck("--json", mixed);
    expect(result.code).toBe(2);
    expectNoStackTrace(result);
    const reports = json(result);
    expect(reports.map((r) => [r.file.slice(mixed.length + 1).replace(/\\/g, "/"), r.ok, r.error?.code])).toEqual([
      ["care-leavers-eet.docx", true, undefined],
      ["older/careers-provision.docx", false, undefined],
      ["truncated.docx", false, "unreadable"],
    ]);
  });

  it("2 for wrong arguments: unknown option, no files, a missing path", () => {
    for (const args of [["--frobnicate", CAREERS], [], [join(dir, "missing.docx")]]) {
      const result = scrutinyCheck(...args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).not.toBe("");
      expectNoStackTrace(result);
    }
  });

  it("2 when one path is missing even though the others are fine, and the others are still checked", () => {
    const result = scrutinyCheck(CARE_LEAVERS, join(dir, "missing.docx"));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing.docx: no such file or folder.");
    expect(result.stdout).toContain("care-leavers-eet.docx");
  });
});

describe("--json", () => {
  it("careers-provision: 7 recommendations, their latest grades and the latest totals", () => {
    const result = scrutinyCheck("--json", CAREERS);
    const [report] = json(result);
    expect(report.file).toBe(CAREERS);
    expect(report.ok).toBe(false);
    expect(report.error).toBeUndefined();
    expect(report.review).toBe("Scrutiny Review of Careers Provision");
    expect(report.recommendations.map((r) => r.number)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(report.recommendations.map((r) => r.rounds[r.rounds.length - 1].grade)).toEqual([2, null, 2, 2, 2, 3, 1]);
    expect(report.totals.latest).toEqual({ "1": 1, "2": 4, "3": 1, "4": 0, none: 1 });
    const errors = report.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.recommendation)).toContain("2");
    for (const finding of report.findings) {
      expect(["error", "warning", "info"]).toContain(finding.severity);
      expect(finding.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(finding.message).not.toBe("");
    }
  });

  it("careers-provision: rounds carry label, month, evidence, grade, explanation and impact as written", () => {
    const [report] = json(scrutinyCheck("--json", CAREERS));
    const first = report.recommendations[0].rounds[0];
    expect(first).toMatchObject({ date: "2021-07", grade: 2 });
    expect(first.label).toMatch(/July 2021/);
    expect(first.evidence).toMatch(/^Measured at June 2020, 45% of Stockton schools/);
    expect(first.explanation).toMatch(/Stockton schools have continued to deliver strong CEIAG programmes/);
    expect(first.impact).toMatch(/^Yet to see the impact/);
  });

  it("care-leavers-eet: recommendations 2, 6 and 7, each with three dated rounds, and the totals of every round", () => {
    const result = scrutinyCheck("--json", CARE_LEAVERS);
    const [report] = json(result);
    expect(report.ok).toBe(true);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(report.recommendations.map((r) => r.number)).toEqual(["2", "6", "7"]);
    for (const recommendation of report.recommendations) {
      expect(recommendation.rounds.map((r) => r.date)).toEqual(["2022-09", "2023-02", "2023-11"]);
    }
    const rounds = report.totals.rounds;
    expect(rounds.map((r) => r.date)).toEqual(["2022-09", "2023-02", "2023-11"]);
    expect(rounds.map((r) => r.counts)).toEqual([
      { "1": 0, "2": 3, "3": 0, "4": 0, none: 0 },
      { "1": 0, "2": 1, "3": 2, "4": 0, none: 0 },
      { "1": 2, "2": 1, "3": 0, "4": 0, none: 0 },
    ]);
    expect(report.totals.latest).toEqual({ "1": 2, "2": 1, "3": 0, "4": 0, none: 0 });
  });

  it("several files give one array, one object per file, in the order given", () => {
    const reports = json(scrutinyCheck("--json", CARE_LEAVERS, CAREERS));
    expect(reports.map((r) => r.file)).toEqual([CARE_LEAVERS, CAREERS]);
  });

  it("evidence or impact that is only whitespace is null, and the update is not complete", () => {
    const result = scrutinyCheck("--json", emptyImpact);
    const [report] = json(result);
    const latest = report.recommendations[1].rounds[1];
    expect(latest.impact).toBeNull();
    expect(latest.evidence).not.toBeNull();
    expect(report.recommendations[0].rounds[1].impact).not.toBeNull();
    expect(result.code).toBe(1);
  });
});

describe("text report", () => {
  it("names recommendation 2's missing grade and says the document is not complete", () => {
    const result = scrutinyCheck(CAREERS);
    expect(result.stdout).not.toContain("\u001b["); // not a terminal: no colour
    expect(result.stdout).toContain("NOT COMPLETE");
    expect(result.stdout).toMatch(/^\s+2\s+July 2021\s+no grade\s+missing grade$/m);
    expect(result.stdout).toMatch(/^\s+ERROR\s+.*Recommendation 2\b/m);
    expect(result.stdout).toMatch(/Latest update\s+1\s+4\s+1\s+0\s+1/);
  });

  it("says COMPLETE for care-leavers-eet with every recommendation's latest grade", () => {
    const { stdout } = scrutinyCheck(CARE_LEAVERS);
    expect(stdout).toContain("COMPLETE: 3 recommendations");
    expect(stdout).toMatch(/^\s+2\s+November 2023\s+1 Fully Achieved\s+complete$/m);
    expect(stdout).toMatch(/^\s+7\s+November 2023\s+2 On-Track\s+complete$/m);
  });
});

describe("--markdown", () => {
  it("careers-provision: title, status, recommendation table, findings, both totals tables", () => {
    const result = scrutinyCheck("--markdown", CAREERS);
    expect(result.code).toBe(1);
    const md = result.stdout;
    expect(md).toMatch(/^# Scrutiny Review of Careers Provision\n/);
    expect(md).toContain("**Status: not complete** – 6 of 7 recommendations complete");
    expect(md).toContain("| Recommendation | Latest update | Grade | Complete? |");
    expect(md).toMatch(/^\| 2 \| July 2021 \| no grade \| No – missing grade \|$/m);
    expect(md).toMatch(/^\| 6 \| .* \| 3 Slipped \| Yes \|$/m);
    expect(md).toMatch(/^- \*\*Error:\*\* .*Recommendation 2/m);
    expect(md).toContain("| 2 On-Track | 4 |");
    expect(md).toContain("| No grade | 1 |");
    expect(md).toContain("| **Total** | **7** |");
    expect(md).toContain("| Update | 1 Fully Achieved | 2 On-Track | 3 Slipped | 4 Not Achieved | No grade |");
  });

  it("care-leavers-eet: the totals of every round", () => {
    const md = scrutinyCheck("--markdown", CARE_LEAVERS).stdout;
    expect(md).toContain("**Status: complete** – 3 recommendations, all complete;");
    expect(md).toMatch(/^\| September 2022 \| 0 \| 3 \| 0 \| 0 \| 0 \|$/m);
    expect(md).toMatch(/^\| February 2023 \| 0 \| 1 \| 2 \| 0 \| 0 \|$/m);
    expect(md).toMatch(/^\| November 2023 \| 2 \| 1 \| 0 \| 0 \| 0 \|$/m);
  });
});

describe("the whole fixtures folder", () => {
  let reports: FileReport[];
  let code: number | null;
  beforeAll(() => {
    const result = scrutinyCheck("--json", FIXTURES);
    code = result.code;
    reports = json(result);
  });
  const named = (prefix: string): FileReport[] =>
    reports.filter((r) => /^[\w-]+\.docx$/.test(basename(r.file)) && basename(r.file).startsWith(prefix));

  it("exits 2 (the broken fixtures are in it) and reports every .docx in it, sub-folders included", () => {
    expect(code).toBe(2);
    expect(reports.map((r) => relative(FIXTURES, r.file)).sort()).toEqual(
      readdirSync(FIXTURES, { recursive: true, encoding: "utf8" })
        .filter((name) => name.endsWith(".docx"))
        .sort(),
    );
    expect(reports.some((r) => r.file.includes("libreoffice"))).toBe(true);
  });

  it("reports each broken fixture as unreadable", () => {
    const brokenReports = named("broken-");
    expect(brokenReports.length).toBeGreaterThanOrEqual(4);
    for (const report of brokenReports) expect(report.error?.code).toBe("unreadable");
  });

  it("gives the same latest grades and totals for careers-provision in every layout", () => {
    const layouts = named("careers-provision").filter((r) => !/missing-(grade|impact)/.test(r.file));
    expect(layouts.length).toBeGreaterThanOrEqual(5);
    for (const report of layouts) {
      expect({ file: report.file, grades: report.recommendations.map((r) => r.rounds.at(-1)?.grade ?? null) }).toEqual({
        file: report.file,
        grades: [2, null, 2, 2, 2, 3, 1],
      });
      expect(report.totals.latest).toEqual({ "1": 1, "2": 4, "3": 1, "4": 0, none: 1 });
      // The set-aside copy has its one error set aside in the add-in (see tests/cli/set-aside.test.ts).
      expect(report.ok).toBe(report.file.endsWith("-set-aside.docx"));
    }
  });

  it("finds care-leavers-eet complete in every row layout", () => {
    const layouts = named("care-leavers-eet").filter((r) => !r.file.endsWith("-columns.docx"));
    expect(layouts.length).toBeGreaterThanOrEqual(5);
    for (const report of layouts) expect({ file: report.file, ok: report.ok }).toEqual({ file: report.file, ok: true });
  });
});
