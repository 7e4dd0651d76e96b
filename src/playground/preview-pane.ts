/**
 * The preview pane: the live `<credit-calculator>` (by tag name, handed the
 * compiled `Program`), showing the last program without errors and marked
 * stale while the text has errors. Also what the preview holds for the rest
 * of the playground: the values the user set in it, which outlive a new
 * program, and a name's value in its evaluation, for hover.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { EvaluationResult, Program } from '../index.js';
import type { Lang, Strings } from './i18n.js';
import type { SymbolInfo } from './symbols.js';

export type CalculatorChange = CustomEvent<{ inputs: Record<string, unknown> }>;

export interface PreviewPane {
  /** The program the calculator shows; undefined until a text compiles without errors. */
  readonly program: Program | undefined;
  /** The calculator's values when the program came: those the user set. */
  readonly values: Record<string, unknown>;
  readonly stale: boolean;
  readonly lang: Lang;
  /** The calculator's `credit-change`. */
  readonly changed: (event: CalculatorChange) => void;
}

export function renderPreview({ program, values, stale, lang, changed }: PreviewPane, t: Strings): TemplateResult {
  return html`<section class="pane preview" part="preview" aria-labelledby="preview-heading" ?data-stale=${stale}>
      <h2 id="preview-heading">${t.preview}</h2>
      ${stale ? html`<p class="stale-note" id="preview-stale">${t.stale}</p>` : nothing}
      ${program
        ? html`<div class="staled"><credit-calculator .program=${program} .values=${values} locale=${lang}
            aria-describedby=${stale ? 'preview-stale' : nothing}
            @credit-change=${changed}></credit-calculator></div>`
        : html`<p class="hint">${t.noPreview}</p>`}
    </section>`;
}

/** The values the user changed in the preview; those left at their defaults follow the rules as they are edited. */
export function changedValues(event: CalculatorChange, program: Program | undefined): Record<string, unknown> {
  const inputs = program?.inputs ?? [];
  return Object.fromEntries(Object.entries(event.detail.inputs).filter(([name, value]) => String(value) !== inputs.find((i) => i.name === name)?.default));
}

/** What the preview holds when hover asks. */
export interface PreviewNow {
  /** The last program without errors. */
  readonly program: Program | undefined;
  /** The calculator's evaluation, once it has one. */
  readonly result: EvaluationResult | undefined;
  /** The values the calculator was handed. */
  readonly values: Record<string, unknown>;
  /** The values the user set. */
  readonly userInputs: Record<string, unknown>;
}

/** A name's value in the preview's evaluation, with its unit. */
export function previewValue(name: string, symbol: SymbolInfo | undefined, preview: PreviewNow): string | undefined {
  const program = preview.program;
  const result = preview.result ?? (() => {
    const evaluation = program?.evaluate(preview.values as never);
    return evaluation?.ok ? evaluation.result : undefined;
  })();
  if (!program || !symbol) return undefined;
  const currency = result?.currency ?? program.currency;
  const unitOf = (raw: string): string => {
    if (symbol.kind === 'percent') return `${raw}%`;
    if (symbol.kind === 'money') return currency ? `${raw} ${currency}` : raw;
    return raw;
  };
  if (name === 'total_credit' && result) return unitOf(result.credit.amount);
  if (name === 'total_credit_percent' && result?.credit.percentOfFee != null) return `${result.credit.percentOfFee}%`;
  if (name === 'fee' && result?.fee != null) return unitOf(result.fee);
  if (result?.outputs[name] !== undefined) return unitOf(result.outputs[name]);
  if (result && result.mode !== 'year' && result.values[name] !== undefined) return unitOf(result.values[name]);
  const input = program.inputs.find((i) => i.name === name);
  if (!input) return undefined;
  const given = preview.userInputs[name];
  const raw = typeof given === 'string' || typeof given === 'number' || typeof given === 'boolean' ? String(given) : Array.isArray(given) ? given.join(', ') : input.default;
  if (raw === undefined) return undefined;
  return input.kind === 'duration' ? `${raw}${input.unit ?? ''}` : unitOf(raw);
}
