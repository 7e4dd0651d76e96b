/**
 * The playground page: registers `<credit-playground>` (and with it the
 * calculator) and keeps the page's own words and `lang` in the language the
 * drafter chose inside the playground.
 */
import '../../src/playground/credit-playground.js';

const playground = document.querySelector('credit-playground');

function follow(): void {
  const lang = playground?.getAttribute('locale') === 'de' ? 'de' : 'en';
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-en][data-de]')) el.textContent = el.dataset[lang] ?? '';
  document.title = document.getElementById('title')?.textContent ?? document.title;
}

if (playground) new MutationObserver(follow).observe(playground, { attributes: true, attributeFilter: ['locale'] });
