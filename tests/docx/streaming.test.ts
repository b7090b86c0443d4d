/**
 * word/document.xml is streamed from its inflate into the reader, never unpacked whole first, and a
 * file still fails exactly as unpacking it whole did: the part-size limit comes before what the
 * reader refuses in the part.
 */
import JSZip from "jszip";
import { readDocx } from "../../src/docx";
import { streamEntryInto, openZip } from "../../src/docx/zip";
import { docxWithBody, p, r } from "./minimal-docx";

jest.setTimeout(60_000);

test("the reader is fed the part a piece at a time, the pieces adding up to the part", async () => {
  const bytes = await docxWithBody(p(r("x".repeat(1000))).repeat(3000));
  const zip = await openZip(bytes);
  const whole = await zip.file("word/document.xml")!.async("uint8array");
  const pieces: number[] = [];
  const total = await streamEntryInto(zip, "word/document.xml", () => ({
    chunk: (piece) => pieces.push(piece.length),
    end: () => pieces.reduce((sum, n) => sum + n, 0),
  }));
  expect(total).toBe(whole.length);
  expect(pieces.length).toBeGreaterThan(4);
  expect(pieces.reduce((most, n) => Math.max(most, n), 0)).toBeLessThan(whole.length / 4);
});

test("past the part-size limit, the limit is the error even when the XML was refused before it", async () => {
  // Not well-formed at once (an undefined entity), then 70 MB of paragraphs: unpacked whole, the size came first.
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>&nbsp;</w:p>${"<w:p/>".repeat(12_000_000)}</w:body></w:document>`;
  zip.file("word/document.xml", xml);
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
  await expect(readDocx(bytes)).rejects.toMatchObject({ reason: "too-large", message: expect.stringContaining("64 MB once unpacked") });
});
