/**
 * A checked expression as SQL in exact DECIMAL arithmetic: the SQL backend's
 * counterpart of `evaluate/expressions.ts`. Every number has a scale fixed
 * when the query is generated (as the fast path plans its scales), and is a
 * `DECIMAL(38, scale)`: sums take the larger scale, products the sum of the
 * scales — exact, and an overflow of 38 digits is the engine's error, never a
 * rounded value. A quotient is exact or not at all: at a few places more than
 * its dividend it must divide without remainder, else it is NULL, as is one by
 * zero. NULL means "not computable here" and spreads to the credit, which
 * then becomes an error row: conditions and `and`/`or` are written so that a
 * NULL is never taken as false where the interpreter would have stopped.
 */
import * as A from '../language/ast.js';
import { canonical } from '../language/decimal.js';
import { productScale, quotientScale, quotientShift, sumScale } from '../language/plan/scales.js';
import type { Dialect, SqlNumber } from './dialect.js';
import { quoteLiteral } from './quote.js';

/** DECIMAL(38, s) leaves 38 − s digits before the point; past this scale too few would be left for money. */
export const MAX_SCALE = 24;

/** What a name is in the query: a number column or a boolean one. */
export type SqlName = ({ readonly type: 'number' } & SqlNumber) | { readonly type: 'boolean'; readonly sql: string };

/** A construct the SQL backend cannot express: named with its line, never turned into wrong SQL. */
export class SqlUnsupported extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export const decimalType = (scale: number) => `DECIMAL(38, ${scale})`;
export const cast = (sql: string, scale: number) => `CAST(${sql} AS ${decimalType(scale)})`;
/** A constant as DECIMAL(38, its scale). */
export const constant = (text: string, scale: number) => cast(quoteLiteral(text), scale);
export const powerOfTen = (exponent: number) => constant(exponent >= 0 ? `1${'0'.repeat(exponent)}` : `0.${'0'.repeat(-exponent - 1)}1`, Math.max(0, -exponent));
/** A number at a (not lower) scale. */
export const rescale = (n: SqlNumber, scale: number): string => (n.scale === scale ? n.sql : cast(n.sql, scale));
/**
 * The whole number n × 10^scale, as DECIMAL(38, 0). A DECIMAL(38, s) times
 * 10^s keeps scale s, so at once it overflows for n ≥ 10^(38 − 2s): for a
 * scale of at most 9 that is beyond 10^20, so one step. A finer scale goes
 * two places at a time, cast down after each, never holding more digits than
 * n × 10^scale and two. (Every cast down divides a HUGEINT: few is fast.)
 */
export function scaledInteger(n: SqlNumber): string {
  if (n.scale <= 9) return cast(`${n.sql} * ${powerOfTen(n.scale)}`, 0);
  let sql = n.sql;
  for (let scale = n.scale; scale > 0; scale -= 2) {
    const step = Math.min(2, scale);
    sql = cast(`${sql} * ${powerOfTen(step)}`, scale - step);
  }
  return sql;
}

/** A whole number at scale 0 read back at `scale` places: q × 10^−scale. */
export const fromScaledInteger = (q: string, scale: number): SqlNumber => ({ sql: cast(`${q} * ${powerOfTen(-scale)}`, scale), scale });
/** Never below zero; NULL stays NULL (GREATEST would drop it). */
export const notBelowZero = (n: SqlNumber): SqlNumber => ({ sql: `CASE WHEN ${n.sql} > 0 THEN ${n.sql} WHEN ${n.sql} <= 0 THEN ${cast('0', n.scale)} END`, scale: n.scale });
/** `if` that is NULL when its condition is (plain CASE would take the ELSE). */
export const choose = (test: string, then: string, otherwise: string) => `CASE ${test} WHEN TRUE THEN ${then} WHEN FALSE THEN ${otherwise} END`;

export class SqlExpressions {
  /** Lines of divisions, which may leave a credit uncomputed: for the error that says so. */
  readonly divisionLines = new Set<number>();

  constructor(
    private readonly dialect: Dialect,
    private readonly name: (name: string, at: A.Expr) => SqlName,
    private readonly lineOf: (expr: A.Expr) => number,
    /** `count`, `sum`, `max` or `min` of a list input (`call` names it); undefined when the name is no list. */
    private readonly list?: (name: string, call: A.Call) => SqlNumber | undefined,
    /** For `pay only if`: the name of a share of the fee, the amount it is of, and the fee. */
    private readonly share?: { readonly name: string; readonly amount: SqlNumber; readonly fee: SqlNumber },
  ) {}

  number(expr: A.Expr): SqlNumber {
    switch (expr.type) {
      case 'literal': {
        if (expr.kind === 'boolean') break;
        const value = canonical(expr);
        return this.planned(expr, { sql: constant(value.toFixed(), value.decimalPlaces()), scale: value.decimalPlaces() });
      }
      case 'name': {
        const named = this.name(expr.name, expr);
        if (named.type === 'number') return named;
        break;
      }
      case 'unary':
        if (expr.op === 'not') break;
        {
          const operand = this.number(expr.operand);
          return { sql: `(-${operand.sql})`, scale: operand.scale };
        }
      case 'binary': {
        if (expr.op === 'and' || expr.op === 'or') break;
        const left = this.number(expr.left);
        const right = this.number(expr.right);
        switch (expr.op) {
          case '+':
          case '-': {
            const scale = sumScale(left.scale, right.scale);
            return { sql: cast(`${rescale(left, scale)} ${expr.op} ${rescale(right, scale)}`, scale), scale };
          }
          case '*':
          case 'of': {
            const scale = productScale(left.scale, right.scale);
            return this.planned(expr, { sql: cast(`${left.sql} * ${right.sql}`, scale), scale });
          }
          case '/':
            return this.quotient(expr, left, right);
        }
        break;
      }
      case 'compare':
        break;
      case 'call':
        return this.call(expr);
      case 'if': {
        const then = this.number(expr.then);
        const otherwise = this.number(expr.otherwise);
        const scale = Math.max(then.scale, otherwise.scale);
        return { sql: choose(this.test(expr.condition), rescale(then, scale), rescale(otherwise, scale)), scale };
      }
      default:
        throw new SqlUnsupported(this.lineOf(expr), `the SQL backend does not support this construct (${(expr as { type: string }).type}) yet; credit-rules batch computes it`);
    }
    throw new SqlUnsupported(this.lineOf(expr), 'expected a number here');
  }

  test(expr: A.Expr): string {
    switch (expr.type) {
      case 'literal':
        if (expr.kind === 'boolean') return expr.value === 'true' ? 'TRUE' : 'FALSE';
        break;
      case 'name': {
        const named = this.name(expr.name, expr);
        if (named.type === 'boolean') return named.sql;
        break;
      }
      case 'unary':
        if (expr.op === 'not') return `(NOT ${this.test(expr.operand)})`;
        break;
      case 'if':
        return choose(this.test(expr.condition), this.test(expr.then), this.test(expr.otherwise));
      case 'binary': {
        // The interpreter stops at the first side that decides; a NULL (uncomputable) side it reaches stays NULL.
        if (expr.op === 'and') return choose(this.test(expr.left), this.test(expr.right), 'FALSE');
        if (expr.op === 'or') return choose(this.test(expr.left), 'TRUE', this.test(expr.right));
        break;
      }
      case 'compare': {
        const operands = expr.operands.map((operand) => (isBoolean(operand) ? () => this.test(operand) : () => this.number(operand).sql));
        const tests = expr.ops.map((op, i) => this.comparison(expr.operands[i], op === '!=' ? '<>' : op, expr.operands[i + 1]) ?? `(${operands[i]()} ${op === '!=' ? '<>' : op} ${operands[i + 1]()})`);
        // A chain stops at its first false comparison, as the interpreter's does.
        return tests.reduceRight((rest, test) => choose(test, rest, 'FALSE'));
      }
      default:
        throw new SqlUnsupported(this.lineOf(expr), `the SQL backend does not support this construct (${(expr as { type: string }).type}) yet; credit-rules batch computes it`);
    }
    throw new SqlUnsupported(this.lineOf(expr), 'expected a condition here');
  }

  /**
   * a / b at a few places more than the dividend (as the fast path plans it):
   * the whole numbers A·10^shift and B must divide exactly, else NULL.
   */
  private quotient(expr: A.Expr, left: SqlNumber, right: SqlNumber): SqlNumber {
    return this.divide(left, right, this.lineOf(expr));
  }

  /** The scale of a quotient: a few places more than its dividend (`plan/scales.ts`). */
  quotientScale(left: number, right: number): number {
    return quotientScale(left, right, MAX_SCALE);
  }

  /** left / right exactly at `quotientScale`, else NULL; `line` names the division when a row cannot be computed. */
  divide(left: SqlNumber, right: SqlNumber, line: number): SqlNumber {
    const scale = quotientScale(left.scale, right.scale, MAX_SCALE);
    const shift = quotientShift(left.scale, right.scale, scale);
    if (shift < 0) throw new SqlUnsupported(line, `this division needs more than ${MAX_SCALE} decimal places in SQL`);
    this.divisionLines.add(line);
    const dividend = cast(`${scaledInteger(left)} * ${powerOfTen(shift)}`, 0);
    const divisor = scaledInteger(right);
    const d = this.dialect;
    // Nested, not AND: only CASE promises the remainder is not taken of a zero divisor.
    const q = `CASE WHEN ${divisor} = 0 THEN NULL WHEN ${d.mod(dividend, divisor)} = 0 THEN ${d.quotient(dividend, divisor)} END`;
    return fromScaledInteger(q, scale);
  }

  /**
   * A share of the fee compared, `total_credit_percent >= 2%`, as the
   * credit compared with the share of the fee, `credit >= 2% × fee` (the fee
   * is above zero): exact where the share itself may have no exact decimal.
   */
  private comparison(left: A.Expr, op: string, right: A.Expr): string | undefined {
    const share = this.share;
    if (!share) return undefined;
    const isShare = (e: A.Expr) => e.type === 'name' && e.name === share.name;
    const mentions = (e: A.Expr) => A.namesIn(e).some((n) => n.name === share.name);
    const scaled = (other: A.Expr) => {
      const n = this.number(other);
      return cast(`${n.sql} * ${share.fee.sql}`, n.scale + share.fee.scale);
    };
    if (isShare(left) && !mentions(right)) return `(${share.amount.sql} ${op} ${scaled(right)})`;
    if (isShare(right) && !mentions(left)) return `(${scaled(left)} ${op} ${share.amount.sql})`;
    return undefined;
  }

  /** `min`, `max` of numbers; `round`, `floor`, `ceil` to a step; `count`, `sum`, `max`, `min` of a list (`lists`). */
  private call(expr: A.Call): SqlNumber {
    const [only] = expr.args;
    if (expr.args.length === 1 && only.type === 'name' && this.list) {
      const list = this.list(only.name, expr);
      if (list) return list;
    }
    switch (expr.name) {
      case 'min':
      case 'max': {
        const args = expr.args.map((arg) => this.number(arg));
        const scale = Math.max(...args.map((a) => a.scale));
        const values = args.map((a) => rescale(a, scale));
        // LEAST and GREATEST skip a NULL; the interpreter would have stopped.
        return { sql: `CASE WHEN ${values.map((v) => `${v} IS NULL`).join(' OR ')} THEN NULL ELSE ${expr.name === 'min' ? 'LEAST' : 'GREATEST'}(${values.join(', ')}) END`, scale };
      }
      case 'round':
      case 'floor':
      case 'ceil':
        return this.rounded(expr, expr.name);
      default:
        throw new SqlUnsupported(this.lineOf(expr), `\`${expr.name}\` of something other than a list input is not in the SQL backend`);
    }
  }

  /**
   * `round(v, step)`: v / step to a whole number (half away from zero, or
   * toward −∞ or +∞), times the step, in whole numbers: A / B with A and B
   * v and the step at their common scale. NULL for a step not above zero
   * (the checker allows none; a saved program is refused by the interpreter).
   */
  private rounded(expr: A.Call, mode: 'round' | 'floor' | 'ceil'): SqlNumber {
    const value = this.number(expr.args[0]);
    const step = this.number(expr.args[1]);
    const common = Math.max(value.scale, step.scale);
    const a = scaledInteger({ sql: rescale(value, common), scale: common });
    const b = scaledInteger({ sql: rescale(step, common), scale: common });
    const d = this.dialect;
    const one = cast('1', 0);
    const whole =
      mode === 'round'
        ? `CASE WHEN ${a} < 0 THEN -${d.quotient(cast(`-2 * ${a} + ${b}`, 0), cast(`2 * ${b}`, 0))} ELSE ${d.quotient(cast(`2 * ${a} + ${b}`, 0), cast(`2 * ${b}`, 0))} END`
        : mode === 'floor'
          ? `CASE WHEN ${d.mod(a, b)} < 0 THEN ${cast(`${d.quotient(a, b)} - ${one}`, 0)} ELSE ${d.quotient(a, b)} END`
          : `CASE WHEN ${d.mod(a, b)} > 0 THEN ${cast(`${d.quotient(a, b)} + ${one}`, 0)} ELSE ${d.quotient(a, b)} END`;
    const n = `CASE WHEN ${b} > 0 THEN ${cast(whole, 0)} END`;
    return this.planned(expr, { sql: cast(`${n} * ${step.sql}`, step.scale), scale: step.scale });
  }

  private planned(expr: A.Expr, n: SqlNumber): SqlNumber {
    if (n.scale > MAX_SCALE) throw new SqlUnsupported(this.lineOf(expr), `this value needs ${n.scale} decimal places; SQL's DECIMAL(38) keeps at most ${MAX_SCALE} here, to leave room for the whole part`);
    return n;
  }
}

function isBoolean(expr: A.Expr): boolean {
  return expr.kind === 'boolean';
}
