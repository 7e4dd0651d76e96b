// The embed configurator (`/embed.html`, `/de/embed.html`): a marketer picks
// the rules, which inputs get a field, the panels, colours, corner radius,
// font, language and layout; the calculator beside the settings is rendered
// from exactly the code shown below it (the same options, the same CSS), and
// the code is copied as a <script> tag, for an npm app, or as a React
// component. Rules can also go to the marketer's server as a precompiled
// program, which spares visitors the parser. Built with the DOM: rules text
// and labels are only ever text.
import { compile } from '/src/compiler.ts';
import { DEFAULT_PANELS, embedSnippets } from '/src/widget/embed/snippet.ts';
import { version } from '../package.json';

const root = document.getElementById('configurator');
const lang = document.documentElement.lang === 'de' ? 'de' : 'en';

const WORDS = {
  en: {
    settings: 'Settings', template: 'Start from', rules: 'Rules', rulesHelp: 'Edit freely: the fields and the preview follow.',
    problems: 'These rules cannot be used yet:', inputs: 'Fields shown', inputsHelp: 'Inputs without a field keep their default.',
    panels: 'Panels', language: 'Language', pageLanguage: 'The page’s language', english: 'English', german: 'German',
    compact: 'Compact: one column at any width', downtime: 'Availability asked for as minutes of downtime', look: 'Look', accent: 'Accent colour', darkAccent: 'Accent colour in dark mode',
    radius: 'Corner radius', font: 'Font', pageFont: 'The page’s font', id: 'Element id', idHelp: 'Letters, digits, - and _; it names the calculator’s values in shared links.',
    idInvalid: 'Start with a letter; then letters, digits, - or _.',
    delivery: 'Rules in the code', inline: 'In the page', precompiled: 'As a precompiled program on your server (no parser download)',
    programUrl: 'Address of the program file', download: 'Download the program (JSON)',
    preview: 'Live preview', code: 'Embed code', scriptTag: 'Script tag', npm: 'npm app', react: 'React',
    copy: 'Copy code', copied: 'Copied to the clipboard.', copyFailed: 'Copying is blocked here: select the code and copy it.',
    contrast: (ratio, where) => `The accent has ${ratio}:1 against the ${where} background; 3:1 or more keeps the slider and curve visible.`,
    light: 'light', dark: 'dark',
    panel: { breakdown: 'How it adds up', outputs: 'Results (ROI)', why: 'Why', chart: 'Chart', examples: 'Worked examples', year: 'Contract year', share: 'Share and print' },
    fonts: { system: 'System UI', serif: 'Serif (Georgia)', mono: 'Monospace' },
  },
  de: {
    settings: 'Einstellungen', template: 'Vorlage', rules: 'Regeln', rulesHelp: 'Frei bearbeitbar: Felder und Vorschau folgen.',
    problems: 'Diese Regeln sind noch nicht verwendbar:', inputs: 'Angezeigte Felder', inputsHelp: 'Eingaben ohne Feld behalten ihren Standardwert.',
    panels: 'Bereiche', language: 'Sprache', pageLanguage: 'Sprache der Seite', english: 'Englisch', german: 'Deutsch',
    compact: 'Kompakt: eine Spalte bei jeder Breite', downtime: 'Verfügbarkeit als Minuten Ausfallzeit abfragen', look: 'Aussehen', accent: 'Akzentfarbe', darkAccent: 'Akzentfarbe im Dunkelmodus',
    radius: 'Eckenradius', font: 'Schrift', pageFont: 'Schrift der Seite', id: 'Element-ID', idHelp: 'Buchstaben, Ziffern, - und _; sie benennt die Werte des Rechners in geteilten Links.',
    idInvalid: 'Mit einem Buchstaben beginnen, dann Buchstaben, Ziffern, - oder _.',
    delivery: 'Regeln im Code', inline: 'In der Seite', precompiled: 'Als vorkompiliertes Programm auf Ihrem Server (ohne Parser-Download)',
    programUrl: 'Adresse der Programmdatei', download: 'Programm herunterladen (JSON)',
    preview: 'Live-Vorschau', code: 'Einbettungscode', scriptTag: 'Script-Tag', npm: 'npm-App', react: 'React',
    copy: 'Code kopieren', copied: 'In die Zwischenablage kopiert.', copyFailed: 'Kopieren ist hier gesperrt: Code markieren und kopieren.',
    contrast: (ratio, where) => `Die Akzentfarbe hat ${ratio}:1 zum ${where} Hintergrund; ab 3:1 bleiben Regler und Kurve gut sichtbar.`,
    light: 'hellen', dark: 'dunklen',
    panel: { breakdown: 'Zusammensetzung', outputs: 'Ergebnisse (ROI)', why: 'Warum', chart: 'Diagramm', examples: 'Rechenbeispiele', year: 'Vertragsjahr', share: 'Teilen und drucken' },
    fonts: { system: 'System-UI', serif: 'Serifen (Georgia)', mono: 'Festbreite' },
  },
}[lang];

const TEMPLATES = [
  { name: { en: 'Uptime, response time and latency', de: 'Verfügbarkeit, Reaktionszeit und Latenz' }, url: { en: '/examples/multi-metric.credit', de: '/de/multi-metric.credit' } },
  { name: { en: 'Cloud uptime table', de: 'Cloud-Verfügbarkeitstabelle (englische Bezeichnungen)' }, url: { en: '/examples/uptime-tiers.credit' } },
  { name: { en: 'Support SLA', de: 'Support-SLA (englische Bezeichnungen)' }, url: { en: '/examples/support-sla.credit' } },
  { name: { en: 'Support ROI', de: 'Support-ROI' }, url: { en: '/examples/support-roi.credit', de: '/de/support-roi.credit' } },
];
const FONTS = { '': WORDS.pageFont, system: WORDS.fonts.system, serif: WORDS.fonts.serif, mono: WORDS.fonts.mono };
const FONT_STACKS = { system: 'system-ui, sans-serif', serif: 'Georgia, serif', mono: 'ui-monospace, Menlo, monospace' };
const SURFACES = { light: '#ffffff', dark: '#161a22' };
const SCRIPT_URL = `https://cdn.jsdelivr.net/npm/credit-rules@${version}/dist/credit-calculator.js`;

/** An element with attributes (false and undefined leave one out) and children (text stays text). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return element;
}

let uid = 0;
/** A labelled control (then what it shows, if anything) with an optional help text, tied together for screen readers. */
function labelled(text, control, help, shows) {
  control.id ||= `cfg-${++uid}`;
  const helpId = help ? `${control.id}-help` : undefined;
  if (helpId) control.setAttribute('aria-describedby', helpId);
  return h('div', { class: 'cfg-field' }, h('label', { for: control.id }, text), control, shows, help ? h('p', { class: 'cfg-help', id: helpId }, help) : undefined);
}

/** A checkbox or radio button inside its label. */
const choice = (control, text) => h('label', { class: 'cfg-check' }, control, text);

function checkboxes(legend, items, onChange, help) {
  const boxes = items.map(([value, text, checked]) => choice(h('input', { type: 'checkbox', value, checked, onchange: onChange }), text));
  return h('fieldset', { class: 'cfg-group' }, h('legend', {}, legend), help ? h('p', { class: 'cfg-help' }, help) : undefined, h('div', { class: 'cfg-checks' }, boxes));
}

const checked = (fieldset) => [...fieldset.querySelectorAll('input:checked')].map((i) => i.value);

// ——— the settings ———

const template = h('select', { onchange: () => loadTemplate() }, TEMPLATES.map((t, i) => h('option', { value: String(i) }, t.name[lang])));
const rules = h('textarea', { rows: '12', spellcheck: 'false', wrap: 'off', class: 'cfg-rules', oninput: () => rulesChanged() });
const problems = h('div', { class: 'cfg-problems', role: 'status' });
const inputsSlot = h('div');
const panels = checkboxes(WORDS.panels, Object.entries(WORDS.panel).map(([name, text]) => [name, text, DEFAULT_PANELS.split(' ').includes(name)]), update);
const language = h('select', { onchange: update }, h('option', { value: '' }, WORDS.pageLanguage), h('option', { value: 'en' }, WORDS.english), h('option', { value: 'de' }, WORDS.german));
const compact = h('input', { type: 'checkbox', onchange: update });
const downtime = h('input', { type: 'checkbox', onchange: update });
const accent = h('input', { type: 'color', value: '#0f6b5c', oninput: update });
const darkAccent = h('input', { type: 'color', value: '#5fd0b8', oninput: update });
const radius = h('input', { type: 'range', min: '0', max: '28', step: '1', value: '16', oninput: update });
const radiusShown = h('output', {}, '16 px');
const font = h('select', { onchange: update }, Object.entries(FONTS).map(([value, text]) => h('option', { value }, text)));
const contrastNote = h('p', { class: 'cfg-warning', role: 'status' });
const id = h('input', { type: 'text', value: 'sla', autocomplete: 'off', spellcheck: 'false', oninput: update });
const idError = h('p', { class: 'cfg-warning', role: 'status' });
const inline = h('input', { type: 'radio', name: 'delivery', value: 'inline', checked: true, onchange: update });
const precompiled = h('input', { type: 'radio', name: 'delivery', value: 'src', onchange: update });
const programUrl = h('input', { type: 'text', value: '/credit/sla.json', autocomplete: 'off', spellcheck: 'false', oninput: update });
const download = h('button', { type: 'button', class: 'btn ghost', onclick: () => downloadProgram() }, WORDS.download);

// ——— the preview and the code ———

const previewStyle = h('style');
document.head.append(previewStyle);
const preview = h('credit-calculator', { 'data-preview': true });
const variants = [['html', WORDS.scriptTag], ['npm', WORDS.npm], ['react', WORDS.react]];
const variantRadios = variants.map(([value], i) => h('input', { type: 'radio', name: 'variant', value, checked: i === 0, onchange: update }));
const code = h('code');
const codeBlock = h('pre', { class: 'cfg-code', tabindex: '0', 'aria-label': WORDS.code }, code);
const copyStatus = h('output', { 'aria-live': 'polite' });
const copy = h('button', { type: 'button', class: 'btn', onclick: () => copyCode() }, WORDS.copy);

root.append(
  h('form', { class: 'cfg-settings', 'aria-label': WORDS.settings, onsubmit: (e) => e.preventDefault() },
    h('h2', {}, WORDS.settings),
    labelled(WORDS.template, template),
    labelled(WORDS.rules, rules, WORDS.rulesHelp),
    problems,
    inputsSlot,
    panels,
    labelled(WORDS.language, language),
    choice(compact, WORDS.compact),
    choice(downtime, WORDS.downtime),
    h('fieldset', { class: 'cfg-group' }, h('legend', {}, WORDS.look),
      labelled(WORDS.accent, accent), labelled(WORDS.darkAccent, darkAccent), contrastNote,
      labelled(WORDS.radius, radius, undefined, radiusShown),
      labelled(WORDS.font, font)),
    labelled(WORDS.id, id, WORDS.idHelp),
    idError,
    h('fieldset', { class: 'cfg-group' }, h('legend', {}, WORDS.delivery),
      choice(inline, WORDS.inline),
      choice(precompiled, WORDS.precompiled),
      labelled(WORDS.programUrl, programUrl), download)),
  h('div', { class: 'cfg-output' },
    h('section', { 'aria-labelledby': 'cfg-preview-h' }, h('h2', { id: 'cfg-preview-h' }, WORDS.preview), preview),
    h('section', { 'aria-labelledby': 'cfg-code-h' }, h('h2', { id: 'cfg-code-h' }, WORDS.code),
      h('fieldset', { class: 'cfg-variants' }, h('legend', { class: 'visually-hidden' }, WORDS.code),
        variants.map(([, text], i) => choice(variantRadios[i], text))),
      codeBlock,
      h('p', { class: 'cfg-copy' }, copy, copyStatus))),
);

// ——— behaviour ———

let program;
let shownInputs;

async function loadTemplate() {
  const chosen = TEMPLATES[Number(template.value)];
  const response = await fetch(chosen.url[lang] ?? chosen.url.en);
  rules.value = await response.text();
  shownInputs = undefined;
  rulesChanged();
}

function rulesChanged() {
  const compiled = compile(rules.value);
  problems.replaceChildren();
  if (compiled.program) {
    program = compiled.program;
    renderInputs();
  } else {
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
    problems.append(h('p', {}, WORDS.problems), h('ul', {}, errors.map((d) => h('li', {}, `${d.start.line}:${d.start.column} ${d.message}`))));
  }
  update();
}

/** One checkbox per input of the rules; the choice is kept while the names stay. */
function renderInputs() {
  const names = program.inputs.map((i) => i.name);
  const kept = shownInputs?.filter((n) => names.includes(n));
  inputsSlot.replaceChildren(checkboxes(WORDS.inputs, program.inputs.map((i) => [i.name, i.label ?? i.name, kept ? kept.includes(i.name) : true]), () => {
    shownInputs = checked(inputsSlot.firstChild);
    update();
  }, WORDS.inputsHelp));
}

/** The options as the form holds them. */
function options() {
  const all = program?.inputs.map((i) => i.name) ?? [];
  const shown = shownInputs ?? all;
  const chosenPanels = checked(panels);
  const fontStack = FONT_STACKS[font.value];
  return {
    id: validId() ? id.value : 'sla',
    rules: rules.value,
    ...(precompiled.checked ? { src: programUrl.value.trim() || '/credit/sla.json' } : {}),
    panels: chosenPanels.length === Object.keys(WORDS.panel).length ? 'all' : chosenPanels.join(' '),
    inputs: shown.length === all.length ? '' : shown.join(' '),
    locale: language.value,
    compact: compact.checked,
    downtime: downtime.checked,
    theme: {
      '--credit-accent': accent.value,
      '--credit-on-accent': textOn(accent.value),
      '--credit-radius': `${radius.value}px`,
      ...(fontStack ? { '--credit-font': fontStack } : {}),
    },
    darkTheme: { '--credit-accent': darkAccent.value, '--credit-on-accent': textOn(darkAccent.value) },
    scriptUrl: SCRIPT_URL,
  };
}

const validId = () => /^[A-Za-z][\w-]*$/.test(id.value);

function update() {
  const chosen = options();
  idError.textContent = validId() ? '' : WORDS.idInvalid;
  id.setAttribute('aria-invalid', String(!validId()));
  radiusShown.textContent = `${radius.value} px`;
  programUrl.disabled = download.disabled = !precompiled.checked;
  contrastNote.textContent = [['light', accent.value], ['dark', darkAccent.value]]
    .map(([scheme, colour]) => [scheme, contrast(colour, SURFACES[scheme])])
    .filter(([, ratio]) => ratio < 3)
    .map(([scheme, ratio]) => WORDS.contrast(ratio.toFixed(1), WORDS[scheme]))
    .join(' ');
  const snippets = embedSnippets(chosen);
  // Rules with errors would only show their problems on the marketer's page: no code until they compile.
  code.textContent = problems.childElementCount ? '' : snippets[variantRadios.find((r) => r.checked).value];
  copy.disabled = !code.textContent;
  copyStatus.textContent = '';
  // The preview is the snippet's element: the same attributes, and the snippet's own CSS.
  previewStyle.textContent = /<style>\n([\s\S]*?)<\/style>/.exec(snippets.html)?.[1] ?? '';
  preview.id = chosen.id;
  preview.rules = chosen.rules;
  preview.panels = chosen.panels;
  preview.inputs = chosen.inputs;
  preview.locale = chosen.locale || undefined;
  if (!chosen.locale) preview.removeAttribute('locale');
  preview.compact = chosen.compact;
  preview.downtime = chosen.downtime;
}

async function copyCode() {
  try {
    await navigator.clipboard.writeText(code.textContent);
    copyStatus.textContent = WORDS.copied;
  } catch {
    copyStatus.textContent = WORDS.copyFailed;
    getSelection()?.selectAllChildren(code);
  }
}

function downloadProgram() {
  if (!program) return;
  const url = URL.createObjectURL(new Blob([JSON.stringify(program.toJSON())], { type: 'application/json' }));
  const name = (programUrl.value.split('/').pop() || 'sla.json').replace(/[^\w.-]/g, '_');
  h('a', { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** WCAG contrast of two #rrggbb colours. */
function contrast(a, b) {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** White or near-black text on a colour: whichever reads better. */
function textOn(colour) {
  return contrast(colour, '#ffffff') >= contrast(colour, '#111111') ? '#ffffff' : '#111111';
}

void loadTemplate();
