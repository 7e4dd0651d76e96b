/**
 * The shape of a saved program, field by field: every node of `ast.ts` that a
 * checked program holds, the input and value specs, and the literals and
 * spans inside them, with the structural limits of untrusted rules text
 * (`limits.ts`). Reading is depth-bounded and counts nodes as `measure` does,
 * so a hostile file cannot make it, or a later evaluation, overflow the stack
 * or run long. What the fields mean together (names, kinds) is `meaning.ts`.
 */
import type * as A from '../ast.js';
import { FUNCTION_NAMES } from '../ast.js';
import { PROGRAM_FORMAT, type CheckedProgram, type InputSpec, type ValueSpec } from '../checker/program.js';
import { LIMITS } from '../limits.js';
import type { Span } from '../source.js';
import { array, boolean, child, count, expected, fail, isPlainObject, object, oneOf, optional, refine, text, variants, type Reader } from './read.js';

const KINDS: A.Kind[] = ['percent', 'money', 'duration', 'number', 'boolean', 'points'];
const kind = oneOf(...KINDS);
const inputKind = oneOf<A.InputKind>('percent', 'money', 'duration', 'number', 'boolean');
const period = oneOf<A.Period>('monthly', 'quarterly', 'yearly');
const feePeriod = period;
const name = text(LIMITS.sourceLength, /^[A-Za-z][A-Za-z0-9_]*$/, 'a name (a letter, then letters, digits or _)');
const label = text(LIMITS.sourceLength);
const currency = text(3, /^[A-Z]{3}$/, 'a currency code of three capital letters');
/** A flag that is only ever written as `true`. */
const yes: Reader<true> = (value, at) => (value === true ? true : expected(at, 'true', value));
/** A label's translations: two-letter language tags to texts. */
const translations: Reader<A.Translations> = (value, at) => {
  if (!isPlainObject(value)) return expected(at, 'an object of translations', value);
  const out: Record<string, string> = {};
  for (const [tag, text] of Object.entries(value)) {
    if (!/^[a-z]{2}$/.test(tag)) fail(child(at, tag), 'not a language tag of two lowercase letters');
    out[tag] = label(text, child(at, tag));
  }
  return out;
};
/** Digits as the lexer leaves them: no sign, exponent or grouping underscores. */
const DIGITS = /^\d+(?:\.\d+)?$/;

/** The rules as written: within the limits of rules text. */
export const source = refine(text(LIMITS.sourceLength), (s, at) => {
  const lines = s.split('\n').length;
  if (lines > LIMITS.lines) fail(at, `${lines} lines, more than the ${LIMITS.lines} allowed`);
});

/**
 * The reader of a program whose source has `sourceLength` characters. Made
 * for each program, for its spans lie within its source and its counts are
 * its own.
 */
export function savedProgram(sourceLength: number): Reader<CheckedProgram> {
  /** Nodes as `measure` counts them: statements, expressions, example values and expectations. */
  let nodes = 0;
  /**
   * The expressions of proportional credits' `measure`: copies of parts of their conditions,
   * which `measure` does not count, so counted apart, against the same limit.
   */
  let copies = 0;
  let copying = false;
  let depth = 0;
  const counted = (at: string) => {
    const n = copying ? ++copies : ++nodes;
    if (n > LIMITS.astNodes) fail(at, `more than ${LIMITS.astNodes} syntax tree nodes, the limit for rules`);
  };

  const offset = count(sourceLength);
  const span: Reader<Span> = refine(object({ start: offset, end: offset }), (s, at) => {
    if (s.start > s.end) fail(at, `starts at ${s.start}, after its end at ${s.end}`);
  });

  const literal: Reader<A.Literal> = refine(
    object({
      type: oneOf('literal'),
      kind,
      value: text(LIMITS.sourceLength),
      unit: optional(oneOf<A.DurationUnit>('s', 'min', 'h', 'd')),
      currency: optional(currency),
      negative: optional(boolean),
      span,
    }),
    (l, at) => {
      if (l.kind === 'boolean') {
        if (l.value !== 'true' && l.value !== 'false') expected(`${at}.value`, '"true" or "false"', l.value);
        if (l.negative !== undefined) fail(`${at}.negative`, 'true or false has no sign');
      } else if (!DIGITS.test(l.value)) {
        expected(`${at}.value`, 'decimal digits such as "99.5"', l.value);
      } else if (l.value.replace('.', '').replace(/^0+/, '').length > LIMITS.literalDigits) {
        fail(`${at}.value`, `more than ${LIMITS.literalDigits} significant digits`);
      }
      if ((l.kind === 'duration') !== (l.unit !== undefined)) {
        fail(`${at}.unit`, l.kind === 'duration' ? 'missing; a duration has one of "s", "min", "h", "d"' : `${l.kind} has no unit`);
      }
      if ((l.kind === 'money') !== (l.currency !== undefined)) {
        fail(`${at}.currency`, l.kind === 'money' ? 'missing; money has its currency' : `${l.kind} has no currency`);
      }
    },
  );

  // Every expression of a checked program carries its kind: a missing one is damage, never a default.
  const node: Reader<A.Expr> = variants<A.Expr>('type', {
    literal,
    name: object({ type: oneOf('name'), name, kind, span }),
    unary: object({ type: oneOf('unary'), op: oneOf('-', 'not'), operand: (v, at) => expr(v, at), kind, span }),
    binary: object({ type: oneOf('binary'), op: oneOf('+', '-', '*', '/', 'of', 'and', 'or'), left: (v, at) => expr(v, at), right: (v, at) => expr(v, at), kind, span }),
    compare: refine(
      object({
        type: oneOf('compare'),
        operands: array((v, at) => expr(v, at), LIMITS.astNodes, 2),
        ops: array(oneOf<A.CompareOp>('<', '<=', '>', '>=', '=', '!='), LIMITS.astNodes, 1),
        kind,
        span,
      }),
      (c, at) => {
        if (c.operands.length !== c.ops.length + 1) fail(at, `${c.operands.length} operands for ${c.ops.length} comparisons`);
      },
    ),
    call: object({ type: oneOf('call'), name: oneOf<A.FunctionName>(...FUNCTION_NAMES), nameSpan: span, args: array((v, at) => expr(v, at), LIMITS.astNodes), kind, span }),
    if: object({ type: oneOf('if'), condition: (v, at) => expr(v, at), then: (v, at) => expr(v, at), otherwise: (v, at) => expr(v, at), kind, span }),
    invalid: (_, at) => fail(at, 'an expression the parser could not read: these rules had errors when they were saved'),
  });
  const expr: Reader<A.Expr> = (value, at) => {
    counted(at);
    if (++depth > LIMITS.expressionDepth) fail(at, `expressions nested more than ${LIMITS.expressionDepth} deep, the limit for rules`);
    const out = node(value, at);
    depth--;
    return out;
  };
  const copy: Reader<A.Expr> = (value, at) => {
    copying = true;
    const out = expr(value, at);
    copying = false;
    return out;
  };

  const cap: Reader<A.Cap> = object({ amount: expr, period, span });
  const caps = array(cap, LIMITS.astNodes);
  const proportional: Reader<A.Proportional> = object({
    step: expr,
    rounding: oneOf('full', 'started'),
    direction: oneOf('below', 'above'),
    measure: object({ subject: copy, threshold: copy }),
    span,
  });
  const rule: Reader<A.Rule> = object({
    type: oneOf('rule'), condition: expr, credit: expr, proportional: optional(proportional), caps, conditionText: label, span,
  });
  const statement = variants<A.Statement>('type', {
    rule,
    block: object({
      type: oneOf('block'), pool: oneOf('credit', 'points'), label: optional(label), translations: optional(translations), caps,
      each: optional(object({ name, nameSpan: span, list: name, listSpan: span })), rules: array(rule, LIMITS.astNodes), headerSpan: span, span }),
    fee: object({ type: oneOf('fee'), amount: literal, period: feePeriod, label: optional(label), translations: optional(translations), span }),
    input: object({
      type: oneOf('input'), name, nameSpan: span, inputKind, list: optional(yes), label: optional(label), translations: optional(translations), default: optional(literal),
      defaultItems: optional(array(literal, LIMITS.listItems)),
      range: optional(object({ min: literal, max: literal, span })), step: optional(literal), span,
    }),
    cap: object({ type: oneOf('cap'), cap, span }),
    'point-rate': object({ type: oneOf('point-rate'), rate: expr, span }),
    let: object({ type: oneOf('let'), name, nameSpan: span, declaredKind: optional(kind), label: optional(label), translations: optional(translations), value: expr, span }),
    output: object({ type: oneOf('output'), name, nameSpan: span, declaredKind: optional(kind), label: optional(label), translations: optional(translations), value: expr, span }),
    claim: object({ type: oneOf('claim'), within: literal, measure: optional(oneOf('business-days', 'months')), afterIncident: optional(boolean), span }),
    'pay-if': object({ type: oneOf('pay-if'), condition: expr, span }),
    period: object({ type: oneOf('period'), period, span }),
    payout: object({
      type: oneOf('payout'), what: label, whatTranslations: optional(translations),
      recipient: optional(label), recipientTranslations: optional(translations), span,
    }),
    example: object({
      type: oneOf('example'),
      label: optional(label),
      translations: optional(translations),
      givens: array(object({
        name, nameSpan: span, values: array(countedLiteral, LIMITS.listItems), list: boolean,
        lists: optional(array(array(countedLiteral, LIMITS.listItems), LIMITS.listValues)), span,
      }), LIMITS.astNodes),
      expectations: array((value, at) => {
        counted(at);
        return expectation(value, at);
      }, LIMITS.astNodes),
      span,
    }),
  });
  function countedLiteral(value: unknown, at: string): A.Literal {
    counted(at);
    return literal(value, at);
  }
  const expectation = variants<A.ExampleExpectation>('target', {
    credit: object({ target: oneOf('credit'), value: literal, span }),
    name: object({ target: oneOf('name'), name, nameSpan: span, value: literal, span }),
  });

  const inputSpec: Reader<InputSpec> = object({
    name, kind: inputKind, label: optional(label), translations: optional(translations), list: optional(yes), defaultItems: optional(array(literal, LIMITS.listItems)), default: optional(literal),
    range: optional(object({ min: literal, max: literal })), step: optional(literal),
    implicit: boolean, period: optional(feePeriod), span,
  });
  const valueSpec: Reader<ValueSpec> = object({ name, kind, label: optional(label), translations: optional(translations), role: oneOf('let', 'output'), span });

  return object({
    format: oneOf(PROGRAM_FORMAT),
    source,
    ast: object({
      statements: array((value, at) => {
        counted(at);
        return statement(value, at);
      }, LIMITS.astNodes),
    }),
    inputs: array(inputSpec, LIMITS.astNodes),
    values: array(valueSpec, LIMITS.astNodes),
    currency: optional(currency),
  });
}
