/**
 * Expressions compiled once into closures over an environment, so evaluation
 * walks no tree and parses no literal: every literal becomes its Decimal here.
 * Division by zero stops the evaluation with a positioned problem.
 */
import type { Expr } from '../ast.js';
import type { Span } from '../source.js';
import { canonical, Decimal, ZERO } from '../decimal.js';
import { evaluationProblems as problems, type Problem } from '../diagnostics.js';
import type { Value } from './inputs.js';

export interface Env {
  value(name: string): Value;
}

export type Compiled = (env: Env) => Value;

/** Thrown inside an evaluation and caught at its boundary; never reaches a caller of the library. */
export class EvaluationStop extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

const num = (v: Value) => v as Decimal;
const items = (v: Value) => v as readonly Decimal[];

/** Room for the exact result of two 40-digit operands: a product has at most 80 digits. */
const Wide = Decimal.clone({ precision: 80 });
export type Operation = 'plus' | 'minus' | 'times' | 'div';

/**
 * `a op b` to the 40 significant digits arithmetic keeps. Below 10^28 a
 * rounding at the 40th digit lies below 10^-12 and cannot change a cent.
 * Above, the operation is redone with room for every digit and must agree;
 * otherwise the evaluation stops instead of paying a guessed amount. (The
 * rounded result alone cannot tell: its 40th digit may have rounded to 0.)
 */
export function operate(a: Decimal, op: Operation, b: Decimal, span: Span): Decimal {
  const result = a[op](b);
  if (result.e < 28 || exactResult(result, a, op, b)) return result;
  throw new EvaluationStop(problems.numberTooLarge(span));
}

function exactResult(result: Decimal, a: Decimal, op: Operation, b: Decimal): boolean {
  // A quotient is exact when it multiplies back: 40 + 40 digits fit.
  if (op === 'div') return new Wide(result).times(b).eq(a);
  if (op !== 'times' && !a.isZero() && !b.isZero()) {
    // A sum's digits run from the higher leading digit (plus a carry) to the lower last digit.
    const last = (d: Decimal) => d.e - d.sd() + 1;
    if (Math.max(a.e, b.e) + 2 - Math.min(last(a), last(b)) > Wide.precision) return false;
  }
  return new Wide(a)[op](b).eq(result);
}

export function compileExpr(expr: Expr): Compiled {
  switch (expr.type) {
    case 'literal': {
      const value: Value = expr.kind === 'boolean' ? expr.value === 'true' : canonical(expr);
      return () => value;
    }
    case 'name': {
      const name = expr.name;
      return (env) => env.value(name);
    }
    case 'unary': {
      const operand = compileExpr(expr.operand);
      return expr.op === 'not' ? (env) => !operand(env) : (env) => num(operand(env)).neg();
    }
    case 'binary': {
      const left = compileExpr(expr.left);
      const right = compileExpr(expr.right);
      const span = expr.span;
      switch (expr.op) {
        case 'and': return (env) => (left(env) as boolean) && (right(env) as boolean);
        case 'or': return (env) => (left(env) as boolean) || (right(env) as boolean);
        case '+': return (env) => operate(num(left(env)), 'plus', num(right(env)), span);
        case '-': return (env) => operate(num(left(env)), 'minus', num(right(env)), span);
        case '*':
        case 'of': return (env) => operate(num(left(env)), 'times', num(right(env)), span);
        case '/':
          return (env) => {
            const divisor = num(right(env));
            if (divisor.isZero()) throw new EvaluationStop(problems.divisionByZero(span));
            return operate(num(left(env)), 'div', divisor, span);
          };
      }
      break;
    }
    case 'compare': {
      const operands = expr.operands.map(compileExpr);
      const tests = expr.ops.map(comparator);
      return (env) => {
        let left = operands[0](env);
        for (let i = 0; i < tests.length; i++) {
          const right = operands[i + 1](env);
          if (!tests[i](left, right)) return false;
          left = right;
        }
        return true;
      };
    }
    case 'call': {
      const args = expr.args.map(compileExpr);
      const span = expr.span;
      const [only] = expr.args;
      // count, sum, max and min of a list input's items.
      if (args.length === 1 && only.type === 'name') {
        const list = args[0];
        const name = only.name;
        switch (expr.name) {
          case 'count': return (env) => new Decimal(items(list(env)).length);
          case 'sum': return (env) => items(list(env)).reduce((total, item) => operate(total, 'plus', item, span), ZERO);
          case 'max':
          case 'min': {
            const which = expr.name;
            return (env) => {
              const all = items(list(env));
              if (all.length === 0) throw new EvaluationStop(problems.emptyList(name, which, span));
              return which === 'max' ? Decimal.max(...all) : Decimal.min(...all);
            };
          }
          default: break;
        }
      }
      switch (expr.name) {
        case 'min': return (env) => Decimal.min(...args.map((arg) => num(arg(env))));
        case 'max': return (env) => Decimal.max(...args.map((arg) => num(arg(env))));
        case 'round':
        case 'floor':
        case 'ceil': {
          const [value, step] = args;
          const mode = ROUNDING[expr.name];
          return (env) => {
            const by = num(step(env));
            // The checker allows only steps above zero: a saved program with another was not checked.
            if (!by.gt(0)) throw new EvaluationStop(problems.notChecked(span));
            const steps = operate(num(value(env)), 'div', by, span).toDecimalPlaces(0, mode);
            return operate(steps, 'times', by, span);
          };
        }
        default: break;
      }
      break;
    }
    case 'if': {
      const condition = compileExpr(expr.condition);
      const then = compileExpr(expr.then);
      const otherwise = compileExpr(expr.otherwise);
      // Only the branch taken is evaluated: it may guard a division by zero.
      return (env) => (condition(env) === true ? then(env) : otherwise(env));
    }
    case 'invalid':
      break;
  }
  // The checker never lets an invalid tree through; this guards the precompiled path.
  throw new EvaluationStop(problems.notChecked(expr.span));
}

/** `round` is half away from zero; `floor` and `ceil` go toward −∞ and +∞. */
const ROUNDING = { round: Decimal.ROUND_HALF_UP, floor: Decimal.ROUND_FLOOR, ceil: Decimal.ROUND_CEIL } as const;

function comparator(op: string): (a: Value, b: Value) => boolean {
  const cmp = (a: Value, b: Value) =>
    typeof a === 'boolean' ? Number(a) - Number(b as boolean) : (a as Decimal).comparedTo(b as Decimal);
  switch (op) {
    case '<': return (a, b) => cmp(a, b) < 0;
    case '<=': return (a, b) => cmp(a, b) <= 0;
    case '>': return (a, b) => cmp(a, b) > 0;
    case '>=': return (a, b) => cmp(a, b) >= 0;
    case '=': return (a, b) => cmp(a, b) === 0;
    default: return (a, b) => cmp(a, b) !== 0;
  }
}
