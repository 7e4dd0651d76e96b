/**
 * Turns Chevrotain's CST into the AST of `ast.ts`. The parser recovers from
 * errors, so any child may be missing here: a missing expression becomes an
 * `invalid` node (its error is already reported) and a statement without its
 * essentials is dropped rather than guessed at.
 */
import type { CstNode, IToken } from 'chevrotain';
import type * as A from './ast.js';
import type { Problem } from './diagnostics.js';
import { problems } from './problems.js';
import { isCurrency, MAX_LITERAL_DIGITS, parseQuantity, significantDigits } from './literals.js';
import type { Span } from './source.js';
import * as t from './tokens.js';

type Element = CstNode | IToken;

const isToken = (e: Element | undefined): e is IToken => !!e && 'image' in e;
const real = (token: IToken | undefined): token is IToken =>
  !!token && !token.isInsertedInRecovery && Number.isFinite(token.startOffset);

function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

function tokenIn(node: CstNode | undefined, name: string, index = 0): IToken | undefined {
  const found = node?.children[name]?.[index];
  return isToken(found) && real(found) ? found : undefined;
}

function nodeIn(node: CstNode | undefined, name: string, index = 0): CstNode | undefined {
  const found = node?.children[name]?.[index];
  return found && !isToken(found) ? found : undefined;
}

function all(node: CstNode | undefined, name: string): Element[] {
  return node?.children[name] ?? [];
}

/** A node's span without its closing newline; undefined when recovery left it empty. */
function nodeSpan(node: CstNode | undefined): Span | undefined {
  const loc = node?.location;
  if (!loc || !Number.isFinite(loc.startOffset) || !Number.isFinite(loc.endOffset)) return undefined;
  const newline = tokenIn(node, 'Newline');
  const end = newline && newline.image !== '' ? newline.startOffset : (loc.endOffset as number) + 1;
  return { start: loc.startOffset, end: Math.max(loc.startOffset, end) };
}

export function unquote(image: string): string {
  const inner = image.endsWith('"') && image.length > 1 ? image.slice(1, -1) : image.slice(1);
  return inner.replace(/\\(["\\])/g, '$1');
}

/** The tokens a `literal` node may hold, as the grammar names them. */
const LITERAL_TOKENS = ['PercentLiteral', 'MoneyLiteral', 'DurationLiteral', 'NumberLiteral', 'BadUnit', 'True', 'False'] as const;

const periods: Record<string, A.Period> = { monthly: 'monthly', quarterly: 'quarterly', yearly: 'yearly' };

export class AstBuilder {
  readonly problems: Problem[] = [];

  constructor(private readonly source: string) {}

  program(cst: CstNode): A.ProgramAst {
    const statements: A.Statement[] = [];
    for (const element of all(cst, 'statement')) {
      const statement = this.statement(element as CstNode);
      if (statement) statements.push(statement);
    }
    return { statements };
  }

  private statement(node: CstNode): A.Statement | undefined {
    const [name, children] = Object.entries(node.children)[0] ?? [];
    const child = children?.[0] as CstNode | undefined;
    if (!child) return undefined;
    switch (name) {
      case 'ruleStatement': return this.rule(child);
      case 'block': return this.block(child);
      case 'feeStatement': return this.fee(child);
      case 'inputStatement': return this.input(child);
      case 'capStatement': return this.capStatement(child);
      case 'pointRate': return this.pointRate(child);
      case 'letStatement': return this.declaration('let', child);
      case 'outputStatement': return this.declaration('output', child);
      case 'claimStatement': return this.claim(child);
      case 'exampleStatement': return this.example(child);
      default: return undefined;
    }
  }

  private rule(node: CstNode): A.Rule | undefined {
    const span = nodeSpan(node);
    const conditionNode = nodeIn(node, 'condition');
    const creditNode = nodeIn(node, 'credit');
    if (!span || !conditionNode || !creditNode) return undefined;
    const condition = this.expression(conditionNode);
    const proportionalNode = nodeIn(node, 'proportional');
    const proportional = proportionalNode ? this.proportional(proportionalNode) : undefined;
    return {
      type: 'rule',
      condition,
      credit: this.expression(creditNode),
      ...(proportional ? { proportional } : {}),
      caps: all(node, 'capClause').flatMap((c) => this.capClause(c as CstNode)),
      conditionText: this.source.slice(condition.span.start, condition.span.end),
      span,
    };
  }

  private proportional(node: CstNode): A.Proportional | undefined {
    const span = nodeSpan(node);
    const stepNode = nodeIn(node, 'step');
    if (!span || !stepNode) return undefined;
    const direction = tokenIn(node, 'Below') ? 'below' : tokenIn(node, 'Above') ? 'above' : undefined;
    if (!direction) return undefined;
    return {
      step: this.expression(stepNode),
      rounding: tokenIn(node, 'Started') ? 'started' : 'full',
      direction,
      span,
    };
  }

  private capClause(node: CstNode): A.Cap[] {
    return all(node, 'capSpec').flatMap((spec) => {
      const cap = this.capSpec(spec as CstNode);
      return cap ? [cap] : [];
    });
  }

  private capSpec(node: CstNode): A.Cap | undefined {
    const span = nodeSpan(node);
    const amountNode = nodeIn(node, 'amount');
    if (!span || !amountNode) return undefined;
    const periodNode = nodeIn(node, 'period');
    const periodToken = periodNode && (Object.values(periodNode.children)[0]?.[0] as IToken | undefined);
    return {
      amount: this.expression(amountNode),
      period: (periodToken && periods[periodToken.image]) ?? 'monthly',
      span,
    };
  }

  private block(node: CstNode): A.Block | undefined {
    const span = nodeSpan(node);
    const colon = tokenIn(node, 'Colon');
    const opener = tokenIn(node, 'Credit') ?? tokenIn(node, 'Points');
    if (!span || !opener) return undefined;
    const label = tokenIn(node, 'StringLiteral');
    const rules = all(node, 'ruleStatement').flatMap((r) => {
      const rule = this.rule(r as CstNode);
      return rule ? [rule] : [];
    });
    const headerEnd = colon ? colon.startOffset + 1 : span.start + opener.image.length;
    if (colon && !tokenIn(node, 'Indent')) this.problems.push(problems.emptyBlock({ start: span.start, end: headerEnd }));
    const lastRule = rules[rules.length - 1];
    return {
      type: 'block',
      pool: opener.tokenType === t.Points ? 'points' : 'credit',
      ...(label ? { label: unquote(label.image) } : {}),
      caps: all(node, 'capClause').flatMap((c) => this.capClause(c as CstNode)),
      rules,
      headerSpan: { start: span.start, end: headerEnd },
      span: { start: span.start, end: lastRule ? lastRule.span.end : headerEnd },
    };
  }

  private fee(node: CstNode): A.FeeDecl | undefined {
    const span = nodeSpan(node);
    const money = tokenIn(node, 'MoneyLiteral');
    if (!span || !money) return undefined;
    const amount = this.literalToken(money);
    if (amount.type !== 'literal') return undefined;
    const label = tokenIn(node, 'StringLiteral');
    return {
      type: 'fee',
      amount,
      period: tokenIn(node, 'Yearly') ? 'yearly' : 'monthly',
      ...(label ? { label: unquote(label.image) } : {}),
      span,
    };
  }

  private input(node: CstNode): A.InputDecl | undefined {
    const span = nodeSpan(node);
    const name = this.declaredName(nodeIn(node, 'declaredName'));
    const kindToken = this.kindToken(nodeIn(node, 'kind'));
    if (!span || !name || !kindToken) return undefined;
    let label: string | undefined;
    let defaultValue: A.Literal | undefined;
    let range: A.InputDecl['range'];
    let step: A.Literal | undefined;
    for (const option of all(node, 'inputOption') as CstNode[]) {
      const text = tokenIn(option, 'StringLiteral');
      if (text) label = unquote(text.image);
      const d = this.signedLiteral(nodeIn(option, 'default'));
      if (d) defaultValue = d;
      const min = this.signedLiteral(nodeIn(option, 'min'));
      const max = this.signedLiteral(nodeIn(option, 'max'));
      if (min && max) range = { min, max, span: { start: min.span.start, end: max.span.end } };
      const s = this.signedLiteral(nodeIn(option, 'step'));
      if (s) step = s;
    }
    return {
      type: 'input',
      name: name.name,
      nameSpan: name.span,
      inputKind: kindToken as A.InputKind,
      ...(label !== undefined ? { label } : {}),
      ...(defaultValue ? { default: defaultValue } : {}),
      ...(range ? { range } : {}),
      ...(step ? { step } : {}),
      span,
    };
  }

  private capStatement(node: CstNode): A.CapStmt | undefined {
    const span = nodeSpan(node);
    const cap = this.capSpec(nodeIn(node, 'capSpec') as CstNode);
    if (!span || !cap) return undefined;
    return { type: 'cap', cap, span };
  }

  private pointRate(node: CstNode): A.PointRate | undefined {
    const span = nodeSpan(node);
    const rate = nodeIn(node, 'additive');
    if (!span || !rate) return undefined;
    return { type: 'point-rate', rate: this.expression(rate), span };
  }

  private declaration(type: 'let' | 'output', outer: CstNode): A.LetDecl | A.OutputDecl | undefined {
    const node = nodeIn(outer, 'declaration');
    const span = nodeSpan(outer);
    const name = this.declaredName(nodeIn(node, 'declaredName'));
    const valueNode = nodeIn(node, 'expression');
    if (!span || !name || !valueNode) return undefined;
    const kind = this.kindToken(nodeIn(node, 'kind'));
    const label = tokenIn(node, 'StringLiteral');
    const newline = tokenIn(node, 'Newline');
    return {
      type,
      name: name.name,
      nameSpan: name.span,
      ...(kind ? { declaredKind: kind } : {}),
      ...(label ? { label: unquote(label.image) } : {}),
      value: this.expression(valueNode),
      span: newline && newline.image !== '' ? { start: span.start, end: newline.startOffset } : span,
    };
  }

  private claim(node: CstNode): A.ClaimDecl | undefined {
    const span = nodeSpan(node);
    const term = nodeIn(node, 'claimTerm');
    const duration = tokenIn(term, 'DurationLiteral');
    const days = tokenIn(term, 'NumberLiteral');
    if (!span || !(duration || days)) return undefined;
    let within: A.Expr;
    if (duration) within = this.literalToken(duration);
    else {
      const number = days as IToken;
      const daysToken = tokenIn(term, 'Days');
      within = {
        type: 'literal', kind: 'duration', value: number.image.replaceAll('_', ''), unit: 'd',
        span: { start: number.startOffset, end: daysToken ? daysToken.startOffset + daysToken.image.length : number.startOffset + number.image.length },
      };
    }
    if (within.type !== 'literal') return undefined;
    return { type: 'claim', within, span };
  }

  private example(node: CstNode): A.ExampleDecl | undefined {
    const span = nodeSpan(node);
    if (!span) return undefined;
    const label = tokenIn(node, 'StringLiteral');
    const givens: A.ExampleGiven[] = [];
    for (const g of all(node, 'given') as CstNode[]) {
      const gSpan = nodeSpan(g);
      const name = this.exampleName(nodeIn(g, 'exampleName'));
      const values = [...all(g, 'signedLiteral')].flatMap((v) => {
        const literal = this.signedLiteral(v as CstNode);
        return literal ? [literal] : [];
      });
      if (!gSpan || !name || values.length === 0) continue;
      givens.push({ name: name.name, nameSpan: name.span, values, list: !!tokenIn(g, 'LBracket'), span: gSpan });
    }
    const expectations: A.ExampleExpectation[] = [];
    for (const e of all(node, 'expectation') as CstNode[]) {
      const eSpan = nodeSpan(e);
      const value = this.signedLiteral(nodeIn(e, 'signedLiteral'));
      if (!eSpan || !value) continue;
      if (tokenIn(e, 'Credit')) {
        expectations.push({ target: 'credit', value, span: eSpan });
      } else {
        const name = this.exampleName(nodeIn(e, 'exampleName'));
        if (name) expectations.push({ target: 'name', name: name.name, nameSpan: name.span, value, span: eSpan });
      }
    }
    return { type: 'example', ...(label ? { label: unquote(label.image) } : {}), givens, expectations, span };
  }

  // Names and kinds

  private declaredName(node: CstNode | undefined): { name: string; span: Span } | undefined {
    const identifier = tokenIn(node, 'Identifier');
    if (identifier) return { name: identifier.image, span: tokenSpan(identifier) };
    const keyword = tokenIn(node, 'Keyword');
    if (keyword) {
      this.problems.push(problems.reservedWord(keyword.image, tokenSpan(keyword)));
      return { name: keyword.image, span: tokenSpan(keyword) };
    }
    return undefined;
  }

  private exampleName(node: CstNode | undefined): { name: string; span: Span } | undefined {
    const token = tokenIn(node, 'Identifier') ?? tokenIn(node, 'Fee');
    return token ? { name: token.image, span: tokenSpan(token) } : undefined;
  }

  private kindToken(node: CstNode | undefined): A.InputKind | undefined {
    const token = node && (Object.values(node.children)[0]?.[0] as IToken | undefined);
    return token && real(token) ? (token.image as A.InputKind) : undefined;
  }

  // Expressions

  expression(node: CstNode): A.Expr {
    // Most levels of the precedence ladder hold a single operand and no operator
    // (`99.5%` is an expression > conjunction > negation > … > atom > literal):
    // step down those without building anything, for they are most of the tree.
    let current = node;
    for (;;) {
      const c = current.children;
      const next = c.operands?.length === 1 && !c.operators ? c.operands[0]
        : (current.name === 'negation' && !c.Not) ? c.comparison?.[0]
          : (current.name === 'unary' && !c.Minus) ? c.atom?.[0]
            : undefined;
      if (!next || isToken(next)) break;
      current = next;
    }
    return this.expressionNode(current);
  }

  private expressionNode(node: CstNode): A.Expr {
    switch (node.name) {
      case 'expression': return this.fold(node, () => 'or');
      case 'conjunction': return this.fold(node, () => 'and');
      case 'negation': {
        const inner = nodeIn(node, 'negation');
        if (tokenIn(node, 'Not') && inner) return { type: 'unary', op: 'not', operand: this.expression(inner), span: this.span(node) };
        const comparison = nodeIn(node, 'comparison');
        return comparison ? this.expression(comparison) : { type: 'invalid', span: this.span(node) };
      }
      case 'comparison': {
        const operands = all(node, 'operands').map((o) => this.expression(o as CstNode));
        const ops = all(node, 'operators').filter(isToken).map((o) => o.image as A.CompareOp);
        if (operands.length === 1) return operands[0];
        if (operands.length !== ops.length + 1) return { type: 'invalid', span: this.span(node) };
        return { type: 'compare', operands, ops, span: this.span(node) };
      }
      case 'additive':
      case 'multiplicative':
        return this.fold(node, (op) => (op === '*' ? '*' : op === '/' ? '/' : op === 'of' ? 'of' : op === '+' ? '+' : '-'));
      case 'unary': {
        const inner = nodeIn(node, 'unary');
        if (tokenIn(node, 'Minus') && inner) return { type: 'unary', op: '-', operand: this.expression(inner), span: this.span(node) };
        const atom = nodeIn(node, 'atom');
        return atom ? this.expression(atom) : { type: 'invalid', span: this.span(node) };
      }
      case 'atom': {
        const literal = nodeIn(node, 'literal');
        if (literal) return this.literal(literal) ?? { type: 'invalid', span: this.span(node) };
        const name = tokenIn(node, 'Identifier') ?? tokenIn(node, 'Fee');
        if (name) return { type: 'name', name: name.image, span: tokenSpan(name) };
        const inner = nodeIn(node, 'expression');
        return inner ? this.expression(inner) : { type: 'invalid', span: this.span(node) };
      }
      default:
        return { type: 'invalid', span: this.span(node) };
    }
  }

  private span(node: CstNode): Span {
    return nodeSpan(node) ?? { start: 0, end: 0 };
  }

  /** Left-associative chains: `a + b - c` is `(a + b) - c`. */
  private fold(node: CstNode, op: (image: string) => A.Binary['op']): A.Expr {
    const operands = all(node, 'operands').map((o) => this.expression(o as CstNode));
    const operators = all(node, 'operators').filter(isToken);
    if (operands.length === 0) return { type: 'invalid', span: this.span(node) };
    let result = operands[0];
    for (let i = 1; i < operands.length; i++) {
      const right = operands[i];
      const image = operators[i - 1]?.image ?? '';
      result = { type: 'binary', op: op(image), left: result, right, span: { start: result.span.start, end: right.span.end } };
    }
    return result;
  }

  private signedLiteral(node: CstNode | undefined): A.Literal | undefined {
    const literal = this.literal(nodeIn(node, 'literal'));
    if (!literal || literal.type !== 'literal') return undefined;
    const minus = tokenIn(node, 'Minus');
    if (!minus) return literal;
    return { ...literal, negative: !literal.negative, span: { start: minus.startOffset, end: literal.span.end } };
  }

  private literal(node: CstNode | undefined): A.Literal | A.Invalid | undefined {
    if (!node) return undefined;
    const points = tokenIn(node, 'Points') ?? tokenIn(node, 'Point');
    const number = tokenIn(node, 'NumberLiteral');
    if (number && points) {
      const value = this.literalToken(number);
      if (value.type !== 'literal') return value;
      return { ...value, kind: 'points', span: { start: number.startOffset, end: points.startOffset + points.image.length } };
    }
    for (const name of LITERAL_TOKENS) {
      const token = tokenIn(node, name);
      if (token) return this.literalToken(token);
    }
    return undefined;
  }

  literalToken(token: IToken): A.Literal | A.Invalid {
    const span = tokenSpan(token);
    if (token.tokenType === t.BadUnit) return { type: 'invalid', span };
    const quantity = parseQuantity(token.image);
    if (!quantity) return { type: 'invalid', span };
    if (significantDigits(quantity.value) > MAX_LITERAL_DIGITS) {
      this.problems.push(problems.numberTooLarge(span));
      return { type: 'invalid', span };
    }
    if (token.tokenType === t.MoneyLiteral && !quantity.currency) {
      const code = token.image.replace(/^[^A-Za-z]*/, '');
      const start = span.end - code.length;
      this.problems.push(problems.unknownCurrency(code, { start, end: span.end }));
      return { type: 'invalid', span };
    }
    if (quantity.currency && !isCurrency(quantity.currency)) {
      const start = span.start + token.image.lastIndexOf(quantity.currency);
      this.problems.push(problems.unknownCurrency(token.image.slice(start - span.start), { start, end: span.end }));
      return { type: 'invalid', span };
    }
    return { type: 'literal', ...quantity, span };
  }
}
