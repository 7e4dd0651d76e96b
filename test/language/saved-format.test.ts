/**
 * The saved-program format (src/language/saved/): every program the compiler
 * writes reads back as it was; a damaged or hostile file gets one problem
 * naming the JSON path and what is wrong there — wrong types, missing kinds,
 * unknown nodes, prototype keys, huge nesting and arrays, bad spans and
 * literals, undeclared names, a newer format — and no mutation of a saved
 * program makes reading it, or running what was read, throw.
 */
import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import fc from 'fast-check';
import { compile, loadProgram, type InputValues, type Program } from '../../src/index.js';
import { PROGRAM_FORMAT } from '../../src/language/checker/program.js';
import { validateSaved } from '../../src/language/saved/validate.js';
import { finish } from '../../src/language/plan/steps.js';
import { loadProgramInSteps } from '../../src/runtime.js';
import { generateProgram } from '../fixtures/programs.js';
import { basePrograms, programArb } from '../fuzz/arbitraries.js';
import { rules } from '../helpers.js';

/** Every statement type, so that every node of the format is in the table below. */
const RULES = rules`
  fee 1000 EUR monthly "Fee"
  input availability: percent "Availability" default 99.9% range 90%..100% step 0.01%
  input response: duration default 2h
  input announced: boolean default false
  let downtime: percent = 100% - availability
  if availability < 99.5% then 1% per 0.1% below capped 20% monthly
  credit "Uptime" capped 50% quarterly:
    if availability < 99% and not announced then 10%
    if availability < 95% then 25%
  if response > 4h then 2 points
  point = 50 EUR
  cap 60% monthly
  output share: percent "Share" = total_credit_percent
  output lost: percent = downtime
  claim within 30 days
  example "Outage": availability = 98%, response = 5h => credit 350 EUR
  example "Year": availability = [98%, 99.9%] => credit 250 EUR
  example "Share": availability = 99% => share = 5%
`;

/** A saved program as untyped JSON, to damage freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const saved = (text: string): Json => {
  const { program, diagnostics } = compile(text);
  assert.ok(program, JSON.stringify(diagnostics.slice(0, 3)));
  return JSON.parse(JSON.stringify(program.toJSON()));
};
const BASE: Json = saved(RULES);
const S = 'ast.statements';

/** The problem with a copy of the base program after `damage`. */
function problemAfter(damage: (p: Json) => unknown): string {
  const program = structuredClone(BASE);
  const replaced = damage(program);
  const reading = validateSaved(replaced === undefined ? program : replaced);
  assert.equal(reading.ok, false, 'a damaged program was accepted');
  return reading.ok ? '' : reading.problem;
}

/** `a + a + …` of `n` terms, bracketed as a balanced tree: shallow enough for any number of terms. */
const sum = (n: number): string => (n === 1 ? 'a' : `(${sum(n >> 1)} + ${sum(n - (n >> 1))})`);
const KINDS = '"percent", "money", "duration", "number", "boolean", "points"';
const nested = (depth: number, leaf: Json): Json => {
  let node = leaf;
  for (let i = 0; i < depth; i++) node = { type: 'unary', op: 'not', operand: node, kind: 'boolean', span: { start: 0, end: 1 } };
  return node;
};

describe('every program the compiler writes reads back unchanged', () => {
  const texts: [string, string][] = [
    ...basePrograms().map((text, i): [string, string] => [`shipped example or inline program ${i + 1}: ${text.split('\n')[0].slice(0, 60)}`, text]),
    ...[1, 30, 300].map((lines): [string, string] => [`a generated ${lines}-line agreement`, generateProgram(lines)]),
    ['the program of this test, with every statement type', RULES],
    ['an empty program', ''],
    ['a program of comments', '# nothing but a comment\n'],
    // 19 986 nodes, near the limit of 20 000, and the `measure` of the proportional credit copies
    // the left side of its condition, which the limit does not count: as many nodes again.
    ['a program at the node limit of rules text', `fee 1000 EUR monthly\ninput a: percent range 0%..100%\nif ${sum(9_990)} < 50% then 1% per 0.1% below\n`],
  ];
  for (const [name, text] of texts) {
    it(name, () => {
      const json = saved(text);
      const reading = validateSaved(json);
      assert.ok(reading.ok, reading.ok ? '' : reading.problem);
      assert.deepEqual(reading.program, json);
      assert.deepEqual(validateSaved(JSON.stringify(json)), reading, 'the JSON text reads as the parsed JSON does');
    });
  }

  it('and the program read evaluates and runs its examples like the compiled one', () => {
    const compiled = compile(RULES).program!;
    const reading = validateSaved(saved(RULES));
    assert.ok(reading.ok);
    const loaded = loadProgram(reading.program).program!;
    assert.deepEqual(loaded.evaluate({ availability: '98%', response: '5h' }), compiled.evaluate({ availability: '98%', response: '5h' }));
    assert.deepEqual(loaded.runExamples().map((e) => e.passed), [true, true, true]);
  });

  it('as a copy of its own: changing the JSON afterwards changes nothing read', () => {
    const json = saved(RULES);
    const reading = validateSaved(json);
    assert.ok(reading.ok);
    json.ast.statements[5].credit.kind = 'dollars';
    json.inputs.length = 0;
    assert.deepEqual(reading.program, saved(RULES));
  });

  test('so does every random valid program', () => {
    fc.assert(
      fc.property(programArb(), (model) => {
        const json = saved(model.text);
        const reading = validateSaved(json);
        assert.ok(reading.ok, `${model.text}\n${reading.ok ? '' : reading.problem}`);
        assert.deepEqual(reading.program, json);
      }),
      { seed: 20_261_206, numRuns: 60 },
    );
  });
});

describe('a saved program read in steps (a page without a worker)', () => {
  it('reads as loadProgram reads it, its text parsed, read and planned in steps of their own', () => {
    const text = JSON.stringify(compile(RULES).program!.toJSON());
    const steps = loadProgramInSteps(text);
    let taken = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) taken++;
    assert.ok(taken >= 3, `${taken} steps`);
    const whole = loadProgram(text).program!;
    const values = { availability: '98.9%', response: '5h', announced: 'false' };
    assert.deepEqual(step.value.program!.evaluate(values), whole.evaluate(values));
  });
});

describe('a damaged or hostile saved program gets one problem with its path', () => {
  const cases: [sentence: string, damage: (p: Json) => unknown, problem: string | RegExp][] = [
    // What it is at all, and which version wrote it.
    ['not JSON', () => '{"format": "credit-rules/1",', /^this is not a precompiled credit-rules program: it is not JSON \(/],
    ['not an object', () => [1, 2], 'this is not a precompiled credit-rules program: expected a JSON object, got an array'],
    ['null', () => null, 'this is not a precompiled credit-rules program: expected a JSON object, got null'],
    ['no format', (p) => { delete p.format; }, 'this is not a precompiled credit-rules program: it has no "format"'],
    ['a format of another program', (p) => { p.format = 'vega-lite/5'; }, `this is not a precompiled credit-rules program: its format is "vega-lite/5"; this version reads "${PROGRAM_FORMAT}"`],
    ['a format no version wrote', (p) => { p.format = 'credit-rules/0'; }, `this is not a precompiled credit-rules program: its format is "credit-rules/0"; this version reads "${PROGRAM_FORMAT}"`],
    ['a format that is not a string', (p) => { p.format = 1; }, `this is not a precompiled credit-rules program: its format is 1; this version reads "${PROGRAM_FORMAT}"`],
    ['a newer format', (p) => { p.format = 'credit-rules/2'; }, `made by a newer credit-rules (format "credit-rules/2"); this version reads "${PROGRAM_FORMAT}"`],

    // Wrong types and unknown fields.
    ['a source that is not text', (p) => { p.source = 42; }, 'source: expected a string, got 42'],
    ['statements that are not a list', (p) => { p.ast.statements = {}; }, 'ast.statements: expected an array, got an object'],
    ['a missing credit', (p) => { delete p.ast.statements[5].credit; }, `${S}[5].credit: missing; expected an object`],
    ['a label that is null', (p) => { p.ast.statements[6].label = null; }, `${S}[6].label: expected a string, got null`],
    ['an unknown field', (p) => { p.ast.statements[0].amount.exponent = 3; }, `${S}[0].amount.exponent: unknown field`],
    ['an own __proto__ field', () => JSON.parse(JSON.stringify(BASE).replace('"type":"fee"', '"__proto__":{"polluted":true},"type":"fee"')), `${S}[0].__proto__: unknown field`],
    ['an own __proto__ field in JSON text', () => JSON.stringify(BASE).replace('"type":"fee"', '"__proto__":{"polluted":true},"type":"fee"'), `${S}[0].__proto__: unknown field`],
    ['a constructor field', (p) => { p.inputs[1].constructor = { prototype: {} }; }, 'inputs[1].constructor: unknown field'],
    ['an object that is not plain data', (p) => { p.ast.statements[9].cap.span = new Date(0); }, `${S}[9].cap.span: expected an object, got an object that is not plain data`],
    ['a hole in a list', (p) => { p.ast.statements[6].rules = [, p.ast.statements[6].rules[1]]; }, `${S}[6].rules[0]: missing; expected an object`],

    // Kinds: every expression carries its own, and it is the one its parts give.
    ['a missing kind', (p) => { delete p.ast.statements[5].condition.kind; }, `${S}[5].condition.kind: missing; expected one of ${KINDS}`],
    ['an unknown kind', (p) => { p.ast.statements[5].credit.kind = 'dollars'; }, `${S}[5].credit.kind: expected one of ${KINDS}, got "dollars"`],
    ['a kind that does not fit', (p) => { p.ast.statements[5].condition.kind = 'money'; }, `${S}[5].condition.kind: "money", but the expression is boolean`],
    ['a name of another kind than its input', (p) => { p.ast.statements[5].condition.operands[0].kind = 'number'; }, `${S}[5].condition.operands[0].kind: "number", but the expression is percent`],
    ['a sum of money and a share', (p) => { Object.assign(p.ast.statements[4].value.left, { kind: 'money', currency: 'EUR' }); }, `${S}[4].value: \`-\` of money and percent has no kind`],
    ['a comparison of a share with money', (p) => { Object.assign(p.ast.statements[5].condition.operands[1], { kind: 'money', currency: 'EUR' }); }, `${S}[5].condition.ops[0]: cannot compare percent with money by <`],
    ['a credit that is true or false', (p) => { p.ast.statements[5].credit = p.ast.statements[5].condition; }, `${S}[5].credit: expected percent or money or points, got boolean`],
    ['a condition that is a share', (p) => { p.ast.statements[5].condition = p.ast.statements[5].credit; }, `${S}[5].condition: expected boolean, got percent`],
    ['money in a points table', (p) => { Object.assign(p.ast.statements[6], { pool: 'points' }); }, `${S}[6].rules[0].credit: expected points, got percent`],
    ['a point rate in points', (p) => { Object.assign(p.ast.statements[8].rate, { kind: 'points' }); delete p.ast.statements[8].rate.currency; p.currency = 'EUR'; }, `${S}[8].rate: expected money or percent, got points`],
    ['points without a point rate', (p) => { p.ast.statements.splice(8, 1); }, `${S}[7].credit: points, but no point rate (\`point = …\`) says what a point is worth`],
    ['a minus before true or false', (p) => { p.ast.statements[6].rules[0].condition.right.op = '-'; }, `${S}[6].rules[0].condition.right: \`-\` of boolean has no kind`],
    ['a let of another kind than its value', (p) => { p.ast.statements[4].declaredKind = 'money'; }, `${S}[4].value: percent, but \`downtime\` is declared money`],
    ['an expression the parser could not read', (p) => { p.ast.statements[9].cap.amount = { type: 'invalid', span: { start: 0, end: 0 } }; }, `${S}[9].cap.amount: an expression the parser could not read: these rules had errors when they were saved`],
    ['an unknown node type', (p) => { p.ast.statements[5].credit.type = 'lambda'; }, `${S}[5].credit.type: expected one of "literal", "name", "unary", "binary", "compare", "call", "if", "invalid", got "lambda"`],
    ['an unknown statement type', (p) => { p.ast.statements[11].type = 'import'; }, /^ast\.statements\[11\]\.type: expected one of "rule", "block", .*, got "import"$/],
    ['a comparison with an operand too few', (p) => { p.ast.statements[5].condition.ops.push('<'); }, `${S}[5].condition: 2 operands for 2 comparisons`],

    // Literals as the lexer writes them.
    ['a number with an exponent', (p) => { p.ast.statements[5].credit.value = '1e5'; }, `${S}[5].credit.value: expected decimal digits such as "99.5", got "1e5"`],
    ['a number with a sign in it', (p) => { p.ast.statements[5].credit.value = '-5'; }, `${S}[5].credit.value: expected decimal digits such as "99.5", got "-5"`],
    ['a number of 31 digits', (p) => { p.ast.statements[5].credit.value = '1'.repeat(31); }, `${S}[5].credit.value: more than 30 significant digits`],
    ['true or false that is neither', (p) => { p.inputs[3].default.value = 'yes'; }, 'inputs[3].default.value: expected "true" or "false", got "yes"'],
    ['a currency in small letters', (p) => { p.ast.statements[0].amount.currency = 'eur'; }, `${S}[0].amount.currency: expected a currency code of three capital letters, got "eur"`],
    ['money without a currency', (p) => { delete p.ast.statements[8].rate.currency; }, `${S}[8].rate.currency: missing; money has its currency`],
    ['a duration without a unit', (p) => { delete p.ast.statements[7].condition.operands[1].unit; }, `${S}[7].condition.operands[1].unit: missing; a duration has one of "s", "min", "h", "d"`],
    ['a share with a currency', (p) => { p.ast.statements[5].credit.currency = 'EUR'; }, `${S}[5].credit.currency: percent has no currency`],
    ['money in a second currency', (p) => { p.ast.statements[8].rate.currency = 'USD'; }, `${S}[8].rate.currency: "USD", but the program's currency is "EUR"`],

    // Spans: whole numbers within the source.
    ['a negative span', (p) => { p.ast.statements[0].span.start = -1; }, new RegExp(`^${esc(`${S}[0].span.start: expected a whole number from 0 to ${RULES.length}, got -1`)}$`)],
    ['a span of NaN', (p) => { p.ast.statements[0].span.end = NaN; }, `${S}[0].span.end: expected a whole number from 0 to ${RULES.length}, got NaN`],
    ['a span of Infinity', (p) => { p.ast.statements[0].span.end = Infinity; }, `${S}[0].span.end: expected a whole number from 0 to ${RULES.length}, got Infinity`],
    ['a span of a fraction', (p) => { p.values[0].span.end = 1.5; }, `values[0].span.end: expected a whole number from 0 to ${RULES.length}, got 1.5`],
    ['a span beyond the source', (p) => { p.ast.statements[0].span.end = RULES.length + 1; }, `${S}[0].span.end: expected a whole number from 0 to ${RULES.length}, got ${RULES.length + 1}`],
    ['a span that ends before it starts', (p) => { p.ast.statements[0].span = { start: 9, end: 3 }; }, `${S}[0].span: starts at 9, after its end at 3`],
    ['a condition text that is not the condition', (p) => { p.ast.statements[5].conditionText = 'availability < 1%'; }, `${S}[5].conditionText: "availability < 1%", but the condition's text is "availability < 99.5%"`],

    // Names: declared, defined above their use, totals only after the credits.
    ['a name that is not declared', (p) => { p.ast.statements[5].condition.operands[0].name = 'ghost'; }, `${S}[5].condition.operands[0].name: \`ghost\` is not an input, a built-in or a \`let\` or \`output\` defined above`],
    ['a name used before its definition', (p) => { Object.assign(p.ast.statements[4].value.right, { name: 'lost' }); }, `${S}[4].value.right.name: \`lost\` is not an input, a built-in or a \`let\` or \`output\` defined above`],
    ['a total in a rule', (p) => { Object.assign(p.ast.statements[5].condition.operands[0], { name: 'total_credit_percent' }); }, `${S}[5].condition.operands[0].name: \`total_credit_percent\` is known only after the credits, so a rule, cap or point rate cannot use it`],
    ['an example of an input that does not exist', (p) => { p.ast.statements[13].givens[0].name = 'uptime'; }, `${S}[13].givens[0].name: \`uptime\` is not an input`],
    ['an example that expects a value that does not exist', (p) => { p.ast.statements[15].expectations[0].name = 'shares'; }, `${S}[15].expectations[0].name: \`shares\` is not an output, a \`let\` or a total`],
    ['an example that expects a credit of true or false', (p) => { p.ast.statements[13].expectations[0].value = p.inputs[3].default; }, `${S}[13].expectations[0].value.kind: expected percent or money, got boolean`],
    ['an example that gives an input a value of another kind', (p) => { p.ast.statements[13].givens[1].values[0] = p.inputs[1].default; }, `${S}[13].givens[1].values[0].kind: expected duration, got percent`],
    ['an example whose months are lists of different lengths', (p) => { p.ast.statements[14].givens.push({ ...p.ast.statements[14].givens[0], name: 'response', values: [p.inputs[2].default] }); }, `${S}[14].givens: lists of different lengths, but they are the months of one year`],
    ['a proportional credit measured from elsewhere', (p) => { p.ast.statements[5].proportional.measure.threshold.value = '90'; }, `${S}[5].proportional.measure: not two operands that the condition compares with <, <=, > or >=, facing below`],
    ['a proportional credit measured the wrong way round', (p) => { const m = p.ast.statements[5].proportional.measure; p.ast.statements[5].proportional.measure = { subject: m.threshold, threshold: m.subject }; }, `${S}[5].proportional.measure: not two operands that the condition compares with <, <=, > or >=, facing below`],
    ['a second fee', (p) => { p.ast.statements.push(p.ast.statements[0]); }, `${S}[16]: a second \`fee\` statement`],

    // The form's specs agree with the statements.
    ['no fee among the inputs', (p) => { p.inputs.shift(); }, 'inputs: no `fee` input of money, given monthly or yearly, though the rules use a share of the fee'],
    ['an input listed twice', (p) => { p.inputs.push(p.inputs[1]); }, 'inputs[4].name: `availability` is listed twice'],
    ['an input that is a built-in', (p) => { p.inputs[1].name = 'total_credit'; }, 'inputs[1].name: `total_credit` is a built-in'],
    ['a period for an input that is not the fee', (p) => { p.inputs[1].period = 'monthly'; }, 'inputs[1].period: only the fee has a period'],
    ['an input of another kind than declared', (p) => { p.inputs[2].kind = 'number'; p.inputs[2].default = { type: 'literal', kind: 'number', value: '2', span: { start: 0, end: 1 } }; }, `${S}[2].name: \`response\` is no duration input among \`inputs\``],
    ['a default of another kind than its input', (p) => { p.inputs[1].default = p.inputs[2].default; }, 'inputs[1]: a duration value for a percent input'],
    ['a value without its statement', (p) => { p.values.push({ name: 'extra', kind: 'number', role: 'let', span: { start: 0, end: 0 } }); }, 'values[3]: no `let` or `output` defines `extra`'],
    ['a let without its value spec', (p) => { p.values.shift(); }, `${S}[4].name: \`downtime\` is not the one percent \`let\` of this name among \`values\``],

    // Limits of untrusted rules text.
    ['expressions nested 257 deep', (p) => { p.ast.statements[6].rules[0].condition.right = nested(256, p.ast.statements[6].rules[0].condition.right.operand); }, new RegExp(`^${esc(`${S}[6].rules[0].condition`)}(\\.right|\\.operand)+: expressions nested more than 256 deep, the limit for rules$`)],
    ['expressions nested 100 000 deep', (p) => { p.ast.statements[5].condition = nested(100_000, { type: 'name', name: 'announced', kind: 'boolean', span: { start: 0, end: 1 } }); }, /^ast\.statements\[5\]\.condition(\.operand){256}: expressions nested more than 256 deep, the limit for rules$/],
    ['a million statements', (p) => { p.ast.statements = new Array(1_000_000).fill(p.ast.statements[9]); }, 'ast.statements: 1000000 entries, more than the 20000 allowed'],
    ['a comparison of a million operands', (p) => { const c = p.ast.statements[5].condition; c.operands = new Array(1_000_000).fill(c.operands[0]); c.ops = new Array(999_999).fill('<'); }, `${S}[5].condition.operands: 1000000 entries, more than the 20000 allowed`],
    ['more nodes than rules text may have', (p) => { p.ast.statements = new Array(10_001).fill(p.ast.statements[9]); }, /^ast\.statements\[\d+\](\.cap\.amount)?: more than 20000 syntax tree nodes, the limit for rules$/],
    ['a year of thirteen months', (p) => { const g = p.ast.statements[14].givens[0]; g.values = new Array(13).fill(g.values[0]); }, `${S}[14].givens[0].values: 13 entries, more than the 12 allowed`],
    ['a JSON text longer than any program', () => `${' '.repeat(32 * 1024 * 1024)}{}`, 'this is not a precompiled credit-rules program: 33554434 characters of JSON, more than any program within the limits of rules text'],
    ['a source longer than rules text may be', (p) => { p.source = 'x'.repeat(200_001); }, 'source: 200001 characters, more than the 200000 allowed'],
  ];
  for (const [sentence, damage, problem] of cases) {
    it(sentence, () => {
      const found = problemAfter(damage);
      if (typeof problem === 'string') assert.equal(found, problem);
      else assert.match(found, problem);
    });
  }

  it('read in steps, as a page without a worker reads it, each gets the same problem', () => {
    for (const [sentence, damage] of cases) {
      const program = structuredClone(BASE);
      const replaced = damage(program);
      const given = replaced === undefined ? program : replaced;
      const [whole, inSteps] = [loadProgram(given), finish(loadProgramInSteps(given))];
      assert.equal(inSteps.program, undefined, sentence);
      assert.deepEqual(inSteps.diagnostics, whole.diagnostics, sentence);
    }
  });

  it('a __proto__ key pollutes nothing', () => {
    problemAfter(() => JSON.parse(JSON.stringify(BASE).replace('"type":"fee"', '"__proto__":{"polluted":true},"type":"fee"')));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

});

function esc(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------
// Random damage
// ---------------------------------------------------------------------------

/** Where a value sits in the tree, to replace or remove it. */
interface Place {
  readonly parent: Json;
  readonly key: string | number;
}

function places(root: Json): Place[] {
  const out: Place[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    for (const key of Array.isArray(node) ? node.keys() : Object.keys(node)) {
      out.push({ parent: node, key });
      const value = node[key];
      if (typeof value === 'object' && value !== null) stack.push(value);
    }
  }
  return out;
}

const WORDS = [
  'literal', 'name', 'unary', 'binary', 'compare', 'invalid', 'rule', 'block', 'fee', 'input', 'cap', 'point-rate', 'let', 'output', 'claim', 'example',
  'percent', 'money', 'duration', 'number', 'boolean', 'points', 'monthly', 'quarterly', 'yearly', 'below', 'above', 'full', 'started',
  '<', '<=', '=', '!=', '+', '-', '*', '/', 'of', 'and', 'or', 'not', 'credit', 'true', 'false', 'EUR', 'USD', 'min', 'h', 's', 'd',
  'fee', 'availability', 'downtime', 'share', 'total_credit', 'total_credit_percent', 'ghost', '0', '1', '99.5', '1e5', '-1', '',
  'credit-rules/1', 'credit-rules/2', '__proto__', 'constructor',
];
const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(0, 1, -1, 0.5, 1e21, NaN, Infinity, -Infinity, true, false, null, [], {}),
  fc.integer({ min: 0, max: RULES.length + 2 }),
  fc.jsonValue({ maxDepth: 2 }),
);

type Mutation =
  | { readonly op: 'remove'; readonly at: number }
  | { readonly op: 'set'; readonly at: number; readonly value: unknown }
  | { readonly op: 'copy'; readonly at: number; readonly from: number }
  | { readonly op: 'add'; readonly at: number; readonly key: string; readonly value: unknown }
  /** A leaf for another of its type: most of these still read, and so run. */
  | { readonly op: 'tweak'; readonly at: number; readonly pick: number }
  /** An expression in place of another: a credit that is a condition, a name of another kind. */
  | { readonly op: 'graft'; readonly at: number; readonly from: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: valueArb }),
  fc.record({ op: fc.constant('copy' as const), at: fc.nat(), from: fc.nat() }),
  fc.record({ op: fc.constant('tweak' as const), at: fc.nat(), pick: fc.nat() }),
  fc.record({ op: fc.constant('tweak' as const), at: fc.nat(), pick: fc.nat() }),
  fc.record({ op: fc.constant('graft' as const), at: fc.nat(), from: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: fc.constantFrom('__proto__', 'constructor', 'kind', 'type', 'unit', 'currency', 'negative', 'measure', 'label'), value: valueArb }),
);

const EXPRESSIONS = new Set(['literal', 'name', 'unary', 'binary', 'compare']);

function mutate(root: Json, mutation: Mutation): void {
  const all = places(root);
  if (mutation.op === 'graft') {
    const expressions = all.filter(({ parent, key }) => EXPRESSIONS.has(parent[key]?.type) && 'span' in parent[key]);
    if (expressions.length === 0) return;
    const to = expressions[mutation.at % expressions.length];
    const from = expressions[mutation.from % expressions.length];
    to.parent[to.key] = structuredClone(from.parent[from.key]);
    return;
  }
  if (all.length === 0) return;
  const { parent, key } = all[mutation.at % all.length];
  switch (mutation.op) {
    case 'remove':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      return;
    case 'set':
      parent[key] = structuredClone(mutation.value);
      return;
    case 'copy': {
      const from = all[mutation.from % all.length];
      parent[key] = structuredClone(from.parent[from.key]);
      return;
    }
    case 'tweak': {
      const old = parent[key];
      if (typeof old === 'string') parent[key] = WORDS[mutation.pick % WORDS.length];
      else if (typeof old === 'number') parent[key] = mutation.pick % (RULES.length + 1);
      else if (typeof old === 'boolean') parent[key] = !old;
      return;
    }
    case 'add': {
      const target = typeof parent[key] === 'object' && parent[key] !== null && !Array.isArray(parent[key]) ? parent[key] : parent;
      if (Array.isArray(target)) return;
      // An own property even for `__proto__`, as JSON.parse makes it.
      Object.defineProperty(target, mutation.key, { value: structuredClone(mutation.value), enumerable: true, writable: true, configurable: true });
    }
  }
}

/** Each input at both ends of its range, as two months: so conditions that no default meets hold too. */
function extremes(program: Program): InputValues {
  return Object.fromEntries(program.inputs.map((i) => {
    if (i.kind === 'boolean') return [i.name, [true, false]];
    if (i.name === 'fee') return [i.name, [i.default ?? '1000', i.default ?? '1000']];
    return [i.name, [i.range?.min ?? '0', i.range?.max ?? (i.kind === 'percent' ? '100' : '1000000')]];
  }));
}

test('random damage to a saved program is read or reported, never thrown, and what is read runs without throwing', () => {
  const bases = [BASE, ...basePrograms().map(saved)];
  fc.assert(
    fc.property(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), fc.boolean(), (which, mutations, asText) => {
      const program = structuredClone(bases[which % bases.length]);
      for (const m of mutations) mutate(program, m);
      const reading = validateSaved(asText ? JSON.stringify(program) ?? 'undefined' : program);
      if (!reading.ok) {
        assert.match(reading.problem, /\S/);
        return;
      }
      const loaded = loadProgram(reading.program);
      assert.ok(loaded.program, JSON.stringify(loaded.diagnostics));
      const p = loaded.program;
      for (const values of [{}, extremes(p)]) {
        p.evaluate(values);
        p.credit(values);
      }
      p.runExamples();
      p.render('en');
    }),
    { seed: 20_261_207, numRuns: 1000 },
  );
});
