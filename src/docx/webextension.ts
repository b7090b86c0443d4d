import { DocxError } from "./errors";
import { attribute, streamXml } from "./xml";
import { openZipToRead, readEntry, type ReadableZip } from "./zip";

/**
 * An add-in's document settings as Word keeps them inside a .docx: each add-in instance has a
 * web-extension part (word/webextensions/webextension1.xml, …) whose root is
 * `we:webextension` ([MS-OWEXML] CT_OsfWebExtension, namespace
 * http://schemas.microsoft.com/office/webextensions/webextension/2010/11), and each setting is a
 * `we:property` (CT_OsfWebExtensionProperty) in its `we:properties` bag, with a `name` and a `value`
 * that holds the setting's value as JSON text (`Office.AutoShowTaskpaneWithDocument` is "true").
 */

/** Web-extension parts hold a few settings: far less than this. */
const MAX_WEBEXTENSION_BYTES = 4 * 1024 * 1024;
const WEBEXTENSION_PART = /^word\/webextensions\/webextension\d*\.xml$/i;

/** The properties of one web-extension part, by name (value as written: JSON text). */
export function webExtensionProperties(bytes: Uint8Array): Map<string, string> {
  const properties = new Map<string, string>();
  // In one streaming pass: the root we:webextension, its first we:properties, each we:property in it.
  let inRoot = false;
  let bagsSeen = 0;
  let inBag = false;
  streamXml(bytes, {
    open(tag, depth) {
      if (depth === 1) inRoot = tag.local === "webextension";
      else if (depth === 2 && inRoot && tag.local === "properties") inBag = ++bagsSeen === 1;
      else if (depth === 3 && inBag && tag.local === "property") {
        const name = attribute(tag, "", "name");
        const value = attribute(tag, "", "value");
        if (name !== undefined && value !== undefined && !properties.has(name)) properties.set(name, value);
      }
    },
    close(depth) {
      if (depth === 2) inBag = false;
    },
    text() {},
  });
  return properties;
}

/** A setting's value: its JSON read, or the text itself when it is not JSON. */
export function settingValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Every add-in setting stored in the .docx (all its web-extension parts; the first part to give a
 * name wins), values read from JSON. A file with none, or whose parts cannot be read, has none: the
 * settings never stop a document from being checked.
 */
export async function readDocxSettings(bytes: Uint8Array): Promise<Map<string, unknown>> {
  let zip: ReadableZip;
  try {
    zip = await openZipToRead(bytes);
  } catch (error) {
    if (!(error instanceof DocxError)) throw error;
    return new Map();
  }
  return readZipSettings(zip);
}

/** readDocxSettings on a package already opened (readDocxAndSettings: one unzip for the snapshot and the settings). */
export async function readZipSettings(zip: ReadableZip): Promise<Map<string, unknown>> {
  const settings = new Map<string, unknown>();
  try {
    const parts = Object.keys(zip.files)
      .filter((path) => WEBEXTENSION_PART.test(path))
      .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    for (const path of parts) {
      const part = await readEntry(zip, path, MAX_WEBEXTENSION_BYTES);
      if (!part) continue;
      for (const [name, value] of webExtensionProperties(part)) {
        if (!settings.has(name)) settings.set(name, settingValue(value));
      }
    }
  } catch (error) {
    if (!(error instanceof DocxError)) throw error;
  }
  return settings;
}
