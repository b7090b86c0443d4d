/** Runs scrutiny-check in-process with stdout and stderr captured. */
import { run } from "../../src/cli/main";

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCaptured(
  argv: string[],
  options: { stdoutIsTTY?: boolean; stderrIsTTY?: boolean; env?: Record<string, string> } = {},
): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: { write: (t: string) => (stdout += t), isTTY: options.stdoutIsTTY ?? false },
    stderr: { write: (t: string) => (stderr += t), isTTY: options.stderrIsTTY ?? false },
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}
