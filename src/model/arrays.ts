/**
 * `into.push(...items)` for an array of any length. A spread passes every item as an argument, and
 * about 125,000 of them overflow the stack (lint forbids the spread in src/).
 */
export function pushAll<T>(into: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) into.push(items[i]);
  return into;
}
