/**
 * The worked examples' sentences: every value an example runs with, and what
 * it expects — or, for a failing example, what the rules compute instead.
 */
import * as A from '../../ast.js';
import { Decimal } from '../../decimal.js';
import { parseQuantity } from '../../literals.js';
import type { ExpectedCredit } from './phrases.js';
import type { Wording } from './wording.js';

/** What an example computes, for an example whose expectation differs from it. */
export interface ComputedExample {
  readonly passed: boolean;
  /** Per expectation, in order: what the rules compute ("240.00 EUR", "10%"), or undefined without a result. */
  readonly actual: readonly (string | undefined)[];
}

/**
 * Every value the example runs with — those it gives and the declared
 * defaults of the rest — so a reader can recompute it from the text alone.
 */
export function example(w: Wording, example: A.ExampleDecl, computed: ComputedExample | undefined): string {
  const listInput = (name: string) => w.program.inputs.some((i) => i.name === name && i.list);
  const year = example.givens.some((g) => (listInput(g.name) ? g.lists : g.list));
  const givens = w.program.inputs.flatMap((input) => {
    const given = example.givens.find((g) => g.name === input.name);
    if (input.list) {
      // A list's items in one period, or a year of them: "10 minutes, 2 hours and 5 hours"; "none".
      const items = (list: readonly A.Literal[]) => (list.length ? w.p.join(list.map((v) => w.literal(v, 'nom')), 'and') : w.p.none);
      const term = w.term(input.name);
      if (given?.lists) return [w.p.givenMonths(term, given.lists.map((list) => `(${items(list)})`))];
      const list = given ? given.values : input.defaultItems ?? [];
      return [w.p.given(term, items(list))];
    }
    const values = given ? given.values : input.default ? [input.default] : [];
    if (values.length === 0) return [];
    const term = input.name === 'fee' ? w.p.feeTerm(w.feePeriod) : w.term(input.name);
    if (input.kind === 'boolean') {
      // As the clauses say it, "the condition “…” is not met": a label never opens a list item, capitalised or not.
      const met = values.map((v) => w.p.flag(term, v.value === 'true'));
      return [given?.list ? w.p.givenMonths(met[0].subject, met.map((m) => m.rest)) : w.p.stated(met[0])];
    }
    const written = values.map((v) => w.literal(v, 'nom'));
    return [given?.list ? w.p.givenMonths(term, written) : w.p.given(term, written[0])];
  });
  // A failing example states what the rules compute, never the expectation that is wrong.
  const stated = example.expectations.flatMap((e, i): A.ExampleExpectation[] => {
    if (!computed || computed.passed) return [e];
    const actual = computed.actual[i];
    const quantity = actual === undefined ? undefined : actual === 'true' || actual === 'false' ? { kind: 'boolean' as const, value: actual } : parseQuantity(actual.replace(/^(-?)([\d.]+) ?%$/, '$1$2%'));
    return quantity ? [{ ...e, value: { ...e.value, ...quantity, type: 'literal', span: e.value.span } as A.Literal }] : [];
  });
  const expectations: string[] = [];
  const credits = stated.filter((e) => e.target === 'credit');
  if (credits.length) expectations.push(w.p.expectedCredit(expectedCredit(w, credits.map((e) => e.value)), year));
  for (const e of stated) {
    if (e.target === 'credit') continue;
    if (e.value.kind === 'boolean') expectations.push(w.p.stated(w.p.flag(w.term(e.name), e.value.value === 'true')));
    else expectations.push(w.p.expectedValue(w.subjectName(e.name), w.literal(e.value, 'nom')));
  }
  return w.p.example(A.labelIn(example.label, example.translations, w.lang), givens, expectations);
}

/** `credit 240 EUR, credit 10%` are one credit said two ways; zero is "no service credit". */
function expectedCredit(w: Wording, values: readonly A.Literal[]): ExpectedCredit | undefined {
  if (values.every((v) => new Decimal(v.value).isZero())) return undefined;
  const money = values.find((v) => v.kind === 'money');
  const percent = values.find((v) => v.kind === 'percent');
  if (money) return { money: w.literal(money, 'nom'), ...(percent ? { percent: share(w, percent) } : {}) };
  return { percent: percent ? share(w, percent) : w.literal(values[0], 'nom') };
}

/**
 * A share of the fee as a person writes it: at most two decimals, "about"
 * when that rounds — an example checks 13.3333333333%, a reader wants
 * "about 13.33%". The money beside it stays exact.
 */
function share(w: Wording, literal: A.Literal): string {
  const exact = new Decimal(literal.value);
  const rounded = exact.toDecimalPlaces(2);
  return rounded.eq(exact) ? w.literal(literal, 'nom') : w.p.about(w.literal({ ...literal, value: rounded.toFixed() }, 'nom'));
}
