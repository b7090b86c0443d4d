/** "Checked 12 of 40…" on stderr, only when a person is watching a long run. */
export interface Progress {
  update(done: number): void;
  done(): void;
}

const SILENT: Progress = { update: () => undefined, done: () => undefined };

/** Several files and stderr is a terminal: show a line that rewrites itself, and clear it at the end. */
export const PROGRESS_FROM = 3;

/** `verb`: what is being done to each file, as the line says it ("Checked 12 of 40…"). */
export function progress(total: number, stderr: { write(text: string): unknown }, isTTY: boolean, verb = "Checked"): Progress {
  if (!isTTY || total < PROGRESS_FROM) return SILENT;
  let width = 0;
  return {
    update(done) {
      const line = `${verb} ${done} of ${total}…`;
      stderr.write(`\r${line.padEnd(width)}`);
      width = line.length;
    },
    done() {
      stderr.write(`\r${" ".repeat(width)}\r`);
    },
  };
}
