/**
 * Two drafting warnings about tier blocks (version 2, §15 of the design):
 * a gap inside a tier table — a value the input can take that no tier pays,
 * although tiers pay below and above it — and a separate rule right after a
 * block on an input the block's tiers compare, which adds to the block where
 * the drafter most likely meant one more tier (an indentation slip). Both
 * judge only what is exact: tiers whose conditions bound one input by
 * constants.
 */
import * as A from '../ast.js';
import { Decimal, plain } from '../decimal.js';
import type { Problem } from '../diagnostics.js';
import { SECONDS_PER_UNIT } from '../literals.js';
import { problems } from '../problems.js';
import { canonical, clip, intervalOf, rangeOf, type Interval } from './intervals.js';
import type { CheckedProgram, InputSpec } from './program.js';

type Bound = NonNullable<Interval['lo']>;

export function lintTierGaps(program: CheckedProgram, specs: ReadonlyMap<string, InputSpec>): Problem[] {
  const found: Problem[] = [];
  for (const statement of program.ast.statements) {
    if (statement.type !== 'block') continue;
    const gap = firstGap(statement, specs, program.currency);
    if (gap) found.push(gap);
  }
  return found;
}

/** A block's first gap, if every tier bounds the same input by constants. */
function firstGap(block: A.Block, specs: ReadonlyMap<string, InputSpec>, currency: string | undefined): Problem | undefined {
  const tiers = block.rules.map((rule) => ({ rule, interval: intervalOf(rule.condition) }));
  const name = tiers[0]?.interval?.name;
  if (!name || tiers.some((t) => t.interval?.name !== name)) return undefined;
  // A `for each` block's tiers compare its item, which takes the values of its list's items.
  const spec = specs.get(block.each?.name === name ? block.each.list : name);
  if (!spec || spec.kind === 'boolean') return undefined;
  const range = rangeOf(spec);
  const paying = tiers
    .filter((t) => pays(t.rule))
    .flatMap((t) => {
      const clipped = clip(t.interval!, range);
      return clipped ? [{ rule: t.rule, interval: clipped }] : [];
    })
    .sort((a, b) => compareLow(a.interval.lo, b.interval.lo));
  // Sweep from the lowest values up: a gap opens where the next tier starts above all that came before.
  let reach: { bound: Bound | undefined; rule: A.Rule } | undefined;
  for (const tier of paying) {
    if (reach) {
      const gap = between(reach.bound, tier.interval.lo, spec);
      // On the later of the two tiers in the text: the line the drafter typed last.
      const later = tier.rule.span.start > reach.rule.span.start ? tier.rule : reach.rule;
      if (gap) return problems.tierGap(name, describe(gap, spec, currency), later.span, reach.rule.span, tier.rule.span);
    }
    if (!reach || compareHigh(tier.interval.hi, reach.bound) > 0) reach = { bound: tier.interval.hi, rule: tier.rule };
  }
  return undefined;
}

/** A tier pays unless its credit is written as zero. */
function pays(rule: A.Rule): boolean {
  const credit = rule.credit;
  return !(credit.type === 'literal' && canonical(credit).isZero());
}

/** Lower bounds in order: none (−∞) first; at one value, the inclusive one first. */
function compareLow(a: Bound | undefined, b: Bound | undefined): number {
  if (!a || !b) return (a ? 1 : 0) - (b ? 1 : 0);
  return a.value.comparedTo(b.value) || Number(b.inclusive) - Number(a.inclusive);
}

/** Upper bounds in order: none (+∞) last; at one value, the inclusive one last. */
function compareHigh(a: Bound | undefined, b: Bound | undefined): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
  return a.value.comparedTo(b.value) || Number(a.inclusive) - Number(b.inclusive);
}

interface Gap {
  readonly from: Decimal;
  readonly to: Decimal;
}

/**
 * The values strictly above `high` (or from it, if it is exclusive) and
 * below `low` (or up to it, if exclusive) that the input can take, on its
 * step if it has one; undefined when there are none.
 */
function between(high: Bound | undefined, low: Bound | undefined, spec: InputSpec): Gap | undefined {
  if (!high || !low) return undefined;
  const order = high.value.comparedTo(low.value);
  if (order > 0 || (order === 0 && (high.inclusive || low.inclusive))) return undefined;
  if (!spec.step) return { from: high.value, to: low.value };
  // The first value on the step grid inside the gap, counted from the range's lower end.
  const step = canonical(spec.step);
  const base = spec.range ? canonical(spec.range.min) : new Decimal(0);
  let first = high.value.minus(base).div(step).ceil().times(step).plus(base);
  if (first.eq(high.value) && high.inclusive) first = first.plus(step);
  const fits = low.inclusive ? first.lt(low.value) : first.lte(low.value);
  return fits ? { from: first, to: first } : undefined;
}

function describe(gap: Gap, spec: InputSpec, currency: string | undefined): string {
  const show = (value: Decimal) => quantity(value, spec.kind, currency);
  return gap.from.eq(gap.to) ? `exactly ${show(gap.from)}` : `between ${show(gap.from)} and ${show(gap.to)}`;
}

/** A value as the rules write it: 99%, 4h, 50 EUR. */
function quantity(value: Decimal, kind: A.Kind, currency: string | undefined): string {
  if (kind === 'percent') return `${plain(value.times(100))}%`;
  if (kind === 'money') return `${plain(value)} ${currency ?? ''}`.trim();
  if (kind === 'duration') {
    const unit = (['d', 'h', 'min'] as const).find((u) => value.mod(SECONDS_PER_UNIT[u]).isZero() && !value.isZero()) ?? 's';
    return `${plain(value.div(SECONDS_PER_UNIT[unit]))}${unit}`;
  }
  return plain(value);
}

/**
 * A rule that follows a block directly (comments and blank lines between
 * allowed) and compares an input the block's tiers compare: it pays in
 * addition to the block's highest tier.
 */
export function lintRulesAfterBlocks(program: CheckedProgram): Problem[] {
  const found: Problem[] = [];
  const inputs = new Set(program.inputs.map((i) => i.name));
  const statements = program.ast.statements;
  for (let i = 1; i < statements.length; i++) {
    const [block, rule] = [statements[i - 1], statements[i]];
    if (block.type !== 'block' || rule.type !== 'rule') continue;
    const compared = new Set(block.rules.flatMap((r) => A.namesIn(r.condition).map((n) => n.name)).filter((n) => inputs.has(n)));
    const shared = A.namesIn(rule.condition).find((n) => compared.has(n.name));
    if (shared) found.push(problems.ruleAfterBlock(shared.name, rule.span, block.headerSpan));
  }
  return found;
}
