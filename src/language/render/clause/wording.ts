/**
 * The words for the parts of a statement: names as defined terms, literals,
 * expressions with the brackets their reading order needs, and conditions
 * shaped for the sentence they open. One per clause being written; the
 * statements' and examples' sentences are built from it.
 */
import * as A from '../../ast.js';
import type { CheckedProgram } from '../../checker/program.js';
import { Decimal } from '../../decimal.js';
import { formatLiteral, formatNumber, type Lang } from '../format.js';
import { condition, type Cond } from './conditions.js';
import type { Atom, Case, Phrases, When } from './phrases.js';

/** Binding strength, for parentheses: `(a + b) * c` must not read "a plus b multiplied by c". */
const precedence: Record<A.ArithmeticOp, number> = { '+': 1, '-': 1, '*': 2, '/': 2, of: 2 };

export class Wording {
  /** Each name's defined term: the label if declared, else the name with spaces. */
  private readonly terms = new Map<string, string>();
  readonly feePeriod: A.Period;
  /** The period the rules are evaluated for (`period quarterly`). */
  readonly period: A.Period;

  constructor(
    readonly program: CheckedProgram,
    readonly p: Phrases,
    readonly lang: Lang,
  ) {
    for (const spec of [...program.inputs, ...program.values]) this.terms.set(spec.name, A.labelIn(spec.label, spec.translations, lang) ?? spec.name.replaceAll('_', ' '));
    this.feePeriod = program.inputs.find((i) => i.name === 'fee')?.period ?? 'monthly';
    this.period = A.programPeriod(program.ast);
  }

  cap(cap: A.Cap): string {
    const percent = cap.amount.kind === 'percent';
    return this.p.cap(percent ? this.percentAmount(cap.amount) : this.amount(cap.amount, 'nom'), percent, cap.period);
  }

  /** A rate or credit that is a share of the monthly fee when it is a percentage. */
  shareOfFee(expr: A.Expr, c: Case): string {
    return expr.kind === 'percent' ? this.p.tierCredit('percent', () => this.percentAmount(expr)) : this.amount(expr, c);
  }

  /** "10%" or "(10% plus 5%)": a percentage that "of the … fee" follows must be one piece. */
  percentAmount(expr: A.Expr): string {
    const text = this.expr(expr, 'nom');
    return expr.type === 'binary' ? `(${text})` : text;
  }

  amount(expr: A.Expr, c: Case): string {
    if (expr.kind === 'percent') return this.percentAmount(expr);
    if (expr.kind === 'points' && expr.type !== 'literal') return this.p.pointsOf(this.expr(expr, 'dat'));
    return this.expr(expr, c);
  }

  // Conditions

  when(expr: A.Expr): When {
    const cond = condition(expr);
    if (cond.type === 'const') return { type: cond.value ? 'always' : 'never' };
    if (cond.type === 'compare' || cond.type === 'flag') return { type: 'atom', atom: this.atom(cond) };
    return { type: 'compound', text: this.listed(cond) };
  }

  listedWhen(when: When): string {
    return when.type === 'atom' ? this.p.listed(when.atom) : when.type === 'compound' ? when.text : '';
  }

  listed(cond: Cond): string {
    switch (cond.type) {
      case 'const': return '';
      case 'compare':
      case 'flag': return this.p.listed(this.atom(cond));
      case 'all':
      case 'any': return this.p.join(cond.items.map((item) => this.part(item)), cond.type === 'all' ? 'and' : 'or');
    }
  }

  /** A member of an and/or list; a group of the other kind is marked ("either … or …") at every depth. */
  part(cond: Cond): string {
    if (cond.type !== 'all' && cond.type !== 'any') return this.listed(cond);
    return this.p.nested(cond.items.map((item) => this.part(item)), cond.type === 'all' ? 'and' : 'or');
  }

  atom(cond: Extract<Cond, { type: 'compare' | 'flag' }>): Atom {
    if (cond.type === 'flag') return this.p.flag(this.term(cond.name), cond.met);
    return this.p.compare(this.subject(cond.subject), cond.parts.map(({ op, other }) => ({ op, other: (c: Case) => this.expr(other, c) })));
  }

  /** What a comparison measures: "the Monthly uptime" / "der Wert „Monthly uptime“". */
  subject(expr: A.Expr): string {
    return expr.type === 'name' ? this.subjectName(expr.name) : this.expr(expr, 'nom');
  }

  subjectName(name: string): string {
    return this.builtin(name) ?? this.p.subject(this.term(name));
  }

  // Expressions

  expr(expr: A.Expr, c: Case): string {
    switch (expr.type) {
      case 'literal': return this.literal(expr, c);
      case 'name': return this.builtin(expr.name, c) ?? this.p.name(this.term(expr.name));
      case 'unary':
        if (expr.op === 'not') return this.listed(condition(expr));
        if (expr.operand.type === 'literal') return this.literal({ ...expr.operand, negative: !expr.operand.negative }, c);
        return this.p.minus(this.operand(expr.operand, 3, false, c));
      case 'binary': {
        if (expr.op === 'and' || expr.op === 'or') return this.listed(condition(expr));
        const [word, right] = expr.op === 'of'
          ? this.p.of(expr.right.type === 'name' && this.builtin(expr.right.name) !== undefined)
          : this.p.arithmetic[expr.op];
        const level = precedence[expr.op];
        return `${this.operand(expr.left, level, false, c)}${word}${this.operand(expr.right, level, true, right)}`;
      }
      case 'compare': return this.listed(condition(expr));
      case 'call': {
        if (expr.name === 'min' || expr.name === 'max') return this.p.extreme(expr.name, expr.args.map((a) => this.expr(a, 'nom')), c);
        if (expr.name === 'round' || expr.name === 'floor' || expr.name === 'ceil') {
          return this.p.rounded(expr.name, this.expr(expr.args[0], c), this.expr(expr.args[1], 'nom'));
        }
        return '…';
      }
      case 'if': {
        const cond = condition(expr.condition);
        const when = cond.type === 'const' ? '' : this.listed(cond);
        return `(${this.p.choice(when, this.expr(expr.then, 'nom'), this.expr(expr.otherwise, 'nom'))})`;
      }
      case 'invalid': return '…';
    }
  }

  /** Brackets where the reading order would change the value: `a - (b - c)`, `(a + b) * c`. */
  operand(expr: A.Expr, parent: number, right: boolean, c: Case): string {
    const text = this.expr(expr, c);
    if (expr.type !== 'binary' || expr.op === 'and' || expr.op === 'or') return text;
    const level = precedence[expr.op];
    return level < parent || (right && level === parent) ? `(${text})` : text;
  }

  literal(literal: A.Literal, c: Case): string {
    if (literal.kind === 'points') {
      const count = formatNumber(literal.negative ? `-${literal.value}` : literal.value, this.lang);
      return this.p.points(count, new Decimal(literal.value).eq(1), c);
    }
    if (literal.kind === 'duration') return this.p.duration(literal.negative ? `-${literal.value}` : literal.value, literal.unit ?? 's', c);
    return formatLiteral(literal, this.lang, this.program.currency);
  }

  /** The built-in names' phrases; undefined for any other name. */
  builtin(name: string, c: Case = 'nom'): string | undefined {
    if (name === 'fee') return this.p.fee(this.period, c);
    if (name === 'total_credit' || name === 'total_credit_percent') return this.p.totals[name][c];
    return undefined;
  }

  term(name: string): string {
    return this.terms.get(name) ?? name.replaceAll('_', ' ');
  }
}
