/**
 * Kinds and units: every expression gets its kind (percent, money, duration,
 * number, boolean, points), and every statement is checked for what it needs
 * — a condition that is true or false, a credit that is a share, money or
 * points, caps and rates of the right kind, declarations whose defaults fit,
 * examples that name real inputs. All before anything runs.
 */
import * as A from '../ast.js';
import { Decimal, canonical } from '../decimal.js';
import type { Problem } from '../diagnostics.js';
import { combined, joined, usesFee } from '../kind-rules.js';
import { LIMITS } from '../limits.js';
import { problems } from '../problems.js';
import { effectiveRange } from './implied.js';
import type { Scope } from './names.js';
import { SUGGESTION_BUDGET, Suggester, type Budget } from '../suggest.js';
import type { InputSpec, ValueSpec } from './program.js';

const kindNames: Record<A.Kind, string> = {
  percent: 'a percentage',
  money: 'money',
  duration: 'a duration',
  number: 'a number',
  boolean: 'true or false',
  points: 'points',
};

export const describeKind = (kind: A.Kind) => kindNames[kind];
/** percent and number are both plain ratios; a declaration may turn one into the other (0.25 is 25%). */
const convertible = (from: A.Kind, to: A.Kind) => joined(from, to) !== undefined;

export interface KindFacts {
  readonly currency?: string;
  readonly inputs: InputSpec[];
  readonly values: ValueSpec[];
}

export class KindChecker {
  private currency?: string;
  private hasFee = true;
  /** The program's evaluation period: no cap may be shorter, and a year holds 12, 4 or 1 of them. */
  private period: A.Period = 'monthly';
  /** Did-you-mean for examples, made when first needed, within one budget. */
  private readonly suggestions: Budget = { cells: SUGGESTION_BUDGET };
  private inputNames?: Suggester;
  private valueNames?: Suggester;

  constructor(
    private readonly text: string,
    private readonly scope: Scope,
    private readonly found: Problem[],
  ) {}

  private show(expr: A.Expr): string {
    return `\`${this.text.slice(expr.span.start, expr.span.end)}\``;
  }

  private showWithKind(expr: A.Expr, kind: A.Kind): string {
    return `${this.show(expr)} (${describeKind(kind)})`;
  }

  check(ast: A.ProgramAst): KindFacts {
    this.currency = this.findCurrency(ast);
    this.period = A.programPeriod(ast);
    const hasRate = ast.statements.some((s) => s.type === 'point-rate');
    const values: ValueSpec[] = [];
    for (const statement of ast.statements) {
      switch (statement.type) {
        case 'rule':
          this.rule(statement, hasRate);
          break;
        case 'block':
          statement.caps.forEach((c) => this.cap(c, hasRate));
          if (statement.each) this.bindItem(statement.each);
          for (const tier of statement.rules) {
            this.rule(tier, hasRate);
            if (statement.pool === 'points' && tier.credit.kind && tier.credit.kind !== 'points') {
              this.found.push(problems.kindMismatch(`a \`points\` block credits points (such as \`2 points\`), but this tier credits ${describeKind(tier.credit.kind)}`, tier.credit.span));
            }
          }
          if (statement.each && this.scope.get(statement.each.name)?.role === 'item') this.scope.delete(statement.each.name);
          break;
        case 'cap':
          this.cap(statement.cap, hasRate);
          break;
        case 'point-rate': {
          const kind = this.kindOf(statement.rate);
          if (kind && kind !== 'money' && kind !== 'percent') this.found.push(problems.badPointRate(describeKind(kind), statement.rate.span));
          break;
        }
        case 'let':
        case 'output': {
          const value = this.declaredValue(statement);
          if (value) values.push(value);
          break;
        }
        case 'fee':
          if (!new Decimal(statement.amount.value).gt(0) || statement.amount.negative) {
            this.found.push(problems.badDeclaration('the fee must be more than zero', statement.amount.span));
          }
          break;
        case 'input':
          this.input(statement);
          break;
        case 'claim':
          if (!canonical(statement.within).gt(0)) this.found.push(problems.badDeclaration('the claim period must be longer than zero', statement.within.span));
          else if (statement.measure && !new Decimal(statement.within.value).isInteger()) {
            this.found.push(problems.badDeclaration(`a claim period in ${statement.measure === 'months' ? 'months' : 'business days'} is a whole number`, statement.within.span));
          }
          break;
        case 'pay-if': {
          const kind = this.kindOf(statement.condition);
          if (kind && kind !== 'boolean') this.found.push(problems.notACondition(describeKind(kind), statement.condition.span));
          break;
        }
        case 'payout':
          break;
        case 'example':
          break;
      }
    }
    this.hasFee = !this.scope.get('fee')?.implicit || usesFee(ast);
    for (const statement of ast.statements) if (statement.type === 'example') this.example(statement);
    return { ...(this.currency ? { currency: this.currency } : {}), inputs: this.inputs(ast), values };
  }

  /** The program's one currency: the fee's, else the first written; any other is an error. */
  private findCurrency(ast: A.ProgramAst): string | undefined {
    const literals: A.Literal[] = [];
    const collect = (e: A.Expr) => {
      if (e.type === 'literal' && e.kind === 'money') literals.push(e);
      A.children(e).forEach(collect);
    };
    const fee = ast.statements.find((s): s is A.FeeDecl => s.type === 'fee');
    if (fee) literals.push(fee.amount);
    for (const s of ast.statements) {
      if (s.type === 'input') [s.default, s.range?.min, s.range?.max, s.step].forEach((l) => l && collect(l));
      A.expressionsOf(s).forEach(({ expr }) => collect(expr));
    }
    const currency = literals[0]?.currency;
    // Examples follow the rules' currency, but do not set it: a quick sketch takes its currency from the fee given.
    if (currency) {
      for (const s of ast.statements) {
        if (s.type === 'example') [...s.givens.flatMap((g) => g.values), ...s.expectations.map((e) => e.value)].forEach(collect);
      }
    }
    for (const literal of literals) {
      if (literal.currency && literal.currency !== currency) {
        this.found.push(problems.mixedCurrency(literal.currency, currency ?? '', literal.span));
      }
    }
    return currency;
  }

  /** The kind of an expression, or undefined after an error (already reported: no cascades). */
  kindOf(expr: A.Expr): A.Kind | undefined {
    const kind = this.infer(expr);
    if (kind) (expr as { kind?: A.Kind }).kind = kind;
    return kind;
  }

  private infer(expr: A.Expr): A.Kind | undefined {
    switch (expr.type) {
      case 'literal': return expr.kind;
      case 'invalid': return undefined;
      case 'name': {
        const symbol = this.scope.get(expr.name);
        if (symbol?.list) {
          this.found.push(problems.listMisused(expr.name, expr.span));
          return undefined;
        }
        return symbol?.kind;
      }
      case 'unary': {
        const kind = this.kindOf(expr.operand);
        if (!kind) return undefined;
        if (expr.op === 'not') {
          if (kind === 'boolean') return 'boolean';
          this.found.push(problems.kindMismatch(`\`not\` needs true or false, but ${this.showWithKind(expr.operand, kind)} is not`, expr.span));
          return undefined;
        }
        if (kind === 'boolean') {
          this.found.push(problems.kindMismatch(`cannot negate ${this.show(expr.operand)}, which is true or false`, expr.span));
          return undefined;
        }
        return kind;
      }
      case 'binary': return this.binary(expr);
      case 'compare': return this.comparison(expr);
      case 'call': return this.call(expr);
      case 'if': return this.conditional(expr);
    }
  }

  /** `if C then A else B`: C is a condition, A and B one kind (percent and number as one: a percentage is a ratio). */
  private conditional(expr: A.Conditional): A.Kind | undefined {
    const condition = this.kindOf(expr.condition);
    const then = this.kindOf(expr.then);
    const otherwise = this.kindOf(expr.otherwise);
    if (condition && condition !== 'boolean') {
      this.found.push(problems.notACondition(describeKind(condition), expr.condition.span));
      return undefined;
    }
    if (!condition || !then || !otherwise) return undefined;
    const kind = joined(then, otherwise);
    if (!kind) {
      this.found.push(problems.kindMismatch(`both branches of \`if … then … else …\` must be of one kind, but ${this.showWithKind(expr.then, then)} and ${this.showWithKind(expr.otherwise, otherwise)} are not`, expr.otherwise.span));
    }
    return kind;
  }

  /** The built-in functions: their argument counts and kinds. */
  private call(expr: A.Call): A.Kind | undefined {
    const fail = (message: string, span: A.Expr['span'] = expr.span) => {
      this.found.push(problems.badCall(message, span));
      return undefined;
    };
    const name = expr.name;
    const [only] = expr.args;
    const list = expr.args.length === 1 && only.type === 'name' ? this.scope.get(only.name) : undefined;
    if (list?.list && list.kind) {
      // count(xs), sum(xs), max(xs), min(xs): of the list's items.
      (only as { kind?: A.Kind }).kind = list.kind;
      if (name === 'count') return 'number';
      if (name === 'sum' || name === 'min' || name === 'max') return list.kind;
      return fail(`\`${name}\` takes one value and a step, not a list; round each item inside a \`for each\` block`);
    }
    const kinds = expr.args.map((a) => this.kindOf(a));
    if (name === 'count' || name === 'sum') {
      return fail(`\`${name}\` takes one list input, such as \`${name}(outages)\` with \`input outages: list of duration\``);
    }
    if (name === 'min' || name === 'max') {
      if (expr.args.length < 2) return fail(`\`${name}\` takes two or more values, such as \`${name}(a, b)\``);
      if (kinds.some((k) => !k)) return undefined;
      let kind: A.Kind | undefined = kinds[0];
      for (let i = 1; i < kinds.length && kind; i++) {
        const next = joined(kind, kinds[i]!);
        if (!next) return fail(`the values of \`${name}\` must be of one kind, but ${this.showWithKind(expr.args[0], kinds[0]!)} and ${this.showWithKind(expr.args[i], kinds[i]!)} are not`, expr.args[i].span);
        kind = next;
      }
      if (kind === 'boolean') return fail(`\`${name}\` compares amounts, not true or false`);
      return kind;
    }
    // round, floor, ceil
    if (expr.args.length !== 2) return fail(`\`${name}\` takes a value and a step, such as \`${name}(multiplier, 0.01)\` or \`${name}(downtime, 1min)\``);
    const [value, step] = kinds;
    if (!value || !step) return undefined;
    if (value === 'boolean') return fail(`\`${name}\` rounds an amount, not true or false`, expr.args[0].span);
    if (!joined(value, step)) {
      return fail(`the step of \`${name}\` must be ${describeKind(value)}, like ${this.show(expr.args[0])}, but ${this.showWithKind(expr.args[1], step)} is not`, expr.args[1].span);
    }
    const constant = this.constantValue(expr.args[1]);
    if (constant === undefined) return fail(`the step of \`${name}\` must be a constant, such as \`0.01\` or a \`let\` that needs no input`, expr.args[1].span);
    if (!constant.gt(0)) {
      this.found.push(problems.badStep(`the step of \`${name}\` must be more than zero`, expr.args[1].span));
      return undefined;
    }
    return value;
  }

  /** Makes a `for each` block's item known, of the kind of its list's items, while its tiers are checked. */
  private bindItem(each: A.EachItem): void {
    const list = this.scope.get(each.list);
    if (!list?.list) {
      this.found.push(problems.notAList(each.list, each.listSpan, !list));
      return;
    }
    if (this.scope.has(each.name)) return; // a duplicate, already reported
    this.scope.set(each.name, { name: each.name, role: 'item', span: each.nameSpan, statement: -1, kind: list.kind, used: true });
  }

  /** The value of an expression that needs no input (literals, and \`let\`s made of them), or undefined. */
  private constantValue(expr: A.Expr, seen = new Set<string>()): Decimal | undefined {
    switch (expr.type) {
      case 'literal': return expr.kind === 'boolean' ? undefined : canonical(expr);
      case 'name': {
        const symbol = this.scope.get(expr.name);
        if (symbol?.role !== 'let' || symbol.decl?.type !== 'let' || seen.has(expr.name)) return undefined;
        seen.add(expr.name);
        return this.constantValue(symbol.decl.value, seen);
      }
      case 'unary': {
        const v = expr.op === '-' ? this.constantValue(expr.operand, seen) : undefined;
        return v?.neg();
      }
      case 'binary': {
        const [l, r] = [this.constantValue(expr.left, seen), this.constantValue(expr.right, seen)];
        if (!l || !r) return undefined;
        switch (expr.op) {
          case '+': return l.plus(r);
          case '-': return l.minus(r);
          case '*': case 'of': return l.times(r);
          case '/': return r.isZero() ? undefined : l.div(r);
          default: return undefined;
        }
      }
      default: return undefined;
    }
  }

  /** The kind comes from `kind-rules.ts`; this only words a refusal. */
  private binary(expr: A.Binary): A.Kind | undefined {
    const left = this.kindOf(expr.left);
    const right = this.kindOf(expr.right);
    if (!left || !right) return undefined;
    const kind = combined(expr.op, left, right);
    if (!kind) this.found.push(problems.kindMismatch(this.refusal(expr, left, right), expr.span));
    return kind;
  }

  private refusal(expr: A.Binary, left: A.Kind, right: A.Kind): string {
    const l = this.showWithKind(expr.left, left);
    const r = this.showWithKind(expr.right, right);
    if (expr.op === 'and' || expr.op === 'or') {
      const [wrong, kind] = left !== 'boolean' ? [expr.left, left] : [expr.right, right];
      return `\`${expr.op}\` joins conditions, but ${this.showWithKind(wrong, kind)} is not a condition`;
    }
    if (left === 'boolean' || right === 'boolean') return `cannot calculate with true or false: ${left === 'boolean' ? l : r}`;
    switch (expr.op) {
      case '+': return `cannot add ${r} to ${l}; both sides must be of the same kind`;
      case '-': return `cannot subtract ${r} from ${l}; both sides must be of the same kind`;
      case 'of': return `\`of\` takes a share such as \`10% of fee\`, but ${l} is not a share`;
      case '*': return `cannot multiply ${l} by ${r}`;
      case '/': return `cannot divide ${l} by ${r}`;
    }
  }

  private comparison(expr: A.Comparison): A.Kind | undefined {
    const kinds = expr.operands.map((o) => this.kindOf(o));
    let ok = true;
    for (let i = 0; i < expr.ops.length; i++) {
      const a = kinds[i];
      const b = kinds[i + 1];
      if (!a || !b) {
        ok = false;
        continue;
      }
      const left = expr.operands[i];
      const right = expr.operands[i + 1];
      if (a !== b) {
        const hint = a === 'percent' && b === 'number' ? ` — did you mean \`${this.text.slice(right.span.start, right.span.end)}%\`?` : '';
        this.found.push(problems.kindMismatch(`cannot compare ${this.showWithKind(left, a)} with ${this.showWithKind(right, b)}${hint}`, { start: left.span.start, end: right.span.end }));
        ok = false;
      } else if (a === 'boolean' && expr.ops[i] !== '=' && expr.ops[i] !== '!=') {
        this.found.push(problems.kindMismatch(`true and false can only be compared with \`=\` or \`!=\``, { start: left.span.start, end: right.span.end }));
        ok = false;
      }
    }
    return ok ? 'boolean' : undefined;
  }

  private rule(rule: A.Rule, hasRate: boolean): void {
    const condition = this.kindOf(rule.condition);
    if (condition && condition !== 'boolean') this.found.push(problems.notACondition(describeKind(condition), rule.condition.span));
    const credit = this.kindOf(rule.credit);
    if (credit && credit !== 'percent' && credit !== 'money' && credit !== 'points') {
      this.found.push(problems.notACredit(describeKind(credit), rule.credit.span));
    }
    if (credit === 'points' && !hasRate) this.found.push(problems.pointsWithoutRate(rule.credit.span));
    if (rule.proportional) this.proportional(rule, rule.proportional);
    rule.caps.forEach((c) => this.cap(c, hasRate));
  }

  /** Finds the one comparison whose distance `below`/`above` measures, and checks the step against it. */
  private proportional(rule: A.Rule, p: A.Proportional): void {
    const comparisons: A.Comparison[] = [];
    const collect = (e: A.Expr) => {
      if (e.type === 'compare') comparisons.push(e);
      if (e.type === 'binary' && e.op === 'and') A.children(e).forEach(collect);
    };
    collect(rule.condition);
    const candidates: { subject: A.Expr; threshold: A.Expr }[] = [];
    for (const c of comparisons) {
      for (let i = 0; i < c.ops.length; i++) {
        const [a, b] = [c.operands[i], c.operands[i + 1]];
        const less = c.ops[i] === '<' || c.ops[i] === '<=';
        const more = c.ops[i] === '>' || c.ops[i] === '>=';
        // "a < b" is "a below b" and "b above a".
        let pair: [A.Expr, A.Expr] | undefined;
        if (p.direction === 'below') pair = less ? [a, b] : more ? [b, a] : undefined;
        else pair = more ? [a, b] : less ? [b, a] : undefined;
        if (pair && pair[0].type !== 'literal') candidates.push({ subject: pair[0], threshold: pair[1] });
      }
    }
    if (candidates.length !== 1) {
      this.found.push(problems.badProportional(p.direction, p.span));
      return;
    }
    p.measure = candidates[0];
    const subject = candidates[0].subject.kind;
    const step = this.kindOf(p.step);
    if (!subject || !step) return;
    if (step !== subject) {
      this.found.push(problems.kindMismatch(`the step ${this.showWithKind(p.step, step)} must be ${describeKind(subject)}, like the distance from ${this.show(candidates[0].threshold)} it counts`, p.step.span));
    } else if (p.step.type === 'literal' && !canonical(p.step).gt(0)) {
      this.found.push(problems.badStep('the step must be more than zero', p.step.span));
    }
  }

  private cap(cap: A.Cap, hasRate: boolean): void {
    if (A.MONTHS_IN[cap.period] < A.MONTHS_IN[this.period]) {
      this.found.push(problems.capShorterThanPeriod(cap.period, this.period, cap.span));
    }
    const kind = this.kindOf(cap.amount);
    if (kind && kind !== 'percent' && kind !== 'money' && kind !== 'points') this.found.push(problems.badCap(describeKind(kind), cap.amount.span));
    if (kind === 'points' && !hasRate) this.found.push(problems.pointsWithoutRate(cap.amount.span));
  }

  private declaredValue(decl: A.LetDecl | A.OutputDecl): ValueSpec | undefined {
    const inferred = this.kindOf(decl.value);
    const symbol = this.scope.get(decl.name);
    const declared = decl.declaredKind;
    if (inferred && declared && !convertible(inferred, declared)) {
      this.found.push(problems.kindMismatch(`\`${decl.name}\` is declared as ${describeKind(declared)}, but its value is ${describeKind(inferred)}`, decl.value.span));
    }
    const kind = declared ?? inferred;
    if (symbol && symbol.decl === decl && kind) symbol.kind = kind;
    if (!kind) return undefined;
    return { name: decl.name, kind, role: decl.type, span: decl.nameSpan, ...(decl.label !== undefined ? { label: decl.label } : {}), ...(decl.translations ? { translations: decl.translations } : {}) };
  }

  private input(decl: A.InputDecl): void {
    if (decl.list && decl.inputKind === 'boolean') this.found.push(problems.badDeclaration('a list holds amounts, durations, percentages or numbers, not true or false', decl.nameSpan));
    if (decl.list && decl.default) this.found.push(problems.badDeclaration(`\`${decl.name}\` is a list: its default is a list, such as \`default []\``, decl.default.span));
    if (!decl.list && decl.defaultItems) this.found.push(problems.badDeclaration(`\`${decl.name}\` is not a list input, so its default is one value`, decl.span));
    const expect = (literal: A.Literal | undefined, what: string) => {
      if (literal && literal.kind !== decl.inputKind) {
        this.found.push(problems.badDeclaration(`the ${what} of \`${decl.name}\` must be ${describeKind(decl.inputKind)}, like the input, but \`${this.text.slice(literal.span.start, literal.span.end)}\` is ${describeKind(literal.kind)}`, literal.span));
        return false;
      }
      return !!literal;
    };
    const hasDefault = expect(decl.default, 'default');
    const hasRange = expect(decl.range?.min, 'range') && expect(decl.range?.max, 'range');
    const hasStep = expect(decl.step, 'step');
    if (decl.inputKind === 'boolean' && (decl.range || decl.step)) {
      this.found.push(problems.badDeclaration('a boolean input has no range or step', (decl.range ?? decl.step)!.span));
    }
    const range = effectiveRange({ kind: decl.inputKind, range: decl.range, span: decl.nameSpan });
    if (hasRange && decl.range && canonical(decl.range.min).gt(canonical(decl.range.max))) {
      this.found.push(problems.badDeclaration(`the range of \`${decl.name}\` is empty: its lower end is above its upper end`, decl.range.span));
    } else if (range && (hasRange || range.implicit) && hasDefault && decl.default) {
      // A declared range is held against the default only when both its ends are of the input's kind.
      const value = canonical(decl.default);
      if (value.lt(canonical(range.min)) || value.gt(canonical(range.max))) {
        const why = range.implicit ? 'must lie between 0% and 100%, or declare a `range`' : 'lies outside its range';
        this.found.push(problems.badDeclaration(`the default of \`${decl.name}\` ${why}`, decl.default.span));
      }
    }
    if (hasStep && decl.step && !canonical(decl.step).gt(0)) this.found.push(problems.badStep('the step must be more than zero', decl.step.span));
  }

  private example(example: A.ExampleDecl): void {
    const lengths = new Set<number>();
    for (const given of example.givens) {
      const symbol = this.scope.get(given.name);
      if (!symbol || (symbol.role !== 'input' && symbol.role !== 'fee')) {
        this.inputNames ??= new Suggester([...this.scope.values()].filter((s) => s.role === 'input' || s.role === 'fee').map((s) => s.name), this.suggestions);
        const guess = this.inputNames.suggest(given.name);
        this.found.push(problems.badExample(`\`${given.name}\` is not an input of these rules${guess ? `; did you mean \`${guess}\`?` : ''}`, given.nameSpan));
        continue;
      }
      // A list input takes one list a period (`[10min, 2h]`), or a year of them (`[[10min], []]`).
      const itemized = symbol.list === true;
      if (!itemized && given.lists) {
        this.found.push(problems.badExample(`\`${given.name}\` is not a list input, so it takes one value, or a year of values \`[…]\`, not lists`, given.span));
        continue;
      }
      if (itemized && !given.list) {
        this.found.push(problems.badExample(`\`${given.name}\` is a list input: write its items in brackets, such as \`[${this.text.slice(given.values[0]?.span.start ?? 0, given.values[0]?.span.end ?? 0) || '10min'}]\``, given.span));
        continue;
      }
      const periods = itemized ? given.lists?.length : given.list ? given.values.length : undefined;
      const items = itemized ? (given.lists ?? [given.values]) : [];
      if (items.some((list) => list.length > LIMITS.listItems)) {
        this.found.push(problems.badExample(`a list input holds at most ${LIMITS.listItems.toLocaleString('en')} items a period`, given.span));
      }
      if (periods !== undefined) {
        lengths.add(periods);
        const most = A.periodsInYear(this.period);
        if (periods > most) {
          this.found.push(problems.badExample(`a contract year has at most ${A.yearInPeriods(this.period)}, so a list has at most ${most} value${most === 1 ? '' : 's'}`, given.span));
        }
      }
      for (const value of [...given.values, ...(given.lists ?? []).flat()]) {
        if (symbol.kind && value.kind !== symbol.kind) {
          this.found.push(problems.badExample(`\`${given.name}\` is ${describeKind(symbol.kind)}, but \`${this.text.slice(value.span.start, value.span.end)}\` is ${describeKind(value.kind)}`, value.span));
        }
      }
    }
    if (lengths.size > 1) this.found.push(problems.badExample('all lists of one example are months of one year, so they must have the same length', example.span));
    const yearRun = lengths.size > 0;
    for (const expectation of example.expectations) {
      if (expectation.target === 'credit') {
        const kind = expectation.value.kind;
        if (kind !== 'percent' && kind !== 'money') this.found.push(problems.badExample('`credit` expects a share of the fee (10%) or money (100 EUR)', expectation.value.span));
        else if (kind === 'percent' && !this.hasFee) this.found.push(problems.badExample('these rules have no fee, so a credit is not a share of one; expect money (100 EUR)', expectation.value.span));
        continue;
      }
      if (yearRun) {
        this.found.push(problems.badExample('a contract-year example checks the year\'s `credit`; outputs are per month', expectation.span));
        continue;
      }
      const symbol = this.scope.get(expectation.name);
      if (!symbol || symbol.role === 'input' || symbol.role === 'fee') {
        this.valueNames ??= new Suggester([...this.scope.values()].filter((s) => s.role === 'let' || s.role === 'output' || s.role === 'builtin').map((s) => s.name), this.suggestions);
        const guess = this.valueNames.suggest(expectation.name);
        this.found.push(problems.badExample(`\`${expectation.name}\` is not an output or \`let\` of these rules${guess ? `; did you mean \`${guess}\`?` : ''}`, expectation.nameSpan));
      } else if (symbol.kind && !convertible(expectation.value.kind, symbol.kind)) {
        this.found.push(problems.badExample(`\`${expectation.name}\` is ${describeKind(symbol.kind)}, but \`${this.text.slice(expectation.value.span.start, expectation.value.span.end)}\` is ${describeKind(expectation.value.kind)}`, expectation.value.span));
      }
    }
  }

  /** The form: declared inputs in order, then implicit ones in order of first use; the fee first, when there is one. */
  private inputs(ast: A.ProgramAst): InputSpec[] {
    const specs: InputSpec[] = [];
    const fee = this.scope.get('fee');
    if (fee && (!fee.implicit || usesFee(ast))) {
      const decl = fee.decl?.type === 'fee' ? fee.decl : undefined;
      specs.push({
        name: 'fee',
        kind: 'money',
        implicit: !decl,
        period: decl?.period ?? 'monthly',
        span: fee.span,
        ...(decl ? { default: decl.amount } : {}),
        ...(decl?.label !== undefined ? { label: decl.label } : {}),
        ...(decl?.translations ? { translations: decl.translations } : {}),
      });
    }
    for (const statement of ast.statements) {
      if (statement.type !== 'input' || this.scope.get(statement.name)?.decl !== statement) continue;
      specs.push({
        name: statement.name,
        kind: statement.inputKind,
        implicit: false,
        span: statement.nameSpan,
        ...(statement.label !== undefined ? { label: statement.label } : {}),
        ...(statement.translations ? { translations: statement.translations } : {}),
        ...(statement.list ? { list: true as const } : {}),
        ...(statement.defaultItems ? { defaultItems: statement.defaultItems } : {}),
        ...(statement.default ? { default: statement.default } : {}),
        ...(statement.range ? { range: { min: statement.range.min, max: statement.range.max } } : {}),
        ...(statement.step ? { step: statement.step } : {}),
      });
    }
    for (const symbol of this.scope.values()) {
      if (symbol.role === 'input' && symbol.implicit) {
        specs.push({ name: symbol.name, kind: (symbol.kind ?? 'number') as A.InputKind, implicit: true, span: symbol.span });
      }
    }
    return specs;
  }
}


