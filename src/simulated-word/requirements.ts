/** What the simulated host supports: requirement sets and their versions. */
export interface RequirementState {
  requirementSets: Readonly<Record<string, string>>;
}

/** Compares dotted versions numerically ("1.10" > "1.9"). */
export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function isSetSupported(state: RequirementState, name: string, minVersion = "1.1"): boolean {
  const have = state.requirementSets[name];
  return have !== undefined && versionAtLeast(have, minVersion);
}
