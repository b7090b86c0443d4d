// The task pane and the in-browser preview.
//   npm run build  → dist/ (production). ADDIN_BASE_URL=https://host/path/ rebases dist/manifest.xml (default https://localhost:3000/).
//   ADDIN_PROVIDER_NAME sets the manifest's ProviderName; ADDIN_SUPPORT_CONTACT and ADDIN_SUPPORT_EMAIL the support page's contact.
//   npm start      → https://localhost:3000/ (development, see scripts/start.sh).
// Office.js: production's taskpane.html loads it from Microsoft's CDN (ADDIN_OFFICE_JS=self-hosted serves the copy in
// dist/office-js/ instead, for networks that block the CDN); development loads the copy. The preview loads no Office.js:
// the simulated Word provides Office and Word. Nothing else is fetched from outside the add-in's own host.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { DEV_BASE_URL, brandManifest, normaliseBaseUrl, rebaseManifest, supportPage } = require("./scripts/manifest-url");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";

// The self-hosted copy: Word's files only (office.js, its file-mapping table, locales, telemetry/auth helpers).
const OFFICE_JS_IGNORE = [
  "**/*.debug.js",
  "**/*-vsdoc.js",
  "**/office.d.ts",
  "**/access*",
  "**/custom-functions-runtime*",
  "**/excel*",
  "**/onenote*",
  "**/outlook*",
  "**/powerpoint*",
  "**/project*",
  "**/visio*",
];

// The two real documents the preview offers (the .docx fixtures built from them).
const SAMPLES = ["careers-provision", "care-leavers-eet"];

const swcOptions = {
  jsc: {
    parser: { syntax: "typescript", tsx: true },
    transform: { react: { runtime: "automatic" } },
    target: "es2020",
  },
};

/**
 * The pages' Content-Security-Policy: scripts only from the add-in's own files (and Office.js from Microsoft's
 * CDN on the task pane), nothing inline, no eval (development's eval source maps aside), no plugins, no other origins.
 * Styles allow 'unsafe-inline' and nothing else inline: Fluent UI's Griffel inserts <style> elements as the pane
 * renders, and the pages' boot styles are inline; a nonce cannot work on static files served by any web server.
 */
function contentSecurityPolicy({ dev, officeJsOrigin }) {
  const remote = officeJsOrigin ? ` ${officeJsOrigin}` : "";
  return [
    "default-src 'self'",
    `script-src 'self'${remote}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${remote}${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    `frame-src 'self'${remote}`,
  ].join("; ");
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const baseUrl = normaliseBaseUrl(process.env.ADDIN_BASE_URL || DEV_BASE_URL);
  const officeJsMode = dev ? "self-hosted" : process.env.ADDIN_OFFICE_JS || "cdn";
  if (!["cdn", "self-hosted"].includes(officeJsMode)) throw new Error(`ADDIN_OFFICE_JS must be "cdn" or "self-hosted", not "${officeJsMode}"`);
  const https = serving ? await require("./scripts/dev-certs").devServerHttps() : null;

  return {
    mode: dev ? "development" : "production",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    devtool: dev ? "eval-cheap-module-source-map" : false,
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "swc-loader", options: swcOptions } },
        // The engine's modules only declare things: what a chunk imports from src/model/index.ts brings only the
        // modules it uses, so the first screen's chunk does not carry the engine (loaded on demand, lazy-panels.tsx).
        { test: /[\\/]src[\\/]model[\\/]/, sideEffects: false },
        { test: /\.(png|svg)$/, type: "asset/resource", generator: { filename: "assets/[name].[contenthash:8][ext]" } },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // What both pages use from node_modules (React, Fluent UI): one file, cached once.
          vendor: { test: /[\\/]node_modules[\\/]/, name: "vendor", chunks: "initial", minChunks: 2, priority: 10 },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      // Fluent UI v9 + React is ~500 KiB minified (~150 KiB gzip); warn well above that.
      maxEntrypointSize: 900 * 1024,
      maxAssetSize: 700 * 1024,
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("office-js/"),
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["vendor", "taskpane"],
        officeJs: officeJsMode === "cdn" ? OFFICE_JS_CDN : OFFICE_JS_LOCAL,
        csp: contentSecurityPolicy({ dev, officeJsOrigin: officeJsMode === "cdn" ? new URL(OFFICE_JS_CDN).origin : null }),
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["vendor", "preview"],
        csp: contentSecurityPolicy({ dev, officeJsOrigin: null }),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/*.svg", "**/support.html"] } },
          {
            from: "assets/support.html",
            to: "assets/support.html",
            transform: (content) => supportPage(content.toString(), process.env.ADDIN_SUPPORT_CONTACT, process.env.ADDIN_SUPPORT_EMAIL),
          },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              brandManifest(dev ? content.toString() : rebaseManifest(content.toString(), baseUrl), process.env.ADDIN_PROVIDER_NAME),
          },
          ...SAMPLES.map((name) => ({ from: `tests/fixtures/docx/${name}.docx`, to: "samples/[name][ext]", noErrorOnMissing: true })),
          ...(officeJsMode === "self-hosted"
            ? [
                {
                  from: "node_modules/@microsoft/office-js/dist",
                  to: "office-js",
                  // Already minified: without this terser rewrites ~180 files and the build takes 3× as long.
                  info: { minimized: true },
                  globOptions: { ignore: OFFICE_JS_IGNORE },
                },
              ]
            : []),
        ],
      }),
    ],
    stats: dev ? "minimal" : { preset: "normal", assets: true, excludeAssets: [/^office-js\//, /^assets\//], modules: false },
    devServer: {
      port: 3000,
      host: "localhost",
      server: https ? https.server : "https",
      static: false,
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      client: { overlay: { errors: true, warnings: false }, logging: "warn" },
      setupMiddlewares: (middlewares) => {
        if (https) console.log(`HTTPS: ${https.note}`);
        return middlewares;
      },
    },
  };
};
