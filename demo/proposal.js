// The sales page follows its calculator: the fee in the proposal's header and
// the contract clause say the fee the salesperson typed (or a shared link
// holds), not the one the rules start with. Elements name their calculator
// (`data-for`) and what they show (`data-show="fee"` or `"clause"`).
// The widget carries no clause renderer (its bundle stays small); this page
// imports the library's `renderClause`. An external module, so the page works
// under a strict Content Security Policy.
import { renderClause } from '/src/language/render/clause.ts';
import { formatMoney } from '/src/language/render/format.ts';

const lang = document.documentElement.lang === 'de' ? 'de' : 'en';

/** Shows what the calculator holds now; false while it has no result yet. */
function follow(calculator) {
  const program = calculator.loadedProgram;
  const result = calculator.result;
  if (!program || !result) return false;
  // A month's result carries the monthly fee it was computed with.
  const fee = result.mode === 'month' ? result.fee : undefined;
  for (const element of document.querySelectorAll(`[data-for="${calculator.id}"]`)) {
    if (element.dataset.show === 'clause') element.textContent = renderClause(program.toJSON(), lang, fee ? { fee } : {});
    else if (element.dataset.show === 'fee' && fee) element.textContent = formatMoney(fee, result.currency, lang);
  }
  return true;
}

const ids = new Set([...document.querySelectorAll('[data-for]')].map((e) => e.dataset.for));
for (const id of ids) {
  const calculator = document.getElementById(id);
  if (!calculator) continue;
  calculator.addEventListener('credit-change', () => follow(calculator));
  // Until the rules are loaded (they are fetched), there is nothing to show.
  let tries = 0;
  const timer = setInterval(() => (follow(calculator) || ++tries > 600) && clearInterval(timer), 50);
}
