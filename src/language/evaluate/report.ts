/**
 * A month's result as the reader sees it: the exact interpreter's month
 * (`evaluator.ts`) observed while `plan/semantics.ts` decides it, and written
 * as credit lines with their cuts and tiers, and as the explanation's steps.
 */
import type * as A from '../ast.js';
import { plain, ZERO, type Decimal } from '../decimal.js';
import type { BlockPlan, CapPlan, PayConditionPlan, RulePlan } from '../plan/plan.js';
import type { Cut, MonthObserver } from '../plan/semantics.js';
import { displayOf, percentString, shareOf } from './displays.js';
import type { StepData } from './explanation.js';
import type { CapCut, CreditLine } from './results.js';

/** What the report reads of the month being decided (the interpreter's `DecimalMonth`). */
export interface ReportedMonth {
  readonly hasFee: boolean;
  /** Points each rule paid. */
  readonly points: ReadonlyMap<RulePlan, Decimal>;
  /** Each rule's steps other than its condition (its credit). */
  readonly ruleSteps: ReadonlyMap<RulePlan, StepData[]>;
  /** The explanation being written; undefined for a run without one (`credit()`). */
  readonly steps: StepData[] | undefined;
  /** The item a `for each` block's tiers see now. */
  readonly currentItem: Decimal | undefined;
  money(amount: Decimal): string;
  writtenCap(cap: CapPlan): Decimal;
  /** The condition steps since the report last took them: those of the credit it is told of now. */
  takeConditions(): StepData[];
  itemKind(block: BlockPlan): A.Kind;
}

/** What the report reads of the month's input. */
export interface ReportedInput {
  /** 1-based position in a contract-year run; 0 for a single month. */
  readonly month: number;
  readonly fees: { readonly monthly: Decimal };
  readonly currency: string | undefined;
}

/** A cut as the month decided it, with its cap's value as written. */
interface DecidedCut {
  readonly cut: Cut<Decimal>;
  readonly written: Decimal;
}

/**
 * Observes a month's decisions and writes them as the result shows them:
 * credit lines with their cuts and tiers, and the explanation's steps in
 * reading order (a block: every tier's condition, which tier won, then only
 * the winner's own credit and caps).
 */
export class Report implements MonthObserver<Decimal> {
  readonly lines: CreditLine[] = [];
  readonly programCuts: CapCut[] = [];
  /** The step saying the period is not paid, if a `pay only if` failed. */
  unpaid?: StepData;
  /** Cuts of the current credit, by tier (-1: not a tier's); written as results show them only when shown (a block's losing tiers' never are). */
  private cuts = new Map<number, DecidedCut[]>();

  constructor(
    private readonly values: ReportedMonth,
    private readonly input: ReportedInput,
  ) {}

  money = (d: Decimal) => this.values.money(d);
  /** A share of the month's fee; null when the program has no fee. */
  share = (d: Decimal) => (this.values.hasFee ? percentString(shareOf(d, this.input.fees.monthly)) : null);

  notPaid(condition: PayConditionPlan, amount: Decimal): void {
    this.unpaid = { kind: 'not-paid', line: condition.line, condition: condition.text, amount: this.money(amount) };
  }

  cut(cut: Cut<Decimal>, tier: number): void {
    // The cap as written now: a `for each` block's item may change what it reads.
    const decided: DecidedCut = { cut, written: this.values.writtenCap(cut.cap) };
    if (cut.by.kind === 'program') this.programCuts.push(this.capCut(decided));
    else {
      const key = cut.by.kind === 'block' ? -1 : tier;
      const list = this.cuts.get(key);
      if (list) list.push(decided);
      else this.cuts.set(key, [decided]);
    }
  }

  private capCut({ cut, written }: DecidedCut): CapCut {
    const { cap, by } = cut;
    const literal = cap.amount.type === 'literal' ? cap.amount : undefined;
    return {
      scope: by.kind, owner: by.owner, period: cap.period, cap: displayOf(written, cap.kind, this.input.currency, literal),
      limit: this.money(cut.limit), alreadyCredited: this.money(cut.already), before: this.money(cut.before), after: this.money(cut.after),
      cut: this.money(cut.before.minus(cut.after)), line: cap.line, ...(this.input.month > 0 ? { month: this.input.month } : {}),
    };
  }

  rule(rule: RulePlan, holds: boolean, amount: Decimal): void {
    const cuts = this.takeCuts(-1);
    const points = this.values.points.get(rule);
    this.lines.push({
      name: rule.owner, kind: 'rule', line: rule.line, matched: holds,
      amount: this.money(amount), percentOfFee: this.share(amount), cuts,
      ...(points ? { points: plain(points) } : {}),
    });
    this.explain([...this.values.takeConditions(), ...(this.values.ruleSteps.get(rule) ?? []), ...cuts.map((cut): StepData => ({ kind: 'cap', cut }))]);
  }

  /** Items of the `for each` block being run that some tier paid. */
  private paidItems = 0;

  item(block: BlockPlan, index: number, count: number, winner: number, amount: Decimal): void {
    const tier = winner >= 0 ? block.tiers[winner] : undefined;
    const points = tier && this.values.points.get(tier);
    if (tier) this.paidItems++;
    // An item's steps are its own line: its tiers' conditions are not shown.
    this.values.takeConditions();
    const kind = this.values.itemKind(block);
    this.explain([{
      kind: 'item', line: tier?.line ?? block.line, block: block.owner, item: block.each!.name, index: index + 1, count,
      value: displayOf(this.values.currentItem ?? ZERO, kind, this.input.currency),
      ...(tier ? { tier: tier.owner } : {}), amount: this.money(amount),
      ...(points ? { points: plain(points) } : {}),
    }]);
  }

  block(block: BlockPlan, tiers: readonly { holds: boolean; amount: Decimal }[] | undefined, winner: number, amount: Decimal): void {
    if (block.each) {
      // Every item's tier cuts and the block's own, in the order they happened.
      const cuts = [...this.cuts.values()].flat().map((c) => this.capCut(c));
      this.cuts = new Map();
      this.lines.push({
        name: block.owner, kind: 'block', line: block.line, matched: this.paidItems > 0,
        amount: this.money(amount), percentOfFee: this.share(amount), cuts,
      });
      this.paidItems = 0;
      this.explain(cuts.map((cut): StepData => ({ kind: 'cap', cut })));
      return;
    }
    const outcomes = tiers ?? [];
    const tierCuts = winner >= 0 ? this.shownCuts(winner) : [];
    const blockCuts = this.shownCuts(-1);
    this.cuts = new Map();
    const winning = winner >= 0 ? block.tiers[winner] : undefined;
    const points = winning && this.values.points.get(winning);
    const steps = this.values.steps;
    this.lines.push({
      name: block.owner, kind: 'block', line: block.line, matched: winner >= 0,
      amount: this.money(amount), percentOfFee: this.share(amount), cuts: [...tierCuts, ...blockCuts],
      // Every tier's outcome is the breakdown's; a run without an explanation (`credit()`) shows none.
      ...(steps ? { tiers: block.tiers.map((t, i) => ({ condition: t.owner, line: t.line, holds: outcomes[i]?.holds ?? false, amount: this.money(outcomes[i]?.amount ?? ZERO) })) } : {}),
      ...(winner >= 0 ? { winner } : {}),
      ...(points ? { points: plain(points) } : {}),
    });
    if (!steps) return;
    for (const condition of this.values.takeConditions()) steps.push(condition);
    let matched = 0;
    for (const o of outcomes) if (o.holds) matched++;
    steps.push({ kind: 'tier', line: block.line, block: block.owner, winner: winning ? { line: winning.line, rule: winning.owner } : undefined, matched });
    if (winning) steps.push(...(this.values.ruleSteps.get(winning) ?? []));
    for (const cut of [...tierCuts, ...blockCuts]) steps.push({ kind: 'cap', cut });
  }

  /** The cuts of one tier (-1: of the credit itself), as results show them. */
  private shownCuts(key: number): CapCut[] {
    return this.cuts.get(key)?.map((c) => this.capCut(c)) ?? [];
  }

  private takeCuts(key: number): CapCut[] {
    const cuts = this.shownCuts(key);
    this.cuts = new Map();
    return cuts;
  }

  private explain(steps: StepData[]): void {
    this.values.steps?.push(...steps);
  }
}
