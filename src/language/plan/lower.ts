/**
 * Lowering: the checked program becomes its plan (`plan.ts`), once per
 * program, for every backend. A precompiled program that lacks what the
 * checker always writes (an expression's kind) is damaged, and says so here
 * rather than computing with a guess.
 */
import * as A from '../ast.js';
import type { CheckedProgram, InputSpec } from '../checker/program.js';
import { effectiveRange, ownerName } from '../checker/implied.js';
import { significantDigits } from '../literals.js';
import { LineMap } from '../source.js';
import type { BlockPlan, CapPlan, CreditPlan, InputPlan, PayConditionPlan, Plan, RulePlan, TierTablePlan, ValuePlan } from './plan.js';
import { PROGRAM_SCOPE } from './plan.js';
import { capOrder } from './semantics.js';
import { finish, RULES_PER_STEP } from './steps.js';

/** Thrown when a (precompiled) program is not what the checker produces. */
export class DamagedProgram extends Error {}

export function lower(program: CheckedProgram): Plan {
  return finish(lowering(program));
}

/** `lower`, a few hundred rules per step (`Program.prepare`). */
export function* lowering(program: CheckedProgram): Generator<void, Plan, void> {
  let planned = 0;
  const lines = new LineMap(program.source);
  const lineOf = (node: { span: { start: number } }) => lines.position(node.span.start).line;
  let scopes = PROGRAM_SCOPE + 1;
  const remembers: boolean[] = [false];
  const newScope = (caps: readonly CapPlan[]) => {
    remembers.push(caps.some((c) => c.period !== 'monthly'));
    return scopes++;
  };
  let capIds = 0;
  const capsOf = (caps: readonly A.Cap[]): CapPlan[] =>
    caps.map((cap) => ({ id: capIds++, amount: cap.amount, kind: kindOf(cap.amount), period: cap.period, line: lineOf(cap) })).sort(capOrder);
  const rulePlan = (rule: A.Rule): RulePlan => {
    const caps = capsOf(rule.caps);
    const p = rule.proportional;
    return {
      kind: 'rule',
      scope: newScope(caps),
      owner: ownerName(rule, lineOf(rule)),
      line: lineOf(rule),
      condition: rule.condition,
      credit: rule.credit,
      basis: kindOf(rule.credit),
      ...(p?.measure ? { proportional: { subject: p.measure.subject, threshold: p.measure.threshold, step: p.step, kind: kindOf(p.step), rounding: p.rounding, direction: p.direction } } : {}),
      caps,
    };
  };

  const credits: CreditPlan[] = [];
  let caps: CapPlan[] = [];
  let pointRate: Plan['pointRate'];
  const values = new Map<string, ValuePlan>();
  const payConditions: PayConditionPlan[] = [];
  const tableInputs = new Set(program.inputs.filter((i) => i.name !== 'fee' && !i.list).map((i) => i.name));
  for (const statement of program.ast.statements) {
    switch (statement.type) {
      case 'rule':
        credits.push({ type: 'rule', rule: rulePlan(statement) });
        if (++planned % RULES_PER_STEP === 0) yield;
        break;
      case 'block': {
        const blockCaps = capsOf(statement.caps);
        const tiers: RulePlan[] = [];
        for (const rule of statement.rules) {
          tiers.push(rulePlan(rule));
          if (++planned % RULES_PER_STEP === 0) yield;
        }
        const table = statement.each ? undefined : tierTable(tiers, tableInputs);
        const block: BlockPlan = {
          kind: 'block', scope: newScope(blockCaps), owner: ownerName(statement, lineOf(statement)), line: lineOf(statement), tiers, caps: blockCaps,
          ...(statement.translations ? { translations: statement.translations } : {}),
          ...(statement.each ? { each: { name: statement.each.name, list: statement.each.list } } : {}),
          ...(table ? { table } : {}),
        };
        credits.push({ type: 'block', block });
        break;
      }
      case 'cap':
        // Program caps apply together, in period order, wherever they are written.
        caps = [...caps, ...capsOf([statement.cap])].sort(capOrder);
        break;
      case 'point-rate':
        pointRate = { amount: statement.rate, kind: kindOf(statement.rate) };
        break;
      case 'let':
      case 'output':
        values.set(statement.name, { name: statement.name, role: statement.type, kind: statement.declaredKind ?? kindOf(statement.value), line: lineOf(statement), value: statement.value });
        if (++planned % RULES_PER_STEP === 0) yield;
        break;
      case 'pay-if':
        kindOf(statement.condition);
        payConditions.push({ condition: statement.condition, line: lineOf(statement), text: program.source.slice(statement.condition.span.start, statement.condition.span.end) });
        break;
    }
  }
  remembers[PROGRAM_SCOPE] = caps.some((c) => c.period !== 'monthly');
  yield;

  const compared = yield* comparedOnly(program);
  const inputs = program.inputs.map((spec): InputPlan => {
    const range = effectiveRange(spec);
    return {
      name: spec.name,
      kind: spec.kind,
      spec,
      ...(range ? { range } : {}),
      ...(spec.kind === 'duration' ? { unit: durationUnit(spec) } : {}),
      comparedOnly: compared.has(spec.name),
    };
  });
  return {
    inputs, values, credits, caps, scopes, remembers,
    ...(pointRate ? { pointRate } : {}),
    ...(program.currency ? { currency: program.currency } : {}),
    period: A.programPeriod(program.ast),
    feePeriod: program.inputs.find((i) => i.name === 'fee')?.period ?? 'monthly',
    hasFee: program.inputs.some((i) => i.name === 'fee'),
    payConditions,
  };
}

/**
 * The block's tiers as a tier table (`TierTablePlan`), or undefined when any
 * tier is not of its shape. `inputs`: the names a table may compare (no fee,
 * no list).
 */
function tierTable(tiers: readonly RulePlan[], inputs: ReadonlySet<string>): TierTablePlan | undefined {
  const [first] = tiers;
  if (!first || (first.basis !== 'percent' && first.basis !== 'money')) return undefined;
  const basis = first.basis;
  let input: string | undefined;
  const ops: A.CompareOp[] = [];
  const thresholds: A.Literal[] = [];
  const credits: A.Literal[] = [];
  for (const tier of tiers) {
    const { condition } = tier;
    const credit = constantOf(tier.credit);
    if (tier.basis !== basis || tier.caps.length > 0 || tier.proportional || !credit) return undefined;
    if (condition.type !== 'compare' || condition.ops.length !== 1) return undefined;
    const [subject] = condition.operands;
    const threshold = constantOf(condition.operands[1]);
    if (subject.type !== 'name' || !inputs.has(subject.name) || (input !== undefined && subject.name !== input) || !threshold) return undefined;
    input = subject.name;
    ops.push(condition.ops[0]);
    thresholds.push(threshold);
    credits.push(credit);
  }
  return { input: input!, basis, ops, thresholds, credits };
}

/** A number written as a literal, or a negated one (`-5%`, which the parser keeps as a minus): as one literal. */
function constantOf(expr: A.Expr): A.Literal | undefined {
  if (expr.type === 'literal') return expr.kind === 'boolean' ? undefined : expr;
  if (expr.type !== 'unary' || expr.op !== '-' || expr.operand.type !== 'literal' || expr.operand.kind === 'boolean') return undefined;
  return { ...expr.operand, negative: !expr.operand.negative, span: expr.span };
}

/** The unit a bare number means for a duration input: the unit its declaration is written in. */
export function durationUnit(spec: InputSpec): A.DurationUnit {
  return spec.default?.unit ?? spec.range?.min.unit ?? spec.step?.unit ?? 'h';
}

function kindOf(expr: A.Expr): A.Kind {
  if (!expr.kind) throw new DamagedProgram(`an expression at offset ${expr.span.start} has no kind`);
  return expr.kind;
}

/** Constants a backend may compare a given value with as it is: at most 15 significant digits, the precision of a double. */
function plainConstant(expr: A.Expr): boolean {
  return expr.type === 'literal' && expr.kind !== 'boolean' && expr.kind !== 'duration' && significantDigits(expr.value) <= 15;
}

/**
 * The inputs used only in comparisons with plain constants (`availability <
 * 99.5%`, `95% <= availability < 99%`), and within range ends of the same
 * kind: a backend may compare their values exactly as given, without
 * converting them into its own arithmetic.
 */
function* comparedOnly(program: CheckedProgram): Generator<void, Set<string>, void> {
  const candidates = new Set(program.inputs.filter((i) => (i.kind === 'percent' || i.kind === 'number' || i.kind === 'money') && i.name !== 'fee' && !i.list).map((i) => i.name));
  for (const spec of program.inputs) {
    const ends = [spec.range?.min, spec.range?.max].filter((l): l is A.Literal => l !== undefined);
    if (!ends.every(plainConstant)) candidates.delete(spec.name);
  }
  const used = new Set<string>();
  const walk = (expr: A.Expr) => {
    const pending = [expr];
    while (pending.length > 0) {
      const e = pending.pop()!;
      if (e.type === 'name') used.add(e.name);
      else if (e.type === 'compare') {
        e.operands.forEach((operand, i) => {
          const neighbours = [e.operands[i - 1], e.operands[i + 1]].filter((n): n is A.Expr => n !== undefined);
          if (operand.type === 'name' && neighbours.every(plainConstant)) return;
          pending.push(operand);
        });
      } else pending.push(...A.children(e));
    }
  };
  let walked = 0;
  for (const statement of program.ast.statements) {
    if (statement.type === 'block') statement.caps.forEach((cap) => walk(cap.amount));
    else if (statement.type !== 'rule') A.expressionsOf(statement).forEach(({ expr }) => walk(expr));
    for (const rule of statement.type === 'rule' ? [statement] : statement.type === 'block' ? statement.rules : []) {
      A.expressionsOf(rule).forEach(({ expr }) => walk(expr));
      // The distance of a proportional credit computes with its subject.
      if (rule.proportional?.measure) walk(rule.proportional.measure.subject);
      if (++walked % RULES_PER_STEP === 0) yield;
    }
  }
  for (const name of used) candidates.delete(name);
  return candidates;
}
