/** `scrutiny-check [options] <file.docx|folder>...`: check monitoring documents, print a report, exit 0/1/2. */
import type { ReportFormat } from "./args";
import { plainPathArgs } from "./args-quick";
import { errorText, findFiles } from "./files";
import { progress } from "./progress";
import { exitCode, type FileReport } from "./report";
import { jsonReport } from "./report-json";
import { markdownReport } from "./report-markdown";
import { ANSI_STYLE, NO_STYLE, textReport } from "./report-text";

/** Where the command writes, and what it knows about its terminal: the process, or a test's capture. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export async function main(argv: string[]): Promise<number> {
  // `scrutiny-check … | head` closes the pipe early: stop writing quietly rather than crash.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") process.stderr.write(`scrutiny-check: cannot write the report: ${error.message}\n`);
  });
  return run(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env });
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await runUnguarded(argv, io);
  } catch (error) {
    // Per-file failures are caught in checkFile; this is the last line against our own bugs.
    io.stderr.write(`scrutiny-check: unexpected failure: ${errorText(error)}\n`);
    return 2;
  }
}

async function runUnguarded(argv: readonly string[], io: Io): Promise<number> {
  // Options, help and usage errors need commander (args.ts), loaded only then; plain paths do not.
  const parsed =
    plainPathArgs(argv) ?? (await import("./args")).parseArgs(argv, { out: (t) => io.stdout.write(t), err: (t) => io.stderr.write(t) });
  if (parsed.kind === "exit") return parsed.code;
  const { format, color, includeSetAside, paths } = parsed.options;

  const { files, problems } = await findFiles(paths);
  for (const problem of problems) io.stderr.write(`scrutiny-check: ${problem}\n`);
  if (files.length === 0) return 2;

  // Loaded only now, so --help and usage errors do not wait for the .docx reader and the engine.
  const { checkFile } = await import("./check-file");
  const reports: FileReport[] = [];
  const shown = progress(files.length, io.stderr, io.stderr.isTTY === true);
  for (const file of files) {
    reports.push(await checkFile(file, { includeSetAside }));
    shown.update(reports.length);
  }
  shown.done();

  io.stdout.write(render(reports, format, color && wantsColour(io)));
  return exitCode(reports, problems.length > 0);
}

function render(reports: readonly FileReport[], format: ReportFormat, colour: boolean): string {
  switch (format) {
    case "json":
      return jsonReport(reports);
    case "markdown":
      return markdownReport(reports);
    case "text":
      return textReport(reports, colour ? ANSI_STYLE : NO_STYLE);
  }
}

/** https://no-color.org: NO_COLOR set to anything but "" turns colour off. */
function wantsColour(io: Io): boolean {
  return io.stdout.isTTY === true && !io.env.NO_COLOR && io.env.TERM !== "dumb";
}
