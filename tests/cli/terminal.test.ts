/** What changes when a person is watching: colour on stdout, progress on stderr. In-process. */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCaptured } from "./capture";

let dir: string;
let files: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "scrutiny-terminal-"));
  files = ["a", "b", "c", "d"].map((name) => {
    const file = join(dir, `${name}.docx`);
    writeFileSync(file, "not a zip");
    return file;
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ESC = "\u001b[";

describe("colour", () => {
  it("is used when stdout is a terminal and NO_COLOR is not set", async () => {
    const { stdout } = await runCaptured([files[0]], { stdoutIsTTY: true });
    expect(stdout).toContain(ESC);
    expect(stdout).toContain("UNREADABLE"); // the word is there, not only the red
  });

  it("is not used when stdout is not a terminal", async () => {
    expect((await runCaptured([files[0]], { stdoutIsTTY: false })).stdout).not.toContain(ESC);
  });

  it("is not used when NO_COLOR is set, or with --no-color", async () => {
    expect((await runCaptured([files[0]], { stdoutIsTTY: true, env: { NO_COLOR: "1" } })).stdout).not.toContain(ESC);
    expect((await runCaptured(["--no-color", files[0]], { stdoutIsTTY: true })).stdout).not.toContain(ESC);
  });

  it("never appears in JSON or Markdown", async () => {
    for (const format of ["--json", "--markdown"]) {
      expect((await runCaptured([format, files[0]], { stdoutIsTTY: true })).stdout).not.toContain(ESC);
    }
  });
});

describe("progress", () => {
  it("counts files on stderr when stderr is a terminal and there are several, then clears the line", async () => {
    const { stderr, code } = await runCaptured([dir], { stderrIsTTY: true });
    expect(code).toBe(2);
    expect(stderr).toContain("Checked 1 of 4…");
    expect(stderr).toContain("Checked 4 of 4…");
    expect(stderr.endsWith("\r")).toBe(true);
  });

  it("is not shown when stderr is not a terminal", async () => {
    expect((await runCaptured([dir], { stderrIsTTY: false })).stderr).toBe("");
  });

  it("is not shown for a single file", async () => {
    expect((await runCaptured([files[0]], { stderrIsTTY: true })).stderr).toBe("");
  });
});
