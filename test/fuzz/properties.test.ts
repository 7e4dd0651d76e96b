/**
 * Properties of the semantics over random valid programs and inputs (fixed
 * seeds, so a failure reproduces): credits are never negative, caps are never
 * exceeded, a year is the sum of its months, the highest tier wins, the tier
 * warnings agree with sampled evaluation, and decimal arithmetic is exact.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compile, type InputValues, type Program } from '../../src/index.js';
import { Decimal } from '../../src/language/decimal.js';
import { creditLines, inputLiteral, programArb, valuesArb, type InputModel, type ProgramModel } from './arbitraries.js';
import { evaluate, exprArb, hasDivision, parseDecimal, render, sub, toFixedHalfUp, wideSumArb, type Expr } from './rational.js';
import { checkResult } from './semantics.js';

const SEED = 20_250_611;

function compiled(model: ProgramModel): Program {
  const result = compile(model.text);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((e) => `${e.code} ${e.start.line}:${e.start.column} ${e.message}`), [], model.text);
  return result.program!;
}

test('credits are never negative, caps never exceeded, a year is the sum of its months, the highest tier wins', () => {
  fc.assert(
    fc.property(programArb().chain((model) => fc.tuple(fc.constant(model), fc.array(valuesArb(model), { minLength: 1, maxLength: 3 }))), ([model, runs]) => {
      const program = compiled(model);
      for (const values of runs) {
        const evaluation = program.evaluate(values);
        assert.ok(evaluation.ok, `${model.text}\n${JSON.stringify(values)}\n${JSON.stringify(evaluation.diagnostics.map((d) => d.message))}`);
        const problems = checkResult(model, values, evaluation.result);
        assert.deepEqual(problems, [], `${model.text}\nvalues: ${JSON.stringify(values)}`);
      }
    }),
    { seed: SEED, numRuns: 200 },
  );
});

test('within a quarter or year, rounded monthly payments stay within the rounded cap', () => {
  fc.assert(
    fc.property(programArb().chain((model) => fc.tuple(fc.constant(model), valuesArb(model, 'year'))), ([model, values]) => {
      const evaluation = compiled(model).evaluate(values);
      assert.ok(evaluation.ok);
      assert.deepEqual(checkResult(model, values, evaluation.result, { strictCaps: true }), [], `${model.text}\nvalues: ${JSON.stringify(values)}`);
    }),
    { seed: SEED, numRuns: 200 },
  );
});

/** The values of an input worth sampling: every threshold, just around it, and the range's ends. */
function samples(input: InputModel): number[] {
  const eps = input.kind === 'percent' ? 0.001 : 0.5;
  const all = [input.lo, input.hi, ...input.thresholds.flatMap((t) => [t - eps, t, t + eps])];
  return [...new Set(all.filter((v) => v >= input.lo && v <= input.hi).map((v) => Number(v.toFixed(4))))].sort((a, b) => a - b);
}

interface BlockRun {
  readonly block: number;
  readonly input: InputModel;
  /**
   * The input's value and, per sample, the winning tier and what the block pays
   * before its own caps: `pays` in money as shown (rounded to the minor unit),
   * `credit` exactly, in the winner's own unit (its written constant credit; 0
   * at a point rate of 0), so tiny fees and point rates cannot round a difference away.
   */
  readonly runs: { readonly value: number; readonly winner?: number; readonly pays: Decimal; readonly credit?: Decimal; readonly tiers: readonly { holds: boolean; amount: string }[] }[];
}

/** Evaluates each block along each of its inputs, the other inputs at their defaults. */
function sweep(model: ProgramModel, program: Program): BlockRun[] {
  const out: BlockRun[] = [];
  model.credits.forEach((credit, k) => {
    if (credit.type !== 'block') return;
    const names = new Set(credit.block.tiers.map((t) => t.condition.input));
    for (const name of names) {
      const input = model.inputs.find((i) => i.name === name)!;
      if (input.kind === 'boolean') continue;
      const runs = samples(input).map((value) => {
        const evaluation = program.evaluate({ [name]: inputLiteral(input, value) } as InputValues);
        assert.ok(evaluation.ok, `${model.text}\n${name} = ${value}: ${JSON.stringify(evaluation.diagnostics)}`);
        const line = evaluation.result.credits[k];
        const winner = line.winner;
        const tier = winner === undefined ? undefined : credit.block.tiers[winner];
        const written = tier?.constantCredit ? new Decimal(/^[\d.]+/.exec(tier.creditText.replaceAll('_', ''))![0]) : undefined;
        const exact = written && (tier!.creditKind === 'points' && model.pointRate && new Decimal(model.pointRate.value).isZero() ? new Decimal(0) : written);
        return { value, ...(winner !== undefined ? { winner } : {}), pays: new Decimal(winner === undefined ? 0 : line.tiers![winner].amount), ...(exact ? { credit: exact } : {}), tiers: line.tiers ?? [] };
      });
      out.push({ block: k, input, runs });
    }
  });
  return out;
}

const tierOf = (model: ProgramModel, line: number) => {
  for (const [k, c] of creditLines(model).entries()) {
    const j = c.tiers.indexOf(line);
    if (j >= 0) return { block: k, tier: j };
  }
  return undefined;
};

test('a tier warned as unreachable never wins on sampled inputs', () => {
  fc.assert(
    fc.property(programArb({ tiersOnly: true }), (model) => {
      const program = compiled(model);
      const unreachable = program.diagnostics.filter((d) => d.code === 'unreachable-tier').map((d) => tierOf(model, d.start.line)!);
      if (unreachable.length === 0) return;
      for (const run of sweep(model, program)) {
        for (const u of unreachable.filter((x) => x.block === run.block)) {
          // A tie in money (a point rate of 0%) is won by the first tier; that is no win of the shadowed tier.
          const won = run.runs.find((r) => r.winner === u.tier && !r.tiers.some((t, j) => j !== u.tier && t.holds && new Decimal(t.amount).eq(r.pays)));
          assert.equal(won, undefined, `${model.text}\ntier ${u.tier + 1} of block ${run.block + 1} is warned unreachable but wins at ${run.input.name} = ${won?.value}`);
        }
      }
    }),
    { seed: SEED, numRuns: 150 },
  );
});

test('a tier warned as unreachable never wins, even when tiers have their own caps', () => {
  fc.assert(
    fc.property(programArb(), (model) => {
      const program = compiled(model);
      const unreachable = program.diagnostics.filter((d) => d.code === 'unreachable-tier').map((d) => tierOf(model, d.start.line)!);
      for (const run of sweep(model, program)) {
        for (const u of unreachable.filter((x) => x.block === run.block)) {
          const won = run.runs.find((r) => r.winner === u.tier && !r.tiers.some((t, j) => j !== u.tier && t.holds && new Decimal(t.amount).eq(r.pays)));
          assert.equal(won, undefined, `${model.text}\ntier ${u.tier + 1} of block ${run.block + 1} wins at ${run.input.name} = ${won?.value}`);
        }
      }
    }),
    { seed: SEED, numRuns: 150 },
  );
});

/** Whether `a` is worse service than `b` along the input. */
const worse = (direction: 'low' | 'high', a: number, b: number) => (direction === 'low' ? a < b : a > b);

/**
 * Blocks the non-monotonic lint judges: every tier a constant credit of one
 * kind, a condition of comparisons of one input with constants, the same
 * "worse" side. Returns the direction, or undefined when the lint does not judge it.
 */
function judged(model: ProgramModel, block: number, input: string): 'low' | 'high' | undefined {
  const credit = model.credits[block];
  if (credit.type !== 'block') return undefined;
  const tiers = credit.block.tiers;
  if (!tiers.every((t) => t.constantCredit && t.condition.simple && t.condition.input === input && t.caps.length === 0)) return undefined;
  const directions = new Set(tiers.map((t) => t.condition.worse));
  const kinds = new Set(tiers.map((t) => t.creditKind));
  return directions.size === 1 && kinds.size === 1 ? [...directions][0] : undefined;
}

function nonMonotonicPairs(run: BlockRun, direction: 'low' | 'high') {
  const pairs: string[] = [];
  for (const a of run.runs) {
    for (const b of run.runs) {
      // Only where some tier pays at all: a lone band `95% <= a < 99%` pays nothing below it, by design.
      // Judged blocks pay constant credits of one kind, so `credit` is set wherever a tier wins.
      const [pa, pb] = [a.credit ?? new Decimal(0), b.credit ?? new Decimal(0)];
      if (a.winner !== undefined && worse(direction, a.value, b.value) && pa.lt(pb)) pairs.push(`${run.input.name} = ${a.value} pays ${pa} but the better ${b.value} pays ${pb}`);
    }
  }
  return pairs;
}

// One sweep serves both directions: a warned block must pay less for some worse input
// sampled, an unwarned one never (bands included).
test('the non-monotonic warning agrees with sampled evaluation: warned blocks pay less for some worse input, others never', () => {
  fc.assert(
    fc.property(programArb({ tiersOnly: true }), (model) => {
      const program = compiled(model);
      const warned = nonMonotonicBlocks(model, program);
      for (const run of sweep(model, program)) {
        const direction = judged(model, run.block, run.input.name);
        if (!direction) continue;
        const pairs = nonMonotonicPairs(run, direction);
        if (warned.has(run.block)) assert.notDeepEqual(pairs, [], `${model.text}\nblock ${run.block + 1} is warned non-monotonic, but pays more for worse ${run.input.name} everywhere sampled`);
        else assert.deepEqual(pairs, [], model.text);
      }
    }),
    { seed: SEED, numRuns: 150 },
  );
});

/** The blocks the program warns `non-monotonic-tiers` about. */
function nonMonotonicBlocks(model: ProgramModel, program: Program): Set<number> {
  return new Set(program.diagnostics.filter((d) => d.code === 'non-monotonic-tiers').map((d) => tierOf(model, d.start.line)!.block));
}

/** `let`/`output` text for an expression, and a rule that pays only if the value equals the exact result. */
function arithmeticProgram(e: Expr): { text: string; exact?: string } {
  let exact: string | undefined;
  try {
    const value = evaluate(e);
    // Division-free results terminate; write them out in full when a literal may hold them (30 digits).
    if (!hasDivision(e)) {
      const full = toFixedHalfUp(value, 40);
      if (full.replace(/[-.]/g, '').replace(/^0+/, '').length <= 30) exact = full;
    }
  } catch {
    // A division by zero: the evaluation must report it.
  }
  const literal = exact === undefined ? undefined : exact.startsWith('-') ? `-${exact.slice(1)}` : exact;
  return {
    text: `fee 100 EUR monthly\nlet v = ${render(e)}\noutput r: number = v\n${literal !== undefined ? `if v = ${literal} then 10%\n` : ''}`,
    ...(exact !== undefined ? { exact } : {}),
  };
}

function checkArithmetic(e: Expr): void {
  const { text, exact } = arithmeticProgram(e);
  const result = compile(text);
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), [], text);
  const evaluation = result.program!.evaluate({});
  let value;
  try {
    value = evaluate(e);
  } catch {
    assert.equal(evaluation.ok, false, `${text}\nexpected a division by zero`);
    if (!evaluation.ok) assert.deepEqual(evaluation.diagnostics.map((d) => d.code), ['division-by-zero']);
    return;
  }
  assert.ok(evaluation.ok, `${text}\n${JSON.stringify(evaluation.diagnostics)}`);
  if (evaluation.result.mode !== 'month') throw new Error('expected a month');
  const shown = evaluation.result.outputs.r;
  if (!hasDivision(e)) {
    assert.equal(shown, toFixedHalfUp(value, 10), `${text}\nexact value ${toFixedHalfUp(value, 40)}`);
    if (exact !== undefined) assert.equal(evaluation.result.credit.amount, '10.00', `${text}\nv = ${exact} exactly, so the rule must pay`);
  } else {
    // 40 significant digits inside, 10 decimal places shown: off by at most half the last place.
    const error = sub(parseDecimal(shown), value);
    const bound = { n: 5n * 10n ** 14n + 1n, d: 10n ** 25n };
    assert.ok(error.n * (error.n < 0n ? -1n : 1n) * bound.d <= bound.n * error.d, `${text}\nshown ${shown}, exact ${toFixedHalfUp(value, 30)}`);
  }
}

test('decimal arithmetic in let and output is exact (against a BigInt rational reference)', () => {
  fc.assert(fc.property(exprArb, checkArithmetic), { seed: SEED, numRuns: 600 });
});

test('sums of wide decimals (up to 30 digits) are exact', () => {
  fc.assert(fc.property(wideSumArb, checkArithmetic), { seed: SEED, numRuns: 200 });
});

test('0.1 + 0.2 = 0.3 exactly, in a condition', () => {
  const result = compile('fee 100 EUR monthly\nif 0.1 + 0.2 = 0.3 then 10%\n');
  const evaluation = result.program!.evaluate({});
  assert.ok(evaluation.ok);
  assert.equal(evaluation.result.credit.amount, '10.00');
});
