// The README's library snippets, run by Node against the installed package.
import assert from 'node:assert/strict';
import { compile } from 'credit-rules';
import { compile as compileForCalculator } from 'credit-rules/compiler';
import { tokens } from 'credit-rules/language-service';
import { loadProgram } from 'credit-rules/runtime';

const source = `fee 1000 EUR monthly "Monthly fee"
input availability: percent "Monthly availability" default 99.95% range 90%..100% step 0.01%
if availability < 99.5% then 10%
`;
const { diagnostics, program } = compile(source);
assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
const evaluation = program.evaluate({ availability: '99.2%' });
assert.equal(evaluation.ok && evaluation.result.credit.amount, '100.00');

// A precompiled program, loaded without the parser.
const loaded = loadProgram(JSON.parse(JSON.stringify(program.toJSON())));
const again = loaded.program.evaluate({ availability: '99.2%' });
assert.equal(again.ok && again.result.credit.amount, '100.00');

// The calculator's compiler and the editor's language service, as their own entries.
const calculator = compileForCalculator(source).program;
const mine = calculator.evaluate({ availability: '99.2%' });
assert.equal(mine.ok && mine.result.credit.amount, '100.00');
assert.ok(tokens(source).length > 0);

// A server render imports the widget modules: they must not throw, and register nothing.
const widget = await import('credit-rules/widget');
const { CreditCalculator } = await import('credit-rules/widget/class');
assert.equal(widget.CreditCalculator, CreditCalculator);
assert.equal(typeof CreditCalculator, 'function');
console.log('node consumer: ok');
