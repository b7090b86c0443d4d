#!/usr/bin/env node
"use strict";
// Renders assets/icon.svg (and assets/icon-small.svg for 16 px) to the PNGs the manifest names, with Debian's
// Chromium through playwright-core (never a downloaded browser). Run: node scripts/render-icons.js
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const assets = path.join(__dirname, "..", "assets");
const sizes = [16, 32, 64, 80, 128];

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of sizes) {
      const svgFile = size <= 16 ? "icon-small.svg" : "icon.svg";
      const svg = fs.readFileSync(path.join(assets, svgFile), "utf8");
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator("img").evaluate((img) => img.decode());
      const out = path.join(assets, `icon-${size}.png`);
      await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      console.log(`${path.relative(process.cwd(), out)} ${fs.statSync(out).size} B`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
