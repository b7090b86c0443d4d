import * as fs from "fs";
import * as path from "path";
import { checkManifest, folderFiles, projectFiles } from "../../scripts/check-manifest";
const { rebaseManifest, normaliseBaseUrl } = require("../../scripts/manifest-url.js") as {
  rebaseManifest: (xml: string, base: string) => string;
  normaliseBaseUrl: (base: string) => string;
};

const root = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const fileExists = projectFiles(root);

/** Errors for a variant of manifest.xml made by replacing `from` with `to` (which must occur). */
function errorsWith(from: string | RegExp, to: string): string[] {
  const variant = manifest.replace(from, to);
  expect(variant).not.toBe(manifest);
  return checkManifest(variant, { fileExists }).errors;
}

describe("manifest.xml", () => {
  it("passes the offline check with no errors and no warnings", () => {
    const result = checkManifest(manifest, { fileExists });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.summary).toEqual({
      id: "17390a21-463f-4426-8426-00b89899a2a6",
      version: "0.1.0.0",
      displayName: "Scrutiny Monitoring",
      baseUrl: "https://localhost:3000/",
    });
  });

  it("asks for WordApi 1.3 and ReadWriteDocument, and its button opens the pane with the document", () => {
    expect(manifest).toMatch(/<Set Name="WordApi" MinVersion="1.3"\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<TaskpaneId>Office.AutoShowTaskpaneWithDocument<\/TaskpaneId>/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
  });

  it("names icons that exist at the sizes they claim", () => {
    for (const size of [16, 32, 64, 80]) {
      const png = fs.readFileSync(path.join(root, "assets", `icon-${size}.png`));
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      // IHDR: width and height are the first two big-endian words after the 8-byte signature and 8-byte chunk header.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});

describe("the check fails, saying why, on a broken manifest", () => {
  it("an http URL", () => {
    expect(errorsWith('IconUrl DefaultValue="https://', 'IconUrl DefaultValue="http://')).toEqual([
      'URL must be https: "http://localhost:3000/assets/icon-32.png" (at OfficeApp > IconUrl)',
    ]);
  });

  it("a dangling resid", () => {
    expect(errorsWith('<Label resid="OpenPane.Label"/>', '<Label resid="OpenPane.Lable"/>')).toEqual([
      'resid "OpenPane.Lable" (at OfficeApp > VersionOverrides > Hosts > Host > DesktopFormFactor > ExtensionPoint > OfficeTab > Group > Control > Label) does not resolve: no id "OpenPane.Lable" in <bt:ShortStrings>',
    ]);
  });

  it("a resid pointing into the wrong collection", () => {
    expect(errorsWith('<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Taskpane.Title"/>')).toContain(
      'resid "Taskpane.Title" (at OfficeApp > VersionOverrides > Hosts > Host > DesktopFormFactor > ExtensionPoint > OfficeTab > Group > Control > Action > SourceLocation) does not resolve: no id "Taskpane.Title" in <bt:Urls>',
    );
  });

  it("missing Requirements", () => {
    expect(errorsWith(/<Requirements>[\s\S]*?<\/Requirements>/, "")).toEqual([
      'missing <Requirements> in <OfficeApp>: add <Requirements><Sets><Set Name="WordApi" MinVersion="1.3"/></Sets></Requirements> after <Hosts>',
    ]);
  });

  it("Requirements in the wrong place", () => {
    const requirements = manifest.match(/<Requirements>[\s\S]*?<\/Requirements>/)![0];
    const moved = manifest.replace(requirements, "").replace("<Permissions>", `${requirements}\n  <Permissions>`);
    expect(checkManifest(moved, { fileExists }).errors).toEqual([
      "<Requirements> is out of order in <OfficeApp>: it must come before <DefaultSettings> (at OfficeApp)",
    ]);
  });

  it("a WordApi floor above 1.3", () => {
    expect(errorsWith('MinVersion="1.3"', 'MinVersion="1.4"')).toEqual([
      'WordApi MinVersion must be 1.3 (found "1.4"): a higher floor hides the add-in from Office 2019 and 2021; light up newer sets at run time instead',
    ]);
  });

  it("a bad GUID", () => {
    expect(errorsWith("<Id>17390a21-463f-4426-8426-00b89899a2a6</Id>", "<Id>scrutiny-monitoring</Id>")).toEqual([
      '<Id> must be a GUID like 17390a21-463f-4426-8426-00b89899a2a6 (found "scrutiny-monitoring")',
    ]);
  });

  it("read-only permission", () => {
    expect(errorsWith("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>")).toEqual([
      '<Permissions> must be ReadWriteDocument: Word\'s API needs it even to read the document (found "ReadDocument")',
    ]);
  });

  it("a button that cannot open with the document", () => {
    expect(errorsWith("<TaskpaneId>Office.AutoShowTaskpaneWithDocument</TaskpaneId>", "<TaskpaneId>ButtonId1</TaskpaneId>")).toEqual([
      'the button\'s <TaskpaneId> must be Office.AutoShowTaskpaneWithDocument, so a council template can open the pane with the document (found "ButtonId1")',
    ]);
  });

  it("a short string over 125 characters", () => {
    expect(errorsWith('DefaultValue="Check monitoring"', `DefaultValue="${"x".repeat(126)}"`)).toEqual([
      'string "OpenPane.Label" is 126 characters; the limit is 125',
    ]);
  });

  it("an icon that is not there", () => {
    expect(errorsWith('"https://localhost:3000/assets/icon-80.png"', '"https://localhost:3000/assets/icon-90.png"')).toEqual([
      '"https://localhost:3000/assets/icon-90.png" does not resolve to a file (assets/icon-90.png) (at OfficeApp > VersionOverrides > Resources > bt:Images > bt:Image)',
    ]);
  });

  it("a missing 80 px button icon", () => {
    const errors = errorsWith(/\s*<bt:Image size="80" resid="Icon.80"\/>/g, "");
    expect(errors).toContain('<Icon> needs a 80 px <bt:Image> (at OfficeApp > VersionOverrides > Hosts > Host > DesktopFormFactor > ExtensionPoint > OfficeTab > Group > Control > Icon)');
  });

  it("XML that is not well-formed", () => {
    const errors = errorsWith("</Permissions>", "</Permission>");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^not well-formed XML: .*Permission.* \(line \d+, column \d+\)$/);
  });
});

describe("the production manifest", () => {
  const base = "https://addins.council.gov.uk/scrutiny/";

  it("rebases every URL onto ADDIN_BASE_URL and still passes", () => {
    const built = rebaseManifest(manifest, "https://addins.council.gov.uk/scrutiny");
    expect(built).not.toContain("localhost");
    expect(built).toContain("<AppDomain>https://addins.council.gov.uk</AppDomain>");
    expect(built).toContain('<SourceLocation DefaultValue="https://addins.council.gov.uk/scrutiny/taskpane.html"/>');
    const result = checkManifest(built, { fileExists, expectedBaseUrl: base });
    expect(result.errors).toEqual([]);
    expect(result.summary.baseUrl).toBe(base);
  });

  it("is caught when built for a different base URL", () => {
    expect(checkManifest(manifest, { expectedBaseUrl: base }).errors).toEqual([
      `the add-in's base URL is "https://localhost:3000/", expected "${base}"`,
    ]);
  });

  it("refuses a base URL that is not https", () => {
    expect(() => normaliseBaseUrl("http://addins.council.gov.uk/")).toThrow(/must be https/);
    expect(() => normaliseBaseUrl("addins.council.gov.uk")).toThrow(/not a URL/);
  });

  it("checks files against a built folder", () => {
    const exists = folderFiles(path.join(root, "assets"));
    expect(exists("icon-16.png")).toBe(true);
    expect(exists("taskpane.html")).toBe(false);
  });
});
