/**
 * Lexing in two passes. Chevrotain's lexer turns text into tokens; the layout
 * pass then turns line structure into the tokens the grammar sees: a `Newline`
 * at the end of every non-empty logical line, `Indent`/`Dedent` around blocks
 * (with real positions), nothing for line breaks inside `(…)` or `[…]`.
 * The indent stack lives in the call, so lexing is re-entrant.
 */
import { createTokenInstance, Lexer, type ILexerConfig, type IToken, type TokenType } from 'chevrotain';
import type { Problem } from './diagnostics.js';
import { problems } from './problems.js';
import { LIMITS } from './limits.js';
import type { Position } from './source.js';
import * as t from './tokens.js';

export interface LexResult {
  readonly tokens: IToken[];
  readonly problems: Problem[];
  /** A structural limit was hit: nothing after lexing may run. */
  readonly limited?: boolean;
}

/**
 * Chevrotain's options for the tokens. Its checks of the token definitions
 * run in a test (lexer.test.ts) rather than at every start, where they took
 * about 15 ms of each command.
 */
export const LEXER_OPTIONS = {
  // 'full': the layout pass needs start lines and columns, the parser's node locations end offsets.
  positionTracking: 'full',
  // The first-character optimisation is several times faster; fail loudly if a token breaks it.
  ensureOptimizations: true,
} as const satisfies ILexerConfig;

let chevrotainLexer: Lexer | undefined;

function lexer(): Lexer {
  chevrotainLexer ??= new Lexer(t.allTokens as TokenType[], { ...LEXER_OPTIONS, skipValidations: true });
  return chevrotainLexer;
}

const span = (token: IToken) => ({ start: token.startOffset, end: token.startOffset + token.image.length });

/** A token the layout pass makes up, of zero width at `offset`. */
function synthetic(type: TokenType, offset: number, line: number, column: number): IToken {
  return createTokenInstance(type, '', offset, offset - 1, line, line, column, column - 1);
}

function retype(token: IToken, type: TokenType): IToken {
  return createTokenInstance(
    type, token.image, token.startOffset, token.endOffset ?? token.startOffset,
    token.startLine ?? 1, token.endLine ?? 1, token.startColumn ?? 1, token.endColumn ?? 1,
  );
}

export function lex(text: string): LexResult {
  const found: Problem[] = [];
  const raw = lexer().tokenize(text);
  for (const e of raw.errors) {
    found.push(problems.unexpectedCharacter(text.substr(e.offset, 1), { start: e.offset, end: e.offset + 1 }));
  }
  return layout(text, checkLiterals(raw.tokens, found), found);
}

/** Reports malformed literals and replaces them with well-formed tokens, so one typo gives one message. */
function checkLiterals(tokens: IToken[], found: Problem[]): IToken[] {
  return tokens.map((token) => {
    switch (token.tokenType) {
      case t.BadUnit: {
        const unit = /[A-Za-z_][A-Za-z0-9_]*$/.exec(token.image)?.[0] ?? '';
        found.push(problems.unknownUnit(token.image, unit, span(token)));
        return token;
      }
      case t.UnterminatedString:
        found.push(problems.unterminatedString(span(token)));
        return retype(token, t.StringLiteral);
      case t.StringLiteral: {
        for (const escape of token.image.matchAll(/\\(.)/g)) {
          if (escape[1] === '"' || escape[1] === '\\') continue;
          const start = token.startOffset + (escape.index ?? 0);
          found.push(problems.badEscape(escape[0], { start, end: start + 2 }));
        }
        return token;
      }
      default:
        return token;
    }
  });
}

function layout(text: string, tokens: IToken[], found: Problem[]): LexResult {
  const out: IToken[] = [];
  const indents = [0];
  const brackets: IToken[] = [];
  let lineHasTokens = false;
  let atLineStart = true;
  let lastLine: IToken | undefined; // the last real token of the current logical line

  for (const token of tokens) {
    const type = token.tokenType;
    if (type === t.Tab) {
      found.push(atLineStart ? problems.tabIndent(span(token)) : problems.tab(span(token)));
      continue;
    }
    if (type === t.Newline) {
      if (brackets.length > 0) continue;
      if (lineHasTokens) out.push(token);
      lineHasTokens = false;
      atLineStart = true;
      continue;
    }
    if (atLineStart && brackets.length === 0) {
      const indent = (token.startColumn ?? 1) - 1;
      const line = token.startLine ?? 1;
      const column = token.startColumn ?? 1;
      const top = indents[indents.length - 1];
      if (indent > top) {
        if (lastLine?.tokenType === t.Colon) {
          indents.push(indent);
          out.push(synthetic(t.Indent, token.startOffset, line, column));
        } else {
          found.push(problems.unexpectedIndent({ start: token.startOffset - indent, end: token.startOffset }));
        }
      } else if (indent < top) {
        while (indent < indents[indents.length - 1]) {
          indents.pop();
          out.push(synthetic(t.Dedent, token.startOffset, line, column));
        }
        if (indent !== indents[indents.length - 1]) {
          found.push(problems.inconsistentDedent({ start: token.startOffset - indent, end: token.startOffset }));
        }
      }
      atLineStart = false;
    }
    if (type === t.LParen || type === t.LBracket) {
      brackets.push(token);
      if (brackets.length > LIMITS.bracketDepth) {
        found.push(problems.limitExceeded('the nesting of brackets', LIMITS.bracketDepth, span(token)));
        return { tokens: [], problems: found, limited: true };
      }
    }
    if (type === t.RParen || type === t.RBracket) {
      const open = brackets[brackets.length - 1];
      const matches = open && (open.tokenType === t.LParen) === (type === t.RParen);
      if (matches) brackets.pop();
      else found.push(problems.unmatchedBracket(token.image, span(token)));
    }
    out.push(token);
    lineHasTokens = true;
    lastLine = token;
  }

  for (const open of brackets) found.push(problems.unclosedBracket(open.image, span(open)));
  const end = text.length;
  const { line: endLine, column: endColumn } = endOf(text);
  if (lineHasTokens) out.push(synthetic(t.Newline, end, endLine, endColumn));
  while (indents.length > 1) {
    indents.pop();
    out.push(synthetic(t.Dedent, end, endLine, endColumn));
  }
  return { tokens: out, problems: found };
}

/** Where the text ends (the layout's closing tokens go there), without a table of every line. */
function endOf(text: string): Position {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: text.length - text.lastIndexOf('\n') };
}
