/** The command line, in-process: help, version, usage errors, missing paths. */
import { readFileSync } from "fs";
import { join } from "path";
import { runCaptured } from "./capture";

describe("scrutiny-check arguments", () => {
  it("--help prints usage, the options and the exit codes on stdout, and exits 0", async () => {
    const { code, stdout, stderr } = await runCaptured(["--help"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain("Usage: scrutiny-check [options] <file.docx|folder>...");
    for (const option of ["--markdown", "--json", "--no-color", "--version", "--help"]) expect(stdout).toContain(option);
    expect(stdout).toMatch(/0\s+every file is complete/);
    expect(stdout).toMatch(/1\s+some file has an error finding/);
    expect(stdout).toMatch(/2\s+some file is unreadable or not a monitoring document, or the arguments are wrong/);
  });

  it("--version prints the package version and exits 0", async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { version: string };
    const { code, stdout } = await runCaptured(["--version"]);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
  });

  it("no files: a usage message on stderr, nothing on stdout, exit 2", async () => {
    const { code, stdout, stderr } = await runCaptured([]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("no files given");
    expect(stderr).toContain("Usage: scrutiny-check [options] <file.docx|folder>...");
  });

  it("an unknown option: named on stderr with a pointer to --help, exit 2", async () => {
    const { code, stdout, stderr } = await runCaptured(["--colour", "x.docx"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("unknown option '--colour'");
    expect(stderr).toContain("scrutiny-check --help");
  });

  it("--json with --markdown is refused, exit 2", async () => {
    const { code, stderr } = await runCaptured(["--json", "--markdown", "x.docx"]);
    expect(code).toBe(2);
    expect(stderr).toContain("cannot be used with");
  });

  it("a missing path: a clear message naming it, exit 2", async () => {
    const { code, stdout, stderr } = await runCaptured(["no/such/review.docx"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("scrutiny-check: no/such/review.docx: no such file or folder.\n");
  });
});
