/**
 * The common command line, `scrutiny-check <file.docx|folder>...` with no options, read without commander:
 * loading and setting up commander is a few milliseconds of a cold run that checks one file, for what is
 * only a list of paths. Anything else (an option, `--`, a lone `-`, no paths) is left to args.ts.
 */
import type { ParsedArgs } from "./args";

/** The options parseArgs gives for `argv` when it is only paths (the defaults); undefined otherwise. */
export function plainPathArgs(argv: readonly string[]): ParsedArgs | undefined {
  if (argv.length === 0 || argv.some((arg) => arg.startsWith("-"))) return undefined;
  return { kind: "run", options: { format: "text", color: true, includeSetAside: false, paths: [...argv] } };
}
