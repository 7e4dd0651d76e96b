// Generated from src/language/parser.ts by `npm run grammar`. Do not edit.
import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface ProgramCstNode extends CstNode {
  name: "program";
  children: ProgramCstChildren;
}

export type ProgramCstChildren = {
  statement?: StatementCstNode[];
};

export interface StatementCstNode extends CstNode {
  name: "statement";
  children: StatementCstChildren;
}

export type StatementCstChildren = {
  ruleStatement?: RuleStatementCstNode[];
  block?: BlockCstNode[];
  feeStatement?: FeeStatementCstNode[];
  inputStatement?: InputStatementCstNode[];
  capStatement?: CapStatementCstNode[];
  pointRate?: PointRateCstNode[];
  letStatement?: LetStatementCstNode[];
  outputStatement?: OutputStatementCstNode[];
  claimStatement?: ClaimStatementCstNode[];
  exampleStatement?: ExampleStatementCstNode[];
  payStatement?: PayStatementCstNode[];
  payoutStatement?: PayoutStatementCstNode[];
  periodStatement?: PeriodStatementCstNode[];
};

export interface RuleStatementCstNode extends CstNode {
  name: "ruleStatement";
  children: RuleStatementCstChildren;
}

export type RuleStatementCstChildren = {
  If: IToken[];
  condition: ExpressionCstNode[];
  Then: IToken[];
  credit: AdditiveCstNode[];
  proportional?: ProportionalCstNode[];
  capClause?: CapClauseCstNode[];
  Newline: IToken[];
};

export interface ProportionalCstNode extends CstNode {
  name: "proportional";
  children: ProportionalCstChildren;
}

export type ProportionalCstChildren = {
  Per: IToken[];
  Full?: IToken[];
  Started?: IToken[];
  step: AdditiveCstNode[];
  Below?: IToken[];
  Above?: IToken[];
};

export interface CapClauseCstNode extends CstNode {
  name: "capClause";
  children: CapClauseCstChildren;
}

export type CapClauseCstChildren = {
  Capped: IToken[];
  capSpec: (CapSpecCstNode)[];
  And?: IToken[];
};

export interface CapSpecCstNode extends CstNode {
  name: "capSpec";
  children: CapSpecCstChildren;
}

export type CapSpecCstChildren = {
  amount: AdditiveCstNode[];
  period?: PeriodCstNode[];
};

export interface BlockCstNode extends CstNode {
  name: "block";
  children: BlockCstChildren;
}

export type BlockCstChildren = {
  Credit?: IToken[];
  Points?: IToken[];
  label?: LabelCstNode[];
  For?: IToken[];
  Each?: IToken[];
  item?: DeclaredNameCstNode[];
  In?: IToken[];
  items?: IToken[];
  capClause?: CapClauseCstNode[];
  Colon: IToken[];
  Newline: IToken[];
  Indent?: IToken[];
  ruleStatement?: RuleStatementCstNode[];
  Dedent?: IToken[];
};

export interface FeeStatementCstNode extends CstNode {
  name: "feeStatement";
  children: FeeStatementCstChildren;
}

export type FeeStatementCstChildren = {
  Fee: IToken[];
  MoneyLiteral: IToken[];
  period?: PeriodCstNode[];
  label?: LabelCstNode[];
  Newline: IToken[];
};

export interface InputStatementCstNode extends CstNode {
  name: "inputStatement";
  children: InputStatementCstChildren;
}

export type InputStatementCstChildren = {
  Input: IToken[];
  declaredName: DeclaredNameCstNode[];
  Colon: IToken[];
  List?: IToken[];
  Of?: IToken[];
  kind: KindCstNode[];
  inputOption?: InputOptionCstNode[];
  Newline: IToken[];
};

export interface InputOptionCstNode extends CstNode {
  name: "inputOption";
  children: InputOptionCstChildren;
}

export type InputOptionCstChildren = {
  label?: LabelCstNode[];
  Default?: IToken[];
  default?: SignedLiteralCstNode[];
  defaultList?: ValueListCstNode[];
  Range?: IToken[];
  min?: SignedLiteralCstNode[];
  DotDot?: IToken[];
  max?: SignedLiteralCstNode[];
  Step?: IToken[];
  step?: SignedLiteralCstNode[];
};

export interface CapStatementCstNode extends CstNode {
  name: "capStatement";
  children: CapStatementCstChildren;
}

export type CapStatementCstChildren = {
  Cap: IToken[];
  capSpec: CapSpecCstNode[];
  Newline: IToken[];
};

export interface PointRateCstNode extends CstNode {
  name: "pointRate";
  children: PointRateCstChildren;
}

export type PointRateCstChildren = {
  Point: IToken[];
  Equals: IToken[];
  additive: AdditiveCstNode[];
  Newline: IToken[];
};

export interface LetStatementCstNode extends CstNode {
  name: "letStatement";
  children: LetStatementCstChildren;
}

export type LetStatementCstChildren = {
  Let: IToken[];
  declaration: DeclarationCstNode[];
};

export interface OutputStatementCstNode extends CstNode {
  name: "outputStatement";
  children: OutputStatementCstChildren;
}

export type OutputStatementCstChildren = {
  Output: IToken[];
  declaration: DeclarationCstNode[];
};

export interface DeclarationCstNode extends CstNode {
  name: "declaration";
  children: DeclarationCstChildren;
}

export type DeclarationCstChildren = {
  declaredName: DeclaredNameCstNode[];
  Colon?: IToken[];
  kind?: KindCstNode[];
  label?: LabelCstNode[];
  Equals: IToken[];
  expression: ExpressionCstNode[];
  Newline: IToken[];
};

export interface ClaimStatementCstNode extends CstNode {
  name: "claimStatement";
  children: ClaimStatementCstChildren;
}

export type ClaimStatementCstChildren = {
  Claim: IToken[];
  Within: IToken[];
  claimTerm: ClaimTermCstNode[];
  After?: IToken[];
  Incident?: IToken[];
  Newline: IToken[];
};

export interface ClaimTermCstNode extends CstNode {
  name: "claimTerm";
  children: ClaimTermCstChildren;
}

export type ClaimTermCstChildren = {
  DurationLiteral?: IToken[];
  NumberLiteral?: IToken[];
  Days?: (IToken)[];
  Business?: IToken[];
  Months?: IToken[];
};

export interface PeriodStatementCstNode extends CstNode {
  name: "periodStatement";
  children: PeriodStatementCstChildren;
}

export type PeriodStatementCstChildren = {
  Period: IToken[];
  period: PeriodCstNode[];
  Newline: IToken[];
};

export interface PayStatementCstNode extends CstNode {
  name: "payStatement";
  children: PayStatementCstChildren;
}

export type PayStatementCstChildren = {
  Pay: IToken[];
  Only: IToken[];
  If: IToken[];
  expression: ExpressionCstNode[];
  Newline: IToken[];
};

export interface PayoutStatementCstNode extends CstNode {
  name: "payoutStatement";
  children: PayoutStatementCstChildren;
}

export type PayoutStatementCstChildren = {
  Payout: IToken[];
  what: LabelCstNode[];
  To?: IToken[];
  recipient?: LabelCstNode[];
  Newline: IToken[];
};

export interface LabelCstNode extends CstNode {
  name: "label";
  children: LabelCstChildren;
}

export type LabelCstChildren = {
  StringLiteral: (IToken)[];
  language?: IToken[];
};

export interface ExampleStatementCstNode extends CstNode {
  name: "exampleStatement";
  children: ExampleStatementCstChildren;
}

export type ExampleStatementCstChildren = {
  Example: IToken[];
  label?: LabelCstNode[];
  Colon?: IToken[];
  given?: GivenCstNode[];
  Comma?: (IToken)[];
  Arrow: IToken[];
  expectation: ExpectationCstNode[];
  Newline: IToken[];
};

export interface GivenCstNode extends CstNode {
  name: "given";
  children: GivenCstChildren;
}

export type GivenCstChildren = {
  exampleName: ExampleNameCstNode[];
  Equals: IToken[];
  signedLiteral?: SignedLiteralCstNode[];
  valueList?: ValueListCstNode[];
};

export interface ValueListCstNode extends CstNode {
  name: "valueList";
  children: ValueListCstChildren;
}

export type ValueListCstChildren = {
  LBracket: IToken[];
  signedLiteral?: SignedLiteralCstNode[];
  inner?: ValueListCstNode[];
  Comma?: IToken[];
  RBracket: IToken[];
};

export interface ExpectationCstNode extends CstNode {
  name: "expectation";
  children: ExpectationCstChildren;
}

export type ExpectationCstChildren = {
  Credit?: IToken[];
  signedLiteral?: (SignedLiteralCstNode)[];
  exampleName?: ExampleNameCstNode[];
  Equals?: IToken[];
};

export interface ExampleNameCstNode extends CstNode {
  name: "exampleName";
  children: ExampleNameCstChildren;
}

export type ExampleNameCstChildren = {
  Identifier?: IToken[];
  Fee?: IToken[];
};

export interface DeclaredNameCstNode extends CstNode {
  name: "declaredName";
  children: DeclaredNameCstChildren;
}

export type DeclaredNameCstChildren = {
  Identifier?: IToken[];
  Keyword?: IToken[];
};

export interface KindCstNode extends CstNode {
  name: "kind";
  children: KindCstChildren;
}

export type KindCstChildren = {
  PercentKind?: IToken[];
  MoneyKind?: IToken[];
  DurationKind?: IToken[];
  NumberKind?: IToken[];
  BooleanKind?: IToken[];
};

export interface PeriodCstNode extends CstNode {
  name: "period";
  children: PeriodCstChildren;
}

export type PeriodCstChildren = {
  Monthly?: IToken[];
  Quarterly?: IToken[];
  Yearly?: IToken[];
};

export interface ExpressionCstNode extends CstNode {
  name: "expression";
  children: ExpressionCstChildren;
}

export type ExpressionCstChildren = {
  conditional?: ConditionalCstNode[];
  operands?: (ConjunctionCstNode)[];
  operators?: IToken[];
};

export interface ConditionalCstNode extends CstNode {
  name: "conditional";
  children: ConditionalCstChildren;
}

export type ConditionalCstChildren = {
  If: IToken[];
  condition: ExpressionCstNode[];
  Then: IToken[];
  then: ExpressionCstNode[];
  Else: IToken[];
  otherwise: ExpressionCstNode[];
};

export interface ConjunctionCstNode extends CstNode {
  name: "conjunction";
  children: ConjunctionCstChildren;
}

export type ConjunctionCstChildren = {
  operands: (NegationCstNode)[];
  operators?: IToken[];
};

export interface NegationCstNode extends CstNode {
  name: "negation";
  children: NegationCstChildren;
}

export type NegationCstChildren = {
  Not?: IToken[];
  negation?: NegationCstNode[];
  comparison?: ComparisonCstNode[];
};

export interface ComparisonCstNode extends CstNode {
  name: "comparison";
  children: ComparisonCstChildren;
}

export type ComparisonCstChildren = {
  operands: (AdditiveCstNode)[];
  operators?: (IToken)[];
};

export interface AdditiveCstNode extends CstNode {
  name: "additive";
  children: AdditiveCstChildren;
}

export type AdditiveCstChildren = {
  operands: (MultiplicativeCstNode)[];
  operators?: (IToken)[];
};

export interface MultiplicativeCstNode extends CstNode {
  name: "multiplicative";
  children: MultiplicativeCstChildren;
}

export type MultiplicativeCstChildren = {
  operands: (UnaryCstNode)[];
  operators?: (IToken)[];
};

export interface UnaryCstNode extends CstNode {
  name: "unary";
  children: UnaryCstChildren;
}

export type UnaryCstChildren = {
  Minus?: IToken[];
  unary?: UnaryCstNode[];
  atom?: AtomCstNode[];
};

export interface AtomCstNode extends CstNode {
  name: "atom";
  children: AtomCstChildren;
}

export type AtomCstChildren = {
  literal?: LiteralCstNode[];
  call?: CallCstNode[];
  Identifier?: IToken[];
  Fee?: IToken[];
  LParen?: IToken[];
  expression?: ExpressionCstNode[];
  RParen?: IToken[];
};

export interface CallCstNode extends CstNode {
  name: "call";
  children: CallCstChildren;
}

export type CallCstChildren = {
  function?: (IToken)[];
  LParen: IToken[];
  arguments?: ExpressionCstNode[];
  Comma?: IToken[];
  RParen: IToken[];
};

export interface SignedLiteralCstNode extends CstNode {
  name: "signedLiteral";
  children: SignedLiteralCstChildren;
}

export type SignedLiteralCstChildren = {
  Minus?: IToken[];
  literal: LiteralCstNode[];
};

export interface LiteralCstNode extends CstNode {
  name: "literal";
  children: LiteralCstChildren;
}

export type LiteralCstChildren = {
  PercentLiteral?: IToken[];
  MoneyLiteral?: IToken[];
  DurationLiteral?: IToken[];
  NumberLiteral?: IToken[];
  Points?: IToken[];
  Point?: IToken[];
  BadUnit?: IToken[];
  True?: IToken[];
  False?: IToken[];
};

export interface ICstNodeVisitor<IN, OUT> extends ICstVisitor<IN, OUT> {
  program(children: ProgramCstChildren, param?: IN): OUT;
  statement(children: StatementCstChildren, param?: IN): OUT;
  ruleStatement(children: RuleStatementCstChildren, param?: IN): OUT;
  proportional(children: ProportionalCstChildren, param?: IN): OUT;
  capClause(children: CapClauseCstChildren, param?: IN): OUT;
  capSpec(children: CapSpecCstChildren, param?: IN): OUT;
  block(children: BlockCstChildren, param?: IN): OUT;
  feeStatement(children: FeeStatementCstChildren, param?: IN): OUT;
  inputStatement(children: InputStatementCstChildren, param?: IN): OUT;
  inputOption(children: InputOptionCstChildren, param?: IN): OUT;
  capStatement(children: CapStatementCstChildren, param?: IN): OUT;
  pointRate(children: PointRateCstChildren, param?: IN): OUT;
  letStatement(children: LetStatementCstChildren, param?: IN): OUT;
  outputStatement(children: OutputStatementCstChildren, param?: IN): OUT;
  declaration(children: DeclarationCstChildren, param?: IN): OUT;
  claimStatement(children: ClaimStatementCstChildren, param?: IN): OUT;
  claimTerm(children: ClaimTermCstChildren, param?: IN): OUT;
  periodStatement(children: PeriodStatementCstChildren, param?: IN): OUT;
  payStatement(children: PayStatementCstChildren, param?: IN): OUT;
  payoutStatement(children: PayoutStatementCstChildren, param?: IN): OUT;
  label(children: LabelCstChildren, param?: IN): OUT;
  exampleStatement(children: ExampleStatementCstChildren, param?: IN): OUT;
  given(children: GivenCstChildren, param?: IN): OUT;
  valueList(children: ValueListCstChildren, param?: IN): OUT;
  expectation(children: ExpectationCstChildren, param?: IN): OUT;
  exampleName(children: ExampleNameCstChildren, param?: IN): OUT;
  declaredName(children: DeclaredNameCstChildren, param?: IN): OUT;
  kind(children: KindCstChildren, param?: IN): OUT;
  period(children: PeriodCstChildren, param?: IN): OUT;
  expression(children: ExpressionCstChildren, param?: IN): OUT;
  conditional(children: ConditionalCstChildren, param?: IN): OUT;
  conjunction(children: ConjunctionCstChildren, param?: IN): OUT;
  negation(children: NegationCstChildren, param?: IN): OUT;
  comparison(children: ComparisonCstChildren, param?: IN): OUT;
  additive(children: AdditiveCstChildren, param?: IN): OUT;
  multiplicative(children: MultiplicativeCstChildren, param?: IN): OUT;
  unary(children: UnaryCstChildren, param?: IN): OUT;
  atom(children: AtomCstChildren, param?: IN): OUT;
  call(children: CallCstChildren, param?: IN): OUT;
  signedLiteral(children: SignedLiteralCstChildren, param?: IN): OUT;
  literal(children: LiteralCstChildren, param?: IN): OUT;
}
