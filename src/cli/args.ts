/** The command line: options, paths, `--help` and `--version`, with commander. */
import { readFileSync } from "fs";
import { Command, CommanderError, Option } from "commander";
import { join } from "path";

export type ReportFormat = "text" | "markdown" | "json";

export interface Options {
  format: ReportFormat;
  /** False with `--no-color`; colour also needs a terminal and no NO_COLOR (decided in main). */
  color: boolean;
  /** Count findings set aside in the document (with the add-in's "Set aside…") for the exit code, as any other. */
  includeSetAside: boolean;
  paths: string[];
}

export type ParsedArgs =
  | { kind: "run"; options: Options }
  /** Help, version or a usage error has been written; exit with this code. */
  | { kind: "exit"; code: number };

export interface ArgsOutput {
  out(text: string): void;
  err(text: string): void;
}

const DESCRIPTION =
  "Checks Scrutiny Monitoring progress-update documents (.docx): is each recommendation's latest update " +
  "complete (evidence, a grade on the 1-4 scale, impact), and what do the grades add up to.";

const AFTER_HELP = `
Folders are searched (recursively) for .docx files; Word's lock files (~$...) are skipped.

Exit status:
  0  every file is complete
  1  some file has an error finding (e.g. a missing grade or impact in the latest update);
     findings set aside in the add-in, with a reason, are listed but not counted
     unless --include-set-aside is given
  2  some file is unreadable or not a monitoring document, or the arguments are wrong

Examples:
  scrutiny-check careers-provision.docx
  scrutiny-check --markdown reviews/ > report.md
  scrutiny-check --json reviews/*.docx`;

const TRY_HELP = "(run scrutiny-check --help for usage)";

export function parseArgs(argv: readonly string[], output: ArgsOutput): ParsedArgs {
  const program = new Command()
    .name("scrutiny-check")
    .usage("[options] <file.docx|folder>...")
    .description(DESCRIPTION)
    .argument("[paths...]", "Word documents (.docx) or folders to search for them")
    .addOption(new Option("--markdown", "print a Markdown report to circulate (email, committee paper)"))
    .addOption(new Option("--json", "print JSON for tools: an array, one object per file").conflicts("markdown"))
    .option("--include-set-aside", "count findings set aside in the add-in (with a reason) like any other finding")
    .option("--no-color", "never colour the text report (NO_COLOR is honoured too)")
    .version(packageVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show this help")
    .addHelpText("after", AFTER_HELP)
    .showHelpAfterError(TRY_HELP)
    .exitOverride()
    .configureOutput({ writeOut: output.out, writeErr: output.err });

  try {
    program.parse([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; commander has already written the reason for anything else.
      return { kind: "exit", code: error.exitCode === 0 ? 0 : 2 };
    }
    throw error;
  }

  const paths = program.args;
  if (paths.length === 0) {
    output.err(`scrutiny-check: no files given.\nUsage: scrutiny-check ${program.usage()}\n${TRY_HELP}\n`);
    return { kind: "exit", code: 2 };
  }
  const opts = program.opts<{ json?: boolean; markdown?: boolean; color: boolean; includeSetAside?: boolean }>();
  const format: ReportFormat = opts.json ? "json" : opts.markdown ? "markdown" : "text";
  return { kind: "run", options: { format, color: opts.color, includeSetAside: opts.includeSetAside === true, paths } };
}

/** The version in package.json (two folders up from both src/cli and build/cli). */
export function packageVersion(): string {
  try {
    const json = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: string };
    return json.version ?? "unknown";
  } catch {
    return "unknown";
  }
}
