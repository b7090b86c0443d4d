/** The names a council sets at build time: the manifest's provider, the support page's contact. */
import { readFileSync } from "fs";
import { join } from "path";
const { brandManifest, supportPage } = require("../../scripts/manifest-url") as {
  brandManifest(xml: string, name?: string): string;
  supportPage(html: string, contact?: string, email?: string): string;
};

const ROOT = join(__dirname, "..", "..");
const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const support = readFileSync(join(ROOT, "assets", "support.html"), "utf8");

describe("build-time names", () => {
  it("sets the manifest's ProviderName, escaped, and leaves it alone when unset", () => {
    expect(brandManifest(manifest, "Stockton-on-Tees Borough Council & Partners")).toContain(
      "<ProviderName>Stockton-on-Tees Borough Council &amp; Partners</ProviderName>",
    );
    expect(brandManifest(manifest, undefined)).toBe(manifest);
    expect(() => brandManifest(manifest, "x".repeat(126))).toThrow(/ADDIN_PROVIDER_NAME/);
  });

  it("names the council's contact on the support page, with a mailto link, or a plain default", () => {
    const page = supportPage(support, "the Scrutiny Team <Democratic Services>", "scrutiny@example.gov.uk");
    expect(page).toContain(
      'Ask the Scrutiny Team &lt;Democratic Services&gt; at <a href="mailto:scrutiny@example.gov.uk">scrutiny@example.gov.uk</a>.',
    );
    expect(supportPage(support)).toContain("Ask your council&#39;s scrutiny team or IT service desk, who deployed the add-in.");
    expect(() => supportPage(support, "Team", "not an address")).toThrow(/ADDIN_SUPPORT_EMAIL/);
  });

  it("gives the buttons their names in the pane", () => {
    for (const name of ["Check monitoring", "Check document", "Re-check", "Set aside…", "Open with this document"]) {
      expect(support).toContain(`<strong>${name}</strong>`);
    }
  });
});
