/**
 * An offline check of the XML add-in manifest (Microsoft's validator needs the internet): well-formed XML,
 * element order (manifest-element-ordering), ids, https URLs, resource references, the WordApi requirement set,
 * the Home-tab button and its auto-open task pane, and (given a folder) that every URL under the add-in's base
 * resolves to a file.
 *
 *   node scripts/run-ts.js scripts/check-manifest.ts                 # manifest.xml, and dist/manifest.xml if built
 *   node scripts/run-ts.js scripts/check-manifest.ts dist/manifest.xml --root dist
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface ManifestCheck {
  errors: string[];
  warnings: string[];
  /** What the manifest says, for printing. */
  summary: { id: string | null; version: string | null; displayName: string | null; baseUrl: string | null };
}

export interface CheckOptions {
  /** Whether a path relative to the add-in's base URL (e.g. "assets/icon-16.png") names a file that will be served. */
  fileExists?: (relativePath: string) => boolean;
  /** When given, the base URL every add-in URL must start with (e.g. the production ADDIN_BASE_URL). */
  expectedBaseUrl?: string;
}

/** The WordApi floor: Office 2019 and 2021 stop at 1.3. */
const WORD_API_FLOOR = "1.3";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const MAX_SHORT = 125;
const MAX_LONG = 250;
const MAX_RESID = 32;
const AUTO_SHOW = "Office.AutoShowTaskpaneWithDocument";

const NS_APP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const NS_BASIC = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

/** Children in the order Microsoft's schema requires (task pane add-ins). */
const ORDER: Record<string, string[]> = {
  OfficeApp: [
    "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
    "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
    "Dictionary", "VersionOverrides", "ExtendedOverrides",
  ],
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Group: ["Label", "Icon", "Control"],
  Control: ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  Action: ["TaskpaneId", "SourceLocation", "Title", "FunctionName"],
  Resources: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"],
};
const REQUIRED: Record<string, string[]> = {
  OfficeApp: ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "Requirements", "DefaultSettings", "Permissions"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Group: ["Label", "Icon"],
  Control: ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  Action: ["SourceLocation"],
};

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
  /** "OfficeApp > VersionOverrides > …", for messages. */
  path: string;
}

type Collection = "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings";

export function checkManifest(xml: string, options: CheckOptions = {}): ManifestCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const summary: ManifestCheck["summary"] = { id: null, version: null, displayName: null, baseUrl: null };
  const result = { errors, warnings, summary };

  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    errors.push(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
    return result;
  }
  const root = toTree(xml).find((node) => node.name === "OfficeApp");
  if (!root) {
    errors.push("the root element must be <OfficeApp>");
    return result;
  }

  // Root and namespaces
  if (root.attrs.xmlns !== NS_APP) errors.push(`<OfficeApp> must have xmlns="${NS_APP}"`);
  if (root.attrs["xsi:type"] !== "TaskPaneApp") errors.push(`<OfficeApp> must be xsi:type="TaskPaneApp" (found "${root.attrs["xsi:type"] ?? ""}")`);
  checkOrder(root, errors);

  // Identity
  const id = child(root, "Id")?.text ?? null;
  summary.id = id;
  if (id !== null && !GUID.test(id)) errors.push(`<Id> must be a GUID like 17390a21-463f-4426-8426-00b89899a2a6 (found "${id}")`);
  const version = child(root, "Version")?.text ?? null;
  summary.version = version;
  if (version !== null && !VERSION.test(version)) errors.push(`<Version> must be up to four dotted numbers, e.g. 1.0.0.0 (found "${version}")`);
  if (child(root, "ProviderName") && !child(root, "ProviderName")!.text) errors.push("<ProviderName> is empty");
  const displayName = child(root, "DisplayName")?.attrs.DefaultValue ?? null;
  summary.displayName = displayName;
  checkLength(child(root, "DisplayName"), MAX_SHORT, errors);
  checkLength(child(root, "Description"), MAX_LONG, errors);
  if (child(root, "DisplayName") && !displayName) errors.push("<DisplayName> needs a DefaultValue");

  // Host, requirement set, permissions
  const hosts = child(root, "Hosts");
  const hostNames = hosts ? children(hosts, "Host").map((host) => host.attrs.Name) : [];
  if (!hostNames.includes("Document")) errors.push(`<Hosts> must contain <Host Name="Document"/> (Word); found ${hostNames.length ? hostNames.join(", ") : "none"}`);
  const requirements = child(root, "Requirements");
  if (requirements) {
    const wordApi = (child(requirements, "Sets")?.children ?? []).find((set) => set.name === "Set" && set.attrs.Name === "WordApi");
    if (!wordApi) {
      errors.push(`<Requirements> must name the WordApi set: <Sets><Set Name="WordApi" MinVersion="${WORD_API_FLOOR}"/></Sets>`);
    } else if (wordApi.attrs.MinVersion !== WORD_API_FLOOR) {
      errors.push(
        `WordApi MinVersion must be ${WORD_API_FLOOR} (found "${wordApi.attrs.MinVersion ?? ""}"): ` +
          `a higher floor hides the add-in from Office 2019 and 2021; light up newer sets at run time instead`,
      );
    }
  }
  const permissions = child(root, "Permissions")?.text;
  if (permissions !== undefined && permissions !== "ReadWriteDocument") {
    errors.push(`<Permissions> must be ReadWriteDocument: Word's API needs it even to read the document (found "${permissions}")`);
  }

  // URLs: https only, under one base
  const sourceLocation = child(child(root, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue ?? null;
  if (child(root, "DefaultSettings") && !sourceLocation) errors.push("<DefaultSettings> needs <SourceLocation DefaultValue=\"https://…/taskpane.html\"/>");
  const baseUrl = sourceLocation && /^https:\/\//.test(sourceLocation) ? sourceLocation.replace(/[^/]*$/, "") : null;
  summary.baseUrl = baseUrl;
  if (options.expectedBaseUrl && baseUrl !== options.expectedBaseUrl) {
    errors.push(`the add-in's base URL is "${baseUrl ?? ""}", expected "${options.expectedBaseUrl}"`);
  }
  for (const { url, where } of urls(root)) {
    if (!/^https:\/\/[^/\s]+/.test(url)) {
      errors.push(`URL must be https: "${url}" (at ${where})`);
      continue;
    }
    if (where.endsWith("AppDomain")) continue;
    if (baseUrl && url.startsWith(baseUrl)) {
      const relative = url.slice(baseUrl.length).replace(/[?#].*$/, "");
      if (options.fileExists && !options.fileExists(relative)) errors.push(`"${url}" does not resolve to a file (${relative}) (at ${where})`);
    } else if (baseUrl) {
      warnings.push(`"${url}" is outside the add-in's base URL ${baseUrl} (at ${where})`);
    }
  }

  checkVersionOverrides(root, sourceLocation, errors, warnings);
  return result;
}

function checkVersionOverrides(root: Node, sourceLocation: string | null, errors: string[], warnings: string[]): void {
  const overrides = child(root, "VersionOverrides");
  if (!overrides) {
    errors.push("missing <VersionOverrides>: the Home-tab button is defined there");
    return;
  }
  if (overrides.attrs.xmlns !== NS_OVERRIDES) errors.push(`<VersionOverrides> must have xmlns="${NS_OVERRIDES}"`);
  if (overrides.attrs["xsi:type"] !== "VersionOverridesV1_0") errors.push(`<VersionOverrides> must be xsi:type="VersionOverridesV1_0"`);
  if (root.attrs["xmlns:bt"] !== NS_BASIC && overrides.attrs["xmlns:bt"] !== NS_BASIC) errors.push(`the bt: prefix must be declared as xmlns:bt="${NS_BASIC}"`);

  // Resources: unique ids, lengths, and a table for resolving resid.
  const resources = new Map<Collection, Map<string, Node>>();
  const resourcesNode = child(overrides, "Resources");
  if (!resourcesNode) errors.push("<VersionOverrides> needs <Resources>");
  const seenIds = new Set<string>();
  for (const collection of ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"] as Collection[]) {
    const items = new Map<string, Node>();
    for (const item of child(resourcesNode, collection)?.children ?? []) {
      const id = item.attrs.id;
      if (!id) {
        errors.push(`a resource has no id (at ${item.path})`);
        continue;
      }
      if (seenIds.has(id)) errors.push(`resource id "${id}" is used twice`);
      seenIds.add(id);
      if (id.length > MAX_RESID) errors.push(`resource id "${id}" is longer than ${MAX_RESID} characters`);
      if (!item.attrs.DefaultValue) errors.push(`resource "${id}" has no DefaultValue`);
      if (collection === "bt:ShortStrings") checkLength(item, MAX_SHORT, errors);
      if (collection === "bt:LongStrings") checkLength(item, MAX_LONG, errors);
      items.set(id, item);
    }
    resources.set(collection, items);
  }

  // Every resid resolves, in the collection its element needs.
  const used = new Set<string>();
  walk(overrides, (node, parent) => {
    const resid = node.attrs.resid;
    if (resid === undefined) return;
    const collection = collectionFor(node, parent);
    used.add(resid);
    if (!resources.get(collection)?.has(resid)) {
      errors.push(`resid "${resid}" (at ${node.path}) does not resolve: no id "${resid}" in <${collection}>`);
    }
  });
  for (const [collection, items] of resources) {
    for (const id of items.keys()) if (!used.has(id)) warnings.push(`resource "${id}" in <${collection}> is never used`);
  }

  const host = (child(overrides, "Hosts")?.children ?? []).find((node) => node.name === "Host");
  if (host?.attrs["xsi:type"] !== "Document") {
    errors.push(`<VersionOverrides> needs <Hosts><Host xsi:type="Document">`);
    return;
  }
  const desktop = child(host, "DesktopFormFactor");
  if (!desktop) {
    errors.push("<Host xsi:type=\"Document\"> needs <DesktopFormFactor>");
    return;
  }
  if (!child(desktop, "GetStarted")) warnings.push("no <GetStarted>: Word shows the DisplayName and Description instead");

  // The Home-tab button that opens the pane.
  const controlIds = new Set<string>();
  let button: Node | null = null;
  for (const extensionPoint of children(desktop, "ExtensionPoint")) {
    for (const tab of extensionPoint.children) {
      if (tab.name === "OfficeTab" && tab.attrs.id !== "TabHome") warnings.push(`<OfficeTab id="${tab.attrs.id}">: the pane's button is expected on TabHome`);
      for (const group of children(tab, "Group")) {
        checkUniqueId(group, controlIds, errors);
        for (const control of children(group, "Control")) {
          checkUniqueId(control, controlIds, errors);
          if (tab.name === "OfficeTab" && tab.attrs.id === "TabHome" && control.attrs["xsi:type"] === "Button") button ??= control;
          checkIcons(control, errors);
        }
        checkIcons(group, errors);
      }
    }
  }
  if (!button) {
    errors.push(`no <Control xsi:type="Button"> in a <Group> on <OfficeTab id="TabHome">`);
    return;
  }
  const action = child(button, "Action");
  if (action?.attrs["xsi:type"] !== "ShowTaskpane") {
    errors.push(`the Home-tab button's <Action> must be xsi:type="ShowTaskpane" (at ${button.path})`);
    return;
  }
  const taskpaneId = child(action, "TaskpaneId")?.text;
  if (taskpaneId !== AUTO_SHOW) {
    errors.push(`the button's <TaskpaneId> must be ${AUTO_SHOW}, so a council template can open the pane with the document (found "${taskpaneId ?? ""}")`);
  }
  const paneUrl = resources.get("bt:Urls")?.get(child(action, "SourceLocation")?.attrs.resid ?? "")?.attrs.DefaultValue;
  if (paneUrl && sourceLocation && paneUrl !== sourceLocation) {
    errors.push(`the button opens "${paneUrl}" but <DefaultSettings> names "${sourceLocation}": they must be the same page`);
  }
}

/** Which resource collection an element's resid must point into. */
function collectionFor(node: Node, parent: Node | null): Collection {
  if (node.name === "bt:Image") return "bt:Images";
  if (["SourceLocation", "LearnMoreUrl", "FunctionFile"].includes(node.name)) return "bt:Urls";
  if (node.name === "Description" && parent && ["Supertip", "GetStarted", "VersionOverrides"].includes(parent.name)) return "bt:LongStrings";
  return "bt:ShortStrings";
}

function checkIcons(node: Node, errors: string[]): void {
  const icon = child(node, "Icon");
  if (!icon) return;
  const sizes = children(icon, "bt:Image").map((image) => image.attrs.size);
  for (const size of ["16", "32", "80"]) {
    if (!sizes.includes(size)) errors.push(`<Icon> needs a ${size} px <bt:Image> (at ${icon.path})`);
  }
}

function checkUniqueId(node: Node, ids: Set<string>, errors: string[]): void {
  const id = node.attrs.id;
  if (!id) errors.push(`<${node.name}> needs an id (at ${node.path})`);
  else if (id.length > MAX_SHORT) errors.push(`<${node.name}> id "${id}" is longer than ${MAX_SHORT} characters`);
  else if (ids.has(id)) errors.push(`<${node.name}> id "${id}" is used twice`);
  else ids.add(id);
}

function checkLength(node: Node | null, max: number, errors: string[]): void {
  const value = node?.attrs.DefaultValue;
  if (node && value && value.length > max) {
    errors.push(`${node.attrs.id ? `string "${node.attrs.id}"` : `<${node.name}>`} is ${value.length} characters; the limit is ${max}`);
  }
}

/** Unknown children, out-of-order children and missing required ones, for each element with a known order. */
function checkOrder(root: Node, errors: string[]): void {
  walk(root, (node) => {
    const order = ORDER[node.name];
    if (!order) return;
    let last = -1;
    for (const item of node.children) {
      const index = order.indexOf(item.name);
      if (index < 0) {
        errors.push(`<${item.name}> is not a valid child of <${node.name}> (at ${node.path})`);
      } else if (index < last) {
        errors.push(`<${item.name}> is out of order in <${node.name}>: it must come before <${order[last]}> (at ${node.path})`);
      } else {
        last = index;
      }
    }
    for (const name of REQUIRED[node.name] ?? []) {
      if (!child(node, name)) {
        const hint = name === "Requirements" ? `: add <Requirements><Sets><Set Name="WordApi" MinVersion="${WORD_API_FLOOR}"/></Sets></Requirements> after <Hosts>` : "";
        errors.push(`missing <${name}> in <${node.name}>${hint}`);
      }
    }
  });
}

function urls(root: Node): { url: string; where: string }[] {
  const found: { url: string; where: string }[] = [];
  walk(root, (node) => {
    if (node.name === "AppDomain") found.push({ url: node.text, where: node.path });
    else if (node.attrs.DefaultValue !== undefined && isUrlElement(node)) found.push({ url: node.attrs.DefaultValue, where: node.path });
    for (const override of children(node, "Override")) {
      if (override.attrs.Value !== undefined && isUrlElement(node)) found.push({ url: override.attrs.Value, where: override.path });
    }
  });
  return found;
}

function isUrlElement(node: Node): boolean {
  return ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "bt:Url", "bt:Image"].includes(node.name);
}

function child(node: Node | null | undefined, name: string): Node | null {
  return node?.children.find((item) => item.name === name) ?? null;
}

function children(node: Node | null | undefined, name: string): Node[] {
  return node?.children.filter((item) => item.name === name) ?? [];
}

function walk(node: Node, visit: (node: Node, parent: Node | null) => void, parent: Node | null = null): void {
  visit(node, parent);
  for (const item of node.children) walk(item, visit, node);
}

/** fast-xml-parser's order-preserving output → a plain element tree (comments dropped). */
function toTree(xml: string): Node[] {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  type Raw = Record<string, unknown>;
  const convert = (items: Raw[], parentPath: string): Node[] =>
    items.flatMap((item) => {
      const name = Object.keys(item).find((key) => key !== ":@");
      if (!name || name === "#text" || name.startsWith("?")) return [];
      const rawChildren = (item[name] as Raw[]) ?? [];
      const nodePath = parentPath ? `${parentPath} > ${name}` : name;
      const attrs = Object.fromEntries(Object.entries((item[":@"] as Record<string, unknown>) ?? {}).map(([key, value]) => [key, String(value)]));
      const text = rawChildren.filter((raw) => "#text" in raw).map((raw) => String(raw["#text"])).join("").trim();
      return [{ name, attrs, text, path: nodePath, children: convert(rawChildren, nodePath) }];
    });
  return convert(parser.parse(xml) as Raw[], "");
}

/** For the project's own manifest.xml: the dev server serves assets/ as is and builds the pages from src/. */
export function projectFiles(projectRoot: string): (relativePath: string) => boolean {
  const pages: Record<string, string> = { "taskpane.html": "src/taskpane/taskpane.html", "preview.html": "src/preview/index.tsx" };
  return (relative) => fs.existsSync(path.join(projectRoot, pages[relative] ?? relative));
}

export function folderFiles(folder: string): (relativePath: string) => boolean {
  return (relative) => fs.existsSync(path.join(folder, relative));
}

function main(argv: string[]): number {
  const projectRoot = path.resolve(__dirname, "..");
  const rootIndex = argv.indexOf("--root");
  const rootArg = rootIndex >= 0 ? argv[rootIndex + 1] : undefined;
  let files = argv.filter((_arg, index) => rootIndex < 0 || (index !== rootIndex && index !== rootIndex + 1));
  if (files.length === 0) {
    files = [path.join(projectRoot, "manifest.xml")];
    const built = path.join(projectRoot, "dist", "manifest.xml");
    if (fs.existsSync(built)) files.push(built);
  }
  let failed = false;
  for (const file of files) {
    const absolute = path.resolve(file);
    const inProjectRoot = path.dirname(absolute) === projectRoot;
    const fileExists = rootArg ? folderFiles(path.resolve(rootArg)) : inProjectRoot ? projectFiles(projectRoot) : folderFiles(path.dirname(absolute));
    // A built manifest must carry the base URL it was built for.
    const expectedBaseUrl = !inProjectRoot && process.env.ADDIN_BASE_URL ? require("./manifest-url.js").normaliseBaseUrl(process.env.ADDIN_BASE_URL) : undefined;
    const { errors, warnings, summary } = checkManifest(fs.readFileSync(absolute, "utf8"), { fileExists, expectedBaseUrl });
    const name = path.relative(process.cwd(), absolute) || absolute;
    for (const warning of warnings) console.log(`${name}: warning: ${warning}`);
    for (const error of errors) console.log(`${name}: error: ${error}`);
    if (errors.length) failed = true;
    console.log(
      `${name}: ${errors.length ? `FAILED, ${errors.length} error(s)` : "OK"}` +
        ` (${summary.displayName ?? "?"} ${summary.version ?? "?"}, id ${summary.id ?? "?"}, base ${summary.baseUrl ?? "?"})`,
    );
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) process.exitCode = main(process.argv.slice(2));
