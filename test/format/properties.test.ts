/**
 * What formatting promises, over the shipped examples and random valid
 * programs written in a random layout (extra spaces, other indentation
 * widths, blank lines, comments): the formatted text has the same syntax
 * tree, evaluates to the same results, renders the same clause, and formats
 * to itself. Mutated examples that still parse keep their tokens. Fixed
 * seeds, so a failure reproduces.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compile, type InputValues, type Program } from '../../src/index.js';
import { analyze } from '../../src/language/analyze.js';
import { format } from '../../src/language/format/format.js';
import { lex } from '../../src/language/lexer.js';
import { basePrograms, mutatedArb, programArb, valuesArb } from '../fuzz/arbitraries.js';

const SEED = 20_261_207;

/**
 * A value with its source positions (spans, lines, columns) taken out: what
 * the text means. Results also quote the rules (a tier is named by its
 * condition as written, "line 21"): in `quoted` text, line numbers and spaces
 * are left out.
 */
function meaning(value: unknown, quoted = false): unknown {
  if (Array.isArray(value)) return value.map((v) => meaning(v, quoted));
  if (typeof value === 'string' && quoted) return value.replace(/lines? \d+/g, 'line').replace(/\s+/g, '');
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => !['span', 'line', 'start', 'end', 'column'].includes(key)).map(([key, v]) => [key, meaning(v, quoted)]),
  );
}

function formatted(source: string): string {
  const result = format(source);
  assert.ok(result.text !== undefined, `refused:\n${source}\n${JSON.stringify(result.diagnostics)}`);
  return result.text;
}

function program(source: string): Program {
  const { program: p, diagnostics } = compile(source);
  assert.ok(p, `${source}\n${JSON.stringify(diagnostics)}`);
  return p;
}

/** Asserts that `after` means what `before` means, run on `runs` (and the defaults). */
function assertSameMeaning(before: string, after: string, runs: readonly InputValues[] = []): void {
  assert.deepEqual(meaning(analyze(after).ast), meaning(analyze(before).ast), `syntax tree differs:\n${before}\n---\n${after}`);
  const [a, b] = [program(before), program(after)];
  for (const values of [{}, ...runs]) assert.deepEqual(meaning(b.evaluate(values), true), meaning(a.evaluate(values), true), JSON.stringify(values));
  assert.deepEqual(meaning(b.runExamples(), true), meaning(a.runExamples(), true));
  for (const lang of ['en', 'de'] as const) assert.equal(b.render(lang), a.render(lang));
  assert.deepEqual(b.diagnostics.map((d) => d.code), a.diagnostics.map((d) => d.code));
}

/** A small deterministic generator, so one fast-check integer drives a whole layout. */
function random(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state % n;
  };
}

/** The same program in another layout: extra spaces, another indentation width and, with `notes`, blank lines and comments. */
function relayout(source: string, seed: number, notes = true): string {
  const pick = random(seed);
  const width = 1 + pick(4);
  const tokens = lex(source).tokens.filter((t) => t.image !== '' && !/^\r?\n$/.test(t.image));
  const lines = source.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const onLine = tokens.filter((t) => t.startLine === i + 1);
    if (notes && pick(5) === 0) out.push(pick(2) ? '' : `${' '.repeat(pick(7))}# a note`);
    if (onLine.length === 0) return void out.push(line);
    const indent = ' '.repeat(((onLine[0].startColumn ?? 1) - 1) * width);
    let text = '';
    onLine.forEach((token, k) => {
      if (k > 0) {
        const previous = onLine[k - 1];
        text += source.slice(previous.startOffset + previous.image.length, token.startOffset) + ' '.repeat(pick(3));
      }
      text += token.image;
    });
    out.push(indent + text + (notes && pick(4) === 0 ? `${' '.repeat(pick(4))} # why` : ''));
  });
  return out.join('\n');
}

describe('formatting the shipped examples', () => {
  for (const [i, source] of basePrograms().entries()) {
    it(`example ${i + 1}: the same meaning, and formatting it again changes nothing`, () => {
      const text = formatted(source);
      assertSameMeaning(source, text);
      assert.equal(formatted(text), text);
      assert.equal(formatted(relayout(source, i, false)), text, 'the same text in another layout formats the same');
      assertSameMeaning(source, formatted(relayout(source, i)));
    });
  }
});

describe('formatting random programs', () => {
  it('keeps their meaning, whatever layout they were written in, and is idempotent', () => {
    fc.assert(
      fc.property(
        programArb().chain((model) => fc.tuple(fc.constant(model), fc.array(valuesArb(model), { maxLength: 3 }), fc.integer())),
        ([model, runs, seed]) => {
          const written = relayout(model.text, seed);
          const text = formatted(written);
          assertSameMeaning(model.text, text, runs);
          assert.equal(formatted(text), text);
          assert.equal(formatted(relayout(model.text, seed, false)), formatted(model.text), 'the layout written makes no difference');
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('keeps the tokens of mutated examples that still parse, and is idempotent on them', () => {
    const images = (s: string) => lex(s).tokens.filter((t) => t.image.trim() !== '').map((t) => t.image.replace(/ +%$/, '%').replace(/ +/, ' '));
    fc.assert(
      fc.property(mutatedArb(basePrograms()), (source) => {
        const result = format(source);
        if (result.text === undefined) return;
        assert.deepEqual(images(result.text), images(source));
        assert.equal(formatted(result.text), result.text);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
