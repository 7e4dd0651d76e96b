/**
 * The contract-year panel: one row per month (or quarter, or the year), the
 * credit, what caps cut and the running total of each, and a cell per input
 * the user may change for that period. Sums are exact, as the amounts are:
 * three-place currencies (KWD, BHD) keep their third place.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { addAmounts, type CapCut, type CreditSummary, type InputInfo, type Period, type YearResult } from '../runtime.js';
import type { Field } from './form-model.js';
import type { Formats } from './formats.js';
import { busyState } from './result-panels.js';

/** What the year table shows of a contract year: each period's credit and cuts, and the total. */
export interface YearFigures {
  readonly amount: string;
  readonly percentOfFee: string | null;
  readonly periods: readonly { readonly amount: string; readonly cuts: readonly YearCut[] }[];
}

/** A cut in a period: the amount cut, and the cap as written where the full result gives it (else whose cap). */
interface YearCut {
  readonly cut: string;
  readonly cap?: CapCut['cap'];
  readonly owner: string;
  readonly period: Period;
}

/** The figures of a full year's result (with its explanation). */
export function figuresOfResult(result: YearResult): YearFigures {
  return {
    amount: result.credit.amount,
    percentOfFee: result.credit.percentOfFee,
    periods: result.periods.map((m) => ({ amount: m.credit.amount, cuts: [...m.credits.flatMap((c) => c.cuts), ...m.cuts] })),
  };
}

/**
 * The figures of billing's summary (`program.credit()`): the same amounts, in a
 * fraction of the time for rules of thousands of tiers, as no explanation is written.
 */
export function figuresOfSummary(summary: CreditSummary): YearFigures {
  return {
    amount: summary.amount,
    percentOfFee: summary.percentOfFee,
    periods: (summary.months ?? []).map((m) => ({ amount: m.amount, cuts: m.cuts })),
  };
}

export interface YearView {
  readonly formats: Formats;
  /** The inputs asked per period. */
  readonly inputs: readonly InputInfo[];
  readonly year: Readonly<Record<string, readonly Field[]>>;
  readonly result?: YearFigures;
  /** The figures shown are the last ones, while those of newer values are computed (`aria-busy`, as the result panels). */
  readonly busy?: boolean;
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
  const months = Array.from({ length: view.periods }, (_, m) => result?.periods[m]);
  const problems = inputs.flatMap((input) => (year[input.name] ?? []).flatMap((cell, month) => (cell.error ? [{ input, month, error: cell.error }] : [])));
  // A month that does not read leaves the figures of the months before it: shown as such.
  const stale = !!result && problems.length > 0;
  return html`<section class="year wide ${stale ? 'stale' : ''}" part="year" aria-labelledby="year-h" aria-busy=${busyState(!!view.busy)}>
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
          const cuts = m?.cuts ?? [];
          const cut = addAmounts(...cuts.map((c) => c.cut));
          cutTotal = addAmounts(cutTotal, cut);
          if (m) running = addAmounts(running, m.amount);
          const name = f.periodName(index, view.period);
          return html`<tr>
            <th scope="row">${view.period === 'monthly' ? `${index + 1} · ${name}` : name}</th>
            <td>${m ? f.money(m.amount) : '—'}</td>
            <td class="cutcell" title=${cuts.map((c) => (c.cap ? f.cap({ cap: c.cap, period: c.period }) : c.owner)).join(', ')}>
              ${cuts.length > 0 && cut !== '0' ? `−${f.money(cut)}` : ''}</td>
            <td>${m ? f.money(running) : '—'}</td>
            ${inputs.map((input) => renderCell(view, input, index, year[input.name]?.[index], name))}
          </tr>`;
        })}
      </tbody>
      ${result
        ? html`<tfoot><tr>
            <th scope="row">${t.yearTotal}${result.percentOfFee === null ? nothing : html`<span class="hint">${t.ofYearlyFee(f.percent(result.percentOfFee))}</span>`}</th>
            <td>${f.money(result.amount)}</td>
            <td class="cutcell">${cutTotal !== '0' ? `−${f.money(cutTotal)}` : ''}</td>
            <td>${f.money(result.amount)}</td>
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
