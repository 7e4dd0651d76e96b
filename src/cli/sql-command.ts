/**
 * `credit-rules sql FILE [--dialect duckdb|postgres] [--table NAME]`: the
 * program as one SQL query over a table of customer-months (`src/sql/`), and
 * `batch --engine duckdb`'s choice of engine. The command's words live here;
 * `main.ts` only wires them.
 */
import type { Program } from '../index.js';
import type { CheckedProgram } from '../language/checker/program.js';
import { DIALECTS, type DialectName } from '../sql/dialect.js';
import { generateSql, SqlUnsupported } from '../sql/generate.js';

export const SQL_HELP = `Usage: credit-rules sql FILE [--dialect duckdb|postgres] [--table NAME]

Prints one SQL query that computes what credit-rules batch computes, where the
data is: it reads table NAME (default months; schema.name for another schema)
with a column per input of the rules (numbers in the input's own unit: 99.95
for 99.95 %, 1200 for 1200 EUR, hours for a duration declared in hours; a NULL
takes the declared default), customer and month (1 to 12: a customer's months
form its contract year, caps accruing over them; a row whose customer is NULL
is a month on its own), and returns per row:

  customer, month, currency, credit, percent_of_fee, cuts, error

credit is a DECIMAL rounded half up to the currency's minor unit, percent_of_fee
a DECIMAL(38, 10), cuts as batch writes them. A row that cannot be paid has its
reason in error and no credit. Arithmetic is exact DECIMAL(38, s): an overflow
is the engine's error, never a rounded amount. See docs/billing.md.

  --dialect duckdb|postgres   the engine's SQL (default duckdb)
  --table NAME                the table or view to read (default months)`;

export const ENGINES = ['node', 'duckdb'] as const;
export type Engine = (typeof ENGINES)[number];

/** The dialect named by --dialect; a message when it is none. */
export function dialectOption(value: string | undefined): DialectName | string {
  if (value === undefined) return 'duckdb';
  return (DIALECTS as readonly string[]).includes(value) ? (value as DialectName) : `--dialect must be ${DIALECTS.join(' or ')}, not "${value}"`;
}

/** The query, or the line the SQL backend cannot express (`FILE:LINE: error: …`). */
export function sqlOf(program: Program, file: string, dialect: DialectName, table: string): { sql: string } | { error: string } {
  try {
    return { sql: generateSql(program.toJSON() as CheckedProgram, { dialect, table }) };
  } catch (error) {
    if (error instanceof SqlUnsupported) return { error: `${file}:${error.line}: error: ${error.message.replace(/^line \d+: /, '')}` };
    return { error: `${file}: ${(error as Error).message}` };
  }
}
