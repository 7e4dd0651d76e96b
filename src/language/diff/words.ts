/**
 * The terms of one program in clause words, for sentences about changes:
 * a tier's credit ("10% of the monthly fee"), its condition ("the Monthly
 * uptime is below 99.5%"), a cap ("20% of the yearly fee in any contract
 * year"). The words are the clause renderer's (`phrasesFor` of
 * render/clause.ts, values by render/format.ts); a condition it cannot put
 * into words simply (several parts, arithmetic) is quoted as written.
 */
import * as A from '../ast.js';
import type { CheckedProgram } from '../checker/program.js';
import { Decimal, canonical } from '../decimal.js';
import { phrasesFor, type Phrases } from '../render/clause.js';
import { formatClaimPeriod, formatLiteral, type Lang } from '../render/format.js';

/** What is paid and to whom: "bonus" and "the agent"; "service credit" and "the Customer" without a payout. */
export interface Payee {
  readonly what: string;
  readonly recipient: string;
}

/** A condition as the clause says it: one measured subject with its bounds, or a quotation. */
export type Condition =
  | { readonly type: 'bounds'; readonly subject: string; readonly verb: string; readonly rest: string; readonly listed: string }
  | { readonly type: 'quoted'; readonly listed: string };

export class Words {
  readonly p: Phrases;
  private readonly terms = new Map<string, string>();

  constructor(
    readonly program: CheckedProgram,
    readonly lang: Lang,
  ) {
    this.p = phrasesFor(program, lang);
    for (const spec of [...program.inputs, ...program.values]) this.terms.set(spec.name, spec.label ?? spec.name.replaceAll('_', ' '));
  }

  /** The source text of a node, spaces collapsed. */
  source(node: { readonly span: { start: number; end: number } }): string {
    return this.program.source.slice(node.span.start, node.span.end).replace(/\s+/g, ' ').trim();
  }

  term(name: string): string {
    return this.terms.get(name) ?? name.replaceAll('_', ' ');
  }

  quote(text: string): string {
    return this.p.quote(text);
  }

  /** A value as the clause writes it; German declines durations and points ("unter 2 Tagen"). */
  value(expr: A.Expr, c: 'nom' | 'dat' = 'nom'): string {
    if (expr.type !== 'literal') return this.quote(this.source(expr));
    const signed = expr.negative ? `-${expr.value}` : expr.value;
    if (expr.kind === 'points') return this.p.points(signed, new Decimal(expr.value).eq(1), c);
    if (expr.kind === 'duration') return this.p.duration(signed, expr.unit ?? 's', c);
    return formatLiteral(expr, this.lang, this.program.currency);
  }

  /** What a tier or rule grants: "10% of the monthly fee", "1% of the monthly fee for every full 0.1% by which …". */
  credit(rule: A.Rule): string {
    const base = this.p.tierCredit(rule.credit.kind ?? 'money', () => this.value(rule.credit));
    const proportional = rule.proportional;
    if (!proportional?.measure) return base;
    const { step } = proportional;
    const counted = step.type === 'literal' && step.kind === 'duration' && new Decimal(step.value).eq(1)
      ? { type: 'unit' as const, unit: step.unit ?? 's' }
      : { type: 'amount' as const, text: this.value(step) };
    const { subject, threshold } = proportional.measure;
    const measured = subject.type === 'name' ? this.p.subject(this.term(subject.name)) : this.quote(this.source(subject));
    return `${base} ${this.p.proportional(proportional.rounding, counted, proportional.direction, measured, () => this.value(threshold))}`;
  }

  condition(expr: A.Expr): Condition {
    if (expr.type === 'compare') {
      const measured = expr.operands.filter((o) => o.type !== 'literal');
      const subject = measured[0];
      if (measured.length === 1 && subject.type === 'name' && subject.kind !== 'boolean') {
        // `99% <= a < 99.9%`: bounds read from the subject, the literal on the other side.
        const bounds = expr.ops.map((op, i) => {
          const [left, right] = [expr.operands[i], expr.operands[i + 1]];
          return left === subject ? { op, other: right } : { op: MIRRORED[op], other: left };
        });
        const atom = this.p.compare(this.subjectName(subject.name), bounds.map(({ op, other }) => ({ op, other: (c: 'nom' | 'gen' | 'dat') => this.value(other, c === 'dat' ? 'dat' : 'nom') })));
        return { type: 'bounds', subject: atom.subject, verb: atom.verb, rest: atom.rest, listed: this.p.listed(atom) };
      }
    }
    return { type: 'quoted', listed: this.quote(this.source(expr)) };
  }

  /** What is paid and to whom, as the payout names them in this language; a service credit to the customer without one. */
  payee(payout: A.PayoutDecl | undefined): Payee {
    const en = this.lang === 'en';
    if (!payout) return en ? { what: 'service credit', recipient: 'the Customer' } : { what: 'Gutschrift', recipient: 'der Kunde' };
    return {
      what: A.labelIn(payout.what, payout.whatTranslations, this.lang)!,
      recipient: A.labelIn(payout.recipient, payout.recipientTranslations, this.lang) ?? (en ? 'the recipient' : 'der Empfänger'),
    };
  }

  /** What a comparison measures, as the clause says it: the built-in totals and fee by their phrases. */
  private subjectName(name: string): string {
    if (name === 'total_credit' || name === 'total_credit_percent') return this.p.totals[name].nom;
    if (name === 'fee') return this.p.fee(A.programPeriod(this.program.ast), 'nom');
    return this.p.subject(this.term(name));
  }

  /** A claim period as the clause states it, in the dative German needs after "innerhalb von". */
  claim(claim: A.ClaimDecl): string {
    const { within, measure } = claim;
    const period = formatClaimPeriod({ value: within.value, ...(within.unit ? { unit: within.unit } : {}), ...(measure ? { measure } : {}) }, this.lang);
    return claim.afterIncident ? `${period} ${this.lang === 'de' ? 'nach dem Vorfall' : 'after the incident'}` : period;
  }

  claimKey(claim: A.ClaimDecl): string {
    return `${this.key(claim.within)}|${claim.measure ?? ''}|${claim.afterIncident === true}`;
  }

  cap(cap: A.Cap): string {
    return this.p.cap(this.value(cap.amount), cap.amount.kind === 'percent', cap.period);
  }

  /** A key equal for the same meaning however written: `10%` and `10.0 %`, `a<5%` and `a < 5%`. */
  key(expr: A.Expr | undefined): string {
    if (!expr) return '';
    switch (expr.type) {
      case 'literal': return expr.kind === 'boolean' ? expr.value : `${expr.kind}:${canonical(expr).toString()}:${expr.currency ?? ''}`;
      case 'name': return expr.name;
      case 'unary': return `(${expr.op} ${this.key(expr.operand)})`;
      case 'binary': return `(${this.key(expr.left)} ${expr.op} ${this.key(expr.right)})`;
      case 'compare': return `(${expr.operands.map((o, i) => `${i ? `${expr.ops[i - 1]} ` : ''}${this.key(o)}`).join(' ')})`;
      // Syntax newer than this module: its text, spaces aside.
      default: return this.source(expr).replace(/ /g, '');
    }
  }
}

const MIRRORED: Record<A.CompareOp, A.CompareOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' };
