/** The read-back of inserted markup: what does not read as planned is refused; copies differing only in ids are read once. */
import { DocxWriteError } from "../../src/docx/write-errors";
import type { WritablePackage } from "../../src/docx/write-package";
import { verifyWithReader, type Fragment } from "../../src/docx/write-verify";
import { parseXmlTree } from "../../src/docx/write-xml";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const text = `<w:document xmlns:w="${W}"><w:body><w:p/></w:body></w:document>`;
const pack = { document: parseXmlTree(text), encoding: "utf-8" } as WritablePackage;

const row = (id: number, value: string): string =>
  `<w:tbl><w:tr><w:tc><w:p><w:sdt><w:sdtPr><w:id w:val="${id}"/></w:sdtPr><w:sdtContent><w:ins w:id="${id + 1}"><w:r><w:t>${value}</w:t></w:r></w:ins></w:sdtContent></w:sdt></w:p></w:tc></w:tr></w:tbl>`;
const planned = (value: string): Fragment["blocks"] => [{ kind: "table", rows: [[[value]]] }];

test("copies that differ only in their ids read as planned, each checked", () => {
  expect(() => verifyWithReader(pack, [1, 3, 5].map((id) => ({ xml: row(id, "a"), blocks: planned("a") })))).not.toThrow();
});

test("a copy planned to read otherwise than the markup it shares is refused", () => {
  const fragments = [
    { xml: row(1, "a"), blocks: planned("a") },
    { xml: row(3, "a"), blocks: planned("b") },
  ];
  expect(() => verifyWithReader(pack, fragments)).toThrow(DocxWriteError);
});

test("markup that reads otherwise than planned is refused, wherever it stands", () => {
  const fragments = [
    { xml: row(1, "a"), blocks: planned("a") },
    { xml: row(3, "b"), blocks: planned("b") },
    { xml: row(5, "c"), blocks: planned("not c") },
  ];
  expect(() => verifyWithReader(pack, fragments)).toThrow(DocxWriteError);
  expect(() => verifyWithReader(pack, fragments.slice(0, 2))).not.toThrow();
});
