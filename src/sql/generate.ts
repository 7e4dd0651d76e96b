/**
 * The SQL backend: a checked program's plan (`language/plan/`) as one query
 * that reads a table of customer-months — a column per input, `customer`
 * and `month` — and returns per row `customer, month, currency, credit,
 * percent_of_fee, cuts, error`, with the amounts the exact interpreter gives.
 *
 * The query's parts, as CTEs:
 *  1. the inputs in the interpreter's units (percent as a fraction, a
 *     duration in seconds), each at 6 decimal places, with each row's problems;
 *  2. the fees of each month, quarter and year (`feeSchedule`: months after
 *     a run pay the last month's fee), and whether a customer's months run
 *     1, 2, 3 … without gap or repeat;
 *  3. the `let`s the credits need, one CTE per level of dependency;
 *  4. each rule's condition and pay, each cap's limit, at the money scale;
 *  5. the months (`month.ts`): directly when no scope remembers what it paid;
 *     with window functions for what it paid before when one scope with one
 *     accruing cap remembers (`accrual.ts`, where that is provably the same);
 *     else a recursive CTE over the months of a contract year, carrying what
 *     each scope paid in the quarter and year so far. A year has at most 12
 *     months, so the recursion is at most 12 steps deep; a recursive CTE is
 *     shorter than 12 unrolled months and the same text in every engine.
 */
import * as A from '../language/ast.js';
import { MONTHS_IN, PERIOD_NOUN, periodsInYear } from '../language/ast.js';
import { AFTER_CREDITS, type CheckedProgram } from '../language/checker/program.js';
import { LIMITS } from '../language/limits.js';
import { canonical } from '../language/decimal.js';
import { minorUnitDigits, SECONDS_PER_UNIT } from '../language/literals.js';
import { lower } from '../language/plan/lower.js';
import type { BlockPlan, CapPlan, InputPlan, Plan, RulePlan } from '../language/plan/plan.js';
import { productScale } from '../language/plan/scales.js';
import { feeOf } from '../language/plan/semantics.js';
import { LineMap } from '../language/source.js';
import { literalText } from '../language/evaluate/inputs.js';
import { dialect as dialectOf, type DialectName, type SqlNumber } from './dialect.js';
import { cast, choose, constant, decimalType, fromScaledInteger, notBelowZero, powerOfTen, rescale, scaledInteger, SqlExpressions, SqlUnsupported, type SqlName } from './expressions.js';
import { MonthWriter, type MonthColumns, type MonthSql, type PaySql } from './month.js';
import { paidBeforeSql, paidSoFar, windowAccrual, yearWindow } from './accrual.js';
import { quoteIdentifier as id, quoteLiteral, quoteTableName } from './quote.js';

/** Decimal places an input value may have: more is an error row, never rounded. */
export const INPUT_SCALE = 6;

/** Places of a yearly fee's twelfth, the month's fee. */
const TWELFTH_SCALE = 18;

/** Places of `percent_of_fee`, as `batch` writes it (rounded half up). */
const PERCENT_SCALE = 10;

export interface SqlOptions {
  readonly dialect: DialectName;
  /** The table (or view) of customer-months; `schema.table` is quoted part by part. */
  readonly table: string;
  /** The fee's currency when the rules name none. */
  readonly currency?: string;
  /** The input columns the table has (default: every input); an input left out takes its default. */
  readonly columns?: readonly string[];
  /** Columns passed through to the result before the others, in this order (the batch engine's `line`); the result is ordered by the first. */
  readonly keep?: readonly string[];
  /** false: the rows in no particular order, for a caller that sorts them itself (one sort fewer); else ordered by customer and month, or by the first `keep` column. */
  readonly sorted?: boolean;
}

export { SqlUnsupported };

export function generateSql(program: CheckedProgram, options: SqlOptions): string {
  return new Generator(program, lower(program), options).query();
}

class Generator {
  private readonly lines: LineMap;
  private readonly expressions: SqlExpressions;
  private readonly digits: number;
  private readonly currency: string | undefined;
  /** Per input: its column in the rows, and its scale. */
  private readonly inputNames = new Map<string, SqlName>();
  private readonly letNames = new Map<string, SqlName>();
  /** Per list input: its column, a list of DECIMAL(38, scale). */
  private readonly listNames = new Map<string, SqlNumber>();
  private readonly feeScale: number;

  constructor(
    program: CheckedProgram,
    private readonly plan: Plan,
    private readonly options: SqlOptions,
  ) {
    this.lines = new LineMap(program.source);
    this.currency = plan.currency ?? options.currency;
    this.digits = this.currency ? minorUnitDigits(this.currency) : 2;
    this.expressions = new SqlExpressions(dialectOf(options.dialect), (name, at) => this.name(name, at), (e) => this.lineOf(e), (name, call) => this.aggregate(name, call, ''));
    for (const input of plan.inputs) {
      if (input.spec.list) {
        this.listNames.set(input.name, { sql: id(`i_${input.name}`), scale: inputScale(input) });
        continue;
      }
      this.inputNames.set(input.name, input.kind === 'boolean' ? { type: 'boolean', sql: id(`i_${input.name}`) } : { type: 'number', sql: id(`i_${input.name}`), scale: inputScale(input) });
    }
    this.refuseUnknown();
    this.refuseThirds();
    this.feeScale = this.dividedFee ? TWELFTH_SCALE : INPUT_SCALE;
  }

  /**
   * The period's fee is the fee × num / den (`fee 12000 EUR yearly` under
   * months: 1/12; `fee 3000 USD monthly` under quarters: 3/1), reduced.
   */
  private get feeRatio(): { num: number; den: number } {
    const num = MONTHS_IN[this.plan.period];
    const den = MONTHS_IN[this.plan.feePeriod];
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    const g = gcd(num, den);
    return { num: num / g, den: den / g };
  }

  /** Whether the period's fee is a fraction of the fee given (a twelfth, a third, a quarter): rounded at TWELFTH_SCALE. */
  private get dividedFee(): boolean {
    return this.feeRatio.den > 1;
  }

  /**
   * A third or a twelfth of a fee (`fee 12000 EUR yearly` under months) has
   * no exact decimal: the interpreter keeps 40 digits, DECIMAL(38) fewer, and
   * an amount at a half cent in true fractions would round apart. Refused,
   * so the SQL never pays other amounts than `credit-rules batch`; a quarter
   * of a fee (0.25) is exact and stays.
   */
  private refuseThirds(): void {
    const { den } = this.feeRatio;
    if (!this.plan.hasFee || den % 3 !== 0) return;
    const fee = this.plan.inputs.find((input) => input.name === 'fee');
    const unit = PERIOD_NOUN[this.plan.period];
    throw new SqlUnsupported(fee ? this.lineOf(fee.spec) : 1, `a fee given ${this.plan.feePeriod} is a ${den === 3 ? 'third' : 'twelfth'} of it for each ${unit}, which has no exact decimal, so SQL cannot round it as credit-rules batch does; give the fee ${this.plan.period}, or use credit-rules batch`);
  }

  /** Periods in a contract year: 12 months, 4 quarters or 1 year. */
  private get periods(): number {
    return periodsInYear(this.plan.period);
  }

  /**
   * What this backend does not compute yet is refused with its line, never
   * turned into SQL that would pay something else: list inputs, and any part
   * of a plan this generator was not written for.
   */
  private refuseUnknown(): void {
    const known: Record<string, readonly string[]> = {
      plan: ['inputs', 'values', 'credits', 'caps', 'pointRate', 'scopes', 'remembers', 'currency', 'period', 'feePeriod', 'hasFee', 'payConditions'],
      rule: ['kind', 'scope', 'owner', 'line', 'condition', 'credit', 'basis', 'proportional', 'caps'],
      // `table` only says the tiers are a tier table (a shortcut for other backends): the query tries every tier.
      block: ['kind', 'scope', 'owner', 'translations', 'line', 'tiers', 'caps', 'each', 'table'],
      cap: ['id', 'amount', 'kind', 'period', 'line'],
      input: ['name', 'kind', 'spec', 'range', 'unit', 'comparedOnly'],
      spec: ['name', 'kind', 'label', 'translations', 'default', 'range', 'step', 'implicit', 'period', 'span', 'list', 'defaultItems'],
    };
    const check = (what: string, value: object, line: number) => {
      const unknown = Object.keys(value).find((key) => !known[what].includes(key));
      if (unknown) throw new SqlUnsupported(line, `this ${what === 'plan' ? 'program' : what === 'spec' ? 'input' : what} has a part (${unknown}) the SQL backend does not know yet; credit-rules batch computes it`);
    };
    check('plan', this.plan, 1);
    for (const input of this.plan.inputs) {
      const line = this.lineOf(input.spec);
      check('input', input, line);
      check('spec', input.spec, line);
    }
    for (const rule of this.rules()) check('rule', rule, rule.line);
    for (const credit of this.plan.credits) if (credit.type === 'block') check('block', credit.block, credit.block.line);
    for (const block of this.eachBlocks()) {
      // A tier's own caps would cut item by item, in an order the query does not keep: the block's caps it has.
      const capped = block.tiers.find((tier) => tier.caps.length > 0);
      if (capped) throw new SqlUnsupported(capped.caps[0].line, 'a cap on a tier inside a `for each` block is not in the SQL backend yet (a cap on the block is); credit-rules batch computes it');
    }
    for (const cap of this.caps()) check('cap', cap, cap.line);
  }

  private lineOf(node: { span: { start: number } }): number {
    return this.lines.position(node.span.start).line;
  }

  private name(name: string, at: A.Expr): SqlName {
    if (name === 'fee') return { type: 'number', sql: id('_fee'), scale: this.feeScale };
    const found = this.letNames.get(name) ?? this.inputNames.get(name);
    if (!found) throw new SqlUnsupported(this.lineOf(at), `\`${name}\` has no value before the credits are known`);
    return found;
  }

  query(): string {
    const d = dialectOf(this.options.dialect);
    const keep = this.options.keep ?? [];
    const parts: [string, string][] = [];
    parts.push(['_in', this.inputs()]);
    parts.push(['_fees', `SELECT *, ${this.monthlyFee(d)} AS ${id('_fee')} FROM ${id('_in')}`]);
    const remembering = this.plan.remembers.flatMap((r, scope) => (r ? [scope] : []));
    const windowed = remembering.length > 0 ? windowAccrual(this.plan) : undefined;
    let last = '_fees';
    // The year's windows: here, or (accruing with windows) beside what was paid before, in one sort.
    if (!windowed) {
      parts.push(['_year', `SELECT *, ${this.yearColumns('').join(', ')} FROM ${id(last)}`]);
      last = '_year';
    }
    this.lets().forEach((level, i) => {
      const name = `_lets${i + 1}`;
      parts.push([name, `SELECT *, ${level.join(', ')} FROM ${id(last)}`]);
      last = name;
    });
    const values = this.monthValues(windowed?.cap);
    parts.push(['_m', `SELECT ${['*', ...values.columns].join(', ')} FROM ${id(last)}`]);
    const writer = new MonthWriter(this.plan, values.money, this.digits, d, windowed?.cap);
    const rowColumns = [...keep.map((k) => id(k)), id('_customer'), id('_month'), id('_solo'), id('_fee'), id('i_fee'), id('_error'), id('_year_error'), id('_months_bad')];
    const columnsOf = (paidBefore: MonthColumns['paidBefore']): MonthColumns => ({
      holds: (rule) => `m.${id(`_h${rule.scope}`)}`,
      pays: (rule) => `m.${id(`_p${rule.scope}`)}`,
      limit: (cap) => `m.${id(`_c${cap.id}`)}`,
      each: (block) => `m.${id(`_e${block.scope}`)}`,
      paidBefore,
      pay: this.plan.payConditions.length > 0 ? this.payable(values.money) : undefined,
    });
    /** The SELECT of a month whose values are row `m` of `from` (`result.from` of a source); `carry`: with what each scope paid so far, for the next month. */
    const select = (result: MonthSql, from: string, paidBefore: MonthColumns['paidBefore'], carry: boolean) => {
      const columns = [
        ...rowColumns.map((c) => `m.${c}`),
        `${result.exact} AS ${id('_exact')}`,
        `${result.cuts} AS ${id('_cuts')}`,
        ...(carry ? remembering : []).flatMap((scope) => {
          const paid = result.paid.get(scope) ?? cast('0', this.digits);
          return [`${cast(`${paidBefore(scope, 'quarterly')} + ${paid}`, values.money)} AS ${id(`_q${scope}`)}`, `${cast(`${paidBefore(scope, 'yearly')} + ${paid}`, values.money)} AS ${id(`_y${scope}`)}`];
        }),
      ];
      return `SELECT ${columns.join(', ')} FROM ${from}`;
    };
    const month = (from: string, paidBefore: MonthColumns['paidBefore'], carry: boolean) => {
      const result = writer.month(columnsOf(paidBefore));
      return select(result, result.from(from), paidBefore, carry);
    };
    const zero = cast('0', values.money);
    const good = `NOT m.${id('_months_bad')}`;
    // Without recursion every row goes through the month (a row of a year whose months are out of order gets its error at the end).
    let recursive = false;
    if (remembering.length === 0) {
      parts.push(['_run', month(`${id('_m')} m`, () => zero, false)]);
    } else if (windowed) {
      // The month up to the accruing cap; what the scope would pay without it (accrual.ts), summed in the year's window
      // beside the year's fees; then the cap's limit (a share of those fees), what was paid before, and the rest of the month.
      const paidBefore = () => `m.${id('_before')}`;
      const result = writer.month(columnsOf(paidBefore));
      // What it would pay, a column of its own: the window sums that one value.
      const paid = `(SELECT m.*, ${result.unaccrued!} AS ${id('_unaccrued_paid')} FROM ${result.before(`${id('_m')} m`)}) AS m`;
      const year = [...this.yearColumns('m.'), ...paidSoFar(windowed, this.plan.period, `m.${id('_unaccrued_paid')}`)];
      const limit = values.deferred!;
      const before = paidBeforeSql(windowed, this.plan.period, limit, (amount) => writer.round(amount), values.money);
      parts.push(['_accrued', `SELECT m.*, ${limit} AS ${id(`_c${windowed.cap.id}`)}, ${before} AS ${id('_before')} FROM (SELECT m.*, ${year.join(', ')} FROM ${paid}) AS m`]);
      parts.push(['_run', select(result, result.after(`${id('_accrued')} m`), paidBefore, false)]);
    } else {
      recursive = true;
      const first = `${month(`${id('_m')} m`, () => zero, true)} WHERE ${good} AND (m.${id('_solo')} IS NOT NULL OR m.${id('_month')} = 1)`;
      const previous = (scope: number, period: 'quarterly' | 'yearly') =>
        period === 'yearly' ? `r.${id(`_y${scope}`)}` : this.plan.period !== 'monthly' ? zero : `CASE WHEN m.${id('_month')} IN (4, 7, 10) THEN ${zero} ELSE r.${id(`_q${scope}`)} END`;
      // What each scope paid before, as columns of the next month's row: the month's levels read them as `m.…`.
      const before = (scope: number, period: 'quarterly' | 'yearly') => id(`_before_${period === 'yearly' ? 'y' : 'q'}${scope}`);
      const befores = remembering.flatMap((scope) => (['quarterly', 'yearly'] as const).map((period) => `${previous(scope, period)} AS ${before(scope, period)}`));
      const joined = `(SELECT m.*, ${befores.join(', ')} FROM ${id('_run')} r JOIN ${id('_m')} m ON m.${id('_customer')} = r.${id('_customer')} AND m.${id('_month')} = r.${id('_month')} + 1) AS m`;
      const next = `${month(joined, (scope, period) => `m.${before(scope, period)}`, true)} WHERE ${good}`;
      parts.push(['_run', `${first}\n  UNION ALL\n  ${next}`]);
    }
    const what = this.plan.period === 'monthly' ? 'months' : this.plan.period === 'quarterly' ? 'quarters' : 'years';
    const yearMessage = quoteLiteral(`the ${what} of a customer must be 1, 2, 3 … in order, without gap or repeat, at most ${this.periods}: caps accrue from ${what.slice(0, -1)} 1`);
    const out = (row: string, exact: string, cuts: string, yearError: string) => {
      const error = `COALESCE(${row}.${id('_error')}, ${yearError}, CASE WHEN ${exact} IS NULL OR ${row}.${id('_fee')} IS NULL THEN ${quoteLiteral(this.uncomputable())} END)`;
      const ok = `${error} IS NULL`;
      const percent = this.plan.hasFee ? this.percent(d, exact, row, values.money) : `CAST(NULL AS ${decimalType(PERCENT_SCALE)})`;
      return [
        ...keep.map((k) => `${row}.${id(k)}`),
        `${row}.${id('_customer')} AS ${id('customer')}`,
        `${row}.${id('_month')} AS ${id('month')}`,
        `${this.currency ? quoteLiteral(this.currency) : 'CAST(NULL AS VARCHAR)'} AS ${id('currency')}`,
        `CASE WHEN ${ok} THEN ${writer.round(exact)} END AS ${id('credit')}`,
        `CASE WHEN ${ok} THEN ${percent} END AS ${id('percent_of_fee')}`,
        `CASE WHEN ${ok} THEN ${cuts} END AS ${id('cuts')}`,
        `${error} AS ${id('error')}`,
      ].join(', ');
    };
    // The recursion computes only years in order: the other rows are added with their error.
    const result = recursive
      ? [
          `SELECT ${out('r', `r.${id('_exact')}`, `r.${id('_cuts')}`, `r.${id('_year_error')}`)} FROM ${id('_run')} r`,
          `SELECT ${out('m', 'CAST(NULL AS DECIMAL(38, 0))', 'CAST(NULL AS VARCHAR)', yearMessage)} FROM ${id('_m')} m WHERE m.${id('_months_bad')}`,
        ].join('\nUNION ALL\n')
      : `SELECT ${out('r', `r.${id('_exact')}`, `r.${id('_cuts')}`, `CASE WHEN r.${id('_months_bad')} THEN ${yearMessage} ELSE r.${id('_year_error')} END`)} FROM ${id('_run')} r`;
    const order = this.options.sorted === false ? '' : `ORDER BY ${keep.length > 0 ? id(keep[0]) : `${id('customer')} NULLS LAST, ${id('month')}`}\n`;
    return `WITH${recursive ? ' RECURSIVE' : ''}\n${parts.map(([name, sql]) => `${id(name)} AS (\n  ${sql}\n)`).join(',\n')}\n${result}\n${order}`;
  }

  /** The rows with each input in the interpreter's unit, and each row's problems. */
  private inputs(): string {
    const table = quoteTableName(this.options.table);
    const given = new Set(this.options.columns ?? this.plan.inputs.map((i) => i.name));
    const columns: string[] = [
      ...(this.options.keep ?? []).map((k) => id(k)),
      `${id('customer')} AS ${id('_customer')}`,
      `CAST(${id('month')} AS INTEGER) AS ${id('_month')}`,
      `CASE WHEN ${id('customer')} IS NULL THEN row_number() OVER () END AS ${id('_solo')}`,
    ];
    const problems: string[] = [];
    // The fee first, as the interpreter reads it.
    const ordered = [...this.plan.inputs].sort((a, b) => Number(b.name === 'fee') - Number(a.name === 'fee'));
    for (const input of ordered) {
      const raw = given.has(input.name) ? id(input.name) : 'NULL';
      const problem = (test: string, message: string) => problems.push(`CASE WHEN ${test} THEN ${quoteLiteral(`\`${input.name}\`: ${message}`)} END`);
      const list = this.listNames.get(input.name);
      if (list) {
        columns.push(`${this.listInput(input, raw, list.scale, problem)} AS ${list.sql}`);
        continue;
      }
      const named = this.inputNames.get(input.name)!;
      const fallback = input.spec.default;
      if (named.type === 'boolean') {
        const value = fallback ? `COALESCE(${raw}, ${fallback.value === 'true' ? 'TRUE' : 'FALSE'})` : raw;
        columns.push(`CAST(${value} AS BOOLEAN) AS ${named.sql}`);
        if (!fallback) problem(`${raw} IS NULL`, 'no value given, and the rules declare no default');
        continue;
      }
      // The value in the interpreter's unit (a percent as a fraction, a duration in seconds); else the default's.
      const converted = this.inUnit(input, raw, named.scale);
      const fallbackValue = fallback && canonical(fallback);
      const value = fallbackValue ? `COALESCE(${converted}, ${cast(constant(fallbackValue.toFixed(), fallbackValue.decimalPlaces()), named.scale)})` : converted;
      columns.push(`${value} AS ${named.sql}`);
      if (!fallback) problem(`${raw} IS NULL`, 'no value given, and the rules declare no default');
      for (const [test, message] of this.valueProblems(input, raw, value)) problem(test, message);
    }
    if (!this.plan.hasFee) columns.push(`${cast('0', INPUT_SCALE)} AS ${id('i_fee')}`);
    columns.push(problems.length === 0 ? `CAST(NULL AS VARCHAR) AS ${id('_error')}` : `NULLIF(concat_ws('; ', ${problems.join(', ')}), '') AS ${id('_error')}`);
    return `SELECT ${columns.join(', ')} FROM ${table}`;
  }

  /** A value of the table (in the input's unit) in the interpreter's: a percent as a fraction, a duration in seconds. */
  private inUnit(input: InputPlan, raw: string, scale: number): string {
    const given6 = cast(raw, INPUT_SCALE);
    const unit = input.kind === 'percent' ? powerOfTen(-2) : input.kind === 'duration' ? constant(String(SECONDS_PER_UNIT[input.unit ?? 'h']), 0) : undefined;
    return unit ? cast(`${given6} * ${unit}`, scale) : given6;
  }

  /** What can be wrong with a value (or a list's item) `raw` of the table, `value` in the interpreter's unit: [test, message]. */
  private valueProblems(input: InputPlan, raw: string, value: string): [string, string][] {
    const found: [string, string][] = [[`${cast(raw, INPUT_SCALE)} <> ${raw}`, `has more than ${INPUT_SCALE} decimal places, which SQL billing does not round`]];
    if (input.name === 'fee') found.push([`${value} <= 0`, 'the fee must be more than zero']);
    if (input.kind === 'duration') found.push([`${value} < 0`, 'a duration cannot be negative']);
    if (input.range) {
      const min = canonical(input.range.min);
      const max = canonical(input.range.max);
      const inUnit = (d: typeof min) => constant(d.toFixed(), d.decimalPlaces());
      found.push([`${value} < ${inUnit(min)} OR ${value} > ${inUnit(max)}`, `outside the allowed range ${literalText(input.range.min)}..${literalText(input.range.max)}`]);
    }
    return found;
  }

  /**
   * A `list of …` input: the table's column is a list (a DuckDB LIST, a
   * PostgreSQL array) of values in the input's unit; here each item in the
   * interpreter's, as a list of DECIMAL(38, scale). NULL takes the declared
   * default items, else none. An item's problems are the row's.
   */
  private listInput(input: InputPlan, raw: string, scale: number, problem: (test: string, message: string) => void): string {
    const item = id('_v');
    const items = (select: string, where = '') => `(SELECT ${select} FROM unnest(${raw}) AS ${id('_items')}(${item})${where})`;
    const converted = this.inUnit(input, item, scale);
    const defaults = (input.spec.defaultItems ?? []).map((literal) => {
      const value = canonical(literal);
      return value.toFixed();
    });
    const d = dialectOf(this.options.dialect);
    if (raw === 'NULL') return d.listLiteral(defaults, decimalType(scale));
    for (const [test, message] of this.valueProblems(input, item, converted)) problem(`EXISTS ${items('1', ` WHERE ${test}`)}`, `an item ${message}`);
    problem(`${items('count(*)')} > ${LIMITS.listItems}`, `at most ${LIMITS.listItems} items a period`);
    return `CASE WHEN ${raw} IS NULL THEN ${d.listLiteral(defaults, decimalType(scale))} ELSE ARRAY${items(converted)} END`;
  }

  /**
   * `count`, `sum`, `max` or `min` of a list input's items, as a subquery
   * over the row's list (`prefix` names the row where it is not the only
   * one). `max` and `min` of no items are NULL: the interpreter stops
   * there. undefined when the name is no list input.
   */
  private aggregate(name: string, call: A.Call, prefix: string): SqlNumber | undefined {
    const list = this.listNames.get(name);
    if (!list) return undefined;
    const over = (select: string) => `(SELECT ${select} FROM unnest(${prefix}${list.sql}) AS ${id('_items')}(${id('_v')}))`;
    const item = id('_v');
    switch (call.name) {
      case 'count':
        return { sql: over(cast('count(*)', 0)), scale: 0 };
      case 'sum':
        return { sql: over(cast(`COALESCE(sum(${item}), 0)`, list.scale)), scale: list.scale };
      case 'max':
      case 'min':
        return { sql: over(cast(`${call.name}(${item})`, list.scale)), scale: list.scale };
      default:
        throw new SqlUnsupported(this.lineOf(call), `\`${call.name}\` of a list is not in the SQL backend`);
    }
  }

  /**
   * Each month's fee (`feeSchedule`): the fee given, or its share of the
   * period when it is given for a longer one.
   */
  private monthlyFee(d: ReturnType<typeof dialectOf>): string {
    const fee = (this.inputNames.get('fee') as SqlNumber | undefined) ?? { sql: id('i_fee'), scale: INPUT_SCALE };
    // A yearly fee's twelfth (or a third, a quarter), rounded half up at TWELFTH_SCALE places: the interpreter
    // keeps 40 significant digits. A twelfth's or third's digits end in a repeating 3 or 6, so both round the
    // same way, and a result that differs would need an amount within 10^-18 of a half cent (docs/billing.md).
    const { num, den } = this.feeRatio;
    const times = num > 1 ? `${num} * ` : '';
    const parts = cast(`2 * ${times}${scaledInteger(fee)} * ${powerOfTen(TWELFTH_SCALE - fee.scale)} + ${den}`, 0);
    const monthly: SqlNumber = this.dividedFee ? fromScaledInteger(d.quotient(parts, constant(String(2 * den), 0)), TWELFTH_SCALE) : num > 1 ? { sql: cast(`${num} * ${fee.sql}`, fee.scale), scale: fee.scale } : fee;
    return monthly.sql;
  }

  /**
   * The columns of the customer's year, as window functions over the row's
   * columns (`row`: `m.` or nothing): its quarter's and year's fees (a
   * contract year has twelve months; months after the run pay the last
   * month's fee), the first month with an error, and whether its months are
   * out of order. A row on its own (no customer) is a run of one month.
   */
  private yearColumns(row: string): string[] {
    const c = (name: string) => `${row}${id(name)}`;
    const year = yearWindow(row, 'all');
    const quarter = yearWindow(row, 'all', true);
    const periods = this.periods;
    const s = this.feeScale;
    const last = `last_value(${c('_fee')}) OVER (${yearWindow(row, 'last')})`;
    // The fees of the window's periods, the periods not given paying the last fee given; none if a fee is missing.
    const feeOver = (window: string, count: number) =>
      `CASE WHEN count(${c('_fee')}) OVER (${window}) = count(*) OVER (${window}) THEN ${cast(`sum(${c('_fee')}) OVER (${window}) + (${count} - count(*) OVER (${window})) * ${last}`, s)} END`;
    const firstBad = `min(CASE WHEN ${c('_error')} IS NOT NULL THEN ${c('_month')} END) OVER (${year})`;
    const columns: string[] = [];
    if (this.feeOf('yearly')) columns.push(`${feeOver(year, periods)} AS ${id('_fee_yearly')}`);
    if (this.feeOf('quarterly')) columns.push(`${this.plan.period !== 'monthly' ? c('_fee') : feeOver(quarter, 3)} AS ${id('_fee_quarterly')}`);
    columns.push(
      `CASE WHEN ${c('_error')} IS NULL AND ${firstBad} IS NOT NULL THEN 'not computed: month ' || CAST(${firstBad} AS VARCHAR) || ${quoteLiteral(" of this customer's contract year has an error")} END AS ${id('_year_error')}`,
      `CASE WHEN ${c('_solo')} IS NOT NULL THEN ${c('_month')} IS NOT NULL ELSE ${this.monthsBad(row, year)} END AS ${id('_months_bad')}`,
    );
    return columns;
  }

  /**
   * Whether a customer's months are other than 1, 2, 3 … n without gap or
   * repeat, n at most a year's periods: over the same window as the fees
   * (no numbering of the rows in order, which would sort them once more).
   * With every month between 1 and the periods, the months are 1 … n
   * exactly when the bits 1 << month, or-ed, are bits 1 … n, n the number of
   * rows: the set is {1 … n}, of n elements, so none repeats.
   */
  private monthsBad(row: string, year: string): string {
    const month = `${row}${id('_month')}`;
    const rows = `CAST(count(*) OVER (${year}) AS INTEGER)`;
    const outside = `bool_or(${month} IS NULL OR ${month} < 1 OR ${month} > ${this.periods}) OVER (${year}) OR ${rows} > ${this.periods}`;
    const bits = `bit_or(CASE WHEN ${month} BETWEEN 1 AND ${this.periods} THEN 1 << ${month} ELSE 0 END) OVER (${year})`;
    return `CASE WHEN ${outside} THEN TRUE ELSE ${bits} <> (1 << (${rows} + 1)) - 2 END`;
  }

  /** Whether a cap is a share of the fee of this period: only then is that fee computed (each is a window over the year). */
  private feeOf(period: 'quarterly' | 'yearly'): boolean {
    return this.caps().some((cap) => cap.kind === 'percent' && cap.period === period);
  }

  /** The `let`s the credits need, grouped by level: each level names only those before it. */
  private lets(): string[][] {
    const needed = new Set<string>();
    const pending: string[] = [];
    const use = (expr: A.Expr) => pending.push(...A.namesIn(expr).map((n) => n.name));
    for (const rule of [...this.rules(), ...this.eachBlocks().flatMap((block) => block.tiers)]) {
      use(rule.condition);
      use(rule.credit);
      if (rule.proportional) [rule.proportional.subject, rule.proportional.threshold, rule.proportional.step].forEach(use);
    }
    for (const cap of this.caps()) use(cap.amount);
    for (const condition of this.plan.payConditions) use(condition.condition);
    if (this.plan.pointRate) use(this.plan.pointRate.amount);
    while (pending.length > 0) {
      const name = pending.pop()!;
      const value = this.plan.values.get(name);
      if (!value || needed.has(name) || AFTER_CREDITS.has(name)) continue;
      needed.add(name);
      use(value.value);
    }
    const level = new Map<string, number>();
    const levelOf = (name: string): number => {
      const known = level.get(name);
      if (known !== undefined) return known;
      // Iterative: a chain of thousands of lets needs no deep recursion.
      const stack = [name];
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        const deps = A.namesIn(this.plan.values.get(top)!.value).map((n) => n.name).filter((n) => needed.has(n));
        const open = deps.find((n) => !level.has(n));
        if (open !== undefined) {
          stack.push(open);
          continue;
        }
        level.set(top, 1 + Math.max(0, ...deps.map((n) => level.get(n)!)));
        stack.pop();
      }
      return level.get(name)!;
    };
    const levels: string[][] = [];
    const ordered = [...needed].map((name) => ({ name, level: levelOf(name) })).sort((a, b) => a.level - b.level);
    for (const { name, level: l } of ordered) {
      const plan = this.plan.values.get(name)!;
      const column = id(`l_${name}`);
      let sql: string;
      if (plan.kind === 'boolean') {
        sql = this.expressions.test(plan.value);
        this.letNames.set(name, { type: 'boolean', sql: column });
      } else {
        const n = this.expressions.number(plan.value);
        sql = n.sql;
        this.letNames.set(name, { type: 'number', sql: column, scale: n.scale });
      }
      (levels[l - 1] ??= []).push(`${sql} AS ${column}`);
    }
    return levels.filter((l) => l !== undefined);
  }

  /** Rules and tiers computed once a row (not those of a `for each` block, computed for each item). */
  private rules(): RulePlan[] {
    return this.plan.credits.flatMap((c) => (c.type === 'rule' ? [c.rule] : c.block.each ? [] : c.block.tiers));
  }

  private eachBlocks(): BlockPlan[] {
    return this.plan.credits.flatMap((c) => (c.type === 'block' && c.block.each ? [c.block] : []));
  }

  private caps(): CapPlan[] {
    return [...this.plan.credits.flatMap((c) => (c.type === 'rule' ? c.rule.caps : [...c.block.tiers.flatMap((t) => t.caps), ...c.block.caps])), ...this.plan.caps];
  }

  /**
   * Each rule's condition (`_h`) and pay before caps (`_p`), each cap's limit
   * (`_c`), as `DecimalMonth` computes them; every amount at one money scale.
   */
  private monthValues(deferred?: CapPlan): { columns: string[]; money: number; deferred?: string } {
    const fee: SqlNumber = { sql: id('_fee'), scale: this.feeScale };
    const fees = { monthly: fee, quarterly: { sql: id('_fee_quarterly'), scale: this.feeScale }, yearly: { sql: id('_fee_yearly'), scale: this.feeScale } };
    const product = (a: SqlNumber, b: SqlNumber): SqlNumber => ({ sql: cast(`${a.sql} * ${b.sql}`, productScale(a.scale, b.scale)), scale: productScale(a.scale, b.scale) });
    let pointValue: SqlNumber | undefined;
    if (this.plan.pointRate) {
      const rate = this.expressions.number(this.plan.pointRate.amount);
      pointValue = this.plan.pointRate.kind === 'percent' ? product(rate, fee) : rate;
    }
    const points = () => pointValue ?? { sql: cast('0', 0), scale: 0 };
    const amounts: { name: string; value: SqlNumber; line: number }[] = [];
    const tests: string[] = [];
    const pays = (rule: RulePlan, expressions: SqlExpressions): SqlNumber => {
      const credit = expressions.number(rule.credit);
      let multiplied = credit;
      if (rule.proportional) multiplied = product(credit, this.steps(rule, expressions));
      const amount = rule.basis === 'percent' ? product(multiplied, fee) : rule.basis === 'points' ? product(notBelowZero(multiplied), points()) : multiplied;
      return notBelowZero(amount);
    };
    for (const rule of this.rules()) {
      tests.push(`${this.expressions.test(rule.condition)} AS ${id(`_h${rule.scope}`)}`);
      amounts.push({ name: `_p${rule.scope}`, value: pays(rule, this.expressions), line: rule.line });
    }
    // A `for each` block: each item's best tier, summed over the items (`eachItem` in plan/semantics.ts).
    const eaches = this.eachBlocks().map((block) => {
      const list = this.listNames.get(block.each!.list)!;
      const item = `${id('_items')}.${id('_v')}`;
      const expressions = new SqlExpressions(
        dialectOf(this.options.dialect),
        (name, at) => (name === block.each!.name ? { type: 'number', sql: item, scale: list.scale } : this.name(name, at)),
        (e) => this.lineOf(e),
        (name, call) => this.aggregate(name, call, ''),
      );
      const tiers = block.tiers.map((tier) => ({ holds: expressions.test(tier.condition), pays: pays(tier, expressions) }));
      for (const line of expressions.divisionLines) this.expressions.divisionLines.add(line);
      return { block, list, tiers };
    });
    const eachScale = Math.max(0, ...eaches.flatMap((e) => e.tiers.map((t) => t.pays.scale)));
    for (const cap of this.caps()) {
      const written = this.expressions.number(cap.amount);
      const limit = cap.kind === 'percent' ? product(written, feeOf(cap.period, fees)) : cap.kind === 'points' ? product(written, points()) : written;
      amounts.push({ name: `_c${cap.id}`, value: limit, line: cap.line });
    }
    const money = Math.max(this.digits, eachScale, ...amounts.map((a) => a.value.scale));
    const tooFine = amounts.find((a) => a.value.scale > 38 - 10);
    if (tooFine) throw new SqlUnsupported(tooFine.line, `this amount needs ${tooFine.value.scale} decimal places; SQL's DECIMAL(38) would leave too few digits for the whole amount`);
    if (money > 38 - 10) throw new SqlUnsupported(eaches[0].block.line, `this amount needs ${money} decimal places; SQL's DECIMAL(38) would leave too few digits for the whole amount`);
    const zero = cast('0', money);
    const sums = eaches.map(({ block, list, tiers }) => {
      // The highest that holds (the first of equals pays the same); none: zero. NULL when a tier that holds is.
      const paid = tiers.map((t) => choose(t.holds, rescale(t.pays, money), zero));
      const best = paid.length === 1 ? paid[0] : `CASE WHEN ${paid.map((p) => `${p} IS NULL`).join(' OR ')} THEN NULL ELSE GREATEST(${paid.join(', ')}) END`;
      // SUM skips a NULL; the interpreter would have stopped there.
      const sum = `(SELECT CASE WHEN count(*) = count(${id('_best')}) THEN ${cast(`COALESCE(sum(${id('_best')}), 0)`, money)} END FROM (SELECT ${best} AS ${id('_best')} FROM unnest(${list.sql}) AS ${id('_items')}(${id('_v')})) AS ${id('_bests')})`;
      return `${sum} AS ${id(`_e${block.scope}`)}`;
    });
    const later = deferred && `_c${deferred.id}`;
    return {
      columns: [...tests, ...amounts.filter((a) => a.name !== later).map((a) => `${rescale(a.value, money)} AS ${id(a.name)}`), ...sums],
      money,
      deferred: later && rescale(amounts.find((a) => a.name === later)!.value, money),
    };
  }

  /** Full or started steps of a proportional credit (`countSteps`), exactly: whole numbers divided. */
  private steps(rule: RulePlan, expressions: SqlExpressions): SqlNumber {
    const p = rule.proportional!;
    const subject = expressions.number(p.subject);
    const threshold = expressions.number(p.threshold);
    const step = expressions.number(p.step);
    const scale = Math.max(subject.scale, threshold.scale, step.scale);
    const [a, b] = p.direction === 'below' ? [threshold, subject] : [subject, threshold];
    const distance = notBelowZero({ sql: cast(`${rescale(a, scale)} - ${rescale(b, scale)}`, scale), scale });
    const D = scaledInteger(distance);
    const S = scaledInteger({ sql: rescale(step, scale), scale });
    const d = dialectOf(this.options.dialect);
    const count = p.rounding === 'full' ? d.quotient(D, S) : d.quotient(cast(`${D} + ${S} - 1`, 0), S);
    const positive = `CASE WHEN ${step.sql} > 0 THEN ${distance.sql} > 0 WHEN ${step.sql} <= 0 THEN FALSE END`;
    return { sql: `CASE ${positive} WHEN TRUE THEN ${count} WHEN FALSE THEN ${cast('0', 0)} END`, scale: 0 };
  }

  /**
   * The credit's share of the month's fee in percent, rounded half up to 10
   * places as `percentString` does: whole numbers divided, (2N + D) div 2D.
   */
  private percent(d: ReturnType<typeof dialectOf>, exact: string, row: string, money: number): string {
    const total = scaledInteger({ sql: exact, scale: money });
    // A yearly fee's month is exactly its twelfth: exact / (fee / 12) = 12 · exact / fee, without the twelfth's rounding.
    const { num, den } = this.feeRatio;
    const fee = this.dividedFee ? { sql: num > 1 ? cast(`${num} * ${row}.${id('i_fee')}`, INPUT_SCALE) : `${row}.${id('i_fee')}`, scale: INPUT_SCALE } : { sql: `${row}.${id('_fee')}`, scale: this.feeScale };
    const times = this.dividedFee ? `${den} * ` : '';
    // exact / fee × 100 × 10^10 = T·10^(feeScale + 12 − money) / F, with T and F the scaled whole numbers.
    const shift = fee.scale + 2 + PERCENT_SCALE - money;
    const F = scaledInteger(fee);
    const N = cast(`${times}${shift >= 0 ? `${total} * ${powerOfTen(shift)}` : total}`, 0);
    const D = shift >= 0 ? F : cast(`${F} * ${powerOfTen(-shift)}`, 0);
    const whole = d.quotient(cast(`2 * ${N} + ${D}`, 0), cast(`2 * ${D}`, 0));
    // The same as exact × 100 × 10^10 (× den) / fee rounded half up: a dialect may take a shorter way, which needs
    // exact ≥ 0 (a credit is never below zero) and fee > 0 (a fee at or below zero is the row's error).
    const q = d.halfUpQuotient({ sql: exact, scale: money }, `${this.dividedFee ? den : 1}${'0'.repeat(2 + PERCENT_SCALE)}`, fee, whole);
    return fromScaledInteger(q, PERCENT_SCALE).sql;
  }

  /**
   * The `pay only if` conditions in order, the first that fails deciding
   * (`month` in plan/semantics.ts): their names read from the month's row
   * `m`, `total_credit` as paid and `total_credit_percent` as the exact
   * credit's share of the period's fee (exact, or NULL: not computable here).
   */
  private payable(money: number): PaySql {
    const d = dialectOf(this.options.dialect);
    const usesShare = this.plan.payConditions.some((c) => A.namesIn(c.condition).some((n) => n.name === 'total_credit_percent'));
    const fee: SqlNumber = { sql: `m.${id('_fee')}`, scale: this.feeScale };
    return {
      share: usesShare ? (exact) => (this.plan.hasFee ? this.expressions.divide({ sql: exact, scale: money }, fee, this.plan.payConditions[0].line).sql : cast('0', 0)) : undefined,
      test: (paid, share, exact) => {
        const expressions = new SqlExpressions(
          d,
          (name, at) => {
            if (name === 'total_credit') return { type: 'number', sql: paid, scale: this.digits };
            if (name === 'total_credit_percent') return { type: 'number', sql: share ?? cast('0', 0), scale: this.plan.hasFee ? this.shareScale(money) : 0 };
            const found = this.name(name, at);
            return { ...found, sql: `m.${found.sql}` };
          },
          (e) => this.lineOf(e),
          (name, call) => this.aggregate(name, call, 'm.'),
          this.plan.hasFee ? { name: 'total_credit_percent', amount: { sql: exact, scale: money }, fee } : undefined,
        );
        const tests = this.plan.payConditions.map((c) => expressions.test(c.condition));
        for (const line of expressions.divisionLines) this.expressions.divisionLines.add(line);
        return tests.reduceRight((rest, test) => choose(test, rest, 'FALSE'), 'TRUE');
      },
    };
  }

  /** The scale of `total_credit_percent`: the quotient's, as `divide` plans it. */
  private shareScale(money: number): number {
    return this.expressions.quotientScale(money, this.feeScale);
  }

  private uncomputable(): string {
    const lines = [...this.expressions.divisionLines].sort((a, b) => a - b);
    const where = lines.length > 0 ? `a division (line${lines.length > 1 ? 's' : ''} ${lines.join(', ')})` : 'a division';
    return `not computed exactly in SQL: ${where} by zero or without an exact decimal quotient; credit-rules batch computes it`;
  }
}

function inputScale(input: InputPlan): number {
  return input.kind === 'percent' ? INPUT_SCALE + 2 : INPUT_SCALE;
}

