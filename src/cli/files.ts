/** Turns the paths on the command line into the list of files to check. */
import { readdirSync, statSync } from "fs";
import { join } from "path";

export interface FileList {
  /** Files to check, in the order given; a folder's files sorted by path. No duplicates. */
  files: string[];
  /** One plain sentence per path that does not exist or cannot be listed. */
  problems: string[];
}

/**
 * A file named on the command line is checked whatever its extension (the user asked for it);
 * folders are searched recursively for `.docx`, skipping Word's lock files (`~$…`) and hidden folders.
 * The file system is asked synchronously: the commands do nothing else meanwhile, and each asynchronous
 * call is a trip through libuv's thread pool that a cold run waits for.
 */
export async function findFiles(paths: readonly string[], skip: (name: string) => boolean = () => false): Promise<FileList> {
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      problems.push(describeMissing(path, error));
      continue;
    }
    if (stat.isDirectory()) {
      try {
        const found = docxFilesUnder(path, skip);
        if (found.length === 0) problems.push(`${path}: no .docx files in this folder.`);
        found.forEach(add);
      } catch (error) {
        problems.push(`${path}: cannot read this folder (${errorText(error)}).`);
      }
    } else {
      add(path);
    }
  }
  return { files, problems };
}

/** `skip`: names of files the folder search leaves out (scrutiny-update's own backups). */
function docxFilesUnder(folder: string, skip: (name: string) => boolean): string[] {
  const found: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && entry.name !== "node_modules") {
        for (const file of docxFilesUnder(path, skip)) found.push(file);
      }
    } else if (isDocxName(entry.name) && !skip(entry.name) && (entry.isFile() || entry.isSymbolicLink())) {
      found.push(path);
    }
  }
  return found.sort((a, b) => a.localeCompare(b, "en"));
}

export function isDocxName(name: string): boolean {
  return name.toLowerCase().endsWith(".docx") && !name.startsWith("~$");
}

function describeMissing(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return `${path}: no such file or folder.`;
  if (code === "EACCES" || code === "EPERM") return `${path}: permission denied.`;
  return `${path}: cannot open (${errorText(error)}).`;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
