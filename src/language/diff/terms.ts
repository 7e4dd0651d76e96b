/**
 * What changed between two versions of the terms, as sentences a drafter
 * reads: "In the tier table “Uptime”, the tier of 10% of the monthly fee now
 * applies if the Monthly uptime is below 99.5% instead of below 99.9%."
 *
 * Statements are matched by what identifies them to a reader: a tier table
 * by its label (else by its place among the unlabelled ones), a tier or rule
 * by its condition or, when the condition changed, by its credit; a cap by
 * its period; a value by its name. Meaning decides equality, not spelling:
 * `10.0 %` is `10%`. A statement of a kind this module does not know (syntax
 * newer than it) is compared by its text, paired with one of its kind, so no
 * change goes unreported.
 */
import type * as A from '../ast.js';
import type { CheckedProgram } from '../checker/program.js';
import type { Lang } from '../render/format.js';
import { placedNotes } from '../render/clause/notes.js';
import { LineMap } from '../source.js';
import { sentences, type Owner, type Scope, type Sentences, type Table } from './sentences.js';
import { Words } from './words.js';

export interface TermChange {
  readonly text: string;
  /** The line of the old version the change is about, if it is in the old version. */
  readonly before?: number;
  /** The line of the new version, if it is in the new version. */
  readonly after?: number;
}

const KNOWN = new Set(['fee', 'input', 'rule', 'block', 'cap', 'point-rate', 'let', 'output', 'claim', 'example', 'pay-if', 'payout']);

export function termChanges(before: CheckedProgram, after: CheckedProgram, lang: Lang): TermChange[] {
  return new TermDiff(before, after, lang).changes();
}

type Side<T> = { readonly before: T; readonly after: T };

class TermDiff {
  private readonly out: TermChange[] = [];
  private readonly s: Sentences;
  private readonly w: Side<Words>;
  private readonly lines: Side<LineMap>;

  constructor(
    private readonly before: CheckedProgram,
    private readonly after: CheckedProgram,
    lang: Lang,
  ) {
    this.s = sentences[lang];
    this.w = { before: new Words(before, lang), after: new Words(after, lang) };
    this.lines = { before: new LineMap(before.source), after: new LineMap(after.source) };
  }

  changes(): TermChange[] {
    this.fee();
    this.inputs();
    this.credits();
    this.caps({ type: 'program' }, this.all('cap').before.map((c) => c.cap), this.all('cap').after.map((c) => c.cap), {});
    this.pointRate();
    this.claim();
    this.definitions();
    this.payIf();
    this.payout();
    this.others();
    this.notes();
    return this.out;
  }

  private add(text: string, at: { before?: { span: A.Expr['span'] }; after?: { span: A.Expr['span'] } }): void {
    this.out.push({
      text,
      ...(at.before ? { before: this.lines.before.position(at.before.span.start).line } : {}),
      ...(at.after ? { after: this.lines.after.position(at.after.span.start).line } : {}),
    });
  }

  private all<T extends A.Statement['type']>(type: T): Side<Extract<A.Statement, { type: T }>[]> {
    const of = (p: CheckedProgram) => p.ast.statements.filter((s): s is Extract<A.Statement, { type: T }> => s.type === type);
    return { before: of(this.before), after: of(this.after) };
  }

  private fee(): void {
    const { before: [b], after: [a] } = this.all('fee');
    if (a && b && (this.w.after.key(a.amount) !== this.w.before.key(b.amount) || a.period !== b.period)) {
      this.add(this.s.feeNow({ amount: this.w.after.value(a.amount), period: a.period }, { amount: this.w.before.value(b.amount), period: b.period }), { before: b, after: a });
    } else if (a && !b) this.add(this.s.statementAdded(this.w.after.source(a)), { after: a });
    else if (b && !a) this.add(this.s.statementRemoved(this.w.before.source(b)), { before: b });
  }

  private inputs(): void {
    const { before: bs, after: as } = this.all('input');
    for (const b of bs) if (!as.some((a) => a.name === b.name)) this.add(this.s.inputRemoved(this.w.before.term(b.name)), { before: b });
    for (const a of as) {
      const b = bs.find((x) => x.name === a.name);
      const term = this.w.after.term(a.name);
      if (!b) {
        this.add(this.s.inputAdded(term), { after: a });
        continue;
      }
      if (a.default && b.default && this.w.after.key(a.default) !== this.w.before.key(b.default)) {
        this.add(this.s.defaultNow(term, this.w.after.value(a.default), this.w.before.value(b.default)), { before: b, after: a });
      }
      const range = (w: Words, r: A.InputDecl['range']) => (r ? [w.value(r.min), w.value(r.max)] as const : undefined);
      const [ra, rb] = [range(this.w.after, a.range), range(this.w.before, b.range)];
      if (ra && rb && (this.w.after.key(a.range!.min) !== this.w.before.key(b.range!.min) || this.w.after.key(a.range!.max) !== this.w.before.key(b.range!.max))) {
        this.add(this.s.rangeNow(term, ra, rb), { before: b, after: a });
      }
    }
  }

  private credits(): void {
    const { before: bs, after: as } = this.all('block');
    const pairs = match(bs, as, [
      (b, a) => b.label !== undefined && b.label === a.label,
      (b, a) => b.label === undefined && a.label === undefined && b.pool === a.pool,
    ]);
    const table = (block: A.Block, lines: LineMap): Table => ({ ...(block.label !== undefined ? { label: block.label } : {}), line: lines.position(block.span.start).line, pool: block.pool });
    for (const b of pairs.removed) this.add(this.s.tableRemoved(table(b, this.lines.before)), { before: b });
    for (const [b, a] of pairs.matched) {
      const t = table(a, this.lines.after);
      this.caps({ type: 'table', table: t }, b.caps, a.caps, { before: b, after: a });
      this.rules({ type: 'tier', table: t }, b.rules, a.rules);
    }
    for (const a of pairs.added) this.add(this.s.tableAdded(table(a, this.lines.after), a.rules.length), { after: a });
    const rules = this.all('rule');
    this.rules({ type: 'rule' }, rules.before, rules.after);
  }

  private rules(owner: Owner, bs: readonly A.Rule[], as: readonly A.Rule[]): void {
    const [wb, wa] = [this.w.before, this.w.after];
    const condition = (b: A.Rule, a: A.Rule) => wb.key(b.condition) === wa.key(a.condition);
    const credit = (b: A.Rule, a: A.Rule) => creditKey(wb, b) === creditKey(wa, a);
    const pairs = match(bs, as, [(b, a) => condition(b, a) && credit(b, a), condition, credit]);
    for (const b of pairs.removed) this.add(this.s.removed(owner, wb.condition(b.condition), wb.credit(b)), { before: b });
    for (const [b, a] of pairs.matched) {
      if (!credit(b, a)) this.add(this.s.creditNow(owner, wa.condition(a.condition), wa.credit(a), wb.credit(b)), { before: b, after: a });
      else if (!condition(b, a)) this.add(this.s.conditionNow(owner, wa.credit(a), wa.condition(a.condition), wb.condition(b.condition)), { before: b, after: a });
      this.caps({ type: 'rule', credit: wa.credit(a) }, b.caps, a.caps, { before: b, after: a });
    }
    for (const a of pairs.added) this.add(this.s.added(owner, wa.condition(a.condition), wa.credit(a)), { after: a });
  }

  private caps(scope: Scope, bs: readonly A.Cap[], as: readonly A.Cap[], at: { before?: A.Statement; after?: A.Statement }): void {
    const [wb, wa] = [this.w.before, this.w.after];
    const same = (b: A.Cap, a: A.Cap) => b.period === a.period && wb.key(b.amount) === wa.key(a.amount);
    const pairs = match(bs, as, [same, (b, a) => b.period === a.period]);
    for (const b of pairs.removed) this.add(this.s.capRemoved(scope, wb.cap(b)), { before: at.before ?? b });
    for (const [b, a] of pairs.matched) if (!same(b, a)) this.add(this.s.capNow(scope, wa.cap(a), wb.cap(b)), { before: at.before ?? b, after: at.after ?? a });
    for (const a of pairs.added) this.add(this.s.capAdded(scope, wa.cap(a)), { after: at.after ?? a });
  }

  private pointRate(): void {
    const { before: [b], after: [a] } = this.all('point-rate');
    if (a && b && this.w.after.key(a.rate) === this.w.before.key(b.rate)) return;
    if (a || b) this.add(this.s.pointRateNow(a && this.w.after.value(a.rate), b && this.w.before.value(b.rate)), { before: b, after: a });
  }

  private claim(): void {
    const { before: [b], after: [a] } = this.all('claim');
    if (a && b && this.w.after.claimKey(a) === this.w.before.claimKey(b)) return;
    if (a || b) this.add(this.s.claimNow(a && this.w.after.claim(a), b && this.w.before.claim(b)), { before: b, after: a });
  }

  private definitions(): void {
    const of = (p: CheckedProgram) => p.ast.statements.filter((s): s is A.LetDecl | A.OutputDecl => s.type === 'let' || s.type === 'output');
    const [bs, as] = [of(this.before), of(this.after)];
    const [wb, wa] = [this.w.before, this.w.after];
    for (const b of bs) if (!as.some((a) => a.name === b.name)) this.add(this.s.definitionNow(wb.term(b.name), undefined, undefined), { before: b });
    for (const a of as) {
      const b = bs.find((x) => x.name === a.name);
      if (b && wa.key(a.value) === wb.key(b.value)) continue;
      this.add(this.s.definitionNow(wa.term(a.name), wa.quote(wa.source(a.value)), b && wb.quote(wb.source(b.value))), { before: b, after: a });
    }
  }

  /** `pay only if`: the conditions of payment, matched by meaning. */
  private payIf(): void {
    const { before: bs, after: as } = this.all('pay-if');
    const [wb, wa] = [this.w.before, this.w.after];
    const pairs = match(bs, as, [(b, a) => wb.key(b.condition) === wa.key(a.condition)]);
    for (const b of pairs.removed) this.add(this.s.payIfRemoved(wb.condition(b.condition)), { before: b });
    for (const a of pairs.added) this.add(this.s.payIfAdded(wa.condition(a.condition), bs.length === 0 && a === pairs.added[0]), { after: a });
  }

  /** `payout`: what is paid, and to whom, in the reader's language. */
  private payout(): void {
    const { before: [b], after: [a] } = this.all('payout');
    const [pb, pa] = [this.w.before.payee(b), this.w.after.payee(a)];
    if (pa.what !== pb.what || pa.recipient !== pb.recipient) this.add(this.s.payoutNow(pa, pb), { before: b, after: a });
  }

  /** Drafting notes (`## …`), matched by their text, then by the statement they stand above. */
  private notes(): void {
    const of = (p: CheckedProgram) => placedNotes(p.source, p.ast.statements).map((n) => ({ ...n, text: n.paragraphs.join(' ') }));
    const [bs, as] = [of(this.before), of(this.after)];
    const at = (n: { span: A.Expr['span'] }) => ({ span: n.span });
    const pairs = match(bs, as, [(b, a) => b.text === a.text, (b, a) => b.statement === a.statement && b.inside === a.inside]);
    for (const b of pairs.removed) this.add(this.s.noteRemoved(b.text), { before: at(b) });
    for (const [b, a] of pairs.matched) if (b.text !== a.text) this.add(this.s.noteNow(a.text, b.text), { before: at(b), after: at(a) });
    for (const a of pairs.added) this.add(this.s.noteAdded(a.text), { after: at(a) });
  }

  /** Statements of kinds this module does not know: compared as text. */
  private others(): void {
    const of = (p: CheckedProgram, w: Words) => p.ast.statements.filter((s) => !KNOWN.has(s.type)).map((s) => ({ s, text: w.source(s) }));
    const [bs, as] = [of(this.before, this.w.before), of(this.after, this.w.after)];
    const pairs = match(bs, as, [(b, a) => b.text === a.text, (b, a) => b.s.type === a.s.type]);
    for (const b of pairs.removed) this.add(this.s.statementRemoved(b.text), { before: b.s });
    for (const [b, a] of pairs.matched) if (b.text !== a.text) this.add(this.s.statementNow(a.text, b.text), { before: b.s, after: a.s });
    for (const a of pairs.added) this.add(this.s.statementAdded(a.text), { after: a.s });
  }
}

/** A credit with its proportional part: what a rule grants. */
function creditKey(w: Words, rule: A.Rule): string {
  const p = rule.proportional;
  return `${w.key(rule.credit)}${p ? `|${p.rounding}|${p.direction}|${w.key(p.step)}` : ''}`;
}

/** Pairs items of two lists, trying each test in turn on what is still unpaired; each list keeps its order. */
function match<T>(before: readonly T[], after: readonly T[], tests: readonly ((b: T, a: T) => boolean)[]): { matched: [T, T][]; removed: T[]; added: T[] } {
  const partner = new Map<T, T>();
  const taken = new Set<T>();
  for (const test of tests) {
    for (const b of before) {
      if (partner.has(b)) continue;
      const a = after.find((x) => !taken.has(x) && test(b, x));
      if (a !== undefined) {
        partner.set(b, a);
        taken.add(a);
      }
    }
  }
  return {
    matched: after.filter((a) => taken.has(a)).map((a) => [[...partner].find(([, x]) => x === a)![0], a]),
    removed: before.filter((b) => !partner.has(b)),
    added: after.filter((a) => !taken.has(a)),
  };
}
