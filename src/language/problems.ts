/**
 * The front end's diagnostics: one constructor per stable code, for lexing,
 * syntax, names, kinds and units, and drafting warnings. Only the parser
 * chunk needs them; what evaluation reports, and the table of every code
 * with its severity, are in `diagnostics.ts`.
 */
import { didYouMean, error, info, warning } from './diagnostics.js';
import type { Span } from './source.js';

/** Every diagnostic, by stage. The keys of this object are documented in docs/language.md. */
export const problems = {
  // Lexical
  tabIndent: (span: Span) =>
    error('tab-indent', 'tabs are not allowed for indentation; indent with spaces', span),
  tab: (span: Span) => error('tab-indent', 'tabs are not allowed in rules text; use spaces', span),
  unexpectedCharacter: (char: string, span: Span) =>
    error('unexpected-character', `unexpected character \`${char}\``, span),
  unterminatedString: (span: Span) =>
    error('unterminated-string', 'this string has no closing `"` before the end of the line', span),
  badEscape: (sequence: string, span: Span) =>
    error('bad-escape', `unknown escape \`${sequence}\` in a string; only \\" and \\\\ are allowed`, span),
  unknownUnit: (literal: string, unit: string, span: Span) =>
    error(
      'unknown-unit',
      unit === 'm'
        ? `\`${literal}\`: \`m\` is ambiguous (minutes or months); write \`min\` for minutes`
        : `\`${literal}\`: unknown unit \`${unit}\`; durations use s, min, h or d, and money needs a space before its ISO currency code (\`50 EUR\`)`,
      span,
    ),
  unknownCurrency: (code: string, span: Span) =>
    error('unknown-currency', `\`${code}\` is not an ISO 4217 currency code (such as EUR, USD, CHF)`, span),
  unexpectedIndent: (span: Span) =>
    error('unexpected-indent', 'this line is indented, but the line before it does not open a block with `:`', span),
  inconsistentDedent: (span: Span) =>
    error('inconsistent-dedent', 'this line is indented less than its block but more than the lines around it; align it with an enclosing level', span),
  unmatchedBracket: (bracket: string, span: Span) =>
    error('unmatched-bracket', `\`${bracket}\` has no matching opening bracket`, span),
  unclosedBracket: (bracket: string, span: Span) =>
    error('unclosed-bracket', `\`${bracket}\` is never closed`, span),

  limitExceeded: (what: string, limit: number, span: Span) =>
    error('limit-exceeded', `${what} exceeds the limit of ${limit.toLocaleString('en')}; these rules are too large to check safely`, span),

  // Syntax
  syntax: (message: string, span: Span) => error('syntax-error', message, span),
  reservedWord: (word: string, span: Span) =>
    error('reserved-word', `\`${word}\` is a reserved word and cannot be used as a name; choose another name`, span),
  emptyBlock: (span: Span) =>
    error('empty-block', 'a block needs at least one indented `if … then …` line after its `:`', span),

  // Names
  undefinedName: (name: string, span: Span, suggestion?: string) =>
    error('undefined-name', `\`${name}\` is not defined.${didYouMean(suggestion)}`, span),
  duplicateDefinition: (name: string, span: Span, first: Span) =>
    error('duplicate-definition', `\`${name}\` is already defined`, span, {
      related: [{ message: `\`${name}\` is first defined here`, span: first }],
    }),
  useBeforeDefinition: (name: string, span: Span, definition: Span) =>
    error('use-before-definition', `\`${name}\` is used before it is defined; move its definition above this line`, span, {
      related: [{ message: `\`${name}\` is defined here`, span: definition }],
    }),
  cycle: (names: readonly string[], span: Span) =>
    error('cycle', `\`${names[0]}\` depends on itself: ${names.map((n) => `\`${n}\``).join(' → ')}`, span),
  implicitInput: (name: string, kind: string, span: Span) =>
    info('implicit-input', `\`${name}\` is not declared, so it is an input of kind ${kind}`, span),
  builtinRedefined: (name: string, span: Span) =>
    error('builtin-redefined', `\`${name}\` is a built-in name and cannot be defined again`, span),
  duplicateStatement: (what: string, span: Span, first: Span) =>
    error('duplicate-statement', `a program has at most one ${what}`, span, {
      related: [{ message: `the first ${what} is here`, span: first }],
    }),
  pointsWithoutRate: (span: Span) =>
    error('points-without-rate', 'points are used here, but the program has no `point = …` rate to turn points into money', span),
  mixedCurrency: (code: string, expected: string, span: Span) =>
    error('mixed-currency', `${code} is used here, but the program's currency is ${expected}; one program uses one currency (there are no exchange rates)`, span),
  totalInCredit: (name: string, span: Span) =>
    error('credit-uses-total', `\`${name}\` is only known after all credits; it can be used in \`let\` and \`output\`, not in rules or caps`, span),

  // Kinds and units
  kindMismatch: (message: string, span: Span) => error('kind-mismatch', message, span),
  notACondition: (kind: string, span: Span) =>
    error('not-a-condition', `a condition must be true or false, but this is ${kind}; compare it, e.g. \`availability < 99.5%\``, span),
  notACredit: (kind: string, span: Span) =>
    error('not-a-credit', `a credit must be a percentage of the fee (10%), money (50 EUR) or points (2 points), but this is ${kind}`, span),
  badCap: (kind: string, span: Span) =>
    error('bad-cap', `a cap must be a percentage of the fee (20%), money (500 EUR) or points, but this is ${kind}`, span),
  capShorterThanPeriod: (cap: string, period: string, span: Span) =>
    error('bad-cap', `a ${cap} cap under \`period ${period}\`: a cap cannot be shorter than the period the rules are evaluated for; write \`${period}\` or longer`, span),
  badPointRate: (kind: string, span: Span) =>
    error('bad-point-rate', `the point rate must be money (\`point = 50 EUR\`) or a share of the monthly fee (\`point = 0.5%\`), but this is ${kind}`, span),
  badProportional: (direction: string, span: Span) =>
    error(
      'bad-proportional',
      direction === 'below'
        ? '`below` measures from the threshold of one `<` or `<=` comparison in the condition, e.g. `if availability < 99.9% then 1% per 0.1% below`'
        : '`above` measures from the threshold of one `>` or `>=` comparison in the condition, e.g. `if resolution > 8h then 2% per 1h above`',
      span,
    ),
  badStep: (message: string, span: Span) => error('bad-step', message, span),
  badDeclaration: (message: string, span: Span) => error('bad-declaration', message, span),
  badExample: (message: string, span: Span) => error('bad-example', message, span),
  numberTooLarge: (span: Span) => error('number-too-large', 'this number has too many digits', span),

  // Functions, conditionals, labels (version 2)
  unknownFunction: (name: string, span: Span) =>
    error('unknown-function', `\`${name}\` is not a function; the built-in functions are min, max, round, floor, ceil, count and sum`, span),
  badCall: (message: string, span: Span) => error('bad-call', message, span),
  listMisused: (name: string, span: Span) =>
    error('kind-mismatch', `\`${name}\` is a list, but a single value is expected here; use \`count(${name})\`, \`sum(${name})\`, \`max(${name})\` or \`min(${name})\`, or a \`for each\` block`, span),
  notAList: (name: string, span: Span, unknown: boolean) =>
    error(unknown ? 'undefined-name' : 'kind-mismatch', unknown ? `\`${name}\` is not defined; \`for each\` goes through a list input such as \`input ${name}: list of duration\`` : `\`${name}\` is not a list; \`for each\` goes through a list input such as \`input ${name}: list of duration\``, span),
  badLanguageTag: (tag: string, span: Span, repeated = false) =>
    error('bad-language-tag', repeated
      ? `this label already has a translation for \`${tag}\``
      : `\`${tag}\` is not a language tag; a translation is written with two lowercase letters and the text, such as \`de "Monatliche Gebühr"\``, span),

  // Drafting warnings
  unreachableTier: (span: Span, winner: Span) =>
    warning('unreachable-tier', 'this tier can never win: another tier of the block matches whenever it does and credits at least as much', span, {
      related: [{ message: 'this tier shadows it', span: winner }],
    }),
  nonMonotonicTiers: (name: string, span: Span, other: Span) =>
    warning('non-monotonic-tiers', `this tier pays less for worse ${name} than the tier it overlaps`, span, {
      related: [{ message: 'the tier that pays more for better service', span: other }],
    }),
  capNeverBinds: (span: Span) =>
    warning('cap-never-binds', 'this cap can never bind: the credits it limits can never reach it', span),
  capBelowTier: (span: Span, tier: Span) =>
    warning('cap-below-tier', "this cap is smaller than one tier's own credit, so that tier can never pay in full", span, {
      related: [{ message: 'this tier credits more than the cap', span: tier }],
    }),
  thresholdOutOfRange: (name: string, range: string, span: Span) =>
    warning('threshold-out-of-range', `this threshold lies outside the declared range of \`${name}\` (${range}), so the comparison is always decided the same way`, span),
  overlappingRules: (name: string, span: Span, other: Span) =>
    warning('overlapping-rules', `two separate rules on \`${name}\` both pay when this one does; did you mean tiers of one \`credit\` block (highest wins)?`, span, {
      related: [{ message: 'the other rule', span: other }],
    }),
  unusedName: (what: string, name: string, span: Span) =>
    warning('unused-name', `${what} \`${name}\` is never used`, span),
  tierGap: (name: string, gap: string, span: Span, below: Span, above: Span) =>
    warning('tier-gap', `no tier pays when \`${name}\` is ${gap}, although tiers pay on both sides; make the two tiers meet (use \`<=\` in one of them, or move a threshold)`, span, {
      related: [{ message: 'the tier on one side', span: below }, { message: 'the tier on the other side', span: above }],
    }),
  ruleAfterBlock: (name: string, span: Span, block: Span) =>
    warning('rule-after-block', `this rule on \`${name}\` is not a tier of the block above it, so it pays in addition to the block; indent it to make it a tier (highest wins)`, span, {
      related: [{ message: 'the block', span: block }],
    }),

} as const;

