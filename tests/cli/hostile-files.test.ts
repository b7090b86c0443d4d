/**
 * `scrutiny-check` (spawned) on hostile files: exit 2, error.code "unreadable", a message naming what
 * is wrong, never a stack trace; and on things that are not files at all.
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { FileReport } from "../../src/cli/report";
import { hostileFixtures } from "../fixtures/hostile";
import { buildCli, ROOT } from "./build";

jest.setTimeout(120_000);

const BIN = join(ROOT, "bin", "scrutiny-check.js");
const HOSTILE = join(ROOT, "tests", "fixtures", "hostile");
const STACK_TRACE = /\n\s+at .+:\d+:\d+|Error: .*\n\s+at /;

function check(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => buildCli());

describe("hostile .docx files", () => {
  it.each(hostileFixtures().map((spec) => [spec.file, spec] as const))("%s: exit 2, unreadable, says why", (file, spec) => {
    const result = check("--json", join(HOSTILE, file));
    expect(result.code).toBe(2);
    const [report] = JSON.parse(result.stdout) as FileReport[];
    expect(report.error).toEqual({ code: "unreadable", message: expect.stringContaining(spec.refusal) });
    expect(result.stdout + result.stderr).not.toMatch(STACK_TRACE);
  });
});

describe("things that are not .docx files", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "scrutiny-hostile-"));
    spawnSync("mkfifo", [join(dir, "fifo.docx")]);
    symlinkSync(join(dir, "loop.docx"), join(dir, "loop.docx"));
    symlinkSync("/dev/zero", join(dir, "zero.docx"));
    mkdirSync(join(dir, "empty"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ["a FIFO", "fifo.docx", /not a file/],
    ["/dev/zero", "zero.docx", /not a file/],
    ["a symlink loop", "loop.docx", /cannot open .*ELOOP|symbolic links/],
    ["a directory with no .docx", "empty", /no \.docx files/],
  ])("%s: exit 2 with a clear message, at once", (_name, path, message) => {
    const start = Date.now();
    const result = check(join(dir, path));
    expect(result.code).toBe(2);
    expect(result.stdout + result.stderr).toMatch(message);
    expect(result.stdout + result.stderr).not.toMatch(STACK_TRACE);
    expect(Date.now() - start).toBeLessThan(30_000);
  });

  it("bad arguments: exit 2, usage hint, no stack trace", () => {
    const result = check("--no-such-option");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option/);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });
});
