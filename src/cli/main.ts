export async function main(_argv: string[]): Promise<number> {
  process.stderr.write("scrutiny-check: not written yet\n");
  return 2;
}
