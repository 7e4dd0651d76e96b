/**
 * The writer of the clause text: walks a checked program once, numbers its
 * clauses and lays them out — a numbered clause, its further lines indented
 * under it, the worked examples at the end. The same for both languages: all
 * wording comes from the program's phrase table.
 */
import type * as A from '../../ast.js';
import type { CheckedProgram } from '../../checker/program.js';
import { formatClaimPeriod, type Lang } from '../format.js';
import { example } from './examples.js';
import { letter } from './phrases.js';
import { block, definition, definitions, feeClause, rule, type Clause } from './statements.js';
import { phrasesFor } from './tables.js';
import { Wording } from './wording.js';

/** What an example computes, for an example whose expectation differs from it. */
export interface ComputedExample {
  readonly passed: boolean;
  /** Per expectation, in order: what the rules compute ("240.00 EUR", "10%"), or undefined without a result. */
  readonly actual: readonly (string | undefined)[];
}

/**
 * What a clause may say differently from the rules: the fee agreed with this
 * customer (a decimal string); and what each example computes (in the order
 * of the examples), so that a failing example is never stated as fact.
 */
export interface ClauseOptions {
  readonly fee?: string;
  readonly examples?: readonly ComputedExample[];
}

/** The service-credit section of a contract, as plain text ending in a newline. */
export function renderClause(program: CheckedProgram, lang: Lang, options: ClauseOptions = {}): string {
  return new ClauseWriter(new Wording(program, phrasesFor(program, lang), lang), options).render();
}

const INDENT = '   ';

class ClauseWriter {
  private readonly clauses: Clause[] = [];
  private readonly p;
  private readonly program;

  constructor(
    private readonly w: Wording,
    private readonly options: ClauseOptions,
  ) {
    this.p = w.p;
    this.program = w.program;
  }

  render(): string {
    const fee = feeClause(this.w, this.options.fee);
    if (fee) this.add(fee);
    const defined = definitions(this.w);
    if (defined) this.add(defined);
    const statements = this.program.ast.statements;
    let lastCredit = -1;
    statements.forEach((s, i) => {
      if (s.type === 'rule' || s.type === 'block') lastCredit = i;
    });
    const creditClauses: number[] = [];
    let withPoints = false;
    statements.forEach((statement, index) => {
      switch (statement.type) {
        case 'rule':
          creditClauses.push(this.add([rule(this.w, statement)]));
          withPoints ||= statement.credit.kind === 'points';
          break;
        case 'block':
          creditClauses.push(this.add(block(this.w, statement)));
          withPoints ||= statement.pool === 'points';
          break;
        case 'cap':
          this.add([this.p.globalCaps([this.w.cap(statement.cap)])]);
          break;
        case 'point-rate':
          this.add([this.p.pointRate(this.w.shareOfFee(statement.rate, 'dat'))]);
          break;
        case 'let':
        case 'output':
          this.add([definition(this.w, statement)]);
          break;
        case 'claim': {
          const { within, measure } = statement;
          const period = measure ? formatClaimPeriod({ value: within.value, measure }, this.w.lang) : this.p.duration(within.value, within.unit ?? 'd', 'dat');
          this.add([this.p.claim(period, statement.afterIncident === true)]);
          break;
        }
        case 'pay-if': {
          // Every `pay only if` is one condition of payment: said together, where the first stands.
          const all = statements.filter((s): s is A.PayCondition => s.type === 'pay-if');
          if (all[0] !== statement) break;
          this.add([this.p.payOnlyIf(this.p.join(all.map((s) => this.w.listedWhen(this.w.when(s.condition)) || this.w.expr(s.condition, 'nom')), 'and'))]);
          break;
        }
        case 'fee':
        case 'input':
        case 'example':
        case 'payout':
          break;
      }
      if (index === lastCredit && creditClauses.length > 1) {
        this.add([this.p.cumulative(this.p.clauseRefs(this.numbers(creditClauses)), withPoints)]);
      }
    });

    const text = [this.p.heading, ''];
    this.clauses.forEach((clause, i) => {
      const [first, ...rest] = clause;
      text.push(`${i + 1}. ${first}`, ...rest.map((line) => INDENT + line), '');
    });
    const examples = statements.filter((s): s is A.ExampleDecl => s.type === 'example');
    if (examples.length) {
      text.push(this.p.examplesHeading, '', this.p.examplesIntro, '');
      examples.forEach((e, i) => text.push(`${this.p.item(letter(i))} ${example(this.w, e, this.options.examples?.[i])}`));
      text.push('');
    }
    return text.join('\n');
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
