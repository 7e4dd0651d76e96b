// Shows the contract clause of a calculator's rules: `Program.render(lang)`.
// An external module, so the page works under a strict Content Security Policy.
for (const pre of document.querySelectorAll('pre.clause[data-for]')) {
  const calculator = document.getElementById(pre.dataset.for);
  const lang = document.documentElement.lang === 'de' ? 'de' : 'en';
  const show = () => {
    const program = calculator?.loadedProgram;
    if (program) pre.textContent = program.render(lang);
    return !!program;
  };
  if (!show()) {
    let tries = 0;
    const timer = setInterval(() => (show() || ++tries > 100) && clearInterval(timer), 50);
  }
}
