/** Writing an updated file so that it is either all there or not there at all, and never over a file that changed. */
import { closeSync, copyFileSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "fs";
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
 * (and the source) as they were. Synchronous, as the command does one file at a time: each await
 * through libuv's thread pool was a wait in a cold run.
 */
export function writeAtomically(write: AtomicWrite): void {
  const { path: temporary, fd } = openTemporary(write.target, modeOf(write.source.path));
  try {
    try {
      writeAll(fd, write.bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const now = readFileSync(write.source.path);
    if (!sameBytes(now, write.source.bytes)) throw new ChangedOnDiskError(write.source.path);
    if (write.backup) copyFileSync(write.source.path, write.backup);
    renameSync(temporary, write.target);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing more can be done: the error that matters is the first.
    }
    throw error;
  }
}

/** Tries (at most this many) names for the temporary file before giving up. */
const TEMPORARY_TRIES = 100;
let temporaries = 0;

/**
 * Creates `.name.<pid>-<n>.tmp` beside `target`, exclusively ("wx"): a name left by another process (or by
 * a crashed one with the same process id) is never written over, the next number is tried instead.
 */
function openTemporary(target: string, mode: number): { path: string; fd: number } {
  for (let tries = 1; ; tries++) {
    const path = join(dirname(target), `.${basename(target)}.${process.pid}-${++temporaries}.tmp`);
    try {
      return { path, fd: openSync(path, "wx", mode) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || tries === TEMPORARY_TRIES) throw error;
    }
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length; ) {
    const taken = writeSync(fd, bytes, written, bytes.length - written);
    // A file system that takes nothing and reports no error would otherwise be asked for ever.
    if (taken <= 0) throw new Error("the file system took no bytes");
    written += taken;
  }
}

/** The new file keeps the original's permissions. */
function modeOf(path: string): number {
  try {
    return statSync(path).mode & 0o777;
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
