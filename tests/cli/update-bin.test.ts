/** The real `node bin/scrutiny-update.js`, as a child process: it is built, it writes, and it exits 0/1/2 with no stack trace. */
import { spawnSync } from "child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readDocx } from "../../src/docx";
import { buildCli, ROOT } from "./build";

jest.setTimeout(60_000);

const BIN = join(ROOT, "bin", "scrutiny-update.js");
const FIXTURES = join(ROOT, "tests", "fixtures", "docx");
let dir: string;

beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), "scrutiny-update-bin-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scrutinyUpdate(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("add-update on a folder: the good files written, the column layout refused, the broken ones unreadable (exit 2)", async () => {
  for (const name of ["careers-provision.docx", "careers-provision-columns.docx", "broken-truncated.docx"]) {
    copyFileSync(join(FIXTURES, name), join(dir, name));
  }
  const result = scrutinyUpdate("add-update", "--month", "2027-01", "--out", "updated", ".");
  expect(result.code).toBe(2);
  expect(result.stdout).toMatch(/careers-provision\.docx: written to updated\/careers-provision\.docx\. Adds a January 2027 update to 7 recommendations/);
  expect(result.stdout).toMatch(/careers-provision-columns\.docx: refused, nothing written/);
  expect(result.stdout).toMatch(/broken-truncated\.docx: cannot be updated\. This file is incomplete/);
  expect(result.stdout + result.stderr).not.toMatch(/^\s+at |node:internal/m);
  const updated = await readDocx(readFileSync(join(dir, "updated", "careers-provision.docx")));
  expect(JSON.stringify(updated)).toMatch(/Evidence of Progress \(January 2027\):/);

  const json = scrutinyUpdate("remove-update", "--month", "2027-01", "--in-place", "--json", join("updated", "careers-provision.docx"));
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout)).toMatchObject([{ status: "written", rowsRemoved: 21 }]);
});

test("a usage error: exit 2 and a plain sentence", () => {
  const result = scrutinyUpdate("add-update", "--month", "2027-13", "--out", "x", "a.docx");
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/YYYY-MM/);
  expect(result.stderr).not.toMatch(/^\s+at /m);
});
