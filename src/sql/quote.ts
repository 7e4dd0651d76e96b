/**
 * Quoting for generated SQL: every name is a quoted identifier and every
 * value a quoted string literal, so no text from the rules or the command
 * line can end a literal or an identifier early. Both forms are the SQL
 * standard's, which DuckDB and PostgreSQL (with its default
 * `standard_conforming_strings`) read alike: the quote doubled, nothing else
 * special — a backslash is an ordinary character.
 */

/** A name as a quoted identifier: `availability` → `"availability"`, `a"b` → `"a""b"`. */
export function quoteIdentifier(name: string): string {
  refuseNul(name, 'a name');
  return `"${name.replaceAll('"', '""')}"`;
}

/** A table name, optionally qualified by its schema (`billing.months`): each part quoted. */
export function quoteTableName(name: string): string {
  const parts = name.split('.');
  if (parts.some((p) => p === '')) throw new Error(`--table must be a name or schema.name, not "${name}"`);
  return parts.map(quoteIdentifier).join('.');
}

/** A string value as a literal: `it's` → `'it''s'`. */
export function quoteLiteral(value: string): string {
  refuseNul(value, 'a value');
  return `'${value.replaceAll("'", "''")}'`;
}

function refuseNul(text: string, what: string): void {
  // Neither engine stores NUL in a name or a string: refused rather than cut short.
  if (text.includes('\0')) throw new Error(`${what} in SQL cannot hold the character NUL`);
}
