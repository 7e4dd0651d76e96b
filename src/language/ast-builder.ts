/**
 * Turns Chevrotain's CST into the AST of `ast.ts`. The parser recovers from
 * errors, so any child may be missing here: a missing expression becomes an
 * `invalid` node (its error is already reported) and a statement without its
 * essentials is dropped rather than guessed at.
 *
 * Children are read through the types `npm run grammar` generates from the
 * parser (`grammar/cst.d.ts`), so a misspelt child or a child the grammar
 * no longer has is a compile error, not a silent `undefined`.
 */
import type { CstNode, IToken } from 'chevrotain';
import type * as C from '../../grammar/cst.js';
import * as A from './ast.js';
import type { Problem } from './diagnostics.js';
import { isCurrency, MAX_LITERAL_DIGITS, parseQuantity, significantDigits } from './literals.js';
import { problems } from './problems.js';
import type { Span } from './source.js';
import * as t from './tokens.js';

/** The levels of the precedence ladder, from `expression` (or) down to `atom`. */
type ExpressionNode =
  | C.ExpressionCstNode | C.ConditionalCstNode | C.CallCstNode | C.ConjunctionCstNode | C.NegationCstNode | C.ComparisonCstNode
  | C.AdditiveCstNode | C.MultiplicativeCstNode | C.UnaryCstNode | C.AtomCstNode;

const real = (token: IToken | undefined): token is IToken =>
  !!token && !token.isInsertedInRecovery && Number.isFinite(token.startOffset);

/** The first child of a name: recovery may have left out any, even one the grammar requires. */
const first = <T>(children: readonly T[] | undefined): T | undefined => children?.[0];

/** The first token of a name, unless recovery left it out or made it up. */
function token(tokens: readonly IToken[] | undefined): IToken | undefined {
  const found = tokens?.[0];
  return real(found) ? found : undefined;
}

function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

/** A node's span, without the newline that closes its line; undefined when recovery left it empty. */
function nodeSpan(node: CstNode | undefined, newline?: IToken): Span | undefined {
  const loc = node?.location;
  if (!loc || !Number.isFinite(loc.startOffset) || !Number.isFinite(loc.endOffset)) return undefined;
  const end = newline && newline.image !== '' ? newline.startOffset : (loc.endOffset as number) + 1;
  return { start: loc.startOffset, end: Math.max(loc.startOffset, end) };
}

export function unquote(image: string): string {
  const inner = image.endsWith('"') && image.length > 1 ? image.slice(1, -1) : image.slice(1);
  return inner.replace(/\\(["\\])/g, '$1');
}

/** The tokens a `literal` node may hold, as the grammar names them. */
const LITERAL_TOKENS = ['PercentLiteral', 'MoneyLiteral', 'DurationLiteral', 'NumberLiteral', 'BadUnit', 'True', 'False'] as const satisfies readonly (keyof C.LiteralCstChildren)[];

const periods: Record<string, A.Period> = { monthly: 'monthly', quarterly: 'quarterly', yearly: 'yearly' };

/** The one operand of a level without an operator, which stands for the whole level; undefined at any other node. */
function onlyOperand(node: ExpressionNode): ExpressionNode | undefined {
  switch (node.name) {
    case 'negation': return node.children.Not ? undefined : first(node.children.comparison);
    case 'unary': return node.children.Minus ? undefined : first(node.children.atom);
    case 'atom': case 'conditional': case 'call': return undefined;
    case 'expression': {
      if (node.children.conditional) return first(node.children.conditional);
      const { operands, operators } = node.children;
      return operands?.length === 1 && !operators ? operands[0] : undefined;
    }
    default: {
      const { operands, operators } = node.children;
      return operands?.length === 1 && !operators ? operands[0] : undefined;
    }
  }
}

export class AstBuilder {
  readonly problems: Problem[] = [];
  /** Caps written without a period: they take the program's (`period quarterly`), known once all is read. */
  private readonly unperiodCaps: { period: A.Period }[] = [];

  constructor(private readonly source: string) {}

  /** `cst` as the parser returned it: grammar/cst.d.ts is generated from that parser, and a test fails when it is stale. */
  program(cst: CstNode): A.ProgramAst {
    const statements: A.Statement[] = [];
    for (const element of (cst as C.ProgramCstNode).children.statement ?? []) {
      const statement = this.statement(element);
      if (statement) statements.push(statement);
    }
    const ast = { statements };
    const period = A.programPeriod(ast);
    for (const cap of this.unperiodCaps) cap.period = period;
    return ast;
  }

  private statement(node: C.StatementCstNode): A.Statement | undefined {
    const c = node.children;
    if (c.ruleStatement) return this.rule(c.ruleStatement[0]);
    if (c.block) return this.block(c.block[0]);
    if (c.feeStatement) return this.fee(c.feeStatement[0]);
    if (c.inputStatement) return this.input(c.inputStatement[0]);
    if (c.capStatement) return this.capStatement(c.capStatement[0]);
    if (c.pointRate) return this.pointRate(c.pointRate[0]);
    if (c.letStatement) return this.declaration('let', c.letStatement[0]);
    if (c.outputStatement) return this.declaration('output', c.outputStatement[0]);
    if (c.claimStatement) return this.claim(c.claimStatement[0]);
    if (c.exampleStatement) return this.example(c.exampleStatement[0]);
    if (c.payStatement) return this.pay(c.payStatement[0]);
    if (c.payoutStatement) return this.payout(c.payoutStatement[0]);
    if (c.periodStatement) return this.periodStatement(c.periodStatement[0]);
    return undefined;
  }

  private pay(node: C.PayStatementCstNode): A.PayCondition | undefined {
    const span = nodeSpan(node, token(node.children.Newline));
    const condition = first(node.children.expression);
    if (!span || !condition) return undefined;
    return { type: 'pay-if', condition: this.expression(condition), span };
  }

  private payout(node: C.PayoutStatementCstNode): A.PayoutDecl | undefined {
    const span = nodeSpan(node, token(node.children.Newline));
    const what = this.label(first(node.children.what));
    if (!span || !what) return undefined;
    const recipient = this.label(first(node.children.recipient));
    return {
      type: 'payout',
      what: what.label,
      ...(what.translations ? { whatTranslations: what.translations } : {}),
      ...(recipient ? { recipient: recipient.label, ...(recipient.translations ? { recipientTranslations: recipient.translations } : {}) } : {}),
      span,
    };
  }

  /** A label and its translations (`"Uptime" de "Verfügbarkeit"`); a tag that is not two lowercase letters is an error. */
  private label(node: C.LabelCstNode | undefined): { label: string; translations?: A.Translations } | undefined {
    const strings = (node?.children.StringLiteral ?? []).filter(real);
    if (!node || strings.length === 0) return undefined;
    const tags = node.children.language ?? [];
    const translations: Record<string, string> = {};
    tags.forEach((tag, i) => {
      const text = strings[i + 1];
      if (!real(tag) || !text) return;
      if (!/^[a-z]{2}$/.test(tag.image)) {
        this.problems.push(problems.badLanguageTag(tag.image, tokenSpan(tag)));
        return;
      }
      if (Object.hasOwn(translations, tag.image)) {
        this.problems.push(problems.badLanguageTag(tag.image, tokenSpan(tag), true));
        return;
      }
      translations[tag.image] = unquote(text.image);
    });
    const label = unquote(strings[0].image);
    return Object.keys(translations).length > 0 ? { label, translations } : { label };
  }

  /** A statement's label fields, spread into its node. */
  private labelled(node: C.LabelCstNode | undefined): { label?: string; translations?: A.Translations } {
    const found = this.label(node);
    if (!found) return {};
    return found.translations ? { label: found.label, translations: found.translations } : { label: found.label };
  }

  private rule(node: C.RuleStatementCstNode): A.Rule | undefined {
    const c = node.children;
    const span = nodeSpan(node, token(c.Newline));
    const conditionNode = first(c.condition);
    const creditNode = first(c.credit);
    if (!span || !conditionNode || !creditNode) return undefined;
    const condition = this.expression(conditionNode);
    const proportionalNode = first(c.proportional);
    const proportional = proportionalNode ? this.proportional(proportionalNode) : undefined;
    return {
      type: 'rule',
      condition,
      credit: this.expression(creditNode),
      ...(proportional ? { proportional } : {}),
      caps: (c.capClause ?? []).flatMap((clause) => this.capClause(clause)),
      conditionText: this.source.slice(condition.span.start, condition.span.end),
      span,
    };
  }

  private proportional(node: C.ProportionalCstNode): A.Proportional | undefined {
    const c = node.children;
    const span = nodeSpan(node);
    const stepNode = first(c.step);
    if (!span || !stepNode) return undefined;
    const direction = token(c.Below) ? 'below' : token(c.Above) ? 'above' : undefined;
    if (!direction) return undefined;
    return {
      step: this.expression(stepNode),
      rounding: token(c.Started) ? 'started' : 'full',
      direction,
      span,
    };
  }

  private capClause(node: C.CapClauseCstNode): A.Cap[] {
    return (node.children.capSpec ?? []).flatMap((spec) => {
      const cap = this.capSpec(spec);
      return cap ? [cap] : [];
    });
  }

  private capSpec(node: C.CapSpecCstNode): A.Cap | undefined {
    const c = node.children;
    const span = nodeSpan(node);
    const amountNode = first(c.amount);
    if (!span || !amountNode) return undefined;
    const period = this.periodOf(first(c.period));
    const cap = { amount: this.expression(amountNode), period: period ?? 'monthly', span };
    if (!period) this.unperiodCaps.push(cap);
    return cap;
  }

  private periodOf(node: C.PeriodCstNode | undefined): A.Period | undefined {
    const p = node?.children;
    const word = p && token(p.Monthly ?? p.Quarterly ?? p.Yearly);
    return word ? periods[word.image] : undefined;
  }

  private periodStatement(node: C.PeriodStatementCstNode): A.PeriodDecl | undefined {
    const span = nodeSpan(node, token(node.children.Newline));
    const period = this.periodOf(first(node.children.period));
    return span && period ? { type: 'period', period, span } : undefined;
  }

  private block(node: C.BlockCstNode): A.Block | undefined {
    const c = node.children;
    const span = nodeSpan(node, token(c.Newline));
    const colon = token(c.Colon);
    const opener = token(c.Credit) ?? token(c.Points);
    if (!span || !opener) return undefined;
    const rules = (c.ruleStatement ?? []).flatMap((r) => {
      const rule = this.rule(r);
      return rule ? [rule] : [];
    });
    const headerEnd = colon ? colon.startOffset + 1 : span.start + opener.image.length;
    const item = this.declaredName(first(c.item));
    const items = token(c.items);
    const each = item && items ? { name: item.name, nameSpan: item.span, list: items.image, listSpan: tokenSpan(items) } : undefined;
    if (colon && !token(c.Indent)) this.problems.push(problems.emptyBlock({ start: span.start, end: headerEnd }));
    const lastRule = rules[rules.length - 1];
    return {
      type: 'block',
      pool: opener.tokenType === t.Points ? 'points' : 'credit',
      ...(each ? { each } : {}),
      ...this.labelled(first(c.label)),
      caps: (c.capClause ?? []).flatMap((clause) => this.capClause(clause)),
      rules,
      headerSpan: { start: span.start, end: headerEnd },
      span: { start: span.start, end: lastRule ? lastRule.span.end : headerEnd },
    };
  }

  private fee(node: C.FeeStatementCstNode): A.FeeDecl | undefined {
    const c = node.children;
    const span = nodeSpan(node, token(c.Newline));
    const money = token(c.MoneyLiteral);
    if (!span || !money) return undefined;
    const amount = this.literalToken(money);
    if (amount.type !== 'literal') return undefined;
    return {
      type: 'fee',
      amount,
      period: this.periodOf(first(c.period)) ?? 'monthly',
      ...this.labelled(first(c.label)),
      span,
    };
  }

  private input(node: C.InputStatementCstNode): A.InputDecl | undefined {
    const c = node.children;
    const span = nodeSpan(node, token(c.Newline));
    const name = this.declaredName(first(c.declaredName));
    const kindToken = this.kindToken(first(c.kind));
    if (!span || !name || !kindToken) return undefined;
    let label: { label?: string; translations?: A.Translations } = {};
    let defaultValue: A.Literal | undefined;
    let defaultItems: A.Literal[] | undefined;
    let range: A.InputDecl['range'];
    let step: A.Literal | undefined;
    for (const { children: option } of c.inputOption ?? []) {
      const text = first(option.label);
      if (text) label = this.labelled(text);
      const d = this.signedLiteral(first(option.default));
      if (d) defaultValue = d;
      const list = first(option.defaultList);
      if (list) defaultItems = this.valueList(list).values;
      const min = this.signedLiteral(first(option.min));
      const max = this.signedLiteral(first(option.max));
      if (min && max) range = { min, max, span: { start: min.span.start, end: max.span.end } };
      const s = this.signedLiteral(first(option.step));
      if (s) step = s;
    }
    return {
      type: 'input',
      name: name.name,
      nameSpan: name.span,
      inputKind: kindToken as A.InputKind,
      ...(token(c.List) ? { list: true as const } : {}),
      ...(defaultItems ? { defaultItems } : {}),
      ...label,
      ...(defaultValue ? { default: defaultValue } : {}),
      ...(range ? { range } : {}),
      ...(step ? { step } : {}),
      span,
    };
  }

  private capStatement(node: C.CapStatementCstNode): A.CapStmt | undefined {
    const span = nodeSpan(node, token(node.children.Newline));
    const spec = first(node.children.capSpec);
    const cap = spec && this.capSpec(spec);
    if (!span || !cap) return undefined;
    return { type: 'cap', cap, span };
  }

  private pointRate(node: C.PointRateCstNode): A.PointRate | undefined {
    const span = nodeSpan(node, token(node.children.Newline));
    const rate = first(node.children.additive);
    if (!span || !rate) return undefined;
    return { type: 'point-rate', rate: this.expression(rate), span };
  }

  private declaration(type: 'let' | 'output', outer: C.LetStatementCstNode | C.OutputStatementCstNode): A.LetDecl | A.OutputDecl | undefined {
    const c = first(outer.children.declaration)?.children;
    const span = nodeSpan(outer);
    const name = this.declaredName(first(c?.declaredName));
    const valueNode = first(c?.expression);
    if (!span || !name || !valueNode) return undefined;
    const kind = this.kindToken(first(c?.kind));
    const newline = token(c?.Newline);
    return {
      type,
      name: name.name,
      nameSpan: name.span,
      ...(kind ? { declaredKind: kind } : {}),
      ...this.labelled(first(c?.label)),
      value: this.expression(valueNode),
      span: newline && newline.image !== '' ? { start: span.start, end: newline.startOffset } : span,
    };
  }

  private claim(node: C.ClaimStatementCstNode): A.ClaimDecl | undefined {
    const span = nodeSpan(node, token(node.children.Newline));
    const term = first(node.children.claimTerm)?.children;
    const duration = token(term?.DurationLiteral);
    const count = token(term?.NumberLiteral);
    if (!span || !(duration || count)) return undefined;
    const afterIncident = !!token(node.children.Incident);
    let within: A.Expr;
    let measure: A.ClaimDecl['measure'];
    if (duration) within = this.literalToken(duration);
    else {
      const number = count as IToken;
      const words = [...(term?.Days ?? []), ...(term?.Months ?? [])].filter(real);
      const last = words[words.length - 1];
      measure = token(term?.Business) ? 'business-days' : token(term?.Months) ? 'months' : undefined;
      within = {
        type: 'literal', kind: measure ? 'number' : 'duration', value: number.image.replaceAll('_', ''), ...(measure ? {} : { unit: 'd' as const }),
        span: { start: number.startOffset, end: last ? last.startOffset + last.image.length : number.startOffset + number.image.length },
      };
    }
    if (within.type !== 'literal') return undefined;
    return { type: 'claim', within, ...(measure ? { measure } : {}), ...(afterIncident ? { afterIncident } : {}), span };
  }

  private example(node: C.ExampleStatementCstNode): A.ExampleDecl | undefined {
    const c = node.children;
    const span = nodeSpan(node, token(c.Newline));
    if (!span) return undefined;
    const givens: A.ExampleGiven[] = [];
    for (const g of c.given ?? []) {
      const gSpan = nodeSpan(g);
      const name = this.exampleName(first(g.children.exampleName));
      const bracketed = first(g.children.valueList);
      const read = bracketed ? this.valueList(bracketed) : { values: (g.children.signedLiteral ?? []).flatMap((v) => this.signedLiteral(v) ?? []) };
      if (!gSpan || !name || (!bracketed && read.values.length === 0)) continue;
      givens.push({ name: name.name, nameSpan: name.span, values: read.values, list: !!bracketed, ...('lists' in read && read.lists ? { lists: read.lists } : {}), span: gSpan });
    }
    const expectations: A.ExampleExpectation[] = [];
    for (const e of c.expectation ?? []) {
      const eSpan = nodeSpan(e);
      const value = this.signedLiteral(first(e.children.signedLiteral));
      if (!eSpan || !value) continue;
      if (token(e.children.Credit)) {
        expectations.push({ target: 'credit', value, span: eSpan });
      } else {
        const name = this.exampleName(first(e.children.exampleName));
        if (name) expectations.push({ target: 'name', name: name.name, nameSpan: name.span, value, span: eSpan });
      }
    }
    return { type: 'example', ...this.labelled(first(c.label)), givens, expectations, span };
  }

  /** `[10min, 2h]`, `[]`, or a list of lists `[[10min], []]`; a list mixing values and lists is an error. */
  private valueList(node: C.ValueListCstNode): { values: A.Literal[]; lists?: A.Literal[][] } {
    const values = (node.children.signedLiteral ?? []).flatMap((v) => this.signedLiteral(v) ?? []);
    const inner = node.children.inner ?? [];
    if (inner.length === 0) return { values };
    if (values.length > 0) this.problems.push(problems.badExample('a list holds values or lists of values, not both: `[[10min], [2h]]` is a year of lists', this.span(node)));
    const lists = inner.map((list) => {
      if (list.children.inner) this.problems.push(problems.badExample('lists nest one level deep: a year of lists, `[[10min], [2h]]`', this.span(list)));
      return (list.children.signedLiteral ?? []).flatMap((v) => this.signedLiteral(v) ?? []);
    });
    return { values: [], lists };
  }

  // Names and kinds

  private declaredName(node: C.DeclaredNameCstNode | undefined): { name: string; span: Span } | undefined {
    const identifier = token(node?.children.Identifier);
    if (identifier) return { name: identifier.image, span: tokenSpan(identifier) };
    const keyword = token(node?.children.Keyword);
    if (keyword) {
      this.problems.push(problems.reservedWord(keyword.image, tokenSpan(keyword)));
      return { name: keyword.image, span: tokenSpan(keyword) };
    }
    return undefined;
  }

  private exampleName(node: C.ExampleNameCstNode | undefined): { name: string; span: Span } | undefined {
    const name = token(node?.children.Identifier) ?? token(node?.children.Fee);
    return name ? { name: name.image, span: tokenSpan(name) } : undefined;
  }

  private kindToken(node: C.KindCstNode | undefined): A.InputKind | undefined {
    const k = node?.children;
    const kind = k && token(k.PercentKind ?? k.MoneyKind ?? k.DurationKind ?? k.NumberKind ?? k.BooleanKind);
    return kind ? (kind.image as A.InputKind) : undefined;
  }

  // Expressions

  private expression(node: ExpressionNode): A.Expr {
    // Most levels of the precedence ladder hold a single operand and no operator
    // (`99.5%` is an expression > conjunction > negation > … > atom > literal):
    // step down those without building anything, for they are most of the tree.
    let current = node;
    for (let next = onlyOperand(current); next; next = onlyOperand(current)) current = next;
    return this.expressionNode(current);
  }

  private expressionNode(node: ExpressionNode): A.Expr {
    switch (node.name) {
      case 'expression': return this.fold(node, () => 'or');
      case 'conditional': {
        const c = node.children;
        const [condition, then, otherwise] = [first(c.condition), first(c.then), first(c.otherwise)];
        if (!condition || !then || !otherwise) return { type: 'invalid', span: this.span(node) };
        return { type: 'if', condition: this.expression(condition), then: this.expression(then), otherwise: this.expression(otherwise), span: this.span(node) };
      }
      case 'call': return this.call(node);
      case 'conjunction': return this.fold(node, () => 'and');
      case 'negation': {
        const c = node.children;
        const inner = first(c.negation);
        if (token(c.Not) && inner) return { type: 'unary', op: 'not', operand: this.expression(inner), span: this.span(node) };
        const comparison = first(c.comparison);
        return comparison ? this.expression(comparison) : { type: 'invalid', span: this.span(node) };
      }
      case 'comparison': {
        const operands = (node.children.operands ?? []).map((o) => this.expression(o));
        const ops = (node.children.operators ?? []).map((o) => o.image as A.CompareOp);
        if (operands.length === 1) return operands[0];
        if (operands.length !== ops.length + 1) return { type: 'invalid', span: this.span(node) };
        return { type: 'compare', operands, ops, span: this.span(node) };
      }
      case 'additive':
      case 'multiplicative':
        return this.fold(node, (op) => (op === '*' ? '*' : op === '/' ? '/' : op === 'of' ? 'of' : op === '+' ? '+' : '-'));
      case 'unary': {
        const c = node.children;
        const inner = first(c.unary);
        if (token(c.Minus) && inner) return { type: 'unary', op: '-', operand: this.expression(inner), span: this.span(node) };
        const atom = first(c.atom);
        return atom ? this.expression(atom) : { type: 'invalid', span: this.span(node) };
      }
      case 'atom': {
        const c = node.children;
        const literal = first(c.literal);
        if (literal) return this.literal(literal) ?? { type: 'invalid', span: this.span(node) };
        const call = first(c.call);
        if (call) return this.expression(call);
        const name = token(c.Identifier) ?? token(c.Fee);
        if (name) return { type: 'name', name: name.image, span: tokenSpan(name) };
        const inner = first(c.expression);
        return inner ? this.expression(inner) : { type: 'invalid', span: this.span(node) };
      }
    }
  }

  /** A call of a built-in function; any other name before `(` is an error that lists the functions. */
  private call(node: C.CallCstNode): A.Expr {
    const name = token(node.children.function);
    const span = this.span(node);
    if (!name) return { type: 'invalid', span };
    const args = (node.children.arguments ?? []).map((a) => this.expression(a));
    if (!(A.FUNCTION_NAMES as readonly string[]).includes(name.image)) {
      this.problems.push(problems.unknownFunction(name.image, tokenSpan(name)));
      return { type: 'invalid', span };
    }
    return { type: 'call', name: name.image as A.FunctionName, nameSpan: tokenSpan(name), args, span };
  }

  private span(node: CstNode): Span {
    return nodeSpan(node) ?? { start: 0, end: 0 };
  }

  /** Left-associative chains: `a + b - c` is `(a + b) - c`. */
  private fold(node: C.ExpressionCstNode | C.ConjunctionCstNode | C.AdditiveCstNode | C.MultiplicativeCstNode, op: (image: string) => A.Binary['op']): A.Expr {
    const children: readonly ExpressionNode[] = node.children.operands ?? [];
    const operands = children.map((o) => this.expression(o));
    const operators = node.children.operators ?? [];
    if (operands.length === 0) return { type: 'invalid', span: this.span(node) };
    // Spans from the operands' syntax, not their trees: `a and (b or c)` ends at its `)`.
    const written = children.map((o, i) => nodeSpan(o) ?? operands[i].span);
    let result = operands[0];
    for (let i = 1; i < operands.length; i++) {
      const right = operands[i];
      const image = operators[i - 1]?.image ?? '';
      result = { type: 'binary', op: op(image), left: result, right, span: { start: written[0].start, end: written[i].end } };
    }
    return result;
  }

  private signedLiteral(node: C.SignedLiteralCstNode | undefined): A.Literal | undefined {
    const literal = this.literal(first(node?.children.literal));
    if (!literal || literal.type !== 'literal') return undefined;
    const minus = token(node?.children.Minus);
    if (!minus) return literal;
    return { ...literal, negative: !literal.negative, span: { start: minus.startOffset, end: literal.span.end } };
  }

  private literal(node: C.LiteralCstNode | undefined): A.Literal | A.Invalid | undefined {
    if (!node) return undefined;
    const c = node.children;
    const points = token(c.Points) ?? token(c.Point);
    const number = token(c.NumberLiteral);
    if (number && points) {
      const value = this.literalToken(number);
      if (value.type !== 'literal') return value;
      return { ...value, kind: 'points', span: { start: number.startOffset, end: points.startOffset + points.image.length } };
    }
    for (const name of LITERAL_TOKENS) {
      const found = token(c[name]);
      if (found) return this.literalToken(found);
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
