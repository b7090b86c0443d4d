import { execFileSync } from "node:child_process";
import { join } from "node:path";

/**
 * The lint rule against spreading arrays into calls covers every part of the product. Linted in one ESLint
 * process (its flat config is an ES module, loaded as `npm run lint` loads it) on text given a path in each
 * folder, so the test fails if a folder drops out of the rule's `files`.
 */
const FOLDERS = ["src/model", "src/docx", "src/cli", "src/taskpane", "src/taskpane/components", "src/word", "src/simulated-word", "src/preview"];

const SCRIPT = `
import { ESLint } from "eslint";
const eslint = new ESLint();
const folders = JSON.parse(process.argv[1]);
const code = "export function f(into: number[], items: number[]): number { into.push(...items); into.splice(0, 0, ...items); return Math.max(...items); }\\n";
const out = {};
for (const folder of folders) {
  const [result] = await eslint.lintText(code, { filePath: folder + "/lint-probe.ts" });
  out[folder] = result.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
}
console.log(JSON.stringify(out));
`;

it("forbids push(...items), splice(at, 0, ...items) and Math.max(...items) in every folder of src", () => {
  const root = join(__dirname, "../..");
  const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", SCRIPT, JSON.stringify(FOLDERS)], {
    cwd: root,
    encoding: "utf8",
  });
  const found = JSON.parse(stdout) as Record<string, string[]>;
  for (const folder of FOLDERS) {
    expect({ folder, messages: found[folder] }).toEqual({
      folder,
      messages: [1, 2, 3].map(() => expect.stringMatching(/^Spreading an array into push/)),
    });
  }
}, 60_000);
