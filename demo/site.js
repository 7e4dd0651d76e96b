// Every demo page: the address follows each calculator's and comparison's
// scenario, in the form "Copy link" writes (with the fingerprint of the terms),
// so reloading keeps what the visitor typed, a copied address is a link to
// it, and the EN/DE switch opens the same page in the other language with it.
import { scenarioUrl } from '/src/widget/share.ts';

const languageLinks = document.querySelectorAll('.lang a[hreflang]:not([aria-current])');

function carryScenario() {
  for (const link of languageLinks) link.search = location.search;
}

function remember(event) {
  const element = event.target;
  if (!element.id) return;
  // A contract year arrives as lists, one value a month.
  const values = {};
  const year = {};
  for (const [name, value] of Object.entries(event.detail.inputs)) {
    if (Array.isArray(value)) year[name] = value;
    else values[name] = value;
  }
  const scenario = { values, ...(Object.keys(year).length ? { year } : {}), terms: element.terms };
  history.replaceState(history.state, '', scenarioUrl(location.href, element.id, scenario));
  carryScenario();
}

document.addEventListener('credit-change', remember);
document.addEventListener('credit-compare-change', remember);

carryScenario();
