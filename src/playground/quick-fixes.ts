/**
 * Quick fixes: edits the editor offers on a diagnostic (CodeMirror lint
 * actions). A misspelt name is replaced by the name the checker suggests; a
 * bare number compared with a duration, a percentage or money gets the unit
 * (`if response > 4 then 10%` → `4h`); a rule right after a block, on the
 * block's input, is indented to become one of its tiers; a gap of one value
 * between two tiers is closed by making one of their comparisons include it
 * (`<` → `<=`). The number is found
 * in the diagnostic's span with the language's own tokens, so the fix does
 * not depend on where exactly the checker puts the span.
 */
import type { ChangeSpec, EditorState } from '@codemirror/state';
import { tokens } from '../language-service.js';
import type { Kind } from '../index.js';
import type { SaidDiagnostic } from './diagnostics-de.js';
import type { Strings } from './i18n.js';

export interface FixContext {
  /** The kind of a name as the text declares it (or the last program without errors knows it). */
  kindOf(name: string): Kind | undefined;
  /** The program's currency, for a bare number compared with money. */
  readonly currency?: string;
}

export interface QuickFix {
  readonly title: (t: Strings) => string;
  readonly changes: ChangeSpec;
  /** Where the cursor goes after the fix. */
  readonly cursor: number;
}

const UNITS: Partial<Record<Kind, (currency?: string) => readonly string[]>> = {
  duration: () => ['h', 'min'],
  percent: () => ['%'],
  money: (currency) => (currency ? [` ${currency}`] : []),
};

export function quickFixes(d: SaidDiagnostic, state: EditorState, context: FixContext): QuickFix[] {
  const suggestion = d.args?.suggestion;
  if ((d.code === 'undefined-name' || d.code === 'unknown-input') && typeof suggestion === 'string') {
    return [{ title: (t) => t.fixReplace(suggestion), changes: { from: d.span.start, to: d.span.end, insert: suggestion }, cursor: d.span.start + suggestion.length }];
  }
  if (d.code === 'kind-mismatch') return unitFixes(d, state, context);
  if (d.code === 'rule-after-block') return indentFix(d, state);
  if (d.code === 'tier-gap') return meetFix(d, state);
  return [];
}

const INCLUSIVE: Record<string, string> = { '<': '<=', '>': '>=' };

/** A quantity's value and unit, so `99%` and `99.0%` are the same threshold. */
const quantityKey = (text: string): string => {
  const match = /^([\d_.]+)\s*(.*)$/.exec(text);
  return match ? `${Number(match[1].replaceAll('_', ''))}${match[2]}` : text;
};

/** For a gap of exactly one value: the strict comparison with that value in one of the two tiers, made inclusive. */
function meetFix(d: SaidDiagnostic, state: EditorState): QuickFix[] {
  const value = typeof d.args?.gap === 'string' ? /^exactly (.+)$/.exec(d.args.gap)?.[1] : undefined;
  if (!value) return [];
  for (const tier of [...(d.related ?? [])].reverse()) {
    const from = tier.span.start;
    if (tier.span.end > state.doc.length) continue;
    const found = tokens(state.doc.sliceString(from, tier.span.end));
    for (let i = 0; i < found.length; i++) {
      if (quantityKey(found[i].text) !== quantityKey(value)) continue;
      const op = [found[i - 1], found[i + 1]].find((tok) => tok && INCLUSIVE[tok.text]);
      if (!op) continue;
      const at = from + op.offset;
      const inclusive = INCLUSIVE[op.text];
      return [{ title: (t) => t.fixMeet(value, inclusive), changes: { from: at, to: at + op.text.length, insert: inclusive }, cursor: at + inclusive.length }];
    }
  }
  return [];
}

/** Indents the rule as deep as the tiers of the block before it. */
function indentFix(d: SaidDiagnostic, state: EditorState): QuickFix[] {
  const block = d.related?.[0]?.span;
  if (!block || block.start > state.doc.length || d.span.start > state.doc.length) return [];
  const doc = state.doc;
  const header = doc.lineAt(block.start);
  const rule = doc.lineAt(d.span.start);
  const depth = (text: string) => /^ */.exec(text)![0].length;
  for (let n = header.number + 1; n < rule.number; n++) {
    const line = doc.line(n);
    if (line.text.trim() === '' || line.text.trim().startsWith('#') || depth(line.text) <= depth(header.text)) continue;
    const indent = ' '.repeat(depth(line.text) - depth(rule.text));
    if (!indent) return [];
    return [{ title: (t) => t.fixIndentTier, changes: { from: rule.from, insert: indent }, cursor: d.span.start + indent.length }];
  }
  return [];
}

/** A bare number beside a name of a kind with units: one fix per likely unit. */
function unitFixes(d: SaidDiagnostic, state: EditorState, context: FixContext): QuickFix[] {
  const from = Math.max(0, d.span.start);
  const to = Math.min(state.doc.length, d.span.end);
  const inSpan = tokens(state.doc.sliceString(from, to));
  const numbers = inSpan.filter((tok) => tok.role === 'number');
  const kinds = inSpan.filter((tok) => tok.role === 'name').map((tok) => context.kindOf(tok.text)).filter((k): k is Kind => !!k && k in UNITS);
  if (numbers.length !== 1 || kinds.length === 0) return [];
  const number = numbers[0];
  const end = from + number.offset + number.text.length;
  return (UNITS[kinds[0]]?.(context.currency) ?? []).map((unit) => ({
    title: (t: Strings) => t.fixUnit(`${number.text}${unit}`),
    changes: { from: end, insert: unit },
    cursor: end + unit.length,
  }));
}
