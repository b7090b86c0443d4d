/** `scrutiny-update <command> [options] <file.docx|folder>...`: write to monitoring documents, report, exit 0/1/2. */
import { errorText, findFiles } from "./files";
import type { Io } from "./main";
import { progress } from "./progress";
import { parseUpdateArgs } from "./update-args";
import type { UpdateReport } from "./update-file";
import { updateExitCode, updateJsonReport, updateTextReport } from "./update-report";
import { isBackupName } from "./update-write";

export async function main(argv: string[]): Promise<number> {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") process.stderr.write(`scrutiny-update: cannot write the report: ${error.message}\n`);
  });
  return run(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env });
}

/** `clock`: today and now, for tests; the real clock otherwise. */
export async function run(argv: readonly string[], io: Io, clock: () => Date = () => new Date()): Promise<number> {
  try {
    return await runUnguarded(argv, io, clock);
  } catch (error) {
    io.stderr.write(`scrutiny-update: unexpected failure: ${errorText(error)}\n`);
    return 2;
  }
}

async function runUnguarded(argv: readonly string[], io: Io, clock: () => Date): Promise<number> {
  const parsed = parseUpdateArgs(argv, { out: (t) => io.stdout.write(t), err: (t) => io.stderr.write(t) });
  if (parsed.kind === "exit") return parsed.code;
  const { command, destination, json, paths } = parsed.options;

  const { files, problems } = await findFiles(paths, isBackupName);
  for (const problem of problems) io.stderr.write(`scrutiny-update: ${problem}\n`);
  if (files.length === 0) return 2;

  // Loaded only now, so --help and usage errors do not wait for the .docx reader, writer and engine.
  const { updateFile, targetOf, writesOverSource } = await import("./update-file");
  const now = clock();
  const job = { command, destination, today: localDay(now), now };
  const reports: UpdateReport[] = [];
  const targets = new Map<string, string>();
  const shown = progress(files.length, io.stderr, io.stderr.isTTY === true, "Updated");
  for (const file of files) {
    const target = targetOf(file, destination);
    const clash = target !== null && destination.kind === "out" ? targets.get(target) : undefined;
    if (writesOverSource(file, destination)) {
      reports.push(refusedArgument(file, "--out names this file's own folder: use --in-place to replace files (a .bak.docx keeps the original)."));
    } else if (clash) {
      reports.push(refusedArgument(file, `${clash} is also written to ${target}: give files with the same name separately, with different --out folders.`));
    } else {
      if (target !== null) targets.set(target, file);
      reports.push(await updateFile(file, job));
    }
    shown.update(reports.length);
  }
  shown.done();

  io.stdout.write(json ? updateJsonReport(reports) : updateTextReport(reports, destination));
  return updateExitCode(reports, problems.length > 0);
}

function refusedArgument(file: string, message: string): UpdateReport {
  return { file, status: "unreadable", output: null, message, rowsAdded: 0, rowsRemoved: 0, recommendations: [], skipped: [] };
}

/** Today in the machine's time zone, as YYYY-MM-DD. */
function localDay(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
