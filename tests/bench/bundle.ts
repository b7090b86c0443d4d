/**
 * The task pane's part of `npm run bench`: the JavaScript that taskpane.html loads before its first paint (its
 * own <script src> files, Office.js from Microsoft's CDN aside), gzipped as a web server would send it (zlib's
 * default level), from the production build in dist/. The parts loaded later (src/taskpane/lazy-panels.tsx)
 * are counted apart. Rebuilds dist/ first when it is missing or older than the pane's sources.
 */
import { spawnSync } from "child_process";
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { isStale } from "./fresh";
import { gzipSync } from "zlib";

export const BUNDLE_TARGET_GZIP_BYTES = 150 * 1024;

export interface BundleBench {
  /** Gzipped bytes of the scripts taskpane.html loads (target ≤ 150 KB). */
  initialJsGzipBytes: number;
  initialJsBytes: number;
  initialFiles: { file: string; bytes: number; gzipBytes: number }[];
  /** Gzipped bytes of every other script of the pane and the preview (loaded on demand), for context. */
  otherJsGzipBytes: number;
}

export function benchBundle(root: string, log: (line: string) => void): BundleBench {
  const dist = join(root, "dist");
  ensureFreshBuild(root, log);
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const sources = Array.from(html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g), (match) => match[1]).filter(
    (src) => !/^[a-z]+:\/\//i.test(src),
  );
  const initialFiles = sources.map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  });
  const others = readdirSync(dist).filter((file) => file.endsWith(".js") && !sources.includes(file));
  const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
  return {
    initialJsGzipBytes: sum(initialFiles.map((f) => f.gzipBytes)),
    initialJsBytes: sum(initialFiles.map((f) => f.bytes)),
    initialFiles,
    otherJsGzipBytes: sum(others.map((file) => gzipSync(readFileSync(join(dist, file))).length)),
  };
}

function ensureFreshBuild(root: string, log: (line: string) => void): void {
  if (!isStale(root, "dist/taskpane.html", ["src/taskpane", "src/model", "src/word", "webpack.config.js", "package.json"])) return;
  log("Building the pane for production (webpack --mode production)…");
  const webpack = require.resolve("webpack-cli/bin/cli.js");
  const result = spawnSync(process.execPath, [webpack, "--mode", "production"], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`the production build failed:\n${result.stdout}${result.stderr}`);
}

export function bundleTable(bundle: BundleBench): string[] {
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  const met = bundle.initialJsGzipBytes <= BUNDLE_TARGET_GZIP_BYTES ? "met" : "NOT met";
  return [
    `Task pane JavaScript before first paint, gzipped (production build; target ≤ ${kb(BUNDLE_TARGET_GZIP_BYTES)}): ${met}`,
    `  ${kb(bundle.initialJsGzipBytes)} (${kb(bundle.initialJsBytes)} minified): ${bundle.initialFiles
      .map((f) => `${f.file} ${kb(f.gzipBytes)}`)
      .join(", ")}`,
    `  loaded on demand or by the preview: ${kb(bundle.otherJsGzipBytes)} gzipped`,
  ];
}
