"use strict";
// The manifest's URLs are written for the dev server. A production build rebases them onto the council's
// host (ADDIN_BASE_URL). Shared by webpack.config.js and the manifest tests.

const DEV_BASE_URL = "https://localhost:3000/";

/** "https://host/path" → "https://host/path/"; throws unless it is an absolute https URL. */
function normaliseBaseUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_BASE_URL must be https (Office loads add-ins over https only): "${raw}"`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL must not have a query or fragment: "${raw}"`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Replaces the dev base URL (and the dev AppDomain) with baseUrl's. */
function rebaseManifest(xml, baseUrl) {
  const base = normaliseBaseUrl(baseUrl);
  const origin = new URL(base).origin;
  return xml
    .split(DEV_BASE_URL).join(base)
    .split(`<AppDomain>${new URL(DEV_BASE_URL).origin}</AppDomain>`).join(`<AppDomain>${origin}</AppDomain>`);
}

/** XML/HTML text: the five characters that would otherwise read as markup. */
function escapeMarkup(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** The provider name a council sets at build time (ADDIN_PROVIDER_NAME), in the manifest's ProviderName. */
function brandManifest(xml, providerName) {
  if (!providerName) return xml;
  const name = providerName.trim();
  if (name === "" || name.length > 125) throw new Error("ADDIN_PROVIDER_NAME must be 1 to 125 characters (the manifest's ShortString)");
  return xml.replace(/<ProviderName>[^<]*<\/ProviderName>/, `<ProviderName>${escapeMarkup(name)}</ProviderName>`);
}

const DEFAULT_CONTACT = "your council's scrutiny team or IT service desk, who deployed the add-in";

/**
 * The support page with the contact a council sets at build time: ADDIN_SUPPORT_CONTACT (who, e.g.
 * "the Scrutiny Team") and ADDIN_SUPPORT_EMAIL (an address, shown as a mailto link).
 */
function supportPage(html, contact, email) {
  const who = escapeMarkup((contact || DEFAULT_CONTACT).trim());
  let address = "";
  if (email) {
    if (!/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email.trim())) throw new Error(`ADDIN_SUPPORT_EMAIL is not an email address: "${email}"`);
    const safe = escapeMarkup(email.trim());
    address = ` at <a href="mailto:${safe}">${safe}</a>`;
  }
  return html.replace("<!--SUPPORT_CONTACT-->", `${who}${address}`);
}

module.exports = { DEV_BASE_URL, normaliseBaseUrl, rebaseManifest, brandManifest, supportPage };
