/**
 * Why a result is what it is, in words a visitor reads (English, German):
 * "Your monthly availability of 99.95% meets the 99.9% target, so no credit
 * is due." Built from the checked rules (conditions, tiers, caps, `pay only
 * if`, `for each`), the values the result was computed from, their labels,
 * and the result with its explanation steps. The values are read as
 * `evaluate` reads them (`readInputs`), and whether a part of a condition
 * holds is decided by the evaluator's own compiled expressions: the words
 * restate the language's meaning and never keep a copy of it. Where a
 * condition is more than comparisons of names and literals, the part is
 * quoted as written; the exact step-by-step trace stays in the result's
 * `explanation`. The same words say a rule's or tier's condition without
 * values, for the breakdown (`conditionsInWords`).
 *
 * An input is named by its label in quotes, after a noun that fixes the
 * grammar: "your value of 350 for “Tickets resolved”", "Ihr Wert für
 * „Gelöste Tickets“ von 350". A label's number and gender cannot be told
 * from its text, so no verb or possessive ever agrees with the label itself.
 * The words of each language are in `why-phrases.ts`.
 */
import { labelIn, type Block, type CompareOp, type Comparison, type Expr, type Kind, type Rule, type Translations } from '../ast.js';
import { canonical, Decimal, plain } from '../decimal.js';
import { displayOf } from '../evaluate/displays.js';
import { compileExpr, EvaluationStop, type Compiled, type Env } from '../evaluate/expressions.js';
import { durationUnit, isList, readInputs, type InputValues, type Value } from '../evaluate/inputs.js';
import type { CapCut, CreditLine, Display, EvaluationResult, MonthResult } from '../evaluate/results.js';
import { parseQuantity, SECONDS_PER_UNIT } from '../literals.js';
import type { InputInfo, PrecompiledProgram } from '../program.js';
import { formatMoney, formatPercent, formatQuantity, type Lang } from './format.js';
import { capital, phrasesIn, type Order, type Phrases } from './why-phrases.js';

export interface WhyContext {
  /** The checked rules: `program.toJSON()`. */
  readonly program: Pick<PrecompiledProgram, 'ast' | 'source' | 'inputs' | 'values' | 'currency'>;
  /** The program's inputs (`program.inputs`): their labels. */
  readonly inputs: readonly InputInfo[];
  /** The values the result was computed from, as given to `evaluate` (a list per period in a year). */
  readonly values: InputValues;
  readonly lang: Lang;
  readonly currency?: string;
  /** What the program pays (`payout "bonus"`), in this language; a credit otherwise. */
  readonly paid?: string;
}

/**
 * The condition of each rule and tier in words, as written and without
 * values ("your value for “Uptime” is below 99.9%"), by the line the rule or
 * tier is on (`CreditLine.line`, `TierOutcome.line`): what the breakdown
 * shows. Undefined where a part is more than comparisons of names and
 * literals; the caller shows the rule text instead. Each line is worded once.
 */
export function conditionsInWords(ctx: Omit<WhyContext, 'values' | 'paid'>): (line: number) => string | undefined {
  let w: Words | undefined;
  const memo = new Map<number, string | undefined>();
  return (line) => {
    if (!memo.has(line)) {
      let words: string | undefined;
      // Words are a courtesy: the rule text stays where they fail (a precompiled program is data from elsewhere).
      try {
        w ??= new Words(ctx);
        words = w.condition(line);
      } catch {}
      memo.set(line, words);
    }
    return memo.get(line);
  };
}

/** The sentences that say why, in reading order. Text with `backticks` marks rule text quoted as written. */
export function whyInWords(result: EvaluationResult, ctx: WhyContext): string[] {
  // Without credits (an ROI calculator) the outputs are the result: the trace says how they were computed.
  if (result.credits.length === 0) return [];
  const w = new Words(ctx);
  if (result.mode !== 'year') return w.period(result, w.lookup(result, 0));
  const sentences = result.periods.flatMap((period, index) => {
    const heading = w.p.periodName(w.programPeriod, index + 1, result.periods.length);
    return w.period(period, w.lookup(period, index), true).map((s) => `${heading}: ${s}`);
  });
  sentences.push(w.p.year(w.dueOrNone(result.credit.amount, result.credit.percentOfFee, 'year')));
  return sentences;
}

/** How a value reads, in the nominative and, where it differs (German days), the dative. */
interface Shown {
  readonly shown: string;
  /** As shown after a German preposition ("innerhalb von 2 Tagen"), where that differs. */
  readonly dative?: string;
}

/** A value as the evaluator holds it, and as a reader sees it. */
interface Known extends Shown {
  readonly value: Value;
  readonly kind: Display['kind'];
}

type Lookup = (name: string) => Known | undefined;

/** How many credits' sentences a period says at most: a program of thousands of rules is counted, not read out. */
export const CREDITS_SAID = 50;

class Words {
  readonly p: Phrases;
  readonly programPeriod: 'monthly' | 'quarterly' | 'yearly';
  readonly #statements: PrecompiledProgram['ast']['statements'];
  readonly #lines: number[] = [];
  /** The values as `evaluate` read them: one map per period of the run. */
  readonly #read: readonly ReadonlyMap<string, Value>[];
  readonly #currency: string | undefined;
  #rules?: Map<number, Rule>;
  /** The rules and blocks by the line they start on; and every name's label. Found once: a program may have thousands of rules. */
  #credits?: Map<number, Rule | Block>;
  #labels?: Map<string, string>;
  #inputSpecs?: Map<string, PrecompiledProgram['inputs'][number]>;
  #valueKinds?: Map<string, Kind>;
  /** The phrases that are groups of alternatives: said last among the parts of an `and`, where their list cannot blur into the next part. */
  readonly #groups = new Set<string>();
  /** The same words after "if" (`pay only if`), for a condition as written: German puts the verb last there. */
  #afterIf?: Words;
  /** For words after "if": the words of a main clause, for the items of a group's list, which follows a colon. */
  #mainClauses?: Words;

  constructor(private readonly ctx: Omit<WhyContext, 'values'> & { readonly values?: InputValues }, order: Order = 'main') {
    this.p = phrasesIn(ctx.lang, order);
    this.#statements = ctx.program.ast.statements;
    const period = this.#statements.find((s) => s.type === 'period');
    this.programPeriod = period?.type === 'period' ? period.period : 'monthly';
    for (let i = ctx.program.source.indexOf('\n'); i !== -1; i = ctx.program.source.indexOf('\n', i + 1)) this.#lines.push(i);
    // The result was computed from these values, so they read without problems; a value that does not is not known.
    const read = ctx.values && readInputs(ctx.program.inputs, ctx.values, ctx.program.currency ?? ctx.currency, this.programPeriod);
    this.#read = read ? read.months : [];
    this.#currency = read?.currency ?? ctx.program.currency ?? ctx.currency;
  }

  /** The condition of the rule or tier on `line`, as written, in words without values. */
  condition(line: number): string | undefined {
    // Found by line once for all: a block may have thousands of tiers.
    this.#rules ??= new Map(this.#statements.flatMap((s) => (s.type === 'rule' ? [s] : s.type === 'block' ? s.rules : [])).map((r) => [this.#line(r.span.start), r]));
    const rule = this.#rules.get(line);
    const parts = rule && this.#decisive(rule.condition, true);
    return parts && capital(this.p.join(parts, 'and'));
  }

  /** What the rules know by name in one period (0 for a month): as the evaluator's month, the fee, the inputs, the `let`s. */
  lookup(result: MonthResult, period: number): Lookup {
    const memo = new Map<string, Known | undefined>();
    return (name) => {
      if (!memo.has(name)) memo.set(name, this.#known(name, result, this.#read[period]));
      return memo.get(name);
    };
  }

  #known(name: string, result: MonthResult, read: ReadonlyMap<string, Value> | undefined): Known | undefined {
    // The fee of the period, as the evaluator knows it (`fee 12000 EUR yearly` is 1000 EUR a month).
    if (name === 'fee' && result.fee !== null) return { value: new Decimal(result.fee), shown: this.#money(result.fee), kind: 'money' };
    this.#inputSpecs ??= new Map(this.ctx.program.inputs.map((i) => [i.name, i]));
    const input = this.#inputSpecs.get(name);
    if (input) {
      const value = read?.get(name);
      if (value === undefined) return undefined;
      // A duration in the unit its field asks for ("90.5 minutes"), where that is exact to a reader.
      if (input.kind === 'duration' && Decimal.isDecimal(value)) {
        const unit = durationUnit(input);
        const inUnit = value.div(SECONDS_PER_UNIT[unit]);
        if (inUnit.decimalPlaces() <= 10) return { value, kind: 'duration', ...this.#words({ kind: 'duration', value: plain(inUnit), unit }) };
      }
      return this.#shown(value, input.kind);
    }
    // A `let` or output: the value the evaluation computed, read back in its kind.
    this.#valueKinds ??= new Map(this.ctx.program.values.map((v) => [v.name, v.kind]));
    const kind = this.#valueKinds.get(name);
    const computed = result.values[name] ?? result.outputs[name];
    const q = computed === undefined ? undefined : parseQuantity(computed);
    if (!kind || !q || q.kind === 'points') return undefined;
    if (q.kind === 'boolean') return this.#shown(q.value === 'true', 'boolean');
    return this.#shown(canonical(q.kind === 'number' && kind !== 'number' ? { ...q, kind } : q), kind);
  }

  #shown(value: Value, kind: Kind): Known {
    const display = displayOf(value, kind, this.#currency);
    return { value, kind: display.kind, ...this.#words(display) };
  }

  #words(q: Parameters<typeof formatQuantity>[0]): Shown {
    const shown = formatQuantity(q, this.ctx.lang, this.ctx.currency);
    const dative = formatQuantity(q, this.ctx.lang, this.ctx.currency, 'dat');
    return { shown, ...(dative !== shown ? { dative } : {}) };
  }

  /** The sentences of one month or period; `inYear` leaves the total to the year's sentence. */
  period(result: MonthResult, lookup: Lookup, inYear = false): string[] {
    const credits = this.#statements.filter((s): s is Rule | Block => s.type === 'rule' || s.type === 'block');
    this.#credits ??= new Map(credits.map((s) => [this.#line(s.span.start), s]));
    const several = result.credits.length > 1;
    const sentences: string[] = [];
    // Of many credits, those that apply are said (at most `CREDITS_SAID`), the rest counted.
    const applying = result.credits.length > CREDITS_SAID ? result.credits.filter((line) => line.matched) : undefined;
    const said = applying && new Set(applying.slice(0, CREDITS_SAID));
    result.credits.forEach((line, i) => {
      if (said && !said.has(line)) return;
      const statement = this.#credits!.get(line.line) ?? credits[i];
      if (!statement) return;
      sentences.push(this.#credit(statement, line, result.fee, lookup, several));
      for (const cut of line.cuts) sentences.push(this.#cut(cut, false));
    });
    if (applying && said) sentences.push(this.p.rest(applying.length - said.size, result.credits.length - applying.length, said.size > 0));
    for (const cut of result.cuts) sentences.push(this.#cut(cut, true));
    const unpaid = result.explanation.some((s) => s.kind === 'not-paid');
    if (unpaid) {
      // `total_credit` as `pay only if` reads it: the credits after every cap.
      const total = result.credits.reduce((sum, c) => sum.plus(c.amount), new Decimal(0)).minus(result.cuts.reduce((sum, c) => sum.plus(c.cut), new Decimal(0)));
      const credit: Known = { value: total, shown: this.#money(total.toFixed()), kind: 'money' };
      const withTotal: Lookup = (name) => (name === 'total_credit' ? credit : lookup(name));
      for (const payIf of this.#statements) {
        if (payIf.type !== 'pay-if' || truth(payIf.condition, withTotal) === true) continue;
        sentences.push(this.p.notPaid(this.#payCondition(payIf.condition), this.#reasons(payIf.condition, false, withTotal)));
      }
    }
    if (!inYear && (several || result.cuts.length || unpaid)) {
      sentences.push(this.p.total(this.dueOrNone(result.credit.amount, result.credit.percentOfFee, 'period')));
    }
    return sentences;
  }

  /** "a credit of 100.00 EUR (10% of the monthly fee) is due" or "no credit is due". */
  dueOrNone(amount: string, percent: string | null, of: 'period' | 'year'): string {
    if (new Decimal(amount).isZero()) return this.p.none(this.ctx.paid);
    const share = percent === null ? undefined : formatPercent(roundShare(percent), this.ctx.lang);
    return this.p.due(this.ctx.paid, this.#money(amount), share, of === 'year' ? 'year' : this.programPeriod);
  }

  #credit(statement: Rule | Block, line: CreditLine, fee: string | null, lookup: Lookup, several: boolean): string {
    // What the credit comes to before its caps: the cap's sentence that follows says what they leave.
    const amount = line.cuts[0]?.before ?? line.amount;
    const share = line.cuts.length === 0 ? line.percentOfFee : fee && !new Decimal(fee).isZero() ? new Decimal(amount).div(fee).times(100).toFixed() : null;
    const consequence = several
      ? this.p.adds(new Decimal(amount).isZero() ? undefined : this.#money(amount))
      : this.dueOrNone(amount, share, 'period');
    if (statement.type === 'rule') {
      return this.p.sentence(undefined, this.#reasons(statement.condition, line.matched, lookup), consequence);
    }
    const name = labelIn(statement.label, statement.translations, this.ctx.lang) ?? line.name;
    if (statement.each) return this.p.sentence(several ? name : undefined, this.#each(statement, lookup), consequence);
    const winner = line.winner !== undefined && line.tiers ? line.tiers[line.winner] : undefined;
    // The tier that applies says why; with none, the first as written (the mildest, in the usual order).
    const tier = (winner && statement.rules.find((r) => this.#line(r.span.start) === winner.line)) ?? statement.rules[0];
    return this.p.sentence(several ? name : undefined, tier ? this.#reasons(tier.condition, !!winner, lookup) : '', consequence);
  }

  /** "2 of your 3 entries of “P1 response time” qualify": each item through the block's tiers. */
  #each(block: Block, lookup: Lookup): string {
    const each = block.each!;
    const input = this.ctx.inputs.find((i) => i.name === each.list);
    const list = lookup(each.list)?.value;
    const items = list !== undefined && isList(list) ? list : [];
    const label = input ? this.#label(input) : each.list;
    // Counting is a comparison per item and tier: past a bound (1,000 items of thousands of tiers) the items are not counted.
    if (items.length * block.rules.length > COUNT_BOUND) return this.p.items(items.length, label, undefined);
    const kind = this.ctx.program.inputs.find((i) => i.name === each.list)?.kind ?? 'number';
    let counted = 0;
    for (const value of items) {
      // The item is known by its name before anything else, as the evaluator binds it.
      const item = this.#shown(value, kind);
      const withItem: Lookup = (name) => (name === each.name ? item : lookup(name));
      const holds = block.rules.map((r) => truth(r.condition, withItem));
      if (holds.some((h) => h === undefined)) return this.p.items(items.length, label, undefined);
      if (holds.some(Boolean)) counted++;
    }
    return this.p.items(items.length, label, counted);
  }

  #cut(cut: CapCut, all: boolean): string {
    const cap = cut.cap.kind === 'percent'
      ? this.p.ofFee(formatPercent(cut.cap.value, this.ctx.lang))
      : formatQuantity(cut.cap, this.ctx.lang, this.ctx.currency);
    const already = new Decimal(cut.alreadyCredited).isZero() ? undefined : this.#money(cut.alreadyCredited);
    return this.p.capped(all, `${cap}${this.p.per[cut.period]}`, this.#money(cut.after), this.#money(cut.before), already);
  }

  /** A `pay only if` condition as written, in words after "if" where they can say it, as the breakdown's; else the rule text. */
  #payCondition(condition: Expr): { words: string } | { rule: string } {
    const { values: _, ...asWritten } = this.ctx;
    const w = (this.#afterIf ??= new Words(asWritten, 'after-if'));
    w.#mainClauses ??= new Words(asWritten);
    const parts = w.#decisive(condition, true);
    return parts ? { words: w.p.join(parts, 'and') } : { rule: this.#quote(condition) };
  }

  /**
   * Why `condition` holds (or not): the parts that decide it, in words —
   * all parts of an `and` that holds, the failing ones of one that does not.
   */
  #reasons(condition: Expr, holds: boolean, lookup: Lookup): string {
    const parts = this.#decisive(condition, holds, lookup);
    return parts ? this.p.join(parts, 'and') : this.p.quoted(this.#quote(condition), holds);
  }

  /**
   * The phrases, all needed, that make `e` come out as `holds`; undefined when a part cannot be put in words.
   * Without `lookup` (no values: a condition as written) every side of an `and` and `or` is said.
   * `nested`: inside an `and`, where alternatives are a group ("at least one of these holds: …").
   */
  #decisive(e: Expr, holds: boolean, lookup?: Lookup, nested = false): string[] | undefined {
    if (e.type === 'unary' && e.op === 'not') return this.#decisive(e.operand, !holds, lookup, nested);
    if (e.type === 'binary' && (e.op === 'and' || e.op === 'or')) {
      const sides = [e.left, e.right];
      // An `and` that holds, or an `or` that fails: every side counts. Otherwise the sides that decided.
      const all = (e.op === 'and') === holds;
      const deciding = all || !lookup ? sides : sides.filter((s) => truth(s, lookup) === holds);
      if (deciding.length === 0) return undefined;
      const phrases = deciding.map((s) => this.#decisive(s, holds, lookup, all || nested));
      if (phrases.some((p) => p === undefined)) return undefined;
      if (all || phrases.length === 1) {
        // Groups of alternatives last, where their lists end with the part; several joined so that each list is closed.
        const parts = phrases.flat() as string[];
        const plain = parts.filter((p) => !this.#groups.has(p));
        const groups = parts.filter((p) => this.#groups.has(p));
        if (groups.length < 2) return [...plain, ...groups];
        const together = this.p.groups(groups);
        this.#groups.add(together);
        return [...plain, together];
      }
      // Alternatives: "A or B"; a group where they would blur into other parts ("at least one of these holds: A and B, or C").
      // A group inside another's list would have no end a reader can see: the rule text says it better.
      if (phrases.some((p) => p!.some((part) => this.#groups.has(part)))) return undefined;
      const group = nested || phrases.some((p) => p!.length > 1);
      // After "if", a group's list follows its colon as main clauses (German: „…: „Wartung“ trifft zu oder …“).
      const items = group && this.#mainClauses ? deciding.map((s) => this.#mainClauses!.#decisive(s, holds, lookup, all || nested)) : phrases;
      if (items.some((p) => p === undefined)) return undefined;
      const said = this.p.alternatives(items as string[][], group);
      if (group) this.#groups.add(said);
      return [said];
    }
    if (e.type === 'name' && e.kind === 'boolean') return [this.p.flag(this.#labelOfName(e.name), holds)];
    if (e.type !== 'compare') return undefined;
    // `announced = false` is "not announced": said as the switch it is, not as a value that equals "no".
    const literal = e.operands.find((o) => o.type === 'literal' && o.kind === 'boolean');
    const flag = e.operands.find((o) => o.type === 'name' && o.kind === 'boolean');
    if (e.ops.length === 1 && literal?.type === 'literal' && flag) return this.#decisive(flag, (literal.value === 'true') === (e.ops[0] === '=') === holds, lookup);
    return this.#comparisons(e, holds, lookup);
  }

  /** A comparison (or a chain of them) with a name on one side and a known value (or, without values, a name) on the other, in words. */
  #comparisons(chain: Comparison, holds: boolean, lookup?: Lookup): string[] | undefined {
    const { operands, ops } = chain;
    // A chain as written that fails fails at one bound or another: "… or …", which one subject's predicates do not say.
    if (!lookup && !holds && ops.length > 1) return undefined;
    const each = pairsOf(chain);
    // Grouped by what each pair is about, so a chain reads "… of 92% reaches 90% and is below 95%".
    const bySubject = new Map<string, { value: string | undefined; predicates: string[] }>();
    for (let i = 0; i < ops.length; i++) {
      let [left, right, op] = [operands[i], operands[i + 1], ops[i]];
      // The name is what the sentence is about: `99% <= availability` reads as `availability >= 99%`.
      if (left.type !== 'name' && right.type === 'name') [left, right, op] = [right, left, FLIPPED[op]];
      if (left.type !== 'name') return undefined;
      const subject = lookup?.(left.name);
      const threshold = this.#value(right, lookup);
      if ((lookup && !subject) || !threshold) return undefined;
      const pairHolds = lookup ? truth(each[i], lookup) : holds;
      if (pairHolds === undefined) return undefined;
      // A chain that fails fails at one pair: only that one is said.
      if (!holds && pairHolds) continue;
      const said = bySubject.get(left.name) ?? { value: subject && (subject.dative ?? subject.shown), predicates: [] };
      said.predicates.push(this.p.predicate(op, { shown: threshold.shown, dative: threshold.dative ?? threshold.shown }, pairHolds, ops.length > 1));
      bySubject.set(left.name, said);
    }
    const phrases = [...bySubject].map(([name, { value, predicates }]) => this.p.compared(this.#subject(name, value), predicates));
    return phrases.length ? phrases : undefined;
  }

  /** A threshold: a literal, or a name's value; without values, the name itself ("the fee", “Target”). */
  #value(e: Expr, lookup?: Lookup): Shown | undefined {
    if (e.type === 'literal') return this.#words(e);
    if (e.type !== 'name') return undefined;
    if (lookup) return lookup(e.name);
    const [shown, dative] = this.p.builtins[e.name] ?? [this.p.quote(this.#labelOfName(e.name))];
    return { shown, ...(dative ? { dative } : {}) };
  }

  /** Who the sentence is about, with its value where known: "your value of 99.5% for “Uptime”", "the credit". */
  #subject(name: string, value: string | undefined): string {
    const builtin = this.p.builtins[name]?.[0];
    return builtin ? this.p.the(builtin, value) : this.p.your(this.p.quote(this.#labelOfName(name)), value);
  }

  /** An input's or value's label; a `for each` item is named by its list's. */
  #labelOfName(name: string): string {
    this.#labels ??= this.#labelsByName();
    return this.#labels.get(name) ?? name;
  }

  #labelsByName(): Map<string, string> {
    const labels = new Map<string, string>();
    for (const named of [...this.ctx.inputs, ...(this.ctx.program.values ?? [])]) if (!labels.has(named.name)) labels.set(named.name, this.#label(named));
    const items = new Map<string, string>();
    for (const s of this.#statements) {
      if (s.type === 'block' && s.each && !items.has(s.each.name)) items.set(s.each.name, labels.get(s.each.list) ?? s.each.list);
    }
    for (const [item, label] of items) labels.set(item, label);
    return labels;
  }

  #label(input: { name: string; label?: string; translations?: Translations }): string {
    return labelIn(input.label, input.translations, this.ctx.lang) ?? input.name;
  }

  #money(amount: string): string {
    return formatMoney(amount, this.ctx.currency, this.ctx.lang);
  }

  #quote(e: Expr): string {
    return this.ctx.program.source.slice(e.span.start, e.span.end);
  }

  /** The 1-based line of a source offset. */
  #line(offset: number): number {
    let lo = 0;
    let hi = this.#lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#lines[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}

/** The most item × tier comparisons `for each` counting makes: a few milliseconds. */
const COUNT_BOUND = 20_000;

const FLIPPED: Record<CompareOp, CompareOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' };

/** Each condition compiled once, by the evaluator's compiler. */
const compiled = new WeakMap<Expr, Compiled>();

/** A name the period does not know (a `let` the result left out): the part is quoted instead. */
const NOT_KNOWN = new Error('not known in this period');

/** Whether a condition holds with the values of `lookup`, as the evaluator decides it; undefined where a name is not known. */
function truth(e: Expr, lookup: Lookup): boolean | undefined {
  const env: Env = {
    value(name) {
      const known = lookup(name);
      if (known === undefined) throw NOT_KNOWN;
      return known.value;
    },
  };
  try {
    let condition = compiled.get(e);
    if (!condition) compiled.set(e, (condition = compileExpr(e)));
    const value = condition(env);
    return typeof value === 'boolean' ? value : undefined;
  } catch (error) {
    if (error === NOT_KNOWN || error instanceof EvaluationStop) return undefined;
    throw error;
  }
}

const pairs = new WeakMap<Comparison, readonly Comparison[]>();

/** A chain's comparisons one by one, as it means them: `90% <= csat < 95%` is `90% <= csat` and `csat < 95%`. */
function pairsOf(chain: Comparison): readonly Comparison[] {
  let found = pairs.get(chain);
  if (!found) pairs.set(chain, (found = chain.ops.map((op, i) => ({ ...chain, operands: [chain.operands[i], chain.operands[i + 1]], ops: [op] }))));
  return found;
}

/** A share in percent points for reading: at most two decimals. */
function roundShare(value: string): string {
  const [, frac = ''] = value.split('.');
  return frac.length <= 2 ? value : new Decimal(value).toDecimalPlaces(2).toFixed();
}
