/** Small helpers for plain English counts. */

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "3 errors, 1 warning"; "no problems" when every count is zero. */
export function describeCounts(parts: [number, string, string?][]): string {
  const said = parts.filter(([count]) => count > 0).map(([count, one, many]) => plural(count, one, many));
  return said.length > 0 ? said.join(", ") : "no problems";
}

/** "14:05" in the officer's own clock. */
export function clockTime(date: Date): string {
  return date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
}
