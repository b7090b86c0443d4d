/**
 * `scrutiny-update` (spawned) on hostile files, every subcommand: exit 2, status "unreadable", a
 * message naming what is wrong, never a stack trace; and the file is left as it was, with nothing
 * written beside it (no output, no backup, no temporary file). Each subcommand meets each file both
 * with --in-place and with --out, alternately.
 */
import { spawnSync } from "child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { UpdateReport } from "../../src/cli/update-file";
import { hostileFixtures } from "../fixtures/hostile";
import { buildCli, ROOT } from "./build";

jest.setTimeout(120_000);

const BIN = join(ROOT, "bin", "scrutiny-update.js");
const HOSTILE = join(ROOT, "tests", "fixtures", "hostile");
const STACK_TRACE = /\n\s+at .+:\d+:\d+|Error: .*\n\s+at |node:internal/;
const COMMANDS = [["add-update", "--month", "2027-01"], ["remove-update", "--month", "2027-01"], ["summary"], ["comments"], ["remove-comments"]];

let dir = "";
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), "scrutiny-update-hostile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under `folder`, with its bytes. */
function contents(folder: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    found.set(path, entry.isFile() ? readFileSync(path) : Buffer.alloc(0));
  }
  return found;
}

const cases = hostileFixtures().flatMap((spec, fixture) =>
  COMMANDS.map((command, index) => [command[0], spec.file, (fixture + index) % 2 === 0 ? "--in-place" : "--out", command, spec.refusal] as const),
);

test.each(cases)("%s on %s (%s): exit 2, unreadable, says why, nothing written", (name, file, destination, command, refusal) => {
  const folder = mkdtempSync(join(dir, `${name}-`));
  const input = join(folder, file);
  copyFileSync(join(HOSTILE, file), input);
  const before = contents(folder);
  const where = destination === "--out" ? ["--out", join(folder, "out")] : ["--in-place"];
  const result = spawnSync(process.execPath, [BIN, ...command, ...where, "--json", input], { cwd: folder, encoding: "utf8", timeout: 60_000 });

  expect(result.status).toBe(2);
  const reports = JSON.parse(result.stdout) as UpdateReport[];
  expect(reports).toEqual([expect.objectContaining({ file: input, status: "unreadable", output: null, message: expect.stringContaining(refusal) })]);
  expect(result.stdout + result.stderr).not.toMatch(STACK_TRACE);
  expect(result.stderr).toBe("");
  // The file's bytes as they were, and nothing else in its folder (no out/, no .bak.docx, no temporary file).
  expect(contents(folder)).toEqual(before);
});
