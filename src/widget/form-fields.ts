/**
 * One input's field in the form: a text entry with its unit (and a slider
 * for a percentage with a range, a hint with the downtime an availability
 * means), a switch for yes/no, or the list editor for a list input. Fields
 * bind `.value` and `.checked` plainly (see the element's class comment).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatPercent, type InputInfo } from '../runtime.js';
import { isAvailability } from './chart.js';
import { downtimeMinutes, formatDowntime } from './downtime.js';
import { asDowntime, rowsOf, type Field, type FormContext } from './form-model.js';
import { renderListField } from './list-field.js';
import { suffixOf } from './values.js';

export interface FieldEvents {
  onText(input: InputInfo, text: string): void;
  onKey(input: InputInfo, e: KeyboardEvent): void;
  onCommit(input: InputInfo): void;
  onSlider(input: InputInfo, raw: string): void;
  onSwitch(input: InputInfo, on: boolean): void;
  onRows(input: InputInfo, rows: string[], focus: number | undefined): void;
}

/**
 * The field of `input` (shown as the `index`th input, which makes its id);
 * `evaluated` is the value the result was computed from, where the slider
 * stays while the text is no number.
 */
export function renderField(ctx: FormContext, input: InputInfo, index: number, f: Field, evaluated: string | undefined, on: FieldEvents): TemplateResult {
  const { formats } = ctx;
  const t = formats.t;
  const id = `f${index}`;
  const downtime = asDowntime(input, ctx);
  const label = downtime ? t.asDowntime(formats.label(input)) : formats.label(input);
  const errorId = `${id}-error`;
  const error = f.error ? html`<p class="error" part="error" id=${errorId}>${f.error}</p>` : nothing;
  if (input.list) {
    return renderListField({
      id, label, lang: formats.lang, items: rowsOf(f), error: f.error,
      suffix: suffixOf(input, formats.currency, formats.unitWords),
      onChange: (rows, focus) => on.onRows(input, rows, focus),
    });
  }
  if (input.kind === 'boolean') {
    return html`<div class="field switch" part="field" ?data-invalid=${!!f.error}>
      <label class="switch-label" part="label" for=${id}>${label}</label>
      <input id=${id} part="switch" type="checkbox" role="switch" .checked=${f.value === 'true'}
        aria-invalid=${f.error ? 'true' : 'false'} aria-describedby=${f.error ? errorId : nothing}
        @change=${(e: Event) => on.onSwitch(input, (e.target as HTMLInputElement).checked)} />
      ${error}
    </div>`;
  }
  const suffix = downtime ? t.minutes : suffixOf(input, formats.currency, formats.unitWords);
  const suffixId = `${id}-unit`;
  const availability = !isAvailability(input) || f.value === undefined ? undefined
    : downtime ? t.availabilityHint(formatPercent(f.value, formats.lang)) : `≈ ${formatDowntime(downtimeMinutes(Number(f.value)), formats.downtimeUnits)} · ${t.downtime}`;
  const hintId = `${id}-hint`;
  const describedBy = [suffix ? suffixId : '', f.error ? errorId : '', availability ? hintId : ''].filter(Boolean).join(' ');
  return html`<div class="field" part="field" ?data-invalid=${!!f.error}>
    <label part="label" for=${id}>${label}</label>
    ${input.kind === 'percent' && (input.range || isAvailability(input)) && !downtime ? renderSlider(ctx, input, f.value ?? evaluated, label, on) : nothing}
    <div class="control">
      <input id=${id} part="input" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
        .value=${f.text} aria-invalid=${f.error ? 'true' : 'false'} aria-describedby=${describedBy || nothing}
        @input=${(e: Event) => on.onText(input, (e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => on.onKey(input, e)}
        @change=${() => on.onCommit(input)} />
      ${suffix ? html`<span class="suffix" id=${suffixId}>${suffix}</span>` : nothing}
    </div>
    ${error}
    ${availability ? html`<p class="hint" id=${hintId}>${availability}</p>` : nothing}
  </div>`;
}

/** The slider of a percentage; the element sets its position after each update (see `updated`). */
function renderSlider(ctx: FormContext, input: InputInfo, value: string | undefined, label: string, on: FieldEvents): TemplateResult {
  const min = input.range?.min ?? '0';
  const max = input.range?.max ?? '100';
  const step = input.step ?? (Number(max) - Number(min) <= 20 ? '0.01' : '0.1');
  return html`<input type="range" part="slider" min=${min} max=${max} step=${step} tabindex="-1"
    aria-label=${label} data-value=${value ?? min}
    aria-valuetext=${value !== undefined ? formatPercent(value, ctx.formats.lang) : nothing}
    @input=${(e: Event) => on.onSlider(input, (e.target as HTMLInputElement).value)} />`;
}
