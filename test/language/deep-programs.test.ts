/**
 * Programs at the documented limits run without exhausting the stack: every
 * stage over `let` chains — the checker's dependency walks, the interpreter's
 * `let`s, the fast path — is iterative or bounded.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evalMonth, expectDiagnostics, programOf } from '../helpers.js';

/** `let l0 = 1%`, then each `let` one percent more than the one before: `l{n}` is (n + 1)%. */
function chain(n: number): string {
  const lines = ['fee 1000 EUR monthly', 'input a: percent', 'let l0 = 1%'];
  for (let i = 1; i <= n; i++) lines.push(`let l${i} = l${i - 1} + 1%`);
  lines.push(`if a < l${n} then 10%`, `output last = l${n}`);
  return `${lines.join('\n')}\n`;
}

describe('a chain of lets as long as the reference allows', () => {
  for (const n of [2_000, 3_333]) {
    it(`${n} lets compile, and credit() and evaluate() follow the whole chain`, () => {
      const program = programOf(chain(n));
      const credit = program.credit({ a: '50%' });
      assert.ok(credit.ok);
      assert.equal(credit.credit.amount, '100.00');
      const result = evalMonth(program, { a: '50%' });
      assert.equal(result.outputs.last, `${n + 1}`);
    });
  }

  it('a cycle at the end of a long chain is still found and named', () => {
    const source = chain(2_500).replace('let l0 = 1%', 'let l0 = l2500 - 2500%');
    expectDiagnostics(source, [['cycle', 3, 5]]);
  });
});
