/**
 * Expressions compiled once into closures over an environment, so evaluation
 * walks no tree and parses no literal: every literal becomes its Decimal here.
 * Division by zero stops the evaluation with a positioned problem.
 */
import type { Expr } from '../ast.js';
import { canonical, Decimal } from '../decimal.js';
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
        case '+': return (env) => num(left(env)).plus(num(right(env)));
        case '-': return (env) => num(left(env)).minus(num(right(env)));
        case '*':
        case 'of': return (env) => num(left(env)).times(num(right(env)));
        case '/':
          return (env) => {
            const divisor = num(right(env));
            if (divisor.isZero()) throw new EvaluationStop(problems.divisionByZero(span));
            return num(left(env)).div(divisor);
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
    case 'invalid':
      break;
  }
  // The checker never lets an invalid tree through; this guards the precompiled path.
  throw new EvaluationStop(problems.notChecked(expr.span));
}

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
