/**
 * What a cold `scrutiny-check file.docx` loads (webpack.cli.config.js): not child_process (with its
 * dgram and the rest), which commander requires only for subcommands these commands do not have.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as vm from "vm";
import { buildCli, ROOT } from "./build";

jest.setTimeout(120_000);

let dir: string;
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), "scrutiny-cold-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The built-in modules the command had loaded when it exited (Node's own list), and its exit code. */
function loadedBy(args: string[]): { code: number | null; modules: string[] } {
  const preload = join(dir, "list-modules.js");
  const out = join(dir, "modules.json");
  writeFileSync(
    preload,
    `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList)));\n`,
  );
  const run = spawnSync(process.execPath, ["-r", preload, join(ROOT, "bin", "scrutiny-check.js"), ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: run.status, modules: JSON.parse(readFileSync(out, "utf8")) as string[] };
}

test("checking a document does not load child_process", () => {
  const { code, modules } = loadedBy([join(ROOT, "tests", "fixtures", "docx", "careers-provision.docx")]);
  expect(code).toBe(1);
  expect(modules).toContain("NativeModule zlib"); // the list is the real one
  expect(modules.filter((name) => /child_process|dgram/.test(name))).toEqual([]);
});

test("commander's child_process is there when asked for: the bundle's getter gives the real spawn", () => {
  const bundle = readFileSync(join(ROOT, "build", "cli", "main.js"), "utf8");
  expect(bundle).not.toContain('require("node:child_process")');
  const external = /module\.exports = (\{ get spawn\(\) \{ return require\("child_process"\)\.spawn; \} \});/.exec(bundle);
  expect(external).not.toBeNull();
  const lazy = vm.runInNewContext(`(${external![1]})`, { require }) as { spawn: unknown };
  expect(lazy.spawn).toBe(require("child_process").spawn);
});
