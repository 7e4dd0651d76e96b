/**
 * Quoting: names and values reach the engines as the one identifier or
 * string they are, whatever they hold — checked on DuckDB and PostgreSQL, not
 * only as text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import { quoteIdentifier, quoteLiteral, quoteTableName } from '../../src/sql/quote.js';

const HOSTILE = ["it's", 'a"b', "'; DROP TABLE months; --", 'back\\slash', 'Ä €', 'two\nlines', '"', "''"];

test('quoted identifiers and literals double their quote and nothing else', () => {
  assert.equal(quoteIdentifier('availability'), '"availability"');
  assert.equal(quoteIdentifier('a"b'), '"a""b"');
  assert.equal(quoteLiteral("it's"), "'it''s'");
  assert.equal(quoteLiteral('back\\slash'), "'back\\slash'");
  assert.equal(quoteTableName('billing.months'), '"billing"."months"');
  assert.throws(() => quoteTableName('billing..months'), /schema\.name/);
  assert.throws(() => quoteLiteral('a\0b'), /NUL/);
});

test('every hostile value comes back from DuckDB and PostgreSQL exactly as it went in, as a value and as a column name', async () => {
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  const pg = await PGlite.create();
  for (const value of HOSTILE) {
    const sql = `SELECT ${quoteLiteral(value)} AS ${quoteIdentifier(value)}`;
    const d = await duck.runAndReadAll(sql);
    assert.deepEqual([d.columnNames()[0], d.getRowsJS()[0][0]], [value, value]);
    const p = await pg.query<Record<string, unknown>>(sql);
    assert.deepEqual(Object.entries(p.rows[0]), [[value, value]]);
  }
  duck.closeSync();
  await pg.close();
});
