/**
 * The abstract syntax tree: plain, serialisable data with source spans. The
 * checker fills in each expression's `kind`; a checked tree is what a
 * precompiled program (`credit-rules compile`) stores, so it holds no class
 * instances and no Decimals — numbers stay the decimal strings they were written as.
 */
import type { Span } from './source.js';

/** What a value measures. `points` exist only in credits; `boolean` only in conditions and inputs. */
export type Kind = 'percent' | 'money' | 'duration' | 'number' | 'boolean' | 'points';
export type InputKind = Exclude<Kind, 'points'>;
export type Period = 'monthly' | 'quarterly' | 'yearly';
export type DurationUnit = 's' | 'min' | 'h' | 'd';
export type CompareOp = '<' | '<=' | '>' | '>=' | '=' | '!=';
export type ArithmeticOp = '+' | '-' | '*' | '/' | 'of';

interface Node {
  readonly span: Span;
}

/**
 * A quantity as written. `value` is the number in the literal's own unit:
 * `99.5%` has value "99.5", `30min` has value "30" and unit "min", `2 points` has value "2".
 */
export interface Literal extends Node {
  readonly type: 'literal';
  readonly kind: Kind;
  readonly value: string;
  readonly unit?: DurationUnit;
  readonly currency?: string;
  readonly negative?: boolean;
}

export interface NameRef extends Node {
  readonly type: 'name';
  readonly name: string;
  kind?: Kind;
}

export interface Unary extends Node {
  readonly type: 'unary';
  readonly op: '-' | 'not';
  readonly operand: Expr;
  kind?: Kind;
}

export interface Binary extends Node {
  readonly type: 'binary';
  readonly op: ArithmeticOp | 'and' | 'or';
  readonly left: Expr;
  readonly right: Expr;
  kind?: Kind;
}

/** `a < b`, or a chain `95% <= availability < 99%` meaning `95% <= availability and availability < 99%`. */
export interface Comparison extends Node {
  readonly type: 'compare';
  readonly operands: readonly Expr[];
  readonly ops: readonly CompareOp[];
  kind?: Kind;
}

/** The built-in functions (version 2): `min`, `max`, `round`, `floor`, `ceil`; `count` and `sum` over lists. */
export type FunctionName = 'min' | 'max' | 'round' | 'floor' | 'ceil' | 'count' | 'sum';
export const FUNCTION_NAMES: readonly FunctionName[] = ['min', 'max', 'round', 'floor', 'ceil', 'count', 'sum'];

/** `round(x, 0.01)`, `max(a, b, c)`. */
export interface Call extends Node {
  readonly type: 'call';
  readonly name: FunctionName;
  readonly nameSpan: Span;
  readonly args: readonly Expr[];
  kind?: Kind;
}

/** `if C then A else B` as a value: only the branch taken is evaluated. */
export interface Conditional extends Node {
  readonly type: 'if';
  readonly condition: Expr;
  readonly then: Expr;
  readonly otherwise: Expr;
  kind?: Kind;
}

/** Stands in for an expression the parser could not read; already reported. */
export interface Invalid extends Node {
  readonly type: 'invalid';
  kind?: Kind;
}

export type Expr = Literal | NameRef | Unary | Binary | Comparison | Call | Conditional | Invalid;

/** A label's translations, by two-letter language tag: `"Monthly uptime" de "Monatliche Verfügbarkeit"`. */
export type Translations = Readonly<Record<string, string>>;

export interface Cap extends Node {
  readonly amount: Expr;
  readonly period: Period;
}

/** `1% per 0.1% below`: the rule's credit for every `step` of distance from the condition's threshold. */
export interface Proportional extends Node {
  readonly step: Expr;
  readonly rounding: 'full' | 'started';
  readonly direction: 'below' | 'above';
  /** Set by the checker: the comparison in the condition that the distance is measured from. */
  measure?: { readonly subject: Expr; readonly threshold: Expr };
}

export interface Rule extends Node {
  readonly type: 'rule';
  readonly condition: Expr;
  readonly credit: Expr;
  readonly proportional?: Proportional;
  readonly caps: readonly Cap[];
  /** The source text of the condition, used to name the rule in results. */
  readonly conditionText: string;
}

/** `for each outage in outages`: a block's tiers applied to every item of a list input. */
export interface EachItem {
  readonly name: string;
  readonly nameSpan: Span;
  readonly list: string;
  readonly listSpan: Span;
}

export interface Block extends Node {
  readonly type: 'block';
  readonly pool: 'credit' | 'points';
  readonly each?: EachItem;
  readonly label?: string;
  readonly translations?: Translations;
  readonly caps: readonly Cap[];
  readonly rules: readonly Rule[];
  readonly headerSpan: Span;
}

export interface FeeDecl extends Node {
  readonly type: 'fee';
  readonly amount: Literal;
  readonly period: Period;
  readonly label?: string;
  readonly translations?: Translations;
}

export interface InputDecl extends Node {
  readonly type: 'input';
  readonly name: string;
  readonly nameSpan: Span;
  readonly inputKind: InputKind;
  /** `list of duration`: 0 to 1,000 items a period, each of `inputKind`. */
  readonly list?: true;
  readonly label?: string;
  readonly translations?: Translations;
  readonly default?: Literal;
  /** A list input's default: `default [10min, 2h]`. */
  readonly defaultItems?: readonly Literal[];
  readonly range?: { readonly min: Literal; readonly max: Literal; readonly span: Span };
  readonly step?: Literal;
}

export interface CapStmt extends Node {
  readonly type: 'cap';
  readonly cap: Cap;
}

export interface PointRate extends Node {
  readonly type: 'point-rate';
  readonly rate: Expr;
}

export interface LetDecl extends Node {
  readonly type: 'let';
  readonly name: string;
  readonly nameSpan: Span;
  readonly declaredKind?: Kind;
  readonly label?: string;
  readonly translations?: Translations;
  readonly value: Expr;
}

export interface OutputDecl extends Node {
  readonly type: 'output';
  readonly name: string;
  readonly nameSpan: Span;
  readonly declaredKind?: Kind;
  readonly label?: string;
  readonly translations?: Translations;
  readonly value: Expr;
}

/**
 * `claim within 30 days` / `2d` (a duration), `5 business days` or `2 months`
 * (a count, with `measure`); from the end of the billing period, or from the
 * incident with `after incident`.
 */
export interface ClaimDecl extends Node {
  readonly type: 'claim';
  readonly within: Literal;
  readonly measure?: 'business-days' | 'months';
  readonly afterIncident?: boolean;
}

/** `period quarterly`: the period the inputs measure and percent credits are a share of the fee of (monthly by default). */
export interface PeriodDecl extends Node {
  readonly type: 'period';
  readonly period: Period;
}

/** `pay only if total_credit > 1 USD`: the period pays nothing unless it holds. */
export interface PayCondition extends Node {
  readonly type: 'pay-if';
  readonly condition: Expr;
}

/** `payout "bonus" to "the agent"`: what the program pays, and to whom. */
export interface PayoutDecl extends Node {
  readonly type: 'payout';
  readonly what: string;
  readonly whatTranslations?: Translations;
  readonly recipient?: string;
  readonly recipientTranslations?: Translations;
}

export interface ExampleGiven extends Node {
  readonly name: string;
  readonly nameSpan: Span;
  readonly values: readonly Literal[];
  /** Written as `[…]`: a contract-year run, or one period's list of a list input. */
  readonly list: boolean;
  /** Written as `[[…], […]]`: a contract-year run of a list input, one list per period. */
  readonly lists?: readonly (readonly Literal[])[];
}

export type ExampleExpectation =
  | (Node & { readonly target: 'credit'; readonly value: Literal })
  | (Node & { readonly target: 'name'; readonly name: string; readonly nameSpan: Span; readonly value: Literal });

export interface ExampleDecl extends Node {
  readonly type: 'example';
  readonly label?: string;
  readonly translations?: Translations;
  readonly givens: readonly ExampleGiven[];
  readonly expectations: readonly ExampleExpectation[];
}

export type Statement =
  | FeeDecl | InputDecl | Rule | Block | CapStmt | PointRate | LetDecl | OutputDecl | ClaimDecl | ExampleDecl
  | PayCondition | PayoutDecl | PeriodDecl;

export interface ProgramAst {
  readonly statements: readonly Statement[];
}

/**
 * Every expression a statement holds, in source order, and whether it is computed before
 * the period's credits are known (rules, caps, the point rate) or after (`let`, `output`).
 */
export function expressionsOf(statement: Statement): { expr: Expr; beforeCredits: boolean }[] {
  const before = (expr: Expr) => ({ expr, beforeCredits: true });
  const rule = (r: Rule) => [
    before(r.condition), before(r.credit),
    ...(r.proportional ? [before(r.proportional.step)] : []),
    ...r.caps.map((c) => before(c.amount)),
  ];
  switch (statement.type) {
    case 'rule': return rule(statement);
    case 'block': return [...statement.caps.map((c) => before(c.amount)), ...statement.rules.flatMap(rule)];
    case 'cap': return [before(statement.cap.amount)];
    case 'point-rate': return [before(statement.rate)];
    case 'let':
    case 'output': return [{ expr: statement.value, beforeCredits: false }];
    case 'pay-if': return [{ expr: statement.condition, beforeCredits: false }];
    default: return [];
  }
}

/** Each direct child expression, for walks that do not care about the node type. */
export function children(expr: Expr): readonly Expr[] {
  switch (expr.type) {
    case 'unary': return [expr.operand];
    case 'binary': return [expr.left, expr.right];
    case 'compare': return expr.operands;
    case 'call': return expr.args;
    case 'if': return [expr.condition, expr.then, expr.otherwise];
    default: return [];
  }
}

/** Every name an expression mentions, in source order. */
export function namesIn(expr: Expr, into: NameRef[] = []): NameRef[] {
  if (expr.type === 'name') into.push(expr);
  for (const child of children(expr)) namesIn(child, into);
  return into;
}

/** A label in the reader's language: its translation for `lang` ("de", "de-CH" reads "de"), else the label as written first. */
export function labelIn(label: string | undefined, translations: Translations | undefined, lang: string | undefined): string | undefined {
  if (label === undefined || !lang || !translations) return label;
  const tag = lang.slice(0, 2).toLowerCase();
  return Object.hasOwn(translations, tag) ? translations[tag] : label;
}

/** How many months each period spans. */
export const MONTHS_IN: Readonly<Record<Period, number>> = { monthly: 1, quarterly: 3, yearly: 12 };

/** How many evaluation periods a contract year has: 12 months, 4 quarters or 1 year. */
export const periodsInYear = (period: Period) => 12 / MONTHS_IN[period];

/** What one period is called in English messages: "quarter 3", "a fee given yearly is a twelfth … for each month". */
export const PERIOD_NOUN: Readonly<Record<Period, string>> = { monthly: 'month', quarterly: 'quarter', yearly: 'year' };

/** A contract year counted in periods, for messages: "12 months", "4 quarters", "1 year". */
export function yearInPeriods(period: Period): string {
  const count = periodsInYear(period);
  return `${count} ${PERIOD_NOUN[period]}${count === 1 ? '' : 's'}`;
}

/** The program's evaluation period (`period quarterly`); monthly when it names none. */
export function programPeriod(ast: ProgramAst): Period {
  for (const s of ast.statements) if (s.type === 'period') return s.period;
  return 'monthly';
}
