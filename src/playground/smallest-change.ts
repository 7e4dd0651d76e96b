/**
 * The one change that turns a text into another: the part between their
 * common start and common end. Replacing only that keeps the cursor, the
 * scroll position and the undo step as small as the edit really is.
 */
export function smallestChange(before: string, after: string): { from: number; to: number; insert: string } {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before[start] === after[start]) start++;
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
