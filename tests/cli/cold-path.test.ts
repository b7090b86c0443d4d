/**
 * A cold `scrutiny-check file.docx`: what it loads (webpack.cli.config.js: not child_process, with its
 * dgram and the rest, which commander requires only for subcommands these commands do not have), the code
 * cache it starts from (bin/load.js, saved by scripts/build-cli.js after a training run), and how it ends
 * (exitWhenWritten: at once, with everything written).
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
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

test("the build's code cache is accepted by node as the bins load it (their V8 flags set), and holds what the training run compiled, not only the top level", () => {
  const probe = [
    `require(${JSON.stringify(join(ROOT, "bin", "load.js"))});`,
    'const fs = require("fs"), vm = require("vm"), Module = require("module");',
    `const file = ${JSON.stringify(join(ROOT, "build", "cli", "main.js"))};`,
    'const source = Module.wrap(fs.readFileSync(file, "utf8"));',
    'const cachedData = fs.readFileSync(file.replace(/\\.js$/, ".cache"));',
    "const script = new vm.Script(source, { filename: file, cachedData });",
    "const topLevel = new vm.Script(source).createCachedData().length;",
    "process.stdout.write(JSON.stringify({ rejected: script.cachedDataRejected, trained: cachedData.length, topLevel }));",
  ].join("\n");
  const run = spawnSync(process.execPath, ["-e", probe], { cwd: ROOT, encoding: "utf8" });
  const result = JSON.parse(run.stdout) as { rejected: boolean; trained: number; topLevel: number };
  expect(result.rejected).toBe(false);
  expect(result.trained).toBeGreaterThan(5 * result.topLevel);
});

test("the whole report reaches a slow pipe before the command exits, with its exit code", () => {
  const folder = join(ROOT, "tests", "fixtures", "docx");
  const command = (out: string): string =>
    `"${process.execPath}" "${join(ROOT, "bin", "scrutiny-check.js")}" --json "${folder}" 2>/dev/null | (sleep 1; cat > "${out}"); echo "\${PIPESTATUS[0]}"`;
  const direct = spawnSync(process.execPath, [join(ROOT, "bin", "scrutiny-check.js"), "--json", folder], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const piped = spawnSync("bash", ["-c", command(join(dir, "report.json"))], { cwd: ROOT, encoding: "utf8" });
  expect(direct.status).toBe(2);
  expect(piped.stdout.trim()).toBe("2");
  const report = readFileSync(join(dir, "report.json"), "utf8");
  expect(report.length).toBeGreaterThan(100_000);
  expect(report).toBe(direct.stdout);
});

test("a report that cannot be written (a full disk) still says so on stderr, and the exit code is kept", () => {
  if (!existsSync("/dev/full")) return; // Linux's always-full device; nothing to try elsewhere
  const command = `"${process.execPath}" "${join(ROOT, "bin", "scrutiny-check.js")}" --json "${join(ROOT, "tests", "fixtures", "docx", "careers-provision.docx")}" > /dev/full`;
  const run = spawnSync("bash", ["-c", command], { cwd: ROOT, encoding: "utf8" });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("scrutiny-check: cannot write the report: ENOSPC");
});
