/**
 * What a checked program implies without writing it, defined once for every
 * stage that reports or enforces it: the name a credit's owner goes by, and
 * the range an input's values must lie in when the rules declare none.
 */
import type { Block, InputKind, Literal, Rule } from '../ast.js';

/** The bounds an input's values must lie in, both inclusive. */
export interface InputRange {
  readonly min: Literal;
  readonly max: Literal;
}

const percent = (value: string): Literal => ({ type: 'literal', kind: 'percent', value, span: { start: 0, end: 0 } });

/** A percentage input without a declared range is a share of a whole: 0% to 100%. */
export const SHARE_RANGE: InputRange = { min: percent('0'), max: percent('100') };

/** The range an input's values must lie in: its declared one, else the share range for a percentage; none for others. */
export function effectiveRange(input: { readonly kind: InputKind; readonly range?: InputRange }): InputRange | undefined {
  return input.range ?? (input.kind === 'percent' ? SHARE_RANGE : undefined);
}

/**
 * The name a credit rule or tier block goes by in explanations, cuts and the
 * list of credits: a rule (or tier) its condition as written, a block its
 * label or else its pool and `line`, the 1-based line it starts on.
 */
export function ownerName(statement: Rule | Block, line: number): string {
  return statement.type === 'rule' ? statement.conditionText : statement.label ?? `${statement.pool} block at line ${line}`;
}
