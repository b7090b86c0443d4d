"use strict";
// HTTPS for the dev server on localhost:3000, without prompts where possible. In order:
//  1. certificates already in ~/.office-addin-dev-certs (made earlier by office-addin-dev-certs): use them;
//  2. office-addin-dev-certs can make them and trust its CA without asking (Windows, macOS; Linux as root with
//     sudo, or with password-less sudo): let it;
//  3. otherwise webpack-dev-server's own self-signed certificate (the browser warns once; Word needs trust,
//     see the message printed).
// ADDIN_DEV_CERTS=self-signed skips 1 and 2.
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

const certDir = path.join(os.homedir(), ".office-addin-dev-certs");
const files = {
  ca: path.join(certDir, "ca.crt"),
  cert: path.join(certDir, "localhost.crt"),
  key: path.join(certDir, "localhost.key"),
};

function readExisting() {
  if (!fs.existsSync(files.cert) || !fs.existsSync(files.key)) return null;
  const options = { cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) };
  if (fs.existsSync(files.ca)) options.ca = fs.readFileSync(files.ca);
  return options;
}

/** Whether office-addin-dev-certs can trust its CA without a password prompt on this machine. */
function canInstallWithoutPrompt() {
  if (process.platform !== "linux") return true; // Windows and macOS show their own one-time trust dialog.
  try {
    execFileSync("sudo", ["-n", "true"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The devServer `server` option, and a line saying what was chosen. */
async function devServerHttps() {
  if (process.env.ADDIN_DEV_CERTS !== "self-signed") {
    const existing = readExisting();
    if (existing) return { server: { type: "https", options: existing }, note: `certificate from ${certDir}` };
    if (canInstallWithoutPrompt()) {
      try {
        const options = await require("office-addin-dev-certs").getHttpsServerOptions();
        return { server: { type: "https", options }, note: `certificate made and trusted by office-addin-dev-certs (${certDir})` };
      } catch (error) {
        console.warn(`office-addin-dev-certs could not make or trust a certificate: ${String(error.message || error).split("\n")[0]}`);
      }
    }
  }
  return {
    server: "https",
    note:
      "self-signed certificate from webpack-dev-server: your browser will warn once, and Word will not load the pane " +
      "until you trust a certificate. Run `npx office-addin-dev-certs install` once (it may ask for your password), then `npm start` again.",
  };
}

module.exports = { devServerHttps, certDir };
