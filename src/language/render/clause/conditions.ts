/**
 * Conditions, language-neutral, before they are worded: `not` is pushed down
 * to the comparisons (`not (a < 5)` reads "a is at least 5"), chains become
 * one subject with several bounds, and boolean equalities become plain and/or.
 */
import type * as A from '../../ast.js';

export type Cond =
  | { readonly type: 'const'; readonly value: boolean }
  | { readonly type: 'compare'; readonly subject: A.Expr; readonly parts: readonly Bound[] }
  | { readonly type: 'flag'; readonly name: string; readonly met: boolean }
  | { readonly type: 'all' | 'any'; readonly items: readonly Cond[] };

interface Bound {
  readonly op: A.CompareOp;
  readonly other: A.Expr;
}

const inverse: Record<A.CompareOp, A.CompareOp> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '=': '!=', '!=': '=' };
const mirrored: Record<A.CompareOp, A.CompareOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' };

export function condition(expr: A.Expr, negated = false): Cond {
  switch (expr.type) {
    case 'literal': return { type: 'const', value: (expr.value === 'true') !== negated };
    case 'name': return { type: 'flag', name: expr.name, met: !negated };
    case 'unary': return condition(expr.operand, expr.op === 'not' ? !negated : negated);
    case 'binary': {
      const all = (expr.op === 'and') !== negated;
      return combine(all ? 'all' : 'any', [condition(expr.left, negated), condition(expr.right, negated)]);
    }
    case 'compare': return comparison(expr, negated);
    // `if C then A else B` as a condition: A when C holds, B when it does not.
    case 'if': return combine('any', [
      combine('all', [condition(expr.condition), condition(expr.then, negated)]),
      combine('all', [condition(expr.condition, true), condition(expr.otherwise, negated)]),
    ]);
    // Functions are never conditions; the checker rejects them there.
    case 'call':
    // Checked programs have no invalid nodes; a constant keeps the text readable if one slips through.
    case 'invalid': return { type: 'const', value: !negated };
  }
}

function comparison(expr: A.Comparison, negated: boolean): Cond {
  const pairs = expr.ops.map((op, i) => ({ left: expr.operands[i], op, right: expr.operands[i + 1] }));
  if (expr.operands[0].kind === 'boolean') {
    // `a = b` on conditions: both met or both not; `announced = false` is simply "not announced".
    const pieces = pairs.map(({ left, op, right }): Cond => {
      const differ = (op === '!=') !== negated;
      if (right.type === 'literal') return condition(left, differ === (right.value === 'true'));
      if (left.type === 'literal') return condition(right, differ === (left.value === 'true'));
      return combine('any', [
        combine('all', [condition(left), condition(right, differ)]),
        combine('all', [condition(left, true), condition(right, !differ)]),
      ]);
    });
    return combine(negated ? 'any' : 'all', pieces);
  }
  // The subject is what is measured: `99.5% > availability` reads "availability is below 99.5%".
  const bounds = pairs.map(({ left, op, right }) =>
    left.type === 'literal' && right.type !== 'literal'
      ? { subject: right, op: mirrored[op], other: left }
      : { subject: left, op, other: right });
  if (negated) {
    return combine('any', bounds.map((b) => ({ type: 'compare', subject: b.subject, parts: [{ op: inverse[b.op], other: b.other }] })));
  }
  const atoms: { subject: A.Expr; parts: Bound[] }[] = [];
  for (const b of bounds) {
    const last = atoms[atoms.length - 1];
    if (last && last.subject === b.subject) last.parts.push({ op: b.op, other: b.other });
    else atoms.push({ subject: b.subject, parts: [{ op: b.op, other: b.other }] });
  }
  return combine('all', atoms.map((a) => ({ type: 'compare', ...a })));
}

/** Flattens `a and (b and c)` and drops constants, so the text never says "and true". */
export function combine(type: 'all' | 'any', items: readonly Cond[]): Cond {
  const flat: Cond[] = [];
  for (const item of items) {
    if (item.type === 'const') {
      if (item.value === (type === 'any')) return item;
      continue;
    }
    if (item.type === type) flat.push(...item.items);
    else flat.push(item);
  }
  if (flat.length === 0) return { type: 'const', value: type === 'all' };
  return flat.length === 1 ? flat[0] : { type, items: flat };
}
