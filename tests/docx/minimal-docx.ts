import JSZip from "jszip";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const RELATIONSHIPS = (target: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;

/** A .docx holding only the given body XML, for reader details the fixture builder cannot write. */
export async function docxWithBody(
  bodyXml: string,
  options: { mainPart?: string; files?: Record<string, string> } = {},
): Promise<Uint8Array> {
  const mainPart = options.mainPart ?? "word/document.xml";
  const zip = new JSZip();
  zip.file("_rels/.rels", RELATIONSHIPS(`/${mainPart}`));
  zip.file(mainPart, `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${bodyXml}</w:body></w:document>`);
  for (const [path, content] of Object.entries(options.files ?? {})) zip.file(path, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export const p = (...runs: string[]): string => `<w:p>${runs.join("")}</w:p>`;
export const r = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
export const tc = (...content: string[]): string => `<w:tc>${content.join("") || "<w:p/>"}</w:tc>`;
export const tr = (...cells: string[]): string => `<w:tr>${cells.join("")}</w:tr>`;
export const tbl = (...rows: string[]): string => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join("")}</w:tbl>`;
