/**
 * `into.push(...items)` for an array of any length. A spread passes every item as an argument, and
 * about 125,000 of them overflow the stack (lint forbids the spread in src/).
 */
export function pushAll<T>(into: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) into.push(items[i]);
  return into;
}

/** `into.splice(at, 0, ...items)` for an array of any length (the spread has the same limit as push's). */
export function insertAll<T>(into: T[], at: number, items: readonly T[]): T[] {
  const tail = into.splice(at);
  pushAll(into, items);
  return pushAll(into, tail);
}
