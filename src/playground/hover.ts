/**
 * Hover on a name: what it is (input, let, output, built-in) and its kind,
 * the line that declares it, and its value in the preview's current
 * evaluation. Everything is put into the tooltip as text nodes.
 */
import { hoverTooltip, type Tooltip } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import { tokenizeLine } from './language-support.js';
import type { Strings } from './i18n.js';
import type { Declaration, SymbolInfo } from './symbols.js';

export interface HoverData {
  readonly strings: Strings;
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
    if (!token || !token.style.startsWith('variableName')) return null;
    const name = line.text.slice(token.from, token.to);
    const d = data();
    const symbol = d.symbol(name);
    const declaration = d.declaration(name);
    if (!symbol && !declaration) return null;
    return {
      pos: line.from + token.from,
      end: line.from + token.to,
      above: true,
      create: () => ({ dom: render(name, symbol, declaration, d.value(name), d) }),
    };
  });
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
