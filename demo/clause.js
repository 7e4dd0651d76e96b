// Shows the contract clause of a calculator's rules. The widget carries no clause
// renderer (its bundle stays small); a page that shows clauses imports the
// library's `renderClause` and gives it the calculator's program.
// An external module, so the page works under a strict Content Security Policy.
import { renderClause } from '/src/language/render/clause.ts';

for (const pre of document.querySelectorAll('pre.clause[data-for]')) {
  const calculator = document.getElementById(pre.dataset.for);
  const lang = document.documentElement.lang === 'de' ? 'de' : 'en';
  const show = () => {
    const program = calculator?.loadedProgram;
    if (program) pre.textContent = renderClause(program.toJSON(), lang);
    return !!program;
  };
  if (!show()) {
    let tries = 0;
    const timer = setInterval(() => (show() || ++tries > 100) && clearInterval(timer), 50);
  }
}
