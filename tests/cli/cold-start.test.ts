/**
 * How a cold `scrutiny-check` starts and ends, beyond cold-path.test.ts: the bundle V8 reads on every run is
 * ASCII (webpack.cli.config.js's AsciiOnlyPlugin), and the command exits at once when all is written, with
 * its exit code, yet still waits for a pipe that has not taken the report (bin/load.js, exitWhenWritten).
 */
import { spawnSync } from "child_process";
import { readFileSync, readdirSync, statSync } from "fs";
import { join } from "path";
import { buildCli, ROOT } from "./build";

jest.setTimeout(120_000);

beforeAll(() => buildCli());

const FIXTURE = join(ROOT, "tests", "fixtures", "docx", "careers-provision.docx");

test("the bundles are ASCII, so V8 holds their source one byte a character", () => {
  for (const name of ["main.js", "update-main.js"]) {
    const bundle = readFileSync(join(ROOT, "build", "cli", name), "utf8");
    expect(bundle.match(/[^\0-\x7f]/g) ?? []).toEqual([]);
    expect(bundle).toContain("\\u2026"); // the messages' "…", escaped, not dropped
  }
});

test("no String.raw template in src/ holds a non-ASCII character (escaping one would change its text)", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
    });
  const offending = files(join(ROOT, "src")).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/String\.raw`[^`]*`/g)].filter(([raw]) => /[^\0-\x7f]/.test(raw)).map(([raw]) => `${file}: ${raw}`),
  );
  expect(offending).toEqual([]);
});

test("a report piped to a reader that takes it at once arrives whole, with the exit code", () => {
  const bin = join(ROOT, "bin", "scrutiny-check.js");
  const direct = spawnSync(process.execPath, [bin, "--json", FIXTURE], { cwd: ROOT, encoding: "utf8" });
  const piped = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" --json "${FIXTURE}" | cat; echo "exit \${PIPESTATUS[0]}" >&2`], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(direct.status).toBe(1);
  expect(JSON.parse(direct.stdout)).toBeTruthy();
  expect(piped.stdout).toBe(direct.stdout);
  expect(piped.stderr.trim()).toBe("exit 1");
});
