/**
 * What a saved program's fields must mean together, so that evaluation and a
 * form can trust them as they trust a freshly checked program: every name is
 * an input, a built-in or a `let`/`output` defined above its use, and totals
 * are used only after the credits; every expression's kind is the one its
 * parts give it; each statement holds what it needs (a condition that is true
 * or false, a credit that is a share, money or points); the specs are those
 * of the statements; all money is in the program's currency.
 *
 * The kind rules repeat those of `checker/kinds.ts` as facts to verify, not
 * mistakes to explain: the runtime that loads a saved program carries no
 * checker, and this file is in its download. The tree is depth-bounded
 * already (`shape.ts`), so the walks here may recurse.
 */
import type * as A from '../ast.js';
import { AFTER_CREDITS, BUILTINS, type CheckedProgram, type InputSpec } from '../checker/program.js';
import { periodsInYear, programPeriod } from '../ast.js';
import { callKind, combined, joined, SHARES, usesFee } from '../kind-rules.js';
import { fail, show } from './read.js';

type Kinds = readonly A.Kind[];
const CREDITS: Kinds = ['percent', 'money', 'points'];
const ORDERING: readonly string[] = ['<', '<=', '>', '>='];
/** percent and number are both ratios: a declaration may turn one into the other. */
const convertible = (from: A.Kind, to: A.Kind) => from === to || (SHARES.includes(from) && SHARES.includes(to));

/** Checks `program`, a fresh copy from `shape.ts`, and ties each proportional `measure` to its condition. */
export function checkMeaning(program: CheckedProgram): void {
  const statements = program.ast.statements;
  const inputs = new Map(program.inputs.map((spec) => [spec.name, spec]));
  const specs = new Map(program.values.map((spec) => [spec.name, spec]));
  /** `let`s and `output`s defined so far, and whether each depends on a total. */
  const defined = new Map<string, boolean>();
  const hasRate = statements.some((s) => s.type === 'point-rate');
  const money: [currency: string, at: string][] = [];
  let usesTotal = false;

  const names = new Set<string>();
  for (const [list, at] of [[program.inputs, 'inputs'], [program.values, 'values']] as const) {
    list.forEach((spec, i) => {
      const builtin = Object.hasOwn(BUILTINS, spec.name) && !(at === 'inputs' && spec.name === 'fee');
      if (names.has(spec.name) || builtin) fail(`${at}[${i}].name`, `\`${spec.name}\` is ${builtin ? 'a built-in' : 'listed twice'}`);
      names.add(spec.name);
    });
  }
  const fee = inputs.get('fee');
  if (fee ? fee.kind !== 'money' || !fee.period : usesFee(program.ast)) fail('inputs', 'no `fee` input of money, given monthly or yearly, though the rules use a share of the fee');
  program.inputs.forEach((spec, i) => {
    if (spec.period && spec !== fee) fail(`inputs[${i}].period`, 'only the fee has a period');
    literals(spec.kind, spec, `inputs[${i}]`);
  });

  /** An input's default, range and step are of the input's kind, and money in the program's currency. */
  function literals(kind: A.InputKind, input: Pick<InputSpec, 'default' | 'range' | 'step'>, at: string) {
    for (const literal of [input.default, input.range?.min, input.range?.max, input.step]) {
      if (literal && literal.kind !== kind) fail(at, `a ${literal.kind} value for a ${kind} input`);
      if (literal?.currency) money.push([literal.currency, at]);
    }
  }

  /** The item of the `for each` block being read, and its kind. */
  let item: { name: string; kind: A.Kind } | undefined;

  function kindOf(e: A.Expr, at: string, afterCredits: boolean): A.Kind {
    let kind: A.Kind | undefined;
    if (e.type === 'name' && item?.name === e.name) kind = item.kind;
    else if (e.type === 'name' && inputs.get(e.name)?.list) fail(`${at}.name`, `\`${e.name}\` is a list, where a single value is expected`);
    else if (e.type === 'call' && e.args.length === 1 && e.args[0].type === 'name' && inputs.get(e.args[0].name)?.list) {
      // count, sum, max and min of a list input's items.
      const list = inputs.get(e.args[0].name)!;
      if (e.args[0].kind !== list.kind) fail(`${at}.args[0].kind`, `${show(e.args[0].kind)}, but the list's items are ${list.kind}`);
      kind = e.name === 'count' ? 'number' : e.name === 'sum' || e.name === 'max' || e.name === 'min' ? list.kind : fail(at, `\`${e.name}\` of a list has no kind`);
    } else if (e.type === 'literal') {
      if (e.currency) money.push([e.currency, `${at}.currency`]);
      kind = e.kind;
    } else if (e.type === 'name') {
      kind = inputs.get(e.name)?.kind;
      if (!kind) {
        const total = AFTER_CREDITS.has(e.name);
        if (!total && !defined.has(e.name)) fail(`${at}.name`, `\`${e.name}\` is not an input, a built-in or a \`let\` or \`output\` defined above`);
        if (total || defined.get(e.name)) {
          if (!afterCredits) fail(`${at}.name`, `\`${e.name}\` is known only after the credits, so a rule, cap or point rate cannot use it`);
          usesTotal = true;
        }
        kind = total ? BUILTINS[e.name] : specs.get(e.name)!.kind;
      }
    } else if (e.type === 'unary') {
      const operand = kindOf(e.operand, `${at}.operand`, afterCredits);
      if ((operand === 'boolean') !== (e.op === 'not')) fail(at, `\`${e.op}\` of ${operand} has no kind`);
      kind = operand;
    } else if (e.type === 'binary') {
      const left = kindOf(e.left, `${at}.left`, afterCredits);
      const right = kindOf(e.right, `${at}.right`, afterCredits);
      kind = combined(e.op, left, right) ?? fail(at, `\`${e.op}\` of ${left} and ${right} has no kind`);
    } else if (e.type === 'compare') {
      const kinds = e.operands.map((o, i) => kindOf(o, `${at}.operands[${i}]`, afterCredits));
      e.ops.forEach((op, i) => {
        if (kinds[i] !== kinds[i + 1] || (kinds[i] === 'boolean' && ORDERING.includes(op))) fail(`${at}.ops[${i}]`, `cannot compare ${kinds[i]} with ${kinds[i + 1]} by ${op}`);
      });
      kind = 'boolean';
    } else if (e.type === 'call') {
      const args = e.args.map((a, i) => kindOf(a, `${at}.args[${i}]`, afterCredits));
      kind = callKind(e.name, args) ?? fail(at, `\`${e.name}\` of ${args.join(', ')} has no kind`);
    } else if (e.type === 'if') {
      if (kindOf(e.condition, `${at}.condition`, afterCredits) !== 'boolean') fail(`${at}.condition`, 'not a condition');
      const [then, otherwise] = [kindOf(e.then, `${at}.then`, afterCredits), kindOf(e.otherwise, `${at}.otherwise`, afterCredits)];
      kind = joined(then, otherwise) ?? fail(at, `branches of ${then} and ${otherwise} have no one kind`);
    }
    if (e.kind !== kind) fail(`${at}.kind`, `${show(e.kind)}, but the expression is ${kind}`);
    return kind!;
  }

  /** An expression of a rule, cap or point rate: one of `allowed` kinds, and points only with a point rate. */
  function expect(e: A.Expr, at: string, allowed: Kinds): A.Kind {
    const kind = kindOf(e, at, false);
    if (!allowed.includes(kind)) fail(at, `expected ${allowed.join(' or ')}, got ${kind}`);
    if (kind === 'points' && !hasRate) fail(at, 'points, but no point rate (`point = …`) says what a point is worth');
    return kind;
  }

  /** A value an example writes: of the kinds given, and money in the program's currency when it has one. */
  function example(literal: A.Literal, kinds: Kinds, at: string) {
    if (!kinds.includes(literal.kind)) fail(`${at}.kind`, `expected ${kinds.join(' or ')}, got ${literal.kind}`);
    if (program.currency && literal.currency) money.push([literal.currency, `${at}.currency`]);
  }

  const caps = (list: readonly A.Cap[], at: string) => list.forEach((cap, i) => expect(cap.amount, `${at}[${i}].amount`, CREDITS));

  function rule(r: A.Rule, at: string, pool: 'credit' | 'points') {
    expect(r.condition, `${at}.condition`, ['boolean']);
    expect(r.credit, `${at}.credit`, pool === 'points' ? ['points'] : CREDITS);
    const text = program.source.slice(r.condition.span.start, r.condition.span.end);
    if (r.conditionText !== text) fail(`${at}.conditionText`, `${show(r.conditionText)}, but the condition's text is ${show(text)}`);
    if (r.proportional) expect(r.proportional.step, `${at}.proportional.step`, [tieMeasure(r, `${at}.proportional.measure`).kind!]);
    caps(r.caps, `${at}.caps`);
  }

  const once = new Set<string>();
  statements.forEach((s, index) => {
    const at = `ast.statements[${index}]`;
    if (s.type === 'fee' || s.type === 'point-rate' || s.type === 'claim' || s.type === 'payout' || s.type === 'period') {
      if (once.has(s.type)) fail(at, `a second \`${s.type}\` statement`);
      once.add(s.type);
    }
    if (s.type === 'rule') rule(s, at, 'credit');
    else if (s.type === 'block') {
      caps(s.caps, `${at}.caps`);
      if (s.each) {
        const list = inputs.get(s.each.list);
        if (!list?.list) fail(`${at}.each.list`, `\`${s.each.list}\` is not a list input`);
        if (inputs.has(s.each.name) || specs.has(s.each.name)) fail(`${at}.each.name`, `\`${s.each.name}\` is also another name`);
        item = { name: s.each.name, kind: list.kind };
      }
      s.rules.forEach((r, i) => rule(r, `${at}.rules[${i}]`, s.pool));
      item = undefined;
    } else if (s.type === 'cap') caps([s.cap], `${at}.cap`);
    else if (s.type === 'point-rate') expect(s.rate, `${at}.rate`, ['money', 'percent']);
    else if (s.type === 'fee') literals('money', { default: s.amount }, at);
    else if (s.type === 'claim' && s.within.kind !== (s.measure ? 'number' : 'duration')) fail(`${at}.within.kind`, `${show(s.within.kind)}, but this claim period is ${s.measure ? 'a number of business days or months' : 'a duration'}`);
    else if (s.type === 'pay-if') {
      usesTotal = false;
      if (kindOf(s.condition, `${at}.condition`, true) !== 'boolean') fail(`${at}.condition`, 'not a condition');
    }
    else if (s.type === 'input') {
      if (inputs.get(s.name)?.kind !== s.inputKind || s.name === 'fee' || inputs.get(s.name)?.list !== s.list) fail(`${at}.name`, `\`${s.name}\` is no ${s.list ? 'list of ' : ''}${s.inputKind} input among \`inputs\``);
      literals(s.inputKind, s, at);
    } else if (s.type === 'let' || s.type === 'output') {
      usesTotal = false;
      const inferred = kindOf(s.value, `${at}.value`, true);
      const kind = s.declaredKind ?? inferred;
      if (!convertible(inferred, kind)) fail(`${at}.value`, `${inferred}, but \`${s.name}\` is declared ${kind}`);
      const spec = specs.get(s.name);
      if (spec?.kind !== kind || spec.role !== s.type || defined.has(s.name)) fail(`${at}.name`, `\`${s.name}\` is not the one ${kind} \`${s.type}\` of this name among \`values\``);
      defined.set(s.name, usesTotal);
    }
  });

  // Examples give inputs values of their kinds, and expect a credit, or values (defined anywhere) in a month.
  statements.forEach((s, index) => {
    if (s.type !== 'example') return;
    const at = `ast.statements[${index}]`;
    // A year run: a list of values for an input, a list of lists for a list input.
    const periods = (g: A.ExampleGiven) => (inputs.get(g.name)?.list ? g.lists?.length : g.list ? g.values.length : undefined);
    const lengths = new Set(s.givens.map(periods).filter((n) => n !== undefined));
    if (lengths.size > 1) fail(`${at}.givens`, 'lists of different lengths, but they are the months of one year');
    s.givens.forEach((g, i) => {
      const input = inputs.get(g.name) ?? fail(`${at}.givens[${i}].name`, `\`${g.name}\` is not an input`);
      if (!g.list && g.values.length !== 1) fail(`${at}.givens[${i}].values`, 'not one value, but not a list');
      if (g.lists && !input.list) fail(`${at}.givens[${i}].lists`, `lists of values, but \`${g.name}\` is not a list input`);
      if (input.list && !g.list) fail(`${at}.givens[${i}].list`, `one value, but \`${g.name}\` is a list input`);
      const most = periodsInYear(programPeriod(program.ast));
      const n = periods(g);
      if (n !== undefined && n > most) fail(`${at}.givens[${i}].${input.list ? 'lists' : 'values'}`, `${n} entries, more than the ${most} allowed`);
      [...g.values, ...(g.lists ?? []).flat()].forEach((v, j) => example(v, [input.kind], `${at}.givens[${i}].values[${j}]`));
    });
    s.expectations.forEach((e, i) => {
      const where = `${at}.expectations[${i}]`;
      if (e.target === 'credit') return example(e.value, CREDITS.slice(0, 2), `${where}.value`);
      if (lengths.size > 0) fail(where, 'a contract-year example expects only `credit`');
      const kind = AFTER_CREDITS.has(e.name) ? BUILTINS[e.name] : defined.has(e.name) ? specs.get(e.name)!.kind : fail(`${where}.name`, `\`${e.name}\` is not an output, a \`let\` or a total`);
      example(e.value, SHARES.includes(kind) ? SHARES : [kind], `${where}.value`);
    });
  });
  program.values.forEach((spec, i) => {
    if (!defined.has(spec.name)) fail(`values[${i}]`, `no \`let\` or \`output\` defines \`${spec.name}\``);
  });
  for (const [currency, at] of money) {
    if (currency !== program.currency) fail(at, `${show(currency)}, but the program's currency is ${show(program.currency)}`);
  }
}

/**
 * Ties a proportional credit's `measure` to the two operands of its condition
 * that it copies: compared by order in a comparison joined by `and`, and
 * facing the way its direction reads them (`a < b … below`: `a` is measured
 * up to `b`). Returns the operand measured.
 */
function tieMeasure(rule: A.Rule, at: string): A.Expr {
  const p = rule.proportional!;
  const wanted = JSON.stringify(p.measure);
  let found = undefined as A.Proportional['measure'];
  const visit = (e: A.Expr): void => {
    if (e.type === 'binary' && e.op === 'and') {
      visit(e.left);
      visit(e.right);
    } else if (e.type === 'compare') {
      e.ops.forEach((op, i) => {
        if (!ORDERING.includes(op)) return;
        const [a, b] = [e.operands[i], e.operands[i + 1]];
        const measure = op.startsWith('<') === (p.direction === 'below') ? { subject: a, threshold: b } : { subject: b, threshold: a };
        if (JSON.stringify(measure) === wanted) found = measure;
      });
    }
  };
  visit(rule.condition);
  p.measure = found ?? fail(at, `not two operands that the condition compares with <, <=, > or >=, facing ${p.direction}`);
  return p.measure.subject;
}
