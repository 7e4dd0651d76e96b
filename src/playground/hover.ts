/**
 * Hover on a name: what it is (input, let, output, built-in) and its kind,
 * the line that declares it, and its value in the preview's current
 * evaluation. Hover on a keyword, a kind, a period, a built-in name or
 * function: what it means, in the interface's language (`word-docs.ts`).
 * Everything is put into the tooltip as text nodes.
 */
import { hoverTooltip, type Tooltip } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import { tokenizeLine } from './language-support.js';
import type { Lang, Strings } from './i18n.js';
import type { Declaration, SymbolInfo } from './symbols.js';
import { contextualWords, functionWords, wordDoc, type WordDoc } from './word-docs.js';

export interface HoverData {
  readonly strings: Strings;
  readonly lang: Lang;
  symbol(name: string): SymbolInfo | undefined;
  declaration(name: string): Declaration | undefined;
  /** The value as a person reads it ("99.95%", "1000.00 EUR"), if the preview has one. */
  value(name: string): string | undefined;
  /** The symbol and value come from the last program without errors. */
  readonly stale: boolean;
}

export function nameHover(data: () => HoverData): Extension {
  return hoverTooltip((view, pos, side): Tooltip | null => {
    const line = view.state.doc.lineAt(pos);
    const column = pos - line.from;
    const token = tokenizeLine(line.text).find((tok) => tok.from <= column && column <= tok.to && (tok.from < column || side > 0) && (column < tok.to || side < 0));
    if (!token || token.style === 'lineComment' || token.style === 'string') return null;
    const word = token.style === 'docComment' ? '##' : line.text.slice(token.from, token.to);
    const d = data();
    const at = { pos: line.from + token.from, end: line.from + token.to, above: true };
    if (!token.style.startsWith('variableName')) {
      const doc = wordDoc(word, d.lang);
      return doc ? { ...at, create: () => ({ dom: renderDoc(doc) }) } : null;
    }
    const symbol = d.symbol(word);
    const declaration = d.declaration(word);
    const call = /^\s*\(/.test(line.text.slice(token.to));
    // A word of version 2 that the lexer reads as a name: documented where it stands as that word, unless the draft declares it.
    const doc = (symbol?.role === 'builtin' || (!declaration && (contextualWords.has(word) || (call && functionWords.has(word))))) ? wordDoc(word, d.lang) : undefined;
    if (!symbol && !declaration && !doc) return null;
    return {
      ...at,
      create: () => {
        const dom = symbol || declaration ? render(word, symbol, declaration, d.value(word), d) : renderDoc(doc!);
        if (doc && (symbol || declaration)) dom.append(renderDoc(doc));
        return { dom };
      },
    };
  });
}

function renderDoc(doc: WordDoc): HTMLElement {
  const dom = document.createElement('div');
  dom.className = 'cr-hover cr-doc';
  dom.appendChild(document.createElement('code')).textContent = doc.form;
  dom.appendChild(document.createElement('div')).textContent = doc.text;
  return dom;
}

function render(name: string, symbol: SymbolInfo | undefined, declaration: Declaration | undefined, value: string | undefined, d: HoverData): HTMLElement {
  const t = d.strings;
  const dom = document.createElement('div');
  dom.className = 'cr-hover';
  const head = dom.appendChild(document.createElement('div'));
  const code = head.appendChild(document.createElement('code'));
  code.textContent = symbol?.kind ? `${name}: ${symbol.kind}` : name;
  if (symbol) head.append(` — ${t.kinds[symbol.role] ?? symbol.role}`);
  if (symbol?.label) {
    const label = dom.appendChild(document.createElement('div'));
    label.textContent = `“${symbol.label}”`;
  }
  const where = dom.appendChild(document.createElement('div'));
  if (symbol?.role === 'builtin' && name !== 'fee') where.textContent = t.hoverBuiltin;
  else if (symbol?.implicit) where.textContent = t.hoverImplicit;
  if (declaration) {
    if (where.textContent) where.append(document.createElement('br'));
    where.append(`${t.hoverDeclared(declaration.line)}: `);
    where.appendChild(document.createElement('code')).textContent = declaration.text;
  }
  if (value !== undefined) {
    const current = dom.appendChild(document.createElement('div'));
    current.append(`${t.hoverValue}: `);
    current.appendChild(document.createElement('strong')).textContent = value;
    if (d.stale) current.append(` ${t.hoverStale}`);
  }
  return dom;
}
