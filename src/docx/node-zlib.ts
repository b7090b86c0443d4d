import type * as Zlib from "zlib";

/**
 * Node's zlib, when running in Node (native and synchronous: no web streams to load, ≈ 15 ms of a
 * one-file CLI run); undefined in a browser, where CompressionStream and DecompressionStream are
 * used. Asked of `process.getBuiltinModule` (Node ≥ 20.16), so that no bundler sees a `require`.
 */
export function nodeZlib(): typeof Zlib | undefined {
  const node = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return typeof node?.getBuiltinModule === "function" ? (node.getBuiltinModule("zlib") as typeof Zlib | undefined) : undefined;
}
