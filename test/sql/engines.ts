/**
 * The two engines the SQL backend is proven on, in-process: DuckDB
 * (`@duckdb/node-api`) and PostgreSQL (PGlite). Each loads a table of
 * customer-months — values in the inputs' own units, as a billing database
 * holds them — and runs a generated query, returning rows as text so both
 * engines and the interpreter compare as strings.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import { Decimal } from '../../src/language/decimal.js';
import { canonical } from '../../src/language/decimal.js';
import { parseQuantity, SECONDS_PER_UNIT } from '../../src/language/literals.js';
import type { InputInfo, InputValue } from '../../src/index.js';
import type { DialectName } from '../../src/sql/dialect.js';
import { quoteIdentifier, quoteLiteral } from '../../src/sql/quote.js';

export interface Row {
  readonly customer: string | null;
  readonly month: number | null;
  /** Per input: its value in the input's unit ("99.5" for 99.5 %), a boolean, a list input's items, or null for the default. */
  readonly values: Readonly<Record<string, Cell>>;
}

export type Cell = string | boolean | null | readonly string[];

export interface ResultRow {
  readonly customer: string | null;
  readonly month: string | null;
  readonly currency: string | null;
  readonly credit: string | null;
  readonly percent: string | null;
  readonly cuts: string | null;
  readonly error: string | null;
}

export interface Engine {
  readonly name: DialectName;
  /** Creates (or replaces) table `name` with these rows and runs `sql`. */
  run(table: string, inputs: readonly InputInfo[], rows: readonly Row[], sql: string): Promise<ResultRow[]>;
  close(): Promise<void>;
}

function createTable(dialect: DialectName, table: string, inputs: readonly InputInfo[], rows: readonly Row[]): string[] {
  // A list input's column is a list of decimals: a DuckDB LIST, a PostgreSQL array.
  const columns = ['customer VARCHAR', 'month INTEGER', ...inputs.map((i) => `${quoteIdentifier(i.name)} ${i.kind === 'boolean' ? 'BOOLEAN' : i.list ? 'DECIMAL(38, 10)[]' : 'DECIMAL(38, 10)'}`)];
  const list = (items: readonly string[]) => `CAST(${quoteLiteral(dialect === 'duckdb' ? `[${items.join(', ')}]` : `{${items.join(', ')}}`)} AS DECIMAL(38, 10)[])`;
  const value = (v: Cell) => (v === null ? 'NULL' : typeof v === 'boolean' ? String(v).toUpperCase() : typeof v === 'string' ? `CAST(${quoteLiteral(v)} AS DECIMAL(38, 10))` : list(v));
  const statements = [`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`, `CREATE TABLE ${quoteIdentifier(table)} (${columns.join(', ')})`];
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((r) => `(${[r.customer === null ? 'NULL' : quoteLiteral(r.customer), r.month === null ? 'NULL' : String(r.month), ...inputs.map((input) => value(r.values[input.name] ?? null))].join(', ')})`);
    statements.push(`INSERT INTO ${quoteIdentifier(table)} VALUES ${values.join(', ')}`);
  }
  return statements;
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const resultRow = (r: readonly unknown[]): ResultRow => ({ customer: text(r[0]), month: text(r[1]), currency: text(r[2]), credit: text(r[3]), percent: text(r[4]), cuts: text(r[5]), error: text(r[6]) });

/** The query's columns read as text by the engine itself: DECIMALs exactly as written. */
const asText = (sql: string) => `SELECT CAST(customer AS VARCHAR), CAST(month AS VARCHAR), currency, CAST(credit AS VARCHAR), CAST(percent_of_fee AS VARCHAR), cuts, error FROM (${sql.trimEnd()}) AS q`;

export async function duckdb(): Promise<Engine> {
  // One thread: the tests share the machine with others, and the tables are small.
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection: DuckDBConnection = await instance.connect();
  return {
    name: 'duckdb',
    async run(table, inputs, rows, sql) {
      for (const statement of createTable('duckdb', table, inputs, rows)) await connection.run(statement);
      const reader = await connection.runAndReadAll(asText(sql));
      return reader.getRowsJS().map(resultRow);
    },
    async close() {
      connection.closeSync();
    },
  };
}

export async function postgres(): Promise<Engine> {
  const pg = await PGlite.create();
  return {
    name: 'postgres',
    async run(table, inputs, rows, sql) {
      for (const statement of createTable('postgres', table, inputs, rows)) await pg.exec(statement);
      const result = await pg.query<unknown[]>(asText(sql), [], { rowMode: 'array' });
      return result.rows.map(resultRow);
    },
    async close() {
      await pg.close();
    },
  };
}

/**
 * A value as `--set` or an example gives it ("99.5%", "1000 EUR", "30min",
 * 99.5) in the input's own unit, as a table holds it; undefined when it has
 * no exact decimal there (1min in hours).
 */
export function columnValue(input: InputInfo, raw: InputValue): string | boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  const given = String(raw).trim().replaceAll('_', '');
  if (input.kind === 'boolean') return given === 'true';
  const q = parseQuantity(given);
  if (!q) return undefined;
  if (q.kind === 'number') return new Decimal(q.value).times(q.negative ? -1 : 1).toFixed();
  let value = canonical(q);
  if (input.kind === 'percent') value = value.times(100);
  if (input.kind === 'duration') value = value.div(SECONDS_PER_UNIT[input.unit ?? 'h']);
  return value.decimalPlaces() > 10 ? undefined : value.toFixed();
}
