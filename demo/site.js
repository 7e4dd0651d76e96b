// Every demo page: the address follows each calculator's scenario, in the
// form its "Copy link" writes, so reloading keeps what the visitor typed and
// the EN/DE switch opens the same page in the other language with it.
import { scenarioUrl } from '/src/widget/share.ts';

const languageLinks = document.querySelectorAll('.lang a[hreflang]:not([aria-current])');

function carryScenario() {
  for (const link of languageLinks) link.search = location.search;
}

document.addEventListener('credit-change', (event) => {
  const calculator = event.target;
  if (!calculator.id) return;
  // A contract year arrives as lists, one value a month.
  const values = {};
  const year = {};
  for (const [name, value] of Object.entries(event.detail.inputs)) {
    if (Array.isArray(value)) year[name] = value;
    else values[name] = value;
  }
  const scenario = Object.keys(year).length ? { values, year } : { values };
  history.replaceState(history.state, '', scenarioUrl(location.href, calculator.id, scenario));
  carryScenario();
});

carryScenario();
