/**
 * What differs between the SQL engines the generator writes for. Everything
 * else the query uses — CTEs, `WITH RECURSIVE`, window functions, `CASE`,
 * `CAST(… AS DECIMAL(38, s))`, `round`, `concat_ws`, a list's items read with
 * `unnest(list) AS t(item)` in a subquery — is the same text in both.
 */

/** A number in SQL: an expression of type DECIMAL(38, scale), NULL when it cannot be computed exactly. */
export interface SqlNumber {
  readonly sql: string;
  readonly scale: number;
}

export type DialectName = 'duckdb' | 'postgres';

export const DIALECTS: readonly DialectName[] = ['duckdb', 'postgres'];

export interface Dialect {
  readonly name: DialectName;
  /** a / b of two whole numbers held as DECIMAL(38, 0), truncated toward zero, as DECIMAL(38, 0); b ≠ 0. */
  quotient(a: string, b: string): string;
  /** The remainder of that division (the sign of a), as DECIMAL(38, 0). */
  mod(a: string, b: string): string;
  /** A list input's column type: a DuckDB LIST, a PostgreSQL array. */
  listType(item: string): string;
  /** A constant list of these decimal texts, as `listType(item)`. */
  listLiteral(items: readonly string[], item: string): string;
  /** `x`, a DECIMAL(38, scale), rounded half away from zero to `digits` places, as DECIMAL(38, digits). */
  round(x: string, scale: number, digits: number): string;
  /**
   * a × times / b rounded half up, as DECIMAL(38, 0), for decimals a ≥ 0 and
   * b > 0, and `times` a whole number below 2^53; `exact` is the same in
   * whole numbers, for a value the dialect cannot take a shorter way to.
   */
  halfUpQuotient(a: SqlNumber, times: string, b: SqlNumber, exact: string): string;
  /** `x`, a DECIMAL(38, scale), as text: every place of the scale written, `-` before a negative. */
  text(x: string, scale: number): string;
  /** `text(round(x, scale, digits), digits)`, with `x` written fewer times. */
  roundedText(x: string, scale: number, digits: number): string;
}

/**
 * DuckDB divides 128-bit integers bit by bit (about 2 µs a value on the
 * machine this was measured on; a 64-bit division is one instruction), and
 * every DECIMAL(38) rounded, scaled down, turned into an integer or written
 * as text is such a division. So a value that fits 18 digits takes
 * DECIMAL(18, s) — 64 bits — for the division, chosen row by row: exact
 * either way, and a value too large for 64 bits still has the 128-bit way.
 */
const fits18 = (x: string, scale: number) => `${x} > -${tenTo(18 - scale)} AND ${x} < ${tenTo(18 - scale)}`;
const tenTo = (digits: number) => `CAST('1${'0'.repeat(digits)}' AS DECIMAL(38, 0))`;

const duckdb: Dialect = {
  name: 'duckdb',
  // DuckDB divides DECIMALs in floating point: whole numbers go through HUGEINT, which divides exactly.
  quotient: (a, b) => `CAST(CAST(${a} AS HUGEINT) // CAST(${b} AS HUGEINT) AS DECIMAL(38, 0))`,
  mod: (a, b) => `CAST(CAST(${a} AS HUGEINT) % CAST(${b} AS HUGEINT) AS DECIMAL(38, 0))`,
  listType: (item) => `${item}[]`,
  listLiteral: (items, item) => `CAST('[${items.join(', ')}]' AS ${item}[])`,
  round: (x, scale, digits) => {
    const wide = `CAST(round(${x}, ${digits}) AS DECIMAL(38, ${digits}))`;
    if (scale <= digits) return `CAST(${x} AS DECIMAL(38, ${digits}))`;
    // A scale of 18 leaves DECIMAL(18) no whole part.
    if (scale >= 18) return wide;
    return `CASE WHEN ${fits18(x, scale)} THEN CAST(round(CAST(${x} AS DECIMAL(18, ${scale})), ${digits}) AS DECIMAL(38, ${digits})) ELSE ${wide} END`;
  },
  text: (x, scale) => {
    const wide = `CAST(${x} AS VARCHAR)`;
    return scale >= 18 ? wide : `CASE WHEN ${fits18(x, scale)} THEN CAST(CAST(${x} AS DECIMAL(18, ${scale})) AS VARCHAR) ELSE ${wide} END`;
  },
  roundedText: (x, scale, digits) => {
    if (scale <= digits || scale >= 18) return duckdb.text(duckdb.round(x, scale, digits), digits);
    // |x| < 10^(18 − scale) rounds to fewer places within DECIMAL(18, digits).
    const narrow = `CAST(CAST(round(CAST(${x} AS DECIMAL(18, ${scale})), ${digits}) AS DECIMAL(18, ${digits})) AS VARCHAR)`;
    return `CASE WHEN ${fits18(x, scale)} THEN ${narrow} ELSE CAST(CAST(round(${x}, ${digits}) AS DECIMAL(38, ${digits})) AS VARCHAR) END`;
  },
  halfUpQuotient: (a, times, b, exact) => {
    // In DOUBLE, k roundings, each within 2^-53 of its value: a and b read from 128 bits and scaled (up to three
    // each, as 10^scale is inexact in DOUBLE beyond 10^22), the product and the quotient, so k ≤ 8. Below 2^43
    // the estimate is within k × 2^-10 of a × times / b, less than 2^-6 for any k < 16, so an estimate more
    // than 2^-6 from a half rounds as the exact quotient does. Needs a ≥ 0 and b > 0 (see the caller).
    const e = `(CAST(${a.sql} AS DOUBLE) * ${times} / CAST(${b.sql} AS DOUBLE))`;
    return `CASE WHEN ${e} < ${2 ** 43} AND abs(${e} - floor(${e}) - 0.5) > ${2 ** -6} THEN CAST(CAST(round(${e}) AS BIGINT) AS DECIMAL(38, 0)) ELSE ${exact} END`;
  },
};

const postgres: Dialect = {
  name: 'postgres',
  quotient: (a, b) => `CAST(div(${a}, ${b}) AS DECIMAL(38, 0))`,
  mod: (a, b) => `CAST(mod(${a}, ${b}) AS DECIMAL(38, 0))`,
  listType: (item) => `${item}[]`,
  listLiteral: (items, item) => `CAST('{${items.join(', ')}}' AS ${item}[])`,
  // PostgreSQL's NUMERIC divides exactly and fast: the plain forms.
  round: (x, _scale, digits) => `CAST(round(${x}, ${digits}) AS DECIMAL(38, ${digits}))`,
  halfUpQuotient: (_a, _times, _b, exact) => exact,
  text: (x) => `CAST(${x} AS VARCHAR)`,
  roundedText: (x, scale, digits) => postgres.text(postgres.round(x, scale, digits), digits),
};

export function dialect(name: DialectName): Dialect {
  return name === 'duckdb' ? duckdb : postgres;
}
