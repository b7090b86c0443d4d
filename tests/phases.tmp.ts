import { setFlagsFromString } from "v8";
setFlagsFromString("--no-turbo-inlining");
import { readFileSync } from "fs";
const ROOT = process.env.ROOT ?? "/work/main";
const mode = process.argv[2];
const doc = readFileSync(process.env.DOC ?? "/tmp/s100.xml");
const { XmlScanner } = require(`${ROOT}/src/docx/xml-scan`);
const { streamXml } = require(`${ROOT}/src/docx/xml`);
const ooxml = require(`${ROOT}/src/docx/ooxml`);
const text = new TextDecoder().decode(doc);
const t0 = performance.now();
if (mode === "nop") {
  const s = new XmlScanner({ start() {}, end() {}, text() {} });
  s.write(text); s.end();
} else if (mode === "scan") {
  const s = new XmlScanner({ start(tag: { parse(): void }) { tag.parse(); }, end() {}, text() {} });
  s.write(text); s.end();
} else if (mode === "stream") {
  streamXml(doc, { classify: () => 0, open: () => false, close() {}, text() {} });
} else if (mode === "streamall") {
  streamXml(doc, { classify: () => 0, open: () => undefined, close() {}, text() {} });
} else if (mode === "reader") {
  const fn = ooxml.readDocumentXml ?? ooxml.snapshotFromDocumentXml;
  fn(doc);
}
process.stdout.write(`${(performance.now() - t0).toFixed(2)}\n`);
