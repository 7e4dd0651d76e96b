/**
 * The grammar, and nothing else: a Chevrotain CST parser over the tokens of
 * `lexer.ts`. Error recovery is on, so one pass reports every syntax error;
 * messages are phrased in the reader's terms by `messages` below. The CST is
 * turned into the AST by `ast-builder.ts`. The railroad diagrams in
 * `grammar/` are generated from this class.
 */
import { CstParser, EOF, type CstNode, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import * as t from './tokens.js';

/** How the reader would name what the parser expected, by grammar rule. */
const expectedByRule: Record<string, string> = {
  statement: 'a statement such as `if … then …`, `input`, `fee`, `credit`, `cap`, `let`, `output` or `example`',
  period: '`monthly`, `quarterly` or `yearly`',
  kind: 'a kind: `percent`, `money`, `duration`, `number` or `boolean`',
  literal: 'a value such as 99.5%, 50 EUR, 4h, 12 or true',
  signedLiteral: 'a value such as 99.5%, 50 EUR, 4h, 12 or true',
  declaredName: 'a name',
  exampleName: 'the name of an input',
  expectation: '`credit` followed by the expected credit, or `name = value`',
  inputOption: 'a label in quotes, `default`, `range` or `step`',
  claimTerm: 'a time limit such as `30 days`, `5 business days` or `2 months`',
  label: 'a label in quotes',
  arguments: 'the values of the call, separated by commas',
  ruleStatement: 'an indented `if … then …` line',
  proportional: '`below` or `above`',
};

function describe(token: IToken): string {
  switch (token.tokenType) {
    case t.Newline: return 'the end of the line';
    case EOF: return 'the end of the file';
    case t.Indent: return 'an indented line';
    case t.Dedent: return 'the end of the indented block';
    default: return `\`${token.image}\``;
  }
}

function after(previous: IToken | undefined): string {
  if (!previous || previous.tokenType === EOF || previous.image === '') return '';
  if (previous.tokenType === t.Newline) return ' at the start of the line';
  return ` after \`${previous.image}\``;
}

/** What may follow `then`: said the way the language reference says it. */
function expectedInRule(ruleName: string, previous: IToken | undefined, actual?: IToken): string {
  if (previous?.tokenType === t.Then && actual?.tokenType === t.If) return 'a credit; a conditional credit is written in parentheses: `(if … then … else …)`, and';
  if (previous?.tokenType === t.Then) return 'a percentage such as 10% (or money such as 50 EUR, or points such as 2 points)';
  if (previous?.tokenType === t.Per) return 'a step such as 0.1% or 1h';
  if (previous?.tokenType === t.If) return 'a condition such as `availability < 99.5%`';
  if (previous?.tokenType === t.Capped || previous?.tokenType === t.Cap) return 'a cap such as 20% or 500 EUR';
  return expectedByRule[ruleName] ?? 'a value such as 10%, 4h or a name';
}

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    if (expected === EOF) return messages.buildNotAllInputParsedMessage({ firstRedundant: actual, ruleName: '' });
    const wanted = expected === t.Identifier && previous?.tokenType === t.Then
      ? expectedInRule('', previous)
      : expected.LABEL ?? expected.name;
    return `expected ${wanted}${after(previous)}, but found ${describe(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describe(firstRedundant)}; a statement starts with a word such as \`if\`, \`input\` or \`fee\``;
  },
  buildNoViableAltMessage({ actual, previous, ruleName }) {
    return `expected ${expectedInRule(ruleName, previous, actual[0])}${after(previous)}, but found ${describe(actual[0])}`;
  },
  buildEarlyExitMessage({ actual, previous, ruleName }) {
    return `expected ${expectedInRule(ruleName, previous)}${after(previous)}, but found ${describe(actual[0])}`;
  },
};

/** A choice's alternatives, for `OR`. */
const alternatives = (...alts: (() => unknown)[]) => alts.map((ALT) => ({ ALT }));

// Options made once: an object literal in a rule is a new object on every call (Chevrotain's performance guide).
const OPERATOR = { LABEL: 'operators' } as const;
const OPERAND = { LABEL: 'operands' } as const;

export class CreditRulesParser extends CstParser {
  /** `validate`: run Chevrotain's grammar checks (ambiguity, left recursion …): `npm run grammar` and its test do; at run time the grammar is fixed, so they are skipped, as Chevrotain advises. */
  constructor({ validate = false } = {}) {
    super(t.allTokens as TokenType[], {
      skipValidations: !validate,
      recoveryEnabled: true,
      errorMessageProvider: messages,
      maxLookahead: 3,
      nodeLocationTracking: 'onlyOffset',
    });
    this.performSelfAnalysis();
  }

  program = this.RULE('program', () => {
    this.MANY(() => this.SUBRULE(this.statement));
  });

  // The alternatives of the busiest choices are built once, not on every call
  // (Chevrotain's performance guide: "Caching Arrays of Alternatives").
  private readonly statements = alternatives(
    () => this.SUBRULE(this.ruleStatement),
    () => this.SUBRULE(this.block),
    () => this.SUBRULE(this.feeStatement),
    () => this.SUBRULE(this.inputStatement),
    () => this.SUBRULE(this.capStatement),
    () => this.SUBRULE(this.pointRate),
    () => this.SUBRULE(this.letStatement),
    () => this.SUBRULE(this.outputStatement),
    () => this.SUBRULE(this.claimStatement),
    () => this.SUBRULE(this.exampleStatement),
    () => this.SUBRULE(this.payStatement),
    () => this.SUBRULE(this.payoutStatement),
    () => this.SUBRULE(this.periodStatement),
  );

  statement = this.RULE('statement', () => {
    this.OR(this.statements);
  });

  // if availability < 99.5% then 10% capped 20% yearly
  ruleStatement = this.RULE('ruleStatement', () => {
    this.CONSUME(t.If);
    this.SUBRULE(this.expression, { LABEL: 'condition' });
    this.CONSUME(t.Then);
    this.SUBRULE(this.additive, { LABEL: 'credit' });
    this.OPTION(() => this.SUBRULE(this.proportional));
    this.MANY(() => this.SUBRULE(this.capClause));
    this.CONSUME(t.Newline);
  });

  // 1% per full 0.1% below
  proportional = this.RULE('proportional', () => {
    this.CONSUME(t.Per);
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(t.Full) }, { ALT: () => this.CONSUME(t.Started) }]));
    this.SUBRULE(this.additive, { LABEL: 'step' });
    this.OR2([{ ALT: () => this.CONSUME(t.Below) }, { ALT: () => this.CONSUME(t.Above) }]);
  });

  // capped 200 EUR monthly and 20% yearly
  capClause = this.RULE('capClause', () => {
    this.CONSUME(t.Capped);
    this.SUBRULE(this.capSpec);
    this.MANY(() => {
      this.CONSUME(t.And);
      this.SUBRULE2(this.capSpec);
    });
  });

  capSpec = this.RULE('capSpec', () => {
    this.SUBRULE(this.additive, { LABEL: 'amount' });
    this.OPTION(() => this.SUBRULE(this.period));
  });

  // credit "Uptime" capped 100% monthly:  (indented tiers follow)
  block = this.RULE('block', () => {
    this.OR([{ ALT: () => this.CONSUME(t.Credit) }, { ALT: () => this.CONSUME(t.Points) }]);
    this.OPTION(() => this.SUBRULE(this.label));
    // for each outage in outages: the tiers apply to every item of a list input
    this.OPTION3(() => {
      this.CONSUME(t.For);
      this.CONSUME(t.Each);
      this.SUBRULE(this.declaredName, { LABEL: 'item' });
      this.CONSUME(t.In);
      this.CONSUME(t.Identifier, { LABEL: 'items' });
    });
    this.MANY(() => this.SUBRULE(this.capClause));
    this.CONSUME(t.Colon);
    this.CONSUME(t.Newline);
    // Optional so that a block without tiers gets one clear message from the builder.
    this.OPTION2(() => {
      this.CONSUME(t.Indent);
      this.AT_LEAST_ONE(() => this.SUBRULE(this.ruleStatement));
      this.CONSUME(t.Dedent);
    });
  });

  // fee 1200 EUR monthly "Monthly subscription fee"
  feeStatement = this.RULE('feeStatement', () => {
    this.CONSUME(t.Fee);
    this.CONSUME(t.MoneyLiteral);
    this.OPTION(() => this.SUBRULE(this.period));
    this.OPTION2(() => this.SUBRULE(this.label));
    this.CONSUME(t.Newline);
  });

  // input availability: percent "Monthly uptime" default 99.95% range 90%..100% step 0.01%
  inputStatement = this.RULE('inputStatement', () => {
    this.CONSUME(t.Input);
    this.SUBRULE(this.declaredName);
    this.CONSUME(t.Colon);
    this.OPTION(() => {
      this.CONSUME(t.List);
      this.CONSUME(t.Of);
    });
    this.SUBRULE(this.kind);
    this.MANY(() => this.SUBRULE(this.inputOption));
    this.CONSUME(t.Newline);
  });

  inputOption = this.RULE('inputOption', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.label) },
      {
        ALT: () => {
          this.CONSUME(t.Default);
          this.OR2([
            { ALT: () => this.SUBRULE(this.signedLiteral, { LABEL: 'default' }) },
            { ALT: () => this.SUBRULE(this.valueList, { LABEL: 'defaultList' }) },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Range);
          this.SUBRULE2(this.signedLiteral, { LABEL: 'min' });
          this.CONSUME(t.DotDot);
          this.SUBRULE3(this.signedLiteral, { LABEL: 'max' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Step);
          this.SUBRULE4(this.signedLiteral, { LABEL: 'step' });
        },
      },
    ]);
  });

  // cap 20% yearly
  capStatement = this.RULE('capStatement', () => {
    this.CONSUME(t.Cap);
    this.SUBRULE(this.capSpec);
    this.CONSUME(t.Newline);
  });

  // point = 50 EUR
  pointRate = this.RULE('pointRate', () => {
    this.CONSUME(t.Point);
    this.CONSUME(t.Equals);
    this.SUBRULE(this.additive);
    this.CONSUME(t.Newline);
  });

  // let yearly_fee = fee * 12
  letStatement = this.RULE('letStatement', () => {
    this.CONSUME(t.Let);
    this.SUBRULE(this.declaration);
  });

  // output net_fee: money "Fee after credits" = fee - total_credit
  outputStatement = this.RULE('outputStatement', () => {
    this.CONSUME(t.Output);
    this.SUBRULE(this.declaration);
  });

  declaration = this.RULE('declaration', () => {
    this.SUBRULE(this.declaredName);
    this.OPTION(() => {
      this.CONSUME(t.Colon);
      this.SUBRULE(this.kind);
    });
    this.OPTION2(() => this.SUBRULE(this.label));
    this.CONSUME(t.Equals);
    this.SUBRULE(this.expression);
    this.CONSUME(t.Newline);
  });

  // claim within 30 days
  claimStatement = this.RULE('claimStatement', () => {
    this.CONSUME(t.Claim);
    this.CONSUME(t.Within);
    this.SUBRULE(this.claimTerm);
    this.OPTION(() => {
      this.CONSUME(t.After);
      this.CONSUME(t.Incident);
    });
    this.CONSUME(t.Newline);
  });

  // 30 days, 2d, 5 business days, 2 months
  claimTerm = this.RULE('claimTerm', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.DurationLiteral) },
      {
        ALT: () => {
          this.CONSUME(t.NumberLiteral);
          this.OR2([
            { ALT: () => this.CONSUME(t.Days) },
            {
              ALT: () => {
                this.CONSUME(t.Business);
                this.CONSUME2(t.Days);
              },
            },
            { ALT: () => this.CONSUME(t.Months) },
          ]);
        },
      },
    ]);
  });

  // period quarterly
  periodStatement = this.RULE('periodStatement', () => {
    this.CONSUME(t.PeriodWord);
    this.SUBRULE(this.period);
    this.CONSUME(t.Newline);
  });

  // pay only if total_credit > 1 USD
  payStatement = this.RULE('payStatement', () => {
    this.CONSUME(t.Pay);
    this.CONSUME(t.Only);
    this.CONSUME(t.If);
    this.SUBRULE(this.expression);
    this.CONSUME(t.Newline);
  });

  // payout "bonus" de "Bonus" to "the agent" de "die Mitarbeiterin"
  payoutStatement = this.RULE('payoutStatement', () => {
    this.CONSUME(t.Payout);
    this.SUBRULE(this.label, { LABEL: 'what' });
    this.OPTION(() => {
      this.CONSUME(t.To);
      this.SUBRULE2(this.label, { LABEL: 'recipient' });
    });
    this.CONSUME(t.Newline);
  });

  // "Monthly uptime" de "Monatliche Verfügbarkeit"
  label = this.RULE('label', () => {
    this.CONSUME(t.StringLiteral);
    this.MANY({
      // A tag is a word before a string: `payout "bonus" to "the agent"` goes on to the recipient,
      // `credit "Per outage" for each …` to its list.
      GATE: () => this.LA(1).tokenType !== t.To && this.LA(2).tokenType === t.StringLiteral,
      DEF: () => {
        this.CONSUME(t.Identifier, { LABEL: 'language' });
        this.CONSUME2(t.StringLiteral);
      },
    });
  });

  // example "Short outage": availability = 99.2%, fee = 1000 EUR => credit 10%
  exampleStatement = this.RULE('exampleStatement', () => {
    this.CONSUME(t.Example);
    this.OPTION(() => this.SUBRULE(this.label));
    this.OPTION2(() => this.CONSUME(t.Colon));
    this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.given) });
    this.CONSUME(t.Arrow);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.expectation) });
    this.CONSUME(t.Newline);
  });

  given = this.RULE('given', () => {
    this.SUBRULE(this.exampleName);
    this.CONSUME(t.Equals);
    this.OR([
      { ALT: () => this.SUBRULE(this.signedLiteral) },
      { ALT: () => this.SUBRULE(this.valueList) },
    ]);
  });

  // [10min, 2h], [] — and for a year run of a list input, a list of lists: [[10min], [], [2h]]
  valueList = this.RULE('valueList', () => {
    this.CONSUME(t.LBracket);
    this.MANY_SEP({
      SEP: t.Comma,
      DEF: () => this.OR([
        { ALT: () => this.SUBRULE(this.signedLiteral) },
        { ALT: () => this.SUBRULE(this.valueList, { LABEL: 'inner' }) },
      ]),
    });
    this.CONSUME(t.RBracket);
  });

  expectation = this.RULE('expectation', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Credit);
          this.SUBRULE(this.signedLiteral);
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.exampleName);
          this.CONSUME(t.Equals);
          this.SUBRULE2(this.signedLiteral);
        },
      },
    ]);
  });

  exampleName = this.RULE('exampleName', () => {
    this.OR([{ ALT: () => this.CONSUME(t.Identifier) }, { ALT: () => this.CONSUME(t.Fee) }]);
  });

  /** A name being defined. Reserved words are accepted here so the builder can say they are reserved. */
  declaredName = this.RULE('declaredName', () => {
    this.OR([{ ALT: () => this.CONSUME(t.Identifier) }, { ALT: () => this.CONSUME(t.Keyword) }]);
  });

  kind = this.RULE('kind', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.PercentKind) },
      { ALT: () => this.CONSUME(t.MoneyKind) },
      { ALT: () => this.CONSUME(t.DurationKind) },
      { ALT: () => this.CONSUME(t.NumberKind) },
      { ALT: () => this.CONSUME(t.BooleanKind) },
    ]);
  });

  period = this.RULE('period', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Monthly) },
      { ALT: () => this.CONSUME(t.Quarterly) },
      { ALT: () => this.CONSUME(t.Yearly) },
    ]);
  });

  // Expressions, loosest binding first.
  // The choices below run for every expression: their alternatives are built once, as `statements` above.
  private readonly expressions = alternatives(
    () => this.SUBRULE(this.conditional),
    () => {
      this.SUBRULE(this.conjunction, OPERAND);
      this.MANY(() => {
        this.CONSUME(t.Or, OPERATOR);
        this.SUBRULE2(this.conjunction, OPERAND);
      });
    },
  );

  expression = this.RULE('expression', () => {
    this.OR(this.expressions);
  });

  // if credit_cost = 0 EUR then 0% else kept / credit_cost
  conditional = this.RULE('conditional', () => {
    this.CONSUME(t.If);
    this.SUBRULE(this.expression, { LABEL: 'condition' });
    this.CONSUME(t.Then);
    this.SUBRULE2(this.expression, { LABEL: 'then' });
    this.CONSUME(t.Else);
    this.SUBRULE3(this.expression, { LABEL: 'otherwise' });
  });

  conjunction = this.RULE('conjunction', () => {
    this.SUBRULE(this.negation, OPERAND);
    this.MANY(() => {
      this.CONSUME(t.And, OPERATOR);
      this.SUBRULE2(this.negation, OPERAND);
    });
  });

  private readonly negations = alternatives(
    () => {
      this.CONSUME(t.Not);
      this.SUBRULE(this.negation);
    },
    () => this.SUBRULE(this.comparison),
  );

  negation = this.RULE('negation', () => {
    this.OR(this.negations);
  });

  private readonly comparisonOperators = alternatives(
    () => this.CONSUME(t.Less, OPERATOR),
    () => this.CONSUME(t.LessEqual, OPERATOR),
    () => this.CONSUME(t.Greater, OPERATOR),
    () => this.CONSUME(t.GreaterEqual, OPERATOR),
    () => this.CONSUME(t.Equals, OPERATOR),
    () => this.CONSUME(t.NotEqual, OPERATOR),
  );

  comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.additive, OPERAND);
    this.MANY(() => {
      this.OR(this.comparisonOperators);
      this.SUBRULE2(this.additive, OPERAND);
    });
  });

  private readonly additiveOperators = alternatives(
    () => this.CONSUME(t.Plus, OPERATOR),
    () => this.CONSUME(t.Minus, OPERATOR),
  );

  additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative, OPERAND);
    this.MANY(() => {
      this.OR(this.additiveOperators);
      this.SUBRULE2(this.multiplicative, OPERAND);
    });
  });

  private readonly multiplicativeOperators = alternatives(
    () => this.CONSUME(t.Star, OPERATOR),
    () => this.CONSUME(t.Slash, OPERATOR),
    () => this.CONSUME(t.Of, OPERATOR),
  );

  multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary, OPERAND);
    this.MANY(() => {
      this.OR(this.multiplicativeOperators);
      this.SUBRULE2(this.unary, OPERAND);
    });
  });

  private readonly unaries = alternatives(
    () => {
      this.CONSUME(t.Minus);
      this.SUBRULE(this.unary);
    },
    () => this.SUBRULE(this.atom),
  );

  unary = this.RULE('unary', () => {
    this.OR(this.unaries);
  });

  private readonly atoms = alternatives(
    () => this.SUBRULE(this.literal),
    () => this.SUBRULE(this.call),
    () => this.CONSUME(t.Identifier),
    () => this.CONSUME(t.Fee),
    () => {
      this.CONSUME(t.LParen);
      this.SUBRULE(this.expression);
      this.CONSUME(t.RParen);
    },
  );

  atom = this.RULE('atom', () => {
    this.OR(this.atoms);
  });

  // round(x, 0.01), max(a, b), count(outages): a built-in name followed by `(`
  call = this.RULE('call', () => {
    this.OR([{ ALT: () => this.CONSUME(t.FunctionWord, { LABEL: 'function' }) }, { ALT: () => this.CONSUME(t.Identifier, { LABEL: 'function' }) }]);
    this.CONSUME(t.LParen);
    this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'arguments' }) });
    this.CONSUME(t.RParen);
  });

  signedLiteral = this.RULE('signedLiteral', () => {
    this.OPTION(() => this.CONSUME(t.Minus));
    this.SUBRULE(this.literal);
  });

  private readonly literals = alternatives(
    () => this.CONSUME(t.PercentLiteral),
    () => this.CONSUME(t.MoneyLiteral),
    () => this.CONSUME(t.DurationLiteral),
    () => {
      this.CONSUME(t.NumberLiteral);
      this.OPTION(() => this.OR2([{ ALT: () => this.CONSUME(t.Points) }, { ALT: () => this.CONSUME(t.Point) }]));
    },
    // Already reported by the lexer; accepted here so one typo gives one message.
    () => this.CONSUME(t.BadUnit),
    () => this.CONSUME(t.True),
    () => this.CONSUME(t.False),
  );

  literal = this.RULE('literal', () => {
    this.OR(this.literals);
  });
}

let shared: CreditRulesParser | undefined;

/** Whether the parser is built: the first compile builds it. */
export function parserReady(): boolean {
  return shared !== undefined;
}

/** One parser for every input: construction runs Chevrotain's grammar analysis (milliseconds). */
export function parserInstance(): CreditRulesParser {
  shared ??= new CreditRulesParser();
  return shared;
}

export interface ParseResult {
  readonly cst: CstNode;
  readonly errors: readonly { message: string; token: IToken; previousToken?: IToken }[];
}

export function parseTokens(tokens: IToken[]): ParseResult {
  const parser = parserInstance();
  parser.input = tokens;
  const cst = parser.program();
  return { cst, errors: parser.errors.map((e) => ({ message: e.message, token: e.token, previousToken: (e as { previousToken?: IToken }).previousToken })) };
}
