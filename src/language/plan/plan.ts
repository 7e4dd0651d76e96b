/**
 * The plan: a checked program lowered once into what every backend runs —
 * the exact interpreter (`evaluate/evaluator.ts`), the fixed-point fast path
 * (`evaluate/fixed.ts`), and later SQL. Every decision that is not arithmetic
 * is made here, once: which credits exist and in what order, who owns each
 * cap (its scope) and in what order caps apply, which scopes remember what
 * they paid, an input's effective range, a credit's owner name for reports.
 * Expressions stay checked AST nodes: turning them into numbers is each
 * backend's arithmetic. `semantics.ts` holds the rules that run over a plan;
 * `scales.ts` the scales of exact results for the backends that fix them.
 */
import type { CompareOp, DurationUnit, Expr, InputKind, Kind, Literal, Period, Translations } from '../ast.js';
import type { InputSpec } from '../checker/program.js';

/** Scope 0 is the whole program (`cap` statements); every rule, tier and block has its own. */
export const PROGRAM_SCOPE = 0;

export interface Plan {
  readonly inputs: readonly InputPlan[];
  /** `let`s and outputs, by name. */
  readonly values: ReadonlyMap<string, ValuePlan>;
  readonly credits: readonly CreditPlan[];
  /** `cap` statements, on all credits together, in the order they apply. */
  readonly caps: readonly CapPlan[];
  readonly pointRate?: { readonly amount: Expr; readonly kind: Kind };
  /** How many cap scopes there are; scope 0 is the program. */
  readonly scopes: number;
  /** Per scope: whether it has a quarterly or yearly cap, so needs what it paid before. */
  readonly remembers: readonly boolean[];
  /** The rules' own currency, if they name one. */
  readonly currency?: string;
  /** The evaluation period (`period quarterly`): what one run of `month` computes, monthly by default. */
  readonly period: Period;
  /** The period the fee is given for (`fee 12000 EUR yearly`); the period's fee follows from it. */
  readonly feePeriod: Period;
  /** Whether the program has a fee at all (§11): without one, no result states a share of it. */
  readonly hasFee: boolean;
  /** `pay only if` lines: a period pays only when every one holds. */
  readonly payConditions: readonly PayConditionPlan[];
}

export interface PayConditionPlan {
  readonly condition: Expr;
  readonly line: number;
  /** The condition as written, for explanations. */
  readonly text: string;
}

export interface InputPlan {
  readonly name: string;
  readonly kind: InputKind;
  readonly spec: InputSpec;
  /** The range values must lie in: declared, or 0%..100% for a percent input without one. */
  readonly range?: { readonly min: Literal; readonly max: Literal; readonly implicit: boolean };
  /** For a duration: the unit a bare number is in. */
  readonly unit?: DurationUnit;
  /**
   * Only ever compared with constants (thresholds, range ends), never
   * computed with: a backend may compare such a value as it was given.
   */
  readonly comparedOnly: boolean;
}

export interface ValuePlan {
  readonly name: string;
  readonly role: 'let' | 'output';
  readonly kind: Kind;
  readonly line: number;
  readonly value: Expr;
}

export interface CapPlan {
  /** Unique within the program: a backend's index for what it keeps per cap. */
  readonly id: number;
  readonly amount: Expr;
  readonly kind: Kind;
  readonly period: Period;
  readonly line: number;
}

export interface RulePlan {
  /** Who owns the rule's caps, in cuts. */
  readonly kind: 'rule';
  readonly scope: number;
  /** The rule's condition as written: its name in reports. */
  readonly owner: string;
  readonly line: number;
  readonly condition: Expr;
  readonly credit: Expr;
  /** What the credit is counted in: a share of the month's fee, money, or points. */
  readonly basis: Kind;
  readonly proportional?: ProportionalPlan;
  readonly caps: readonly CapPlan[];
}

export interface ProportionalPlan {
  readonly subject: Expr;
  readonly threshold: Expr;
  readonly step: Expr;
  readonly kind: Kind;
  readonly rounding: 'full' | 'started';
  readonly direction: 'below' | 'above';
}

export interface BlockPlan {
  readonly kind: 'block';
  readonly scope: number;
  /** The block's label, or "credit block at line 7". */
  readonly owner: string;
  /** The label in other languages. */
  readonly translations?: Translations;
  readonly line: number;
  readonly tiers: readonly RulePlan[];
  readonly caps: readonly CapPlan[];
  /** `for each outage in outages`: the tiers apply to every item of the list input, named `name` inside the block. */
  readonly each?: { readonly name: string; readonly list: string };
  /** Present when the block is a tier table. */
  readonly table?: TierTablePlan;
}

/**
 * The usual tier table: every tier compares one and the same input (not the
 * fee) with a literal threshold (`if availability < 99.5% then 10%`) and
 * credits a literal (either may be negated), all tiers in one basis — a share of the fee or money —
 * with no caps or proportional steps of their own. Its winner follows from
 * that input's value alone: a backend may find it without working out what
 * every tier pays (`MonthValues.tableWinner` in `semantics.ts`).
 */
export interface TierTablePlan {
  readonly input: string;
  readonly basis: 'percent' | 'money';
  /** Per tier, in order: its comparison, `input op threshold`, and its credit; a negated literal (`-5%`) as one literal. */
  readonly ops: readonly CompareOp[];
  readonly thresholds: readonly Literal[];
  readonly credits: readonly Literal[];
}

export type CreditPlan = { readonly type: 'rule'; readonly rule: RulePlan } | { readonly type: 'block'; readonly block: BlockPlan };
