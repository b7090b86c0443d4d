/** `scrutiny-update`'s command line, with commander: three commands, where to write, and how to report. */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { packageVersion, type ArgsOutput } from "./args";

export type UpdateCommand =
  | { kind: "add-update"; month: string; recommendations: string[] | "all"; dropdowns: boolean }
  | { kind: "remove-update"; month: string; recommendations: string[] | "all" }
  | { kind: "summary" }
  | { kind: "comments" }
  | { kind: "remove-comments" };

/** Where written files go: beside the original (replacing it, keeping a backup), into a folder, or nowhere. */
export type Destination = { kind: "in-place" } | { kind: "out"; folder: string } | { kind: "dry-run" };

export interface UpdateOptions {
  command: UpdateCommand;
  destination: Destination;
  json: boolean;
  paths: string[];
}

export type ParsedUpdateArgs = { kind: "run"; options: UpdateOptions } | { kind: "exit"; code: number };

const DESCRIPTION =
  "Writes to Scrutiny Monitoring progress-update documents (.docx): adds the next update's rows to each " +
  "recommendation, removes them again while they are still empty, puts in the grade summary, or adds (and removes) " +
  "the check's review comments.";

const AFTER_HELP = `
Every command needs --out DIR (write DIR/<same name>) or --in-place (replace each file, keeping the
original as <name>.bak.docx), unless --dry-run. Folders are searched (recursively) for .docx files;
Word's lock files (~$...) and backups (*.bak.docx) are skipped. A file that changes on disk while it
is being updated is left alone.

Exit status:
  0  every file was written, or had nothing to do
  1  some file was refused (the older column layout, or rows that already hold an officer's text)
  2  some file is unreadable or not a monitoring document, or the arguments are wrong

Examples:
  scrutiny-update add-update --month 2026-11 --out updated/ reviews/
  scrutiny-update add-update --month 2026-11 --recommendation 2 --recommendation 5 --in-place review.docx
  scrutiny-update remove-update --month 2026-11 --in-place review.docx
  scrutiny-update summary --dry-run reviews/
  scrutiny-update comments --out checked/ reviews/`;

const TRY_HELP = "(run scrutiny-update --help for usage)";
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

interface CommonFlags {
  out?: string;
  inPlace?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

export function parseUpdateArgs(argv: readonly string[], output: ArgsOutput): ParsedUpdateArgs {
  let parsed: UpdateOptions | undefined;
  let usageError: string | undefined;

  const program = new Command()
    .name("scrutiny-update")
    .usage("<command> [options] <file.docx|folder>...")
    .description(DESCRIPTION)
    .version(packageVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show this help")
    .addHelpText("after", AFTER_HELP)
    .showHelpAfterError(TRY_HELP)
    .exitOverride()
    .configureOutput({ writeOut: output.out, writeErr: output.err });

  const define = (name: string, summary: string): Command =>
    program
      .command(name)
      .description(summary)
      .argument("<paths...>", "Word documents (.docx) or folders to search for them")
      .addOption(new Option("--out <dir>", "write each updated file into this folder, under the same name"))
      .addOption(new Option("--in-place", "replace each file, keeping the original as <name>.bak.docx").conflicts("out"))
      .option("--dry-run", "say what would change, and write nothing")
      .option("--json", "print JSON for tools: an array, one object per file")
      .helpOption("-h, --help", "show this help")
      .showHelpAfterError(TRY_HELP)
      .exitOverride()
      .configureOutput({ writeOut: output.out, writeErr: output.err });

  const finish = (command: UpdateCommand, paths: string[], flags: CommonFlags): void => {
    const destination: Destination | undefined = flags.dryRun
      ? { kind: "dry-run" }
      : flags.inPlace
        ? { kind: "in-place" }
        : flags.out !== undefined
          ? { kind: "out", folder: flags.out }
          : undefined;
    if (!destination) {
      usageError = "say where to write: --out DIR (a folder for the updated files) or --in-place (replace each file, keeping a .bak.docx).";
      return;
    }
    parsed = { command, destination, json: flags.json === true, paths };
  };

  const month = (value: string): string => {
    if (!MONTH.test(value)) throw new InvalidArgumentError("give a year and month as YYYY-MM, e.g. 2026-11.");
    return value;
  };
  const collect = (value: string, previous: string[] = []): string[] => [...previous, value.trim()];

  define("add-update", "add the next update's three rows (evidence, assessment, impact) after each recommendation's latest update")
    .requiredOption("--month <YYYY-MM>", "the new update's month", month)
    .option("--recommendation <number>", "only this recommendation (repeat for several; default: all)", collect)
    .option("--no-dropdowns", "leave the assessment empty instead of putting in a grade dropdown")
    .action((paths: string[], flags: CommonFlags & { month: string; recommendation?: string[]; dropdowns: boolean }) => {
      const recommendations = flags.recommendation ?? "all";
      finish({ kind: "add-update", month: flags.month, recommendations, dropdowns: flags.dropdowns }, paths, flags);
    });

  define("remove-update", "remove that month's update rows where all three still hold only what add-update wrote")
    .requiredOption("--month <YYYY-MM>", "the month of the update to remove", month)
    .option("--recommendation <number>", "only this recommendation (repeat for several; default: all)", collect)
    .action((paths: string[], flags: CommonFlags & { month: string; recommendation?: string[] }) => {
      finish({ kind: "remove-update", month: flags.month, recommendations: flags.recommendation ?? "all" }, paths, flags);
    });

  define("summary", "put the grade summary at the end of each document, or refresh the one that is there").action(
    (paths: string[], flags: CommonFlags) => finish({ kind: "summary" }, paths, flags),
  );

  define("comments", "add a review comment (the check's findings) on each place with an error or warning; none is repeated").action(
    (paths: string[], flags: CommonFlags) => finish({ kind: "comments" }, paths, flags),
  );

  define("remove-comments", "remove the review comments the check added (text starting \"[Scrutiny check] \"); others stay").action(
    (paths: string[], flags: CommonFlags) => finish({ kind: "remove-comments" }, paths, flags),
  );

  try {
    program.parse([...argv], { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and version exit 0; commander has already written the reason for anything else.
    return { kind: "exit", code: error.exitCode === 0 ? 0 : 2 };
  }
  if (usageError) {
    output.err(`scrutiny-update: ${usageError}\n${TRY_HELP}\n`);
    return { kind: "exit", code: 2 };
  }
  if (!parsed) {
    output.err(`scrutiny-update: say what to do: add-update, remove-update, summary, comments or remove-comments.\nUsage: scrutiny-update ${program.usage()}\n${TRY_HELP}\n`);
    return { kind: "exit", code: 2 };
  }
  return { kind: "run", options: parsed };
}
