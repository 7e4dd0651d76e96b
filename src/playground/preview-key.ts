/**
 * Whether a new program would show the same preview as the last one. Most
 * keystrokes while drafting land in comments, labels of examples or spaces,
 * or are undone a moment later; handing the calculator a new program then
 * redoes all its work (a large program's chart alone is a hundred
 * evaluations) for the same picture. The key is the checked program without
 * source positions, plus the line of each statement and tier, because the
 * calculator's explanations name lines.
 */
import { lineNumbers, type Program } from '../index.js';

const POSITIONS = new Set(['span', 'nameSpan', 'headerSpan', 'source']);

export function previewKey(program: Program): string {
  const checked = program.toJSON();
  const lineOf = lineNumbers(checked.source);
  const at: number[] = [];
  for (const s of checked.ast.statements) {
    at.push(lineOf(s.span.start));
    if (s.type === 'block') for (const r of s.rules) at.push(lineOf(r.span.start));
  }
  return `${at.join(',')}\n${JSON.stringify(checked, (key, value: unknown) => (POSITIONS.has(key) ? undefined : value))}`;
}
