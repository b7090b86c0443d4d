/**
 * Findings set aside in the add-in, read by scrutiny-check from the .docx's web-extension part:
 * listed with their reasons, not counted for the exit code unless --include-set-aside.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { run, type Io } from "../../src/cli/main";
import type { FileReport } from "../../src/cli/report";
import { readDocxSettings, webExtensionProperties } from "../../src/docx/webextension";
import { SET_ASIDE_SETTING, readSetAsideRecords } from "../../src/model/set-aside";
import { SET_ASIDE_FILE, SET_ASIDE_REASONS, setAsideRecords } from "../fixtures/set-aside";
import { webExtensionXml } from "../fixtures/webextension";

const FIXTURES = join(__dirname, "..", "fixtures", "docx");
const SET_ASIDE = join(FIXTURES, SET_ASIDE_FILE);
const CAREERS = join(FIXTURES, "careers-provision.docx");

async function check(...argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  const io: Io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true }, env: {} };
  const code = await run(argv, io);
  return { code, stdout };
}

describe("the web-extension part", () => {
  it("reads the add-in's settings from a .docx built to [MS-OWEXML], values as JSON", async () => {
    const settings = await readDocxSettings(readFileSync(SET_ASIDE));
    expect(settings.get("Office.AutoShowTaskpaneWithDocument")).toBe(true);
    expect(readSetAsideRecords(settings.get(SET_ASIDE_SETTING))).toEqual(setAsideRecords());
  });

  it("has no settings in a file without the part, and ignores a damaged part", async () => {
    expect((await readDocxSettings(readFileSync(CAREERS))).size).toBe(0);
    expect(webExtensionProperties(new TextEncoder().encode(webExtensionXml({ a: [1, "two"] })))).toEqual(new Map([["a", '[1,"two"]']]));
    const other = webExtensionProperties(new TextEncoder().encode('<x:webextension xmlns:x="urn:x"><x:properties><x:property name="n" value="1"/><x:property name="n" value="2"/></x:properties></x:webextension>'));
    expect(other).toEqual(new Map([["n", "1"]]));
  });
});

describe("scrutiny-check and findings set aside", () => {
  it("lists them with their reasons and does not count them: the only error is set aside, so it exits 0", async () => {
    const { code, stdout } = await check(SET_ASIDE);
    expect(code).toBe(0);
    expect(stdout).toMatch(/COMPLETE: 7 recommendations, 4 warnings\./);
    expect(stdout).toContain("Set aside in the document (2, not counted)");
    expect(stdout).toContain(`set aside 2021-09-14: “${SET_ASIDE_REASONS.grade}”`);
    expect(stdout).toContain(`set aside 2021-09-14: “${SET_ASIDE_REASONS.asAbove}”`);
    const findings = stdout.slice(stdout.indexOf("  Findings"), stdout.indexOf("  Set aside"));
    expect(findings).not.toMatch(/missing-grade|as-above/);
    expect((await check(CAREERS)).code).toBe(1);
  });

  it("counts them with --include-set-aside", async () => {
    const { code, stdout } = await check("--include-set-aside", SET_ASIDE);
    expect(code).toBe(1);
    expect(stdout).toContain("Set aside in the document (2, counted, as --include-set-aside asks)");
  });

  it("gives them in JSON with reason and date, and in Markdown", async () => {
    const [report] = JSON.parse((await check("--json", SET_ASIDE)).stdout) as FileReport[];
    expect(report.ok).toBe(true);
    expect(report.findings.map((f) => f.code)).not.toContain("missing-grade");
    expect(report.setAside).toEqual([
      expect.objectContaining({ code: "missing-grade", recommendation: "2", round: "July 2021", reason: SET_ASIDE_REASONS.grade, date: "2021-09-14" }),
      expect.objectContaining({ code: "as-above", recommendation: "6", reason: SET_ASIDE_REASONS.asAbove }),
    ]);
    expect(report.setAsideCounted).toBe(false);
    const md = (await check("--markdown", SET_ASIDE)).stdout;
    expect(md).toContain("## Set aside in the document (not counted above)");
    expect(md).toMatch(/- \*\*Error:\*\* Recommendation 2 \(July 2021 update\): .* \*Set aside 2021-09-14: “Agreed at committee/);
  });
});
