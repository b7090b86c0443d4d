/** Whether a build is older than what it is built from: the newest modification time under some paths. */
import { readdirSync, statSync } from "fs";
import { join } from "path";

/** True when `built` is missing or older than any file under `sources` (paths relative to `root`). */
export function isStale(root: string, built: string, sources: readonly string[]): boolean {
  const builtAt = mtime(join(root, built));
  const newest = sources.reduce((latest, source) => Math.max(latest, newestMtime(join(root, source))), 0);
  return builtAt === null || builtAt < newest;
}

function mtime(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newestMtime(join(path, name))), stat.mtimeMs);
}
