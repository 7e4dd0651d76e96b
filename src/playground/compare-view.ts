/**
 * The Compare pane's words and numbers, from the language's `diffPrograms`:
 * the terms that changed between two versions, in clause words, and for each
 * input the ranges of its values where the versions pay differently, with
 * both amounts and the difference; and, where a cap runs over a longer
 * period than the amounts are for, what one period on its own leaves out.
 * Everything from the rules is rendered as text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { rangeText, valueText, type InputImpact, type MoneyImpact, type ProgramDiff } from '../language/diff/diff.js';
import { formatMoney } from '../runtime.js';
import type { Lang, Strings } from './i18n.js';

export function renderTerms(diff: ProgramDiff, t: Strings): TemplateResult {
  return html`<h3 id="compare-terms">${t.changedTerms}</h3>
    ${diff.terms.length === 0
      ? html`<p class="hint">${t.noTermChanges}</p>`
      : html`<ul class="terms" aria-labelledby="compare-terms">${diff.terms.map((term) => html`<li>${term.text}</li>`)}</ul>`}`;
}

export function renderMoney(impact: MoneyImpact, t: Strings, lang: Lang): TemplateResult {
  const changed = impact.inputs.filter((input) => input.ranges.length > 0);
  const money = (amount: string | undefined) => (amount === undefined ? t.notComputed : formatMoney(amount, impact.currency ?? undefined, lang));
  const held = Object.entries(impact.held)
    .map(([name, value]) => (value.before === value.after ? `${name} = ${value.before}` : `${name} = ${value.before} → ${value.after}`))
    .join('; ');
  return html`<h3>${t.moneyImpact}</h3>
    ${impact.longerCaps.length ? html`<p class="hint one-period">${t.moneyOnePeriod(impact.period, impact.longerCaps)}</p>` : nothing}
    ${changed.length === 0 ? html`<p class="hint">${t.noMoneyChange}</p>` : changed.map((input) => renderInput(input, t, lang, money))}
    ${held ? html`<p class="hint">${t.moneyHeld(held)}</p>` : nothing}`;
}

function renderInput(input: InputImpact, t: Strings, lang: Lang, money: (amount: string | undefined) => string): TemplateResult {
  const sign = (difference: string | undefined) => (difference === undefined || /^-?0(\.0+)?$/.test(difference) ? '' : difference.startsWith('-') ? 'less' : 'more');
  const caption = t.moneyFor(input.label ?? input.name);
  return html`<div class="table-scroll"><table class="money" data-input=${input.name}>
      <caption>${caption}</caption>
      <thead><tr><th scope="col">${t.whenValue}</th><th scope="col" class="amount">${t.before}</th><th scope="col" class="amount">${t.after}</th><th scope="col" class="amount">${t.difference}</th></tr></thead>
      <tbody>${input.ranges.map((range) => html`<tr>
        <th scope="row">${range.from && range.to && range.from.value === range.to.value ? valueText(range.from.value, input, lang) : rangeText(range, input, lang)}</th>
        <td class="amount">${money(range.before.amount)}</td>
        <td class="amount">${money(range.after.amount)}</td>
        <td class="amount ${sign(range.difference)}">${range.difference === undefined ? t.notComputed : signed(money(range.difference), range.difference)}</td>
      </tr>`)}</tbody>
    </table></div>
    ${input.exact ? nothing : html`<p class="hint">${t.moneyApprox}</p>`}`;
}

/** A difference with its sign, so more and less read apart without colour. */
function signed(text: string, difference: string): string {
  return difference.startsWith('-') || /^0(\.0+)?$/.test(difference) ? text : `+${text}`;
}
