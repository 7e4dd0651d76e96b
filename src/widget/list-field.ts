/**
 * The form field of a `list of …` input (an outage per row, a ticket's
 * response time per row): rows that can be added, removed and moved with
 * the keyboard, each a labelled text box, and a pasted column of values —
 * from a spreadsheet, one per line or tab — becomes one row each. The field
 * only edits texts; the calculator reads them as values.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../runtime.js';

const words = {
  en: {
    add: 'Add a row',
    remove: (n: number) => `Remove row ${n}`,
    up: (n: number) => `Move row ${n} up`,
    down: (n: number) => `Move row ${n} down`,
    row: (label: string, n: number) => `${label}, row ${n}`,
    empty: 'No rows: none this period.',
    count: (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`,
  },
  de: {
    add: 'Zeile hinzufügen',
    remove: (n: number) => `Zeile ${n} entfernen`,
    up: (n: number) => `Zeile ${n} nach oben`,
    down: (n: number) => `Zeile ${n} nach unten`,
    row: (label: string, n: number) => `${label}, Zeile ${n}`,
    empty: 'Keine Zeilen: keine in diesem Zeitraum.',
    count: (n: number) => `${n} ${n === 1 ? 'Zeile' : 'Zeilen'}`,
  },
} as const;

export interface ListFieldOptions {
  readonly id: string;
  readonly label: string;
  readonly lang: Lang;
  /** The rows as typed. */
  readonly items: readonly string[];
  readonly suffix?: string;
  readonly error?: string;
  /** The rows after an edit; `focus` is the row to focus next (after add, remove, move). */
  readonly onChange: (items: string[], focus?: number) => void;
}

/** Values pasted from a spreadsheet column or a list: one per line, tab or `;`. */
export function splitPasted(text: string): string[] {
  return text.split(/[\r\n\t;]+/).map((v) => v.trim()).filter((v) => v !== '');
}

export function renderListField(o: ListFieldOptions): TemplateResult {
  const w = words[o.lang];
  const errorId = `${o.id}-error`;
  const set = (i: number, value: string) => o.onChange(o.items.map((v, j) => (j === i ? value : v)));
  const move = (i: number, by: number) => {
    const items = [...o.items];
    [items[i], items[i + by]] = [items[i + by], items[i]];
    o.onChange(items, i + by);
  };
  const paste = (i: number, e: ClipboardEvent) => {
    const pasted = splitPasted(e.clipboardData?.getData('text') ?? '');
    if (pasted.length < 2) return;
    e.preventDefault();
    o.onChange([...o.items.slice(0, i), ...pasted, ...o.items.slice(i + 1)], i + pasted.length - 1);
  };
  return html`<fieldset class="field list" part="field list" ?data-invalid=${!!o.error} aria-describedby=${o.error ? errorId : nothing}>
    <legend part="label">${o.label} <span class="hint">(${w.count(o.items.length)})</span></legend>
    ${o.items.length === 0 ? html`<p class="hint">${w.empty}</p>` : nothing}
    <ol class="rows">
      ${o.items.map((item, i) => html`<li class="control row">
        <input id=${`${o.id}-${i}`} part="input" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
          aria-label=${w.row(o.label, i + 1)} .value=${item}
          @input=${(e: Event) => set(i, (e.target as HTMLInputElement).value)}
          @paste=${(e: ClipboardEvent) => paste(i, e)} />
        ${o.suffix ? html`<span class="suffix" aria-hidden="true">${o.suffix}</span>` : nothing}
        <button type="button" class="icon" part="button" aria-label=${w.up(i + 1)} ?disabled=${i === 0} @click=${() => move(i, -1)}>↑</button>
        <button type="button" class="icon" part="button" aria-label=${w.down(i + 1)} ?disabled=${i === o.items.length - 1} @click=${() => move(i, 1)}>↓</button>
        <button type="button" class="icon" part="button" aria-label=${w.remove(i + 1)}
          @click=${() => o.onChange(o.items.filter((_, j) => j !== i), Math.min(i, o.items.length - 2))}>×</button>
      </li>`)}
    </ol>
    <button type="button" class="button" part="button" @click=${() => o.onChange([...o.items, ''], o.items.length)}>${w.add}</button>
    ${o.error ? html`<p class="error" part="error" id=${errorId}>${o.error}</p>` : nothing}
  </fieldset>`;
}
