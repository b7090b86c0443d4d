"use strict";
// Loads one bundled command from build/cli/ (see scripts/build-cli.js) with V8's code cache when there is one, so
// that a run does not compile again what the build's training run compiled. Returns null when it is not built.
const fs = require("fs");
const Module = require("module");
const path = require("path");
const v8 = require("v8");
const vm = require("vm");

// A command lives a fraction of a second, and V8's optimising compiler, inlining callees into the hot loops,
// took longer over them (26 ms for the tokenizer's, on a background thread) than the read it was optimising.
// Without inlining, optimised code comes in time: on the 100-recommendation file 9 ms (8 %) less in all, and
// within 2 % on 5,000 (BENCHMARKS.md). Set before the bundle is compiled; its code cache is made under it too
// (V8 refuses a cache made under other flags).
v8.setFlagsFromString("--no-turbo-inlining");

function loadCommand(name) {
  const file = path.join(__dirname, "..", "build", "cli", `${name}.js`);
  const cacheFile = path.join(__dirname, "..", "build", "cli", `${name}.cache`);
  let source;
  try {
    source = fs.readFileSync(file, "utf8");
  } catch (error) {
    if (error && error.code === "ENOENT") return null;
    throw error;
  }
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // no cache: compile as usual
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  if (process.env.SCRUTINY_WRITE_CODE_CACHE === "1") {
    // After the run, so the cache holds the functions the run compiled, not only the top level ("exit", as the
    // bins end with process.exit). Written whole under a temporary name and renamed, so a reader never sees half a cache.
    process.once("exit", () => {
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(temporary, script.createCachedData());
        fs.renameSync(temporary, cacheFile);
      } catch (error) {
        // No cache is only slower; the build says why and carries on.
        process.stderr.write(`scrutiny: could not save the code cache ${cacheFile}: ${error.message}\n`);
        fs.rmSync(temporary, { force: true });
      }
    });
  }
  return module.exports;
}

/**
 * Ends the process with `code` once stdout and stderr have taken what was written to them (an asynchronous
 * pipe would otherwise be cut short). Exiting rather than letting the event loop run dry: at that point Node
 * first waits for every task queued on V8's worker threads (optimising compiles of functions the command will
 * never call again, GC work), which on a busy machine was 5–20 ms of a cold run doing nothing; process.exit
 * drops the queued ones. If a stream never calls back (closed early), the loop still ends with `code`.
 */
function exitWhenWritten(code) {
  process.exitCode = code;
  // The callbacks come on a later tick. After a write that failed (a full disk) they are given an error before the
  // stream reports it, which it does on a later tick still: setImmediate lets it say so first. Otherwise exit at
  // once: a turn of the event loop first runs what V8 has queued for the main thread (a scavenge, ≈ 1 ms).
  process.stdout.write("", (outError) =>
    process.stderr.write("", (errError) => (outError || errError ? setImmediate(() => process.exit(code)) : process.exit(code))),
  );
}

module.exports = { loadCommand, exitWhenWritten };
