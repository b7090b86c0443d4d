// The two commands, each bundled into one CommonJS file for Node (`npm run build:cli`, scripts/build-cli.js):
// build/cli/main.js (scrutiny-check) and build/cli/update-main.js (scrutiny-update). One file loads faster than ~40
// compiled files and their packages (commander, jszip, saxes) found one by one; modules still run only when first
// required, so `--help` does not evaluate the reader or the engine. Node's own modules stay external.
const path = require("path");
const webpack = require("webpack");

/** An external given as an expression ("var …": `module.exports = …`): commander's one use of child_process, loaded then. */
const LAZY_CHILD_PROCESS = 'var { get spawn() { return require("child_process").spawn; } }';

/**
 * Writes every non-ASCII character of the bundle as a \u escape. V8 keeps a source with any non-ASCII character
 * (a "…" in a message) two bytes a character: for main.js a 1 MB string to decode on every run, ≈ 1 ms of a cold
 * one. The escape means the same in a string, a regular expression, an identifier or a comment; only a template's
 * raw text would differ, and the bundle's String.raw templates are ASCII (none is written with such a character).
 */
class AsciiOnlyPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AsciiOnlyPlugin", (compilation) => {
      const stage = webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE;
      compilation.hooks.processAssets.tap({ name: "AsciiOnlyPlugin", stage }, (assets) => {
        for (const name of Object.keys(assets).filter((file) => file.endsWith(".js"))) {
          const source = assets[name].source().toString();
          const ascii = source.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
          if (ascii !== source) compilation.updateAsset(name, new webpack.sources.RawSource(ascii));
        }
      });
    });
  }
}

/** One configuration per command: each bundle is a single file, its deferred `import()`s kept inside it. */
function command(name, entry, out) {
  return {
    name,
    mode: "production",
    target: "node20",
    entry: { [name]: entry },
    output: {
      path: out,
      filename: "[name].js",
      library: { type: "commonjs2" },
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "swc-loader", options: { jsc: { parser: { syntax: "typescript" }, target: "es2022" } } },
        },
        // The engine's modules only declare things (as in webpack.config.js): importing one helper from
        // src/model/index.ts brings only the modules used, not every module's top level (545 → 506 KB).
        { test: /[\\/]src[\\/]model[\\/]/, sideEffects: false },
      ],
    },
    // commander requires child_process at its top for git-style subcommands, which these commands do not have:
    // loading it (with net, dgram and their streams) is ≈ 5 ms of every cold run. Required when first used.
    externals: { "node:child_process": LAZY_CHILD_PROCESS },
    // Readable stack traces and names in a report of our own bug; minifying saves little once the code is cached.
    optimization: { minimize: false, splitChunks: false },
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }), new AsciiOnlyPlugin()],
    devtool: false,
    stats: "errors-warnings",
    performance: { hints: false },
  };
}

// `--env out=DIR` builds elsewhere (scripts/build-cli.js builds beside build/cli/ and moves the files in).
module.exports = (env = {}) => {
  const out = env.out ? path.resolve(env.out) : path.resolve(__dirname, "build", "cli");
  return [command("main", "./src/cli/main.ts", out), command("update-main", "./src/cli/update-main.ts", out)];
};
