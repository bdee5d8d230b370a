/** A numeric command-line option (`--l2 0.01`), or the fallback when it is not given. */
export function numberOption(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/** A text command-line option (`--model trees`), or the fallback when it is not given. */
export function textOption(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1]! : fallback;
}
