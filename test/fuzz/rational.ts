/**
 * A reference for decimal arithmetic: exact rationals over BigInt, and random
 * expressions of decimal literals rendered as `let`/`output` text. The
 * language promises exact decimals (at least 28 significant digits); this is
 * what it is held to.
 */
import fc from 'fast-check';
import { decimalString } from './arbitraries.js';

export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const abs = (x: bigint) => (x < 0n ? -x : x);
const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [abs(a), abs(b)];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

export function parseDecimal(text: string): Rational {
  const clean = text.replaceAll('_', '');
  const negative = clean.startsWith('-');
  const [int, frac = ''] = clean.replace(/^-/, '').split('.');
  const value = rational(BigInt(int + frac), 10n ** BigInt(frac.length));
  return negative ? rational(-value.n, value.d) : value;
}

export const add = (a: Rational, b: Rational) => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational) => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational) => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational) => rational(a.n * b.d, a.d * b.n);

/** Rounded half up (away from zero on a tie, as decimal.js ROUND_HALF_UP) to `places`, as a plain string without trailing zeros. */
export function toFixedHalfUp(r: Rational, places: number): string {
  const scale = 10n ** BigInt(places);
  const scaled = abs(r.n) * scale;
  let q = scaled / r.d;
  if ((scaled % r.d) * 2n >= r.d) q += 1n;
  const digits = q.toString().padStart(places + 1, '0');
  let text = places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  if (text.includes('.')) text = text.replace(/\.?0+$/, '');
  return r.n < 0n && q !== 0n ? `-${text}` : text;
}

export type Expr =
  | { readonly type: 'lit'; readonly text: string }
  | { readonly type: 'neg'; readonly operand: Expr }
  | { readonly type: 'bin'; readonly op: '+' | '-' | '*' | '/'; readonly left: Expr; readonly right: Expr };

export function render(e: Expr): string {
  switch (e.type) {
    case 'lit': return e.text;
    case 'neg': return `-(${render(e.operand)})`;
    case 'bin': return `(${render(e.left)} ${e.op} ${render(e.right)})`;
  }
}

/** The exact value; throws RangeError on a division by zero. */
export function evaluate(e: Expr): Rational {
  switch (e.type) {
    case 'lit': return parseDecimal(e.text);
    case 'neg': {
      const v = evaluate(e.operand);
      return rational(-v.n, v.d);
    }
    case 'bin': {
      const [l, r] = [evaluate(e.left), evaluate(e.right)];
      return e.op === '+' ? add(l, r) : e.op === '-' ? sub(l, r) : e.op === '*' ? mul(l, r) : div(l, r);
    }
  }
}

export const hasDivision = (e: Expr): boolean => (e.type === 'bin' ? e.op === '/' || hasDivision(e.left) || hasDivision(e.right) : e.type === 'neg' ? hasDivision(e.operand) : false);

/** Small literals (≤ 5 significant digits), so that products of up to 8 stay within 40 digits. */
const smallLit: fc.Arbitrary<Expr> = fc.oneof(
  fc.integer({ min: 0, max: 99_999 }).map((n) => ({ type: 'lit' as const, text: decimalString(n, 2) })),
  fc.integer({ min: 0, max: 999 }).map((n) => ({ type: 'lit' as const, text: String(n) })),
  fc.constantFrom<Expr>({ type: 'lit', text: '0.1' }, { type: 'lit', text: '0.2' }, { type: 'lit', text: '0.3' }, { type: 'lit', text: '0' }, { type: 'lit', text: '1_000' }),
);

/** Random arithmetic, at most three levels deep. A divisor never contains a division, so a zero divisor is exactly zero. */
export const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr; plain: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    smallLit,
    tie('expr').map((operand): Expr => ({ type: 'neg', operand })),
    fc.record({ op: fc.constantFrom('+' as const, '-' as const, '*' as const), left: tie('expr'), right: tie('expr') }).map((b): Expr => ({ type: 'bin', ...b })),
    fc.record({ left: tie('expr'), right: tie('plain') }).map((b): Expr => ({ type: 'bin', op: '/', ...b })),
  ),
  plain: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    smallLit,
    fc.record({ op: fc.constantFrom('+' as const, '-' as const, '*' as const), left: tie('plain'), right: tie('plain') }).map((b): Expr => ({ type: 'bin', ...b })),
  ),
})).expr.filter((e) => depth(e) <= 3);

function depth(e: Expr): number {
  return e.type === 'lit' ? 0 : e.type === 'neg' ? 1 + depth(e.operand) : 1 + Math.max(depth(e.left), depth(e.right));
}

/** Sums and differences of wide literals (up to 30 significant digits): where binary floating point would fail. */
export const wideSumArb: fc.Arbitrary<Expr> = fc
  .array(
    fc.tuple(fc.constantFrom('+' as const, '-' as const), fc.stringMatching(/^[1-9]\d{0,14}$/), fc.stringMatching(/^\d{1,15}$/)),
    { minLength: 1, maxLength: 6 },
  )
  .map((terms) =>
    terms.slice(1).reduce<Expr>(
      (acc, [op, int, frac]) => ({ type: 'bin', op, left: acc, right: { type: 'lit', text: `${int}.${frac}` } }),
      { type: 'lit', text: `${terms[0][1]}.${terms[0][2]}` },
    ),
  );
