/**
 * What differs between the SQL engines the generator writes for. Everything
 * else the query uses — CTEs, `WITH RECURSIVE`, window functions, `CASE`,
 * `CAST(… AS DECIMAL(38, s))`, `round`, `concat_ws`, a list's items read with
 * `unnest(list) AS t(item)` in a subquery — is the same text in both.
 */

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
  /** A constant list of these decimal texts, as \`listType(item)\`. */
  listLiteral(items: readonly string[], item: string): string;
}

const duckdb: Dialect = {
  name: 'duckdb',
  // DuckDB divides DECIMALs in floating point: whole numbers go through HUGEINT, which divides exactly.
  quotient: (a, b) => `CAST(CAST(${a} AS HUGEINT) // CAST(${b} AS HUGEINT) AS DECIMAL(38, 0))`,
  mod: (a, b) => `CAST(CAST(${a} AS HUGEINT) % CAST(${b} AS HUGEINT) AS DECIMAL(38, 0))`,
  listType: (item) => `${item}[]`,
  listLiteral: (items, item) => `CAST('[${items.join(', ')}]' AS ${item}[])`,
};

const postgres: Dialect = {
  name: 'postgres',
  quotient: (a, b) => `CAST(div(${a}, ${b}) AS DECIMAL(38, 0))`,
  mod: (a, b) => `CAST(mod(${a}, ${b}) AS DECIMAL(38, 0))`,
  listType: (item) => `${item}[]`,
  listLiteral: (items, item) => `CAST('{${items.join(', ')}}' AS ${item}[])`,
};

export function dialect(name: DialectName): Dialect {
  return name === 'duckdb' ? duckdb : postgres;
}
