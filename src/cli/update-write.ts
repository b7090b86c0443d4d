/** Writing an updated file so that it is either all there or not there at all, and never over a file that changed. */
import { randomBytes } from "crypto";
import { promises as fs } from "fs";
import { basename, dirname, join } from "path";

/** The source file no longer holds the bytes the update was made from. */
export class ChangedOnDiskError extends Error {
  constructor(file: string) {
    super(`${file} changed on disk while it was being updated, so it was not written. Run the command again.`);
    this.name = "ChangedOnDiskError";
  }
}

export interface AtomicWrite {
  /** Where the new bytes go. */
  target: string;
  bytes: Uint8Array;
  /** The file the update was made from, and its bytes as read: checked again just before the new file takes its place. */
  source: { path: string; bytes: Uint8Array };
  /** For --in-place: where the original is kept. */
  backup?: string;
}

/**
 * Writes a temporary file in the target's own folder (so the rename cannot cross file systems),
 * flushes it to disk, checks that the source is unchanged, keeps the backup, then renames the
 * temporary file over the target. Any failure removes the temporary file and leaves the target
 * (and the source) as they were.
 */
export async function writeAtomically(write: AtomicWrite): Promise<void> {
  const temporary = join(dirname(write.target), `.${basename(write.target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await fs.open(temporary, "wx", await modeOf(write.source.path));
    try {
      await handle.writeFile(write.bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const now = await fs.readFile(write.source.path);
    if (!sameBytes(now, write.source.bytes)) throw new ChangedOnDiskError(write.source.path);
    if (write.backup) await fs.copyFile(write.source.path, write.backup);
    await fs.rename(temporary, write.target);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** The new file keeps the original's permissions. */
async function modeOf(path: string): Promise<number> {
  try {
    return (await fs.stat(path)).mode & 0o777;
  } catch {
    return 0o666;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

/** `review.docx` → `review.bak.docx` (any other name gets `.bak.docx` added). */
export function backupName(file: string): string {
  const name = basename(file);
  const stem = /\.docx$/i.test(name) ? name.slice(0, -".docx".length) : name;
  return join(dirname(file), `${stem}.bak.docx`);
}

export function isBackupName(name: string): boolean {
  return /\.bak\.docx$/i.test(name);
}
