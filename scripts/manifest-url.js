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

module.exports = { DEV_BASE_URL, normaliseBaseUrl, rebaseManifest };
