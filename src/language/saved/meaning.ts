/**
 * What a saved program's fields must mean together, so that evaluation,
 * explanation and a form can trust them as they trust a freshly checked
 * program: every name is an input, a built-in or a `let`/`output` defined
 * above its use; every expression's kind is the one its parts give it; each
 * statement holds what it needs (a condition that is true or false, a credit
 * that is a share, money or points); the input and value specs are those of
 * the statements; all money is in the program's currency.
 *
 * The kind rules repeat those of `checker/kinds.ts` as facts to verify, not
 * mistakes to explain: the runtime that loads a saved program carries no
 * checker. The tree is already depth-bounded (`shape.ts`), so the walks here
 * may recurse.
 */
import type * as A from '../ast.js';
import { AFTER_CREDITS, BUILTINS, type CheckedProgram, type InputSpec, type ValueSpec } from '../checker/program.js';
import { fail, show } from './read.js';

const STATEMENTS = 'ast.statements';
const shares = (k: A.Kind) => k === 'percent' || k === 'number';
const dimensional = (k: A.Kind) => k === 'money' || k === 'duration' || k === 'points';
/** percent and number are both ratios: a declaration may turn one into the other. */
const convertible = (from: A.Kind, to: A.Kind) => from === to || (shares(from) && shares(to));
const CREDIT_KINDS: readonly A.Kind[] = ['percent', 'money', 'points'];
const ORDERING = new Set<A.CompareOp>(['<', '<=', '>', '>=']);

/** The kind of `left op right`, or undefined when the checker would have refused it. */
function combined(op: A.Binary['op'], left: A.Kind, right: A.Kind): A.Kind | undefined {
  if (op === 'and' || op === 'or') return left === 'boolean' && right === 'boolean' ? 'boolean' : undefined;
  if (left === 'boolean' || right === 'boolean') return undefined;
  switch (op) {
    case '+':
    case '-':
      return left === right ? left : undefined;
    case 'of':
      // `10% of fee` multiplies a share.
      return shares(left) ? product(left, right) : undefined;
    case '*':
      return product(left, right);
    case '/':
      if (dimensional(right)) return left === right ? 'number' : undefined;
      if (shares(left)) return left === 'percent' && right === 'number' ? 'percent' : 'number';
      return left;
  }
}

/** Every currency the rules write, with where: all must be the program's. */
type Currencies = { currency: string; at: string }[];

function product(left: A.Kind, right: A.Kind): A.Kind | undefined {
  if (dimensional(left) && dimensional(right)) return undefined;
  if (dimensional(left)) return left;
  if (dimensional(right)) return right;
  return left === 'percent' || right === 'percent' ? 'percent' : 'number';
}

interface Value {
  readonly spec: ValueSpec;
  /** Depends on `total_credit`: usable only after the credits. */
  readonly afterCredits: boolean;
}

/** Checks `program` (a fresh copy that `shape.ts` read) and ties each proportional `measure` to its condition. */
export function checkMeaning(program: CheckedProgram): void {
  const statements = program.ast.statements;
  const inputs = specsByName(program.inputs, 'inputs');
  const valueSpecs = specsByName(program.values, 'values');
  const values = new Map<string, Value>();
  const hasRate = statements.some((s) => s.type === 'point-rate');
  const currencies: Currencies = [];

  checkInputSpecs(program.inputs, inputs, currencies);
  program.values.forEach((spec, i) => {
    if (inputs.has(spec.name) || Object.hasOwn(BUILTINS, spec.name)) fail(`values[${i}].name`, `\`${spec.name}\` is also an input or a built-in`);
  });

  /** Uses of totals found in the expression being checked. */
  let usesTotals = false;

  const kindOf = (e: A.Expr, at: string, afterCredits: boolean): A.Kind => {
    let kind: A.Kind | undefined;
    switch (e.type) {
      case 'literal':
        if (e.currency) currencies.push({ currency: e.currency, at: `${at}.currency` });
        kind = e.kind;
        break;
      case 'name':
        kind = nameKind(e, at, afterCredits);
        break;
      case 'unary': {
        const operand = kindOf(e.operand, `${at}.operand`, afterCredits);
        kind = e.op === 'not' ? (operand === 'boolean' ? 'boolean' : undefined) : operand === 'boolean' ? undefined : operand;
        if (!kind) fail(at, `\`${e.op}\` of ${operand} has no kind`);
        break;
      }
      case 'binary': {
        const left = kindOf(e.left, `${at}.left`, afterCredits);
        const right = kindOf(e.right, `${at}.right`, afterCredits);
        kind = combined(e.op, left, right);
        if (!kind) fail(at, `\`${e.op}\` of ${left} and ${right} has no kind`);
        break;
      }
      case 'compare': {
        const kinds = e.operands.map((o, i) => kindOf(o, `${at}.operands[${i}]`, afterCredits));
        e.ops.forEach((op, i) => {
          if (kinds[i] !== kinds[i + 1]) fail(`${at}.ops[${i}]`, `compares ${kinds[i]} with ${kinds[i + 1]}`);
          if (kinds[i] === 'boolean' && ORDERING.has(op)) fail(`${at}.ops[${i}]`, `true and false are compared only with = or !=, not ${op}`);
        });
        kind = 'boolean';
        break;
      }
      case 'invalid':
        return fail(at, 'an expression the parser could not read');
    }
    if (e.kind !== kind) fail(`${at}.kind`, `${show(e.kind)}, but the expression is ${kind}`);
    return kind as A.Kind;
  };

  const nameKind = (e: A.NameRef, at: string, afterCredits: boolean): A.Kind => {
    const input = inputs.get(e.name);
    if (input) return input.kind;
    const total = AFTER_CREDITS.has(e.name);
    const value = values.get(e.name);
    if (!total && !value) {
      fail(`${at}.name`, valueSpecs.has(e.name)
        ? `\`${e.name}\` is used before its definition`
        : `\`${e.name}\` is not declared: no input, \`let\`, \`output\` or built-in has this name`);
    }
    if ((total || value!.afterCredits) && !afterCredits) {
      fail(`${at}.name`, `\`${e.name}\` is known only after the credits, so a rule, cap or point rate cannot use it`);
    }
    if (total || value!.afterCredits) usesTotals = true;
    return total ? BUILTINS[e.name] : value!.spec.kind;
  };

  /** An expression that must have one of `allowed` kinds. */
  const expect = (e: A.Expr, at: string, allowed: readonly A.Kind[], what: string): A.Kind => {
    const kind = kindOf(e, at, false);
    if (!allowed.includes(kind)) fail(at, `${what} must be ${allowed.join(' or ')}, but is ${kind}`);
    if (kind === 'points' && !hasRate) fail(at, 'points without a point rate (`point = …`)');
    return kind;
  };

  const checkCaps = (caps: readonly A.Cap[], at: string) =>
    caps.forEach((cap, i) => expect(cap.amount, `${at}[${i}].amount`, CREDIT_KINDS, 'a cap'));

  const checkRule = (rule: A.Rule, at: string, pool: 'credit' | 'points') => {
    expect(rule.condition, `${at}.condition`, ['boolean'], 'a condition');
    expect(rule.credit, `${at}.credit`, pool === 'points' ? ['points'] : CREDIT_KINDS, 'a credit');
    const text = program.source.slice(rule.condition.span.start, rule.condition.span.end);
    if (rule.conditionText !== text) fail(`${at}.conditionText`, `${show(rule.conditionText)}, but the condition's text is ${show(text)}`);
    if (rule.proportional) {
      const p = rule.proportional;
      const measure = tieMeasure(rule, `${at}.proportional.measure`);
      expect(p.step, `${at}.proportional.step`, [measure.subject.kind!], `the step (measured in ${measure.subject.kind})`);
    }
    checkCaps(rule.caps, `${at}.caps`);
  };

  const once = new Map<string, number>();
  statements.forEach((s, index) => {
    const at = `${STATEMENTS}[${index}]`;
    if (s.type === 'fee' || s.type === 'point-rate' || s.type === 'claim') {
      if (once.has(s.type)) fail(at, `a second \`${s.type}\` statement (the first is ${STATEMENTS}[${once.get(s.type)}])`);
      once.set(s.type, index);
    }
    switch (s.type) {
      case 'rule':
        return checkRule(s, at, 'credit');
      case 'block':
        checkCaps(s.caps, `${at}.caps`);
        return s.rules.forEach((r, i) => checkRule(r, `${at}.rules[${i}]`, s.pool));
      case 'cap':
        return checkCaps([s.cap], `${at}.cap`);
      case 'point-rate':
        expect(s.rate, `${at}.rate`, ['money', 'percent'], 'the point rate');
        return;
      case 'fee':
        if (s.amount.kind !== 'money') fail(`${at}.amount.kind`, `the fee is money, not ${s.amount.kind}`);
        currencies.push({ currency: s.amount.currency!, at: `${at}.amount.currency` });
        if (inputs.get('fee')!.implicit) fail('inputs', 'the `fee` input is marked implicit, but a `fee` statement declares it');
        return;
      case 'claim':
        if (s.within.kind !== 'duration') fail(`${at}.within.kind`, `a claim period is a duration, not ${s.within.kind}`);
        return;
      case 'input': {
        const spec = inputs.get(s.name);
        if (!spec || spec.implicit || spec.kind !== s.inputKind || s.name === 'fee') fail(`${at}.name`, `\`${s.name}\` has no ${s.inputKind} input among \`inputs\``);
        checkLiterals(s.inputKind, [s.default, s.range?.min, s.range?.max, s.step], at, currencies);
        return;
      }
      case 'let':
      case 'output': {
        usesTotals = false;
        const inferred = kindOf(s.value, `${at}.value`, true);
        const kind = s.declaredKind ?? inferred;
        if (!convertible(inferred, kind)) fail(`${at}.value`, `is ${inferred}, but \`${s.name}\` is declared ${kind}`);
        const spec = valueSpecs.get(s.name);
        if (!spec || spec.role !== s.type || spec.kind !== kind) fail(`${at}.name`, `\`${s.name}\` has no ${kind} \`${s.type}\` among \`values\``);
        if (values.has(s.name)) fail(`${at}.name`, `\`${s.name}\` is defined twice`);
        values.set(s.name, { spec, afterCredits: usesTotals });
        return;
      }
      case 'example':
        return; // below, once every value is known
    }
  });
  statements.forEach((s, index) => {
    if (s.type === 'example') checkExample(s, `${STATEMENTS}[${index}]`, inputs, values, program.currency);
  });

  const declared = new Set(statements.flatMap((s) => (s.type === 'input' ? [s.name] : [])));
  program.inputs.forEach((spec, i) => {
    if (!spec.implicit && spec.name !== 'fee' && !declared.has(spec.name)) fail(`inputs[${i}]`, `\`${spec.name}\` is not implicit, but no \`input\` statement declares it`);
  });
  if (!once.has('fee') && !inputs.get('fee')!.implicit) fail('inputs', 'the `fee` input is not marked implicit, but no `fee` statement declares it');
  program.values.forEach((spec, i) => {
    if (!values.has(spec.name)) fail(`values[${i}]`, `no \`let\` or \`output\` statement defines \`${spec.name}\``);
  });
  for (const { currency, at } of currencies) {
    if (currency !== program.currency) fail(at, `${show(currency)}, but the program's currency is ${show(program.currency)}`);
  }
  if (program.currency !== undefined && currencies.length === 0) fail('currency', `${show(program.currency)}, but the rules write no money`);
}

/** Specs by name: each name once, and `fee` always there. */
function specsByName<T extends { readonly name: string }>(specs: readonly T[], at: string): Map<string, T> {
  const byName = new Map<string, T>();
  specs.forEach((spec, i) => {
    if (byName.has(spec.name)) fail(`${at}[${i}].name`, `\`${spec.name}\` is listed twice`);
    byName.set(spec.name, spec);
  });
  return byName;
}

function checkInputSpecs(specs: readonly InputSpec[], byName: ReadonlyMap<string, InputSpec>, currencies: Currencies): void {
  const fee = byName.get('fee');
  if (!fee) fail('inputs', 'no `fee` input; every program has one');
  specs.forEach((spec, i) => {
    const at = `inputs[${i}]`;
    if (spec.name === 'fee') {
      if (spec.kind !== 'money') fail(`${at}.kind`, `the fee is money, not ${spec.kind}`);
      if (!spec.period) fail(`${at}.period`, 'missing; the fee is given monthly or yearly');
    } else {
      if (spec.period) fail(`${at}.period`, 'only the fee has a period');
      if (Object.hasOwn(BUILTINS, spec.name)) fail(`${at}.name`, `\`${spec.name}\` is a built-in`);
    }
    checkLiterals(spec.kind, [spec.default, spec.range?.min, spec.range?.max, spec.step], at, currencies);
  });
}

/** An input's default, range and step: of the input's kind; none but a default for true or false. */
function checkLiterals(kind: A.InputKind, literals: readonly (A.Literal | undefined)[], at: string, currencies: Currencies): void {
  const [, min, , step] = literals;
  for (const literal of literals) {
    if (literal && literal.kind !== kind) fail(at, `a ${literal.kind} value for a ${kind} input`);
    if (literal?.currency) currencies.push({ currency: literal.currency, at });
  }
  if (kind === 'boolean' && (min || step)) fail(at, 'an input of true or false has no range or step');
}

/**
 * Ties a proportional credit's `measure` to the comparison of its condition
 * that it copies (`a < b` in the condition, joined by `and`), so that the
 * distance is measured between two operands the condition compares by order.
 */
function tieMeasure(rule: A.Rule, at: string): { subject: A.Expr; threshold: A.Expr } {
  const saved = rule.proportional!.measure!;
  const subject = JSON.stringify(saved.subject);
  const threshold = JSON.stringify(saved.threshold);
  const visit = (e: A.Expr): { subject: A.Expr; threshold: A.Expr } | undefined => {
    if (e.type === 'binary' && e.op === 'and') return visit(e.left) ?? visit(e.right);
    if (e.type !== 'compare') return undefined;
    const texts = e.operands.map((o) => JSON.stringify(o));
    for (let i = 0; i < e.ops.length; i++) {
      if (!ORDERING.has(e.ops[i])) continue;
      if (texts[i] === subject && texts[i + 1] === threshold) return { subject: e.operands[i], threshold: e.operands[i + 1] };
      if (texts[i] === threshold && texts[i + 1] === subject) return { subject: e.operands[i + 1], threshold: e.operands[i] };
    }
    return undefined;
  };
  const found = visit(rule.condition);
  if (!found) fail(at, 'not two operands that the condition compares with <, <=, > or >=');
  rule.proportional!.measure = found;
  return found;
}

function checkExample(example: A.ExampleDecl, at: string, inputs: ReadonlyMap<string, InputSpec>, values: ReadonlyMap<string, Value>, currency: string | undefined): void {
  const lengths = new Set<number>();
  example.givens.forEach((given, i) => {
    const where = `${at}.givens[${i}]`;
    const input = inputs.get(given.name);
    if (!input) fail(`${where}.name`, `\`${given.name}\` is not an input`);
    if (given.list) lengths.add(given.values.length);
    else if (given.values.length !== 1) fail(`${where}.values`, `${given.values.length} values, but only a list [ … ] has more than one`);
    given.values.forEach((value, j) => {
      if (value.kind !== input.kind) fail(`${where}.values[${j}].kind`, `${show(value.kind)}, but \`${given.name}\` is ${input.kind}`);
      if (currency && value.currency && value.currency !== currency) fail(`${where}.values[${j}].currency`, `${show(value.currency)}, but the program's currency is ${show(currency)}`);
    });
  });
  if (lengths.size > 1) fail(`${at}.givens`, 'lists of different lengths, but they are the months of one year');
  example.expectations.forEach((e, i) => {
    const where = `${at}.expectations[${i}]`;
    const kind = e.value.kind;
    if (currency && e.value.currency && e.value.currency !== currency) fail(`${where}.value.currency`, `${show(e.value.currency)}, but the program's currency is ${show(currency)}`);
    if (e.target === 'credit') {
      if (kind !== 'percent' && kind !== 'money') fail(`${where}.value.kind`, `${show(kind)}, but a credit is percent or money`);
      return;
    }
    if (lengths.size > 0) fail(where, 'a contract-year example expects only `credit`');
    const expected = AFTER_CREDITS.has(e.name) ? BUILTINS[e.name] : values.get(e.name)?.spec.kind;
    if (!expected) fail(`${where}.name`, `\`${e.name}\` is not an output, a \`let\` or a built-in total`);
    if (!convertible(kind, expected)) fail(`${where}.value.kind`, `${show(kind)}, but \`${e.name}\` is ${expected}`);
  });
}
