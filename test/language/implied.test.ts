/**
 * What a program implies without writing it (src/language/checker/implied.ts):
 * the names credits go by in reports, and the range of an input that declares
 * none. Every stage that shows or enforces them reads them from there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../src/language/analyze.js';
import { effectiveRange, ownerName } from '../../src/language/checker/implied.js';
import type { InputSpec } from '../../src/language/checker/program.js';
import { LineMap } from '../../src/language/source.js';
import { programOf, rules } from '../helpers.js';

describe('the name a credit goes by', () => {
  const source = rules`
    fee 1000 EUR monthly
    input availability: percent
    input csat: percent
    if availability < 99.9%  then 5%
    credit "Uptime":
      if availability < 99% then 10%
    credit capped 50%:
      if availability < 95% then 25%
    points:
      if csat < 80% then 1 point
    point = 10 EUR
  `;

  const lines = new LineMap(source);
  const names = analyze(source).ast.statements.flatMap((s) =>
    s.type === 'rule' || s.type === 'block' ? [ownerName(s, lines.position(s.span.start).line)] : []);

  it('is a rule\'s condition as written, a block\'s label, or else its pool and line', () => {
    assert.deepEqual(names, ['availability < 99.9%', 'Uptime', 'credit block at line 7', 'points block at line 9']);
  });

  it('is the name the program lists its credits by', () => {
    assert.deepEqual(programOf(source).credits.map((c) => c.name), names);
  });
});

describe('the range an input\'s values must lie in', () => {
  /** The spec of the first input declared in `source`. */
  const specOf = (source: string): InputSpec => {
    const spec = analyze(source).program?.inputs.find((i) => !i.implicit);
    assert.ok(spec, source);
    return spec;
  };

  it('is the declared range when there is one', () => {
    const spec = specOf('input a: percent range 90%..99.9%\nif a < 95% then 1%\n');
    assert.deepEqual(effectiveRange(spec), { min: spec.range?.min, max: spec.range?.max, implicit: false });
  });

  it('is 0%..100% for a percentage without one, placed at the input', () => {
    const spec = specOf('input a: percent\nif a < 95% then 1%\n');
    const range = effectiveRange(spec);
    assert.deepEqual([range?.min.value, range?.max.value, range?.implicit], ['0', '100', true]);
    assert.deepEqual([range?.min.kind, range?.min.span, range?.max.span], ['percent', spec.span, spec.span]);
  });

  it('is none for other kinds without one', () => {
    assert.equal(effectiveRange(specOf('input t: number\nif t > 3 then 1%\n')), undefined);
    assert.equal(effectiveRange(specOf('input r: duration\nif r > 4h then 1%\n')), undefined);
  });
});
