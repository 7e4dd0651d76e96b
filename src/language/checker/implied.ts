/**
 * What a checked program implies without writing it, defined once for every
 * stage that reports or enforces it: the name a credit's owner goes by, and
 * the range an input's values must lie in when the rules declare none.
 */
import type { Block, InputKind, Literal, Rule } from '../ast.js';
import type { Span } from '../source.js';

/** The bounds an input's values must lie in, both inclusive. */
export interface InputRange {
  readonly min: Literal;
  readonly max: Literal;
  /** Not written in the rules: the share range of a percentage input without one. */
  readonly implicit: boolean;
}

/**
 * The range an input's values must lie in: its declared one, else 0% to 100%
 * for a percentage (a share of a whole, its ends placed at the input's
 * `span`); none for other kinds.
 */
export function effectiveRange(input: {
  readonly kind: InputKind;
  readonly range?: { readonly min: Literal; readonly max: Literal };
  readonly span: Span;
}): InputRange | undefined {
  if (input.range) return { min: input.range.min, max: input.range.max, implicit: false };
  if (input.kind !== 'percent') return undefined;
  const end = (value: string): Literal => ({ type: 'literal', kind: 'percent', value, span: input.span });
  return { min: end('0'), max: end('100'), implicit: true };
}

/**
 * The name a credit rule or tier block goes by in explanations, cuts and the
 * list of credits: a rule (or tier) its condition as written, a block its
 * label or else its pool and `line`, the 1-based line it starts on.
 */
export function ownerName(
  statement: Pick<Rule, 'type' | 'conditionText'> | Pick<Block, 'type' | 'label' | 'pool'>,
  line: number,
): string {
  return statement.type === 'rule' ? statement.conditionText : statement.label ?? `${statement.pool} block at line ${line}`;
}
