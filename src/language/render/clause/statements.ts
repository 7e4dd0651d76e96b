/**
 * The sentences of the statements that become clauses of their own: the fee,
 * the definitions, a rule, a block of tiers, `let` and `output` definitions.
 */
import * as A from '../../ast.js';
import { Decimal } from '../../decimal.js';
import type { Step } from './phrases.js';
import { letter, title } from './phrases.js';
import type { Wording } from './wording.js';

/** A clause's lines: its first follows the number, the rest are indented under it. */
export type Clause = readonly string[];

/** The fee clause, or none for a program without a fee (a bonus scheme, a KPI calculator). */
export function feeClause(w: Wording, agreedFee: string | undefined): Clause | undefined {
  if (!w.program.inputs.some((i) => i.name === 'fee')) return undefined;
  const statement = w.program.ast.statements.find((s): s is A.FeeDecl => s.type === 'fee');
  const amount = statement && (agreedFee === undefined ? statement.amount : { ...statement.amount, value: agreedFee, negative: false });
  const sentences = statement && amount
    ? [w.p.feeIs(statement.period, w.literal(amount, 'nom'), A.labelIn(statement.label, statement.translations, w.lang))]
    : [w.p.feeImplicit];
  // Every fee the text speaks of — the period's own (credits are shares of it), and caps' — defined from the one agreed.
  const periods = feePeriods(w);
  periods.add(w.period);
  for (const period of ['monthly', 'quarterly', 'yearly'] as const) {
    if (period !== w.feePeriod && periods.has(period)) sentences.push(w.p.derivedFee(period, w.feePeriod));
  }
  return [sentences.join(' ')];
}

/** The fee periods the text speaks of, so the fee clause defines each of them. */
function feePeriods(w: Wording): Set<A.Period> {
  const periods = new Set<A.Period>();
  for (const statement of w.program.ast.statements) {
    const caps = statement.type === 'rule' ? statement.caps
      : statement.type === 'block' ? [...statement.caps, ...statement.rules.flatMap((r) => r.caps)]
        : statement.type === 'cap' ? [statement.cap] : [];
    for (const cap of caps) if (cap.amount.kind === 'percent') periods.add(cap.period);
    if (statement.type === 'example' && statement.givens.some((g) => g.list)) periods.add('yearly');
  }
  return periods;
}

/** The inputs' definitions as a lettered list, or none when the fee is the only input. */
export function definitions(w: Wording): Clause | undefined {
  const items = w.program.inputs
    .filter((input) => input.name !== 'fee')
    .map((input) => {
      const range = input.range && { min: w.literal(input.range.min, 'nom'), max: w.literal(input.range.max, 'nom') };
      // The name in brackets ties a labelled term to the field of the calculator.
      const name = input.label !== undefined && input.label !== input.name ? input.name : undefined;
      return input.list ? w.p.listMeans(w.term(input.name), name, input.kind) : w.p.inputMeans(w.term(input.name), name, input.kind, range);
    });
  return items.length ? [w.p.definitionsIntro, ...items.map((item, i) => `${w.p.item(letter(i))} ${item}`)] : undefined;
}

export function definition(w: Wording, decl: A.LetDecl | A.OutputDecl): string {
  const term = w.term(decl.name);
  if (decl.value.kind === 'boolean') {
    const when = w.when(decl.value);
    return w.p.conditionMeans(term, when, w.listedWhen(when));
  }
  const asPercent = decl.declaredKind === 'percent' && decl.value.kind === 'number';
  if (decl.value.type === 'literal' && !asPercent) return w.p.valueIs(term, w.literal(decl.value, 'nom'));
  return w.p.valueMeans(term, w.expr(decl.value, 'nom'), asPercent);
}

export function rule(w: Wording, rule: A.Rule): string {
  const when = w.when(rule.condition);
  const credit = w.p.credit(rule.credit.kind ?? 'money', (c) => w.amount(rule.credit, c));
  return w.p.rule(when, credit, proportional(w, rule), ruleCaps(w, rule));
}

/** A block's clause: its intro, one line per tier, and what applies after the tiers. */
export function block(w: Wording, block: A.Block): string[] {
  const tiers = block.rules.map((rule, i, all) => {
    const when = w.when(rule.condition);
    const credit = w.p.tierCredit(rule.credit.kind ?? 'money', (c) => w.amount(rule.credit, c));
    const text = w.p.tier(when, w.listedWhen(when), credit, proportional(w, rule), ruleCaps(w, rule));
    return `${w.p.item(letter(i))} ${text}${i === all.length - 1 ? '.' : ';'}`;
  });
  const after: string[] = [];
  const each = block.each;
  if (each) after.push(w.p.eachHighest(w.term(each.name), block.pool));
  else if (block.rules.length > 1) after.push(w.p.highestTier(block.pool));
  if (block.caps.length) after.push(w.p.blockCaps(block.caps.map((cap) => w.cap(cap))));
  const intro = each ? w.p.eachIntro(w.term(each.name), w.term(each.list), block.pool) : w.p.blockIntro(block.pool);
  return [title(A.labelIn(block.label, block.translations, w.lang)) + intro, ...tiers, ...(after.length ? [after.join(' ')] : [])];
}

function proportional(w: Wording, rule: A.Rule): string | undefined {
  const p = rule.proportional;
  // The checker sets `measure` on every proportional credit of a program without errors.
  if (!p?.measure) return undefined;
  const { step } = p;
  const counted: Step =
    step.type === 'literal' && step.kind === 'duration' && !step.negative && new Decimal(step.value).eq(1)
      ? { type: 'unit', unit: step.unit ?? 's' }
      : step.type === 'literal' ? { type: 'amount', text: w.literal(step, 'nom') }
        : { type: 'expression', text: w.expr(step, 'dat') };
  const { subject, threshold } = p.measure;
  return w.p.proportional(p.rounding, counted, p.direction, w.subject(subject), (c) => w.expr(threshold, c));
}

function ruleCaps(w: Wording, rule: A.Rule): string {
  return w.p.ruleCaps(rule.caps.map((cap) => w.cap(cap)));
}
