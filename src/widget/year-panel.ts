/**
 * The contract-year panel: one row per month (or quarter, or the year), the
 * credit, what caps cut and the running total of each, and a cell per input
 * the user may change for that period. Sums are exact, as the amounts are:
 * three-place currencies (KWD, BHD) keep their third place.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { addAmounts, type InputInfo, type MonthResult, type Period, type YearResult } from '../runtime.js';
import type { Field } from './form-model.js';
import type { Formats } from './formats.js';

export interface YearView {
  readonly formats: Formats;
  /** The inputs asked per period. */
  readonly inputs: readonly InputInfo[];
  readonly year: Readonly<Record<string, readonly Field[]>>;
  readonly result?: YearResult;
  readonly period: Period;
  readonly periods: number;
  onReset(): void;
  onCell(input: InputInfo, period: number, text: string): void;
}

export function renderYear(view: YearView): TemplateResult {
  const { formats: f, inputs, year, result } = view;
  const t = f.t;
  let running = '0';
  let cutTotal = '0';
  const months: (MonthResult | undefined)[] = Array.from({ length: view.periods }, (_, m) => result?.periods[m]);
  const problems = inputs.flatMap((input) => (year[input.name] ?? []).flatMap((cell, month) => (cell.error ? [{ input, month, error: cell.error }] : [])));
  // A month that does not read leaves the figures of the months before it: shown as such.
  const stale = !!result && problems.length > 0;
  return html`<section class="year wide ${stale ? 'stale' : ''}" part="year" aria-labelledby="year-h">
    <div class="year-bar">
      <h3 class="heading" id="year-h">${t.year}</h3>
      <button type="button" class="button" part="button" @click=${() => view.onReset()}>${t.resetYear}</button>
    </div>
    <p class="hint">${t.yearHint}</p>
    <table>
      <thead><tr>
        <th scope="col">${t.month}</th>
        <th scope="col">${t.credit}</th><th scope="col">${t.cut}</th><th scope="col">${t.runningTotal}</th>
        ${inputs.map((i) => html`<th scope="col">${f.label(i)}</th>`)}
      </tr></thead>
      <tbody>
        ${months.map((m, index) => {
          const cuts = m ? [...m.credits.flatMap((c) => c.cuts), ...m.cuts] : [];
          const cut = addAmounts(...cuts.map((c) => c.cut));
          cutTotal = addAmounts(cutTotal, cut);
          if (m) running = addAmounts(running, m.credit.amount);
          const name = f.periodName(index, view.period);
          return html`<tr>
            <th scope="row">${view.period === 'monthly' ? `${index + 1} · ${name}` : name}</th>
            <td>${m ? f.money(m.credit.amount) : '—'}</td>
            <td class="cutcell" title=${cuts.map((c) => f.cap(c)).join(', ')}>
              ${cuts.length > 0 && cut !== '0' ? `−${f.money(cut)}` : ''}</td>
            <td>${m ? f.money(running) : '—'}</td>
            ${inputs.map((input) => renderCell(view, input, index, year[input.name]?.[index], name))}
          </tr>`;
        })}
      </tbody>
      ${result
        ? html`<tfoot><tr>
            <th scope="row">${t.yearTotal}${result.credit.percentOfFee === null ? nothing : html`<span class="hint">${t.ofYearlyFee(f.percent(result.credit.percentOfFee))}</span>`}</th>
            <td>${f.money(result.credit.amount)}</td>
            <td class="cutcell">${cutTotal !== '0' ? `−${f.money(cutTotal)}` : ''}</td>
            <td>${f.money(result.credit.amount)}</td>
            <td colspan=${inputs.length}></td>
          </tr></tfoot>`
        : nothing}
    </table>
    ${problems.map(({ input, month, error }) => html`<p class="error" part="error" id=${errorId(input, month)}>${t.monthName(month + 1)}, ${f.label(input)}: ${error}</p>`)}
    ${stale ? html`<p class="stale-note">${t.stale}</p>` : nothing}
  </section>`;
}

function renderCell(view: YearView, input: InputInfo, month: number, cell: Field | undefined, periodName: string): TemplateResult {
  const label = `${view.formats.label(input)}, ${periodName}`;
  if (input.kind === 'boolean') {
    return html`<td><input type="checkbox" aria-label=${label} .checked=${cell?.value === 'true'}
      @change=${(e: Event) => view.onCell(input, month, String((e.target as HTMLInputElement).checked))} /></td>`;
  }
  return html`<td><input type="text" inputmode="decimal" aria-label=${label} .value=${cell?.text ?? ''}
    aria-invalid=${cell?.error ? 'true' : 'false'} aria-describedby=${cell?.error ? errorId(input, month) : nothing}
    @input=${(e: Event) => view.onCell(input, month, (e.target as HTMLInputElement).value)} /></td>`;
}

function errorId(input: InputInfo, month: number): string {
  return `year-${input.name}-${month}`;
}
