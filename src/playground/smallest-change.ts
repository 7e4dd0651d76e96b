/**
 * The smallest edit that turns one text into another: the common start and
 * end are kept, only the middle is replaced. Applying a whole formatted text
 * this way keeps the cursor, the selection and the folds where they were
 * (outside the changed part) and makes one undo step of it.
 */
import type { ChangeSpec } from '@codemirror/state';

export function smallestChange(before: string, after: string): ChangeSpec {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shortest - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
