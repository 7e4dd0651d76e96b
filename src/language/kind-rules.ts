/**
 * The rules of kinds that both the checker (`checker/kinds.ts`, which also
 * explains a refusal) and the reader of saved programs (`saved/meaning.ts`,
 * which only verifies) apply: what kind an operator, a function or two
 * branches give, and whether a program has a fee. A leaf, so the runtime
 * that loads saved programs carries these few lines and no checker.
 */
import * as A from './ast.js';

export const SHARES: readonly A.Kind[] = ['percent', 'number'];
/** Kinds with a unit: they add only to their own kind and multiply only by a share. */
export const MEASURES: readonly A.Kind[] = ['money', 'duration', 'points'];

const share = (k: A.Kind) => SHARES.includes(k);

/** The one kind of two values that may stand together (branches, `min`/`max`, sums): percent and number join as a percentage. */
export function joined(a: A.Kind, b: A.Kind): A.Kind | undefined {
  return a === b ? a : share(a) && share(b) ? 'percent' : undefined;
}

export function product(left: A.Kind, right: A.Kind): A.Kind | undefined {
  if (MEASURES.includes(left)) return MEASURES.includes(right) ? undefined : left;
  if (MEASURES.includes(right)) return right;
  return left === 'percent' || right === 'percent' ? 'percent' : 'number';
}

/** The kind of `left op right`, or undefined where the language refuses it. */
export function combined(op: A.Binary['op'], left: A.Kind, right: A.Kind): A.Kind | undefined {
  const logical = op === 'and' || op === 'or';
  if (logical || left === 'boolean' || right === 'boolean') return logical && left === 'boolean' && right === 'boolean' ? 'boolean' : undefined;
  // Percent ± number is a ratio (version 2): `100% - downtime / 43_200min`.
  if (op === '+' || op === '-') return joined(left, right);
  if (op === '*') return product(left, right);
  // `10% of fee` multiplies a share.
  if (op === 'of') return share(left) ? product(left, right) : undefined;
  if (MEASURES.includes(right)) return left === right ? 'number' : undefined;
  return !share(left) ? left : left === 'percent' && right === 'number' ? 'percent' : 'number';
}

/**
 * The kind of a built-in call from its arguments' kinds, or undefined where
 * the language refuses it: `min`/`max` of two or more values of one kind,
 * `round`/`floor`/`ceil` of a value and a step of its kind. (`count` and
 * `sum` take lists, which these rules cannot hold yet.)
 */
export function callKind(name: A.FunctionName, args: readonly A.Kind[]): A.Kind | undefined {
  if (args.includes('boolean')) return undefined;
  if (name === 'min' || name === 'max') {
    if (args.length < 2) return undefined;
    let kind: A.Kind | undefined = args[0];
    for (const next of args.slice(1)) kind = kind && joined(kind, next);
    return kind;
  }
  if (name === 'round' || name === 'floor' || name === 'ceil') {
    return args.length === 2 && joined(args[0], args[1]) ? args[0] : undefined;
  }
  return undefined;
}

/**
 * Whether a program has a fee (§11 of the design): a declared `fee`, or any
 * share of it — a percent credit, cap or point rate, or `fee` or
 * `total_credit_percent` in an expression. A KPI calculator or a bonus
 * scheme paying money has none, so its form asks for no fee.
 */
export function usesFee(ast: A.ProgramAst): boolean {
  const percent = (e: A.Expr) => e.kind === 'percent';
  for (const statement of ast.statements) {
    if (statement.type === 'fee') return true;
    const rules = statement.type === 'rule' ? [statement] : statement.type === 'block' ? statement.rules : [];
    if (rules.some((r) => percent(r.credit) || r.caps.some((c) => percent(c.amount)))) return true;
    if (statement.type === 'block' && statement.caps.some((c) => percent(c.amount))) return true;
    if (statement.type === 'cap' && percent(statement.cap.amount)) return true;
    if (statement.type === 'point-rate' && percent(statement.rate)) return true;
    for (const { expr } of A.expressionsOf(statement)) {
      if (A.namesIn(expr).some((n) => n.name === 'fee' || n.name === 'total_credit_percent')) return true;
    }
  }
  return false;
}
