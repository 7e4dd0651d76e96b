/**
 * The writer of the clause text: walks a checked program once, numbers its
 * clauses and lays them out — a numbered clause, its further lines indented
 * under it, the worked examples at the end. The same for both languages: all
 * wording comes from the program's phrase table. Every line it writes keeps
 * the source spans of the statements it states, so the playground can link a
 * sentence of the clause to the rules that produce it.
 */
import type * as A from '../../ast.js';
import type { Span } from '../../source.js';
import type { CheckedProgram } from '../../checker/program.js';
import { formatClaimPeriod, type Lang } from '../format.js';
import { example, type ComputedExample } from './examples.js';
import { placedNotes, type PlacedNote } from './notes.js';
import { letter } from './phrases.js';
import { block, definition, definitions, feeClause, rule } from './statements.js';
import { phrasesFor } from './tables.js';
import { Wording } from './wording.js';

/**
 * What a clause may say differently from the rules: the fee agreed with this
 * customer (a decimal string); and what each example computes (in the order
 * of the examples), so that a failing example is never stated as fact.
 */
export interface ClauseOptions {
  readonly fee?: string;
  readonly examples?: readonly ComputedExample[];
}

/** One line of the clause text, its newline included, with the source spans of what it states (none for headings and blank lines). */
export interface ClausePart {
  readonly text: string;
  readonly spans: readonly Span[];
}

/** The service-credit section of a contract, as plain text ending in a newline. */
export function renderClause(program: CheckedProgram, lang: Lang, options: ClauseOptions = {}): string {
  return renderClauseParts(program, lang, options).map((part) => part.text).join('');
}

/** The clause text line by line, each line with its sources: joined, exactly `renderClause`'s text. */
export function renderClauseParts(program: CheckedProgram, lang: Lang, options: ClauseOptions = {}): ClausePart[] {
  return new ClauseWriter(new Wording(program, phrasesFor(program, lang), lang), options).render();
}

const INDENT = '   ';

/** A line of a clause before it is laid out. */
interface Line {
  readonly text: string;
  readonly spans: readonly Span[];
}

/** A clause: its first line follows the number, the rest are indented under it. */
type Clause = readonly Line[];

const spanOf = (node: { readonly span: Span }) => node.span;

class ClauseWriter {
  private readonly clauses: Clause[] = [];
  private readonly p;
  private readonly program;
  private readonly statements: readonly A.Statement[];
  private readonly notes: readonly PlacedNote[];
  private readonly written = new Set<PlacedNote>();

  constructor(
    private readonly w: Wording,
    private readonly options: ClauseOptions,
  ) {
    this.p = w.p;
    this.program = w.program;
    this.statements = w.program.ast.statements;
    this.notes = placedNotes(w.program.source, this.statements);
  }

  render(): ClausePart[] {
    const statements = this.statements;
    // The fee's and the inputs' notes follow the sentences that state them, in the first clauses.
    const fee = feeClause(this.w, this.options.fee);
    const feeStatements = statements.filter((s) => s.type === 'fee');
    if (fee) this.add([...fee.map((text) => ({ text, spans: feeStatements.map(spanOf) })), ...feeStatements.flatMap((s) => this.notesIn(s))]);
    const defined = definitions(this.w);
    if (defined) {
      const [intro, ...items] = defined;
      const inputs = this.program.inputs.filter((input) => input.name !== 'fee')
        .map((input) => statements.find((s): s is A.InputDecl => s.type === 'input' && s.name === input.name));
      this.add([
        { text: intro, spans: inputs.flatMap((s) => (s ? [s.span] : [])) },
        ...items.flatMap((text, i) => [{ text, spans: inputs[i] ? [inputs[i].span] : [] }, ...(inputs[i] ? this.notesIn(inputs[i]) : [])]),
      ]);
    }
    let lastCredit = -1;
    statements.forEach((s, i) => {
      if (s.type === 'rule' || s.type === 'block') lastCredit = i;
    });
    const creditClauses: number[] = [];
    const creditSpans: Span[] = [];
    let withPoints = false;
    statements.forEach((statement, index) => {
      if (statement.type !== 'example') this.notesAt(index);
      const one = (text: string) => this.add([{ text, spans: [statement.span] }]);
      switch (statement.type) {
        case 'rule':
          creditClauses.push(one(rule(this.w, statement)));
          creditSpans.push(statement.span);
          withPoints ||= statement.credit.kind === 'points';
          break;
        case 'block': {
          const [intro, ...rest] = block(this.w, statement);
          const tiers = statement.rules.map((r, i) => ({ text: rest[i], spans: [r.span] }));
          // What applies after the tiers: the highest tier, the block's caps — said by its header and caps.
          const after = rest.slice(statement.rules.length).map((text) => ({ text, spans: [statement.headerSpan, ...statement.caps.map(spanOf)] }));
          // A note between the tiers follows the tier table, which stays whole (a table in the Word export).
          const inner = this.notes.filter((n) => n.statement === index && n.inside).flatMap((n) => this.noteLines(n));
          creditClauses.push(this.add([{ text: intro, spans: [statement.headerSpan] }, ...tiers, ...after, ...inner]));
          creditSpans.push(statement.headerSpan, ...statement.rules.map(spanOf));
          withPoints ||= statement.pool === 'points';
          break;
        }
        case 'cap':
          one(this.p.globalCaps([this.w.cap(statement.cap)]));
          break;
        case 'point-rate':
          one(this.p.pointRate(this.w.shareOfFee(statement.rate, 'dat')));
          break;
        case 'let':
        case 'output':
          one(definition(this.w, statement));
          break;
        case 'claim': {
          const { within, measure } = statement;
          const period = measure ? formatClaimPeriod({ value: within.value, measure }, this.w.lang) : this.p.duration(within.value, within.unit ?? 'd', 'dat');
          one(this.p.claim(period, statement.afterIncident === true));
          break;
        }
        case 'pay-if': {
          // Every `pay only if` is one condition of payment: said together, where the first stands.
          const all = statements.filter((s): s is A.PayCondition => s.type === 'pay-if');
          if (all[0] !== statement) break;
          const text = this.p.payOnlyIf(this.p.join(all.map((s) => this.w.listedWhen(this.w.when(s.condition)) || this.w.expr(s.condition, 'nom')), 'and'));
          this.add([{ text, spans: all.map(spanOf) }]);
          break;
        }
        case 'fee':
        case 'input':
        case 'example':
        case 'payout':
          break;
      }
      if (index === lastCredit && creditClauses.length > 1) {
        this.add([{ text: this.p.cumulative(this.p.clauseRefs(this.numbers(creditClauses)), withPoints), spans: creditSpans }]);
      }
    });
    this.notesAt(statements.length);

    // Every clause and the examples end with a blank line; the text ends with the newline before it.
    const parts: ClausePart[] = [];
    const line = (text: string, spans: readonly Span[] = []) => parts.push({ text: `${text}\n`, spans });
    line(this.p.heading);
    line('');
    this.clauses.forEach((clause, i) => {
      const [first, ...rest] = clause;
      line(`${i + 1}. ${first.text}`, first.spans);
      for (const l of rest) line(INDENT + l.text, l.spans);
      line('');
    });
    const examples = statements.filter((s): s is A.ExampleDecl => s.type === 'example');
    if (examples.length) {
      line(this.p.examplesHeading);
      line('');
      line(this.p.examplesIntro);
      line('');
      examples.forEach((e, i) => {
        // An example's note stands before it, as a paragraph of its own.
        for (const note of this.notes.filter((n) => statements[n.statement] === e)) for (const l of this.noteLines(note)) line(l.text, l.spans);
        line(`${this.p.item(letter(i))} ${example(this.w, e, this.options.examples?.[i])}`, [e.span]);
      });
      line('');
    }
    parts.pop();
    return parts;
  }

  /** The lines of the notes above a statement, for a clause that states it among others; marked as written. */
  private notesIn(statement: A.Statement): Line[] {
    const index = this.statements.indexOf(statement);
    return this.notes.filter((n) => n.statement === index && !this.written.has(n)).flatMap((note) => {
      this.written.add(note);
      return this.noteLines(note);
    });
  }

  /** The notes of one statement not yet written (a block's own stand inside its clause), each a clause of its own. */
  private notesAt(index: number): void {
    for (const note of this.notes) {
      if (note.statement !== index || this.written.has(note) || (note.inside && this.statements[index].type === 'block')) continue;
      this.written.add(note);
      this.add(this.noteLines(note));
    }
  }

  /** A note as the drafter wrote it: one line per paragraph. */
  private noteLines(note: PlacedNote): Line[] {
    return note.paragraphs.map((text) => ({ text, spans: [note.span] }));
  }

  /** Adds a clause and returns its number. */
  private add(clause: Clause): number {
    this.clauses.push(clause);
    return this.clauses.length;
  }

  /** "3 and 4", "3 to 6", "3, 5 and 7". */
  private numbers(clauses: readonly number[]): string {
    const consecutive = clauses.every((n, i) => i === 0 || n === clauses[i - 1] + 1);
    if (consecutive && clauses.length > 2) return `${clauses[0]} ${this.p.through} ${clauses[clauses.length - 1]}`;
    return this.p.join(clauses.map(String), 'and');
  }
}
