/**
 * Syntax highlighting and indentation for CodeMirror, driven by the
 * language's own lexer: every line is tokenized by the language service, so a word is a
 * keyword in the editor exactly when it is one to the parser. Tokens never
 * span lines (strings and comments end at the line's end), so lexing line by
 * line gives the same tokens as lexing the file, and CodeMirror can
 * re-highlight only the lines that changed. The lexer drops comments, so a
 * `#` in the gaps between tokens starts one; `##` starts a drafting note (a
 * comment meant for the contract), coloured apart.
 */
import { HighlightStyle, indentUnit, LanguageSupport, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { tokens, type TokenRole } from '../language-service.js';
import { contextualWords } from './word-docs.js';

/** One coloured stretch of a line; `style` is a CodeMirror tag name. */
export interface LineToken {
  readonly from: number;
  readonly to: number;
  readonly style: string;
}

/** CodeMirror's tag for each role of a token; names and quantities are styled apart. */
const STYLES: Record<Exclude<TokenRole, 'name' | 'percent' | 'money' | 'duration' | 'number'>, string> = {
  string: 'string', 'bad-unit': 'invalid', boolean: 'bool', kind: 'typeName', period: 'modifier',
  control: 'controlKeyword', 'operator-word': 'operatorKeyword', declaring: 'definitionKeyword',
  reserved: 'keyword invalid', keyword: 'keyword', compare: 'compareOperator', arithmetic: 'arithmeticOperator',
  assign: 'definitionOperator', operator: 'operator', colon: 'punctuation', comma: 'separator', paren: 'paren',
  bracket: 'squareBracket', other: 'invalid',
};

/**
 * The coloured stretches of one line, in order. Quantities are split into
 * their number and their unit (`30` + `min`, `1200` + `EUR`); gaps are
 * spaces, comments, or characters the lexer rejected.
 */
export function tokenizeLine(line: string): LineToken[] {
  const out: LineToken[] = [];
  let pos = 0;
  let afterDeclaring = false;
  const gap = (end: number): boolean => {
    for (let i = pos; i < end; i++) {
      const ch = line[i];
      if (ch === '#') {
        out.push({ from: i, to: line.length, style: line[i + 1] === '#' ? 'docComment' : 'lineComment' });
        return true;
      }
      if (ch !== ' ') out.push({ from: i, to: i + 1, style: 'invalid' });
    }
    return false;
  };
  for (const token of tokens(line)) {
    const from = token.offset;
    const to = from + token.text.length;
    if (gap(from)) return out;
    const role = token.role;
    if (role === 'percent' || role === 'money' || role === 'duration' || role === 'number') {
      const number = /^[\d_.]+/.exec(token.text)?.[0].length ?? 0;
      out.push({ from, to: from + number, style: 'number' });
      const unit = /\S+$/.exec(token.text.slice(number));
      if (unit) out.push({ from: to - unit[0].length, to, style: role === 'percent' ? 'number' : 'unit' });
    } else if (role === 'name') {
      // A word of version 2 that is a keyword where it stands (`pay only if`, `to "the agent"`), unless a name is being declared or assigned.
      const keywordHere = contextualWords.has(token.text) && !afterDeclaring && !/^\s*[=:]/.test(line.slice(to));
      out.push({ from, to, style: afterDeclaring ? 'variableName.definition' : keywordHere ? 'keyword' : 'variableName' });
    } else {
      out.push({ from, to, style: STYLES[role] });
    }
    afterDeclaring = role === 'declaring';
    pos = to;
  }
  gap(line.length);
  return out;
}

interface LineState {
  /** Indentation of the last line with code. */
  indent: number;
  /** That line ended with `:`, so the next line belongs to its block. */
  opensBlock: boolean;
  /** The current line's stretches, and which one comes next. */
  tokens: LineToken[];
  next: number;
}

const parser = StreamLanguage.define<LineState>({
  name: 'credit-rules',
  startState: () => ({ indent: 0, opensBlock: false, tokens: [], next: 0 }),
  copyState: (s) => ({ ...s }),
  token(stream, state) {
    if (stream.sol()) {
      state.tokens = tokenizeLine(stream.string);
      state.next = 0;
      const code = state.tokens.filter((tok) => tok.style !== 'lineComment' && tok.style !== 'docComment');
      if (code.length > 0) {
        state.indent = stream.indentation();
        state.opensBlock = stream.string.slice(code[code.length - 1].from, code[code.length - 1].to) === ':';
      }
    }
    while (state.next < state.tokens.length && state.tokens[state.next].to <= stream.pos) state.next++;
    const token = state.tokens[state.next];
    if (!token) {
      stream.skipToEnd();
      return null;
    }
    if (token.from > stream.pos) {
      stream.pos = token.from;
      return null;
    }
    stream.pos = token.to;
    state.next++;
    return token.style;
  },
  // A line after `…:` goes into the block; otherwise keep the level, and the drafter dedents.
  indent: (state, _textAfter, context) => state.indent + (state.opensBlock ? context.unit : 0),
  languageData: { commentTokens: { line: '#' }, indentOnInput: /^\s*$/ },
});

/**
 * Colours as custom properties, so a page can restyle them; the defaults
 * keep 4.5:1 contrast on the editor's light and dark backgrounds.
 */
export const highlightStyle = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.operatorKeyword], color: 'var(--_syntax-keyword)', fontWeight: '600' },
  { tag: tags.typeName, color: 'var(--_syntax-type)' },
  { tag: tags.modifier, color: 'var(--_syntax-type)', fontStyle: 'italic' },
  { tag: [tags.number, tags.bool], color: 'var(--_syntax-number)' },
  { tag: tags.unit, color: 'var(--_syntax-unit)' },
  { tag: tags.string, color: 'var(--_syntax-string)' },
  { tag: tags.lineComment, color: 'var(--_syntax-comment)', fontStyle: 'italic' },
  { tag: tags.docComment, color: 'var(--_syntax-note)', fontStyle: 'italic' },
  { tag: tags.definition(tags.variableName), color: 'var(--_syntax-definition)', fontWeight: '600' },
  { tag: tags.variableName, color: 'var(--_syntax-name)' },
  { tag: [tags.compareOperator, tags.arithmeticOperator, tags.definitionOperator, tags.operator], color: 'var(--_syntax-operator)' },
  { tag: tags.invalid, color: 'var(--_syntax-invalid)', textDecoration: 'underline wavy' },
]);

/** The language for CodeMirror: highlighting, two-space indentation, `#` comments. */
export function creditRules(): LanguageSupport {
  return new LanguageSupport(parser, [syntaxHighlighting(highlightStyle), indentUnit.of('  ')]);
}
