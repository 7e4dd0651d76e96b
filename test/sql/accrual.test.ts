/**
 * Which plans the query computes without recursion (`src/sql/accrual.ts`):
 * one scope with one accruing cap of a fixed limit, and no `pay only if`.
 * That both paths pay what the interpreter pays is the differential test's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '../../src/index.js';
import { generateSql } from '../../src/sql/generate.js';

const UPTIME = `fee 1_000 USD monthly
input availability: percent default 99.99% range 0%..100% step 0.01%
credit "Region availability" capped 10_000 USD monthly:
  if availability < 99.99% then 10%
  if availability < 99.0% then 30%
`;

function recursive(source: string): boolean {
  const { program, diagnostics } = compile(source);
  assert.ok(program, JSON.stringify(diagnostics));
  return /^WITH RECURSIVE/.test(generateSql(program.toJSON() as never, { dialect: 'duckdb', table: 'months' }));
}

test('a yearly or quarterly cap of a fixed limit on one scope: window functions, no recursive query', () => {
  assert.equal(recursive(`${UPTIME}cap 20% yearly\n`), false);
  assert.equal(recursive(`${UPTIME}cap 500 USD quarterly\n`), false);
  assert.equal(recursive(UPTIME.replace('capped 10_000 USD monthly', 'capped 10_000 USD yearly')), false);
});

test('plans where the window identity is not proved keep the recursive query', () => {
  // Two scopes remember: the program's cap reads what the rule's cap let through.
  assert.equal(recursive(`${UPTIME.replace('capped 10_000 USD monthly', 'capped 10_000 USD yearly')}cap 20% yearly\n`), true);
  // Two accruing caps on one scope.
  assert.equal(recursive(`${UPTIME}cap 20% yearly\ncap 10% quarterly\n`), true);
  // \`pay only if\`: a month not paid counts nothing toward the cap.
  assert.equal(recursive(`${UPTIME}cap 20% yearly\npay only if total_credit >= 50 USD\n`), true);
  // A limit that may change from month to month.
  assert.equal(recursive(`${UPTIME}input ceiling: number default 100 range 0..1000 step 1\ncap ceiling * 1 USD yearly\n`), true);
});
