/** The command line: options, paths, `--help` and `--version`, with commander. */
import { readFileSync } from "fs";
import { join } from "path";

export type ReportFormat = "text" | "markdown" | "json";

export interface Options {
  format: ReportFormat;
  /** False with `--no-color`; colour also needs a terminal and no NO_COLOR (decided in main). */
  color: boolean;
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
  1  some file has an error finding (e.g. a missing grade or impact in the latest update)
  2  some file is unreadable or not a monitoring document, or the arguments are wrong

Examples:
  scrutiny-check careers-provision.docx
  scrutiny-check --markdown reviews/ > report.md
  scrutiny-check --json reviews/*.docx`;

const TRY_HELP = "(run scrutiny-check --help for usage)";

/** The options of an ordinary run, read without commander (see plainRun). */
const PLAIN_FLAGS = new Set(["--json", "--markdown", "--no-color"]);

export async function parseArgs(argv: readonly string[], output: ArgsOutput): Promise<ParsedArgs> {
  return plainRun(argv) ?? (await parseWithCommander(argv, output));
}

/**
 * For speed: an ordinary run (paths, and at most --json or --markdown and --no-color, in any order) is
 * read here, reaching the same options as commander would, so that commander (≈ 13 ms to load, as it
 * brings child_process) is loaded only for help, version and usage errors. Anything else starting with
 * "-" (another option, "-", "--"), both formats or no path at all goes to commander.
 */
function plainRun(argv: readonly string[]): ParsedArgs | undefined {
  const paths: string[] = [];
  const flags = new Set<string>();
  for (const arg of argv) {
    if (!arg.startsWith("-")) paths.push(arg);
    else if (PLAIN_FLAGS.has(arg)) flags.add(arg);
    else return undefined;
  }
  if (paths.length === 0 || (flags.has("--json") && flags.has("--markdown"))) return undefined;
  const format: ReportFormat = flags.has("--json") ? "json" : flags.has("--markdown") ? "markdown" : "text";
  return { kind: "run", options: { format, color: !flags.has("--no-color"), paths } };
}

async function parseWithCommander(argv: readonly string[], output: ArgsOutput): Promise<ParsedArgs> {
  const { Command, CommanderError, Option } = await import("commander");
  const program = new Command()
    .name("scrutiny-check")
    .usage("[options] <file.docx|folder>...")
    .description(DESCRIPTION)
    .argument("[paths...]", "Word documents (.docx) or folders to search for them")
    .addOption(new Option("--markdown", "print a Markdown report to circulate (email, committee paper)"))
    .addOption(new Option("--json", "print JSON for tools: an array, one object per file").conflicts("markdown"))
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
  const opts = program.opts<{ json?: boolean; markdown?: boolean; color: boolean }>();
  const format: ReportFormat = opts.json ? "json" : opts.markdown ? "markdown" : "text";
  return { kind: "run", options: { format, color: opts.color, paths } };
}

/** The version in package.json (two folders up from both src/cli and build/cli). */
function packageVersion(): string {
  try {
    const json = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: string };
    return json.version ?? "unknown";
  } catch {
    return "unknown";
  }
}
