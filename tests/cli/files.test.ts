import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { findFiles } from "../../src/cli/files";

describe("findFiles", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "scrutiny-files-"));
    mkdirSync(join(root, "2023", "autumn"), { recursive: true });
    mkdirSync(join(root, ".git"));
    for (const name of ["b.docx", "a.DOCX", "~$b.docx", "notes.txt", "2023/c.docx", "2023/autumn/d.docx", ".git/e.docx"]) {
      writeFileSync(join(root, name), "x");
    }
    mkdirSync(join(root, "empty"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("searches folders recursively for .docx in path order, skipping Word lock files and hidden folders", async () => {
    const { files, problems } = await findFiles([root]);
    expect(problems).toEqual([]);
    expect(files.map((f) => f.slice(root.length + 1).replace(/\\/g, "/"))).toEqual([
      "2023/autumn/d.docx",
      "2023/c.docx",
      "a.DOCX",
      "b.docx",
    ]);
  });

  it("takes a named file whatever its extension, once, in the order given", async () => {
    const notes = join(root, "notes.txt");
    const b = join(root, "b.docx");
    const { files } = await findFiles([notes, b, root]);
    expect(files.slice(0, 2)).toEqual([notes, b]);
    expect(files.filter((f) => f === b)).toHaveLength(1);
  });

  it("reports a missing path and an empty folder, and still finds the rest", async () => {
    const { files, problems } = await findFiles([join(root, "nope.docx"), join(root, "empty"), join(root, "b.docx")]);
    expect(files).toEqual([join(root, "b.docx")]);
    expect(problems).toEqual([
      `${join(root, "nope.docx")}: no such file or folder.`,
      `${join(root, "empty")}: no .docx files in this folder.`,
    ]);
  });
});
