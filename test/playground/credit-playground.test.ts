/**
 * <credit-playground> in real Chromium, driven as a drafter drives it: real
 * key presses into the editor, clicks on problems and examples, the clause
 * language toggle, templates, share links and reloads.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { CreditPlayground } from '../../src/playground/credit-playground.js';
import { starterSource } from '../../src/playground/templates.js';
import { $, $$, clauseInView, credit, cursorLine, mount, PATIENCE, RULES, settle, toEnd, typeLines } from './helpers.js';
import { describe, it, afterEach } from './mocha.js';

afterEach(() => {
  fixtureCleanup();
});

describe('<credit-playground> while typing', () => {
  it('starts with the sample, a working preview, and no warning or error anywhere', async () => {
    const el = await mount();
    expect(el.source).to.equal(starterSource);
    expect(el.program).to.exist;
    expect($(el, 'credit-calculator')).to.exist;
    expect($$(el, '.problem'), 'nothing in the problems list').to.have.length(0);
    expect($(el, '.problems .ok')!.textContent).to.equal('No problems.');
    expect(Boolean($(el, '.cm-lintRange-warning, .cm-lintRange-error')), 'no underline').to.equal(false);
    // Every field of the preview has a value: nothing red, no “no value given”.
    const calculator = $(el, 'credit-calculator')!;
    await waitUntil(() => calculator.shadowRoot?.textContent?.includes('EUR'), 'the preview’s result', PATIENCE);
    expect(calculator.shadowRoot!.textContent).not.to.match(/no value|kein Wert/i);
    expect(Boolean(calculator.shadowRoot!.querySelector('[aria-invalid=true], [role=alert]')), 'no error in the preview').to.equal(false);
  });

  it('changes the preview’s result when a rule is typed', async () => {
    const el = await mount({ source: RULES });
    expect(credit(el)).to.equal('100.00');
    await toEnd(el);
    await typeLines(el, 'if availability < 99.2% then 5%');
    await waitUntil(() => credit(el) === '150.00', 'the new rule adds its 5 %', PATIENCE);
    expect(el.stale).to.equal(false);
  });

  it('underlines a mistake and lists it at its line; fixing it clears both', async () => {
    const el = await mount({ source: RULES });
    await toEnd(el);
    await sendKeys({ type: 'if availabilty < 98% then 20%' });
    await settle(el);

    const underline = $(el, '.cm-lintRange-error');
    expect(underline, 'an underline').to.exist;
    expect(underline!.textContent).to.equal('availabilty');
    expect($(el, '.cm-lint-marker-error'), 'a gutter marker').to.exist;
    const problem = $(el, '.problem[data-severity=error]')!;
    expect(problem.dataset.line).to.equal('4');
    expect(problem.dataset.code).to.equal('undefined-name');
    expect(problem.textContent).to.contain('line 4, column 4');
    expect(problem.textContent).to.contain('availability');

    // The preview keeps the last good program and says it is out of date.
    expect(el.stale).to.equal(true);
    expect($(el, '.preview')!.hasAttribute('data-stale')).to.equal(true);
    expect($(el, '.preview .stale-note')!.textContent).to.contain('Out of date');
    expect(credit(el)).to.equal('100.00');

    // Clicking the problem puts the cursor on its line, in the editor.
    await sendKeys({ press: 'Control+Home' });
    problem.click();
    expect(cursorLine(el)).to.equal(4);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.cm-content'));

    // Retype the line correctly.
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Shift+Home' });
    await sendKeys({ type: 'if availability < 98% then 20%' });
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(Boolean($(el, '.cm-lintRange-error'))).to.equal(false);
    expect(Boolean($(el, '.cm-lint-marker-error'))).to.equal(false);
    expect($$(el, '.problem[data-severity=error]')).to.have.length(0);
    expect(el.stale).to.equal(false);
    expect(Boolean($(el, '.preview .stale-note'))).to.equal(false);
  });

  it('suggests declared names and units', async () => {
    const el = await mount({ source: RULES });
    await toEnd(el);
    await sendKeys({ type: 'if avai' });
    // On a busy machine the list may first show for the `if` typed on the way (`if` itself): wait for the one for `avai`.
    await waitUntil(() => $(el, '.cm-tooltip-autocomplete')?.textContent?.includes('availability'), 'a suggestion list for "avai"', PATIENCE);
    expect($(el, '.cm-tooltip-autocomplete')!.textContent).to.contain('availability');
    // CodeMirror ignores Enter for a moment after the list opens, against accidental picks; a person is slower.
    await new Promise((r) => setTimeout(r, 100));
    await sendKeys({ press: 'Enter' });
    expect(el.source).to.equal(`${RULES}if availability`);
    await sendKeys({ type: ' > 30' });
    await sendKeys({ press: 'Control+Space' });
    await waitUntil(() => $(el, '.cm-tooltip-autocomplete'), 'units', PATIENCE);
    const units = $$(el, '.cm-completionLabel').map((l) => l.textContent);
    expect(units).to.include.members(['min', 'h', 'd', 's']);
    await sendKeys({ press: 'Escape' });
  });

  it('shows a failing example with expected and actual, and jumps to it', async () => {
    const el = await mount({ source: RULES });
    await toEnd(el);
    await typeLines(el, 'example "Big outage": availability = 95% => credit 20%');
    // Examples run only while their pane is in view.
    $(el, '[data-pane=examples]')!.scrollIntoView();
    await waitUntil(() => $(el, '.example[data-passed=false]'), 'the failing example', PATIENCE);
    const failing = $(el, '.example[data-passed=false]')!;
    expect(failing.textContent).to.contain('Big outage');
    expect(failing.querySelector('.verdict')!.textContent).to.equal('failed');
    expect(failing.querySelector('.expected')!.textContent).to.contain('20%');
    expect(failing.querySelector('.actual')!.textContent).to.contain('10%');
    expect(failing.dataset.line).to.equal('4');

    await sendKeys({ press: 'Control+Home' });
    (failing.querySelector('button') as HTMLButtonElement).click();
    expect(cursorLine(el)).to.equal(4);
  });

  it('shows a name’s declaration and current value on hover', async () => {
    const el = await mount({ source: RULES });
    const view = el.editor!;
    const at = view.state.doc.line(3).from + 'if avail'.length;
    const box = view.coordsAtPos(at)!;
    await sendMouse({ type: 'move', position: [Math.round(box.left), Math.round((box.top + box.bottom) / 2)] });
    await waitUntil(() => $(el, '.cr-hover'), 'the hover tooltip', { timeout: 3000 });
    const hover = $(el, '.cr-hover')!.textContent!;
    expect(hover).to.contain('availability: percent');
    expect(hover).to.contain('declared on line 2');
    expect(hover).to.contain('current value: 99%');
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('highlights with the language’s own tokens, comments included', async () => {
    const el = await mount({ source: 'input t: duration default 30min # first response\nif t > 4h then 50 EUR\n' });
    const spans = $$(el, '.cm-line span');
    const text = (s: string) => spans.find((span) => span.textContent === s);
    expect(text('# first response'), 'a comment').to.exist;
    expect(text('if')!.className).to.not.equal(text('t')!.className);
    expect(text('30')!.className).to.not.equal(text('min')!.className);
  });
});

describe('<credit-playground> panes', () => {
  it('fills the examples and the clause only while their panes are in view', async () => {
    const el = await mount({ source: `${RULES}example "Dip": availability = 99% => credit 10%\n` });
    window.scrollTo(0, 0);
    $(el, '.editor-pane')!.scrollIntoView();
    await settle(el);
    const clauses = () => performance.getEntriesByName('credit-playground:clause').length;
    const before = clauses();
    await toEnd(el);
    await typeLines(el, '# a note');
    expect(clauses(), 'no clause for a pane out of view').to.equal(before);
    await waitUntil(() => clauseInView(el) && clauses() > before, 'the clause, once in view', PATIENCE);
    expect($(el, '.clause')!.textContent).to.contain('service credit');
  });

  it('lists the first 200 problems and says how many more there are', async () => {
    const unused = Array.from({ length: 210 }, (_, i) => `input spare${i}: percent`).join('\n');
    const el = await mount({ source: `${RULES}${unused}\n` });
    expect($$(el, '.problem')).to.have.length(200);
    expect($(el, '.problems .hint')!.textContent).to.contain('10 more');
  });

  it('keeps the calculator’s program while an edit cannot change the preview', async () => {
    const el = await mount({ source: `${RULES}# notes\n` });
    const calculator = () => el.shadowRoot!.querySelector('credit-calculator') as unknown as { program: unknown };
    const shown = calculator().program;
    await toEnd(el);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' on the table' });
    await settle(el);
    expect(el.source).to.contain('# notes on the table');
    expect(calculator().program, 'a comment edit').to.equal(shown);
    expect(el.program, 'the compiled program is new').to.not.equal(shown);
    el.source = el.source.replace('99.5%', '99.7%');
    await settle(el);
    expect(calculator().program, 'a threshold edit').to.not.equal(shown);
  });

  it('measures each keystroke: compile, preview, and from the key to the preview', async () => {
    const el = await mount({ source: RULES });
    const names = ['credit-playground:compile', 'credit-playground:preview', 'credit-playground:keystroke'];
    const counts = () => names.map((n) => performance.getEntriesByName(n).length);
    const before = counts();
    await toEnd(el);
    await sendKeys({ type: '#' });
    await settle(el);
    counts().forEach((n, i) => expect(n, names[i]).to.be.greaterThan(before[i]));
    const [keystroke] = performance.getEntriesByName('credit-playground:keystroke').slice(-1);
    const [compile] = performance.getEntriesByName('credit-playground:compile').slice(-1);
    expect(keystroke.duration).to.be.at.least(compile.duration);
  });

  it('shows the clause in German when asked', async () => {
    const el = await mount({ source: RULES });
    await waitUntil(() => clauseInView(el) && $(el, '.clause'), 'the clause', PATIENCE);
    expect($(el, '.clause')!.textContent).to.contain('service credit');
    const german = $(el, '#clause-de') as HTMLButtonElement;
    german.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '.clause')?.getAttribute('lang') === 'de', 'the German clause', PATIENCE);
    expect($(el, '.clause')!.textContent).to.contain('Gutschrift');
    expect(german.getAttribute('aria-pressed')).to.equal('true');
  });

  it('opens a shipped template', async () => {
    const el = await mount();
    const expected = (await (await fetch('/examples/uptime-tiers.credit')).text()).replace(/\r\n?/g, '\n');
    const select = $(el, '#template') as HTMLSelectElement;
    select.value = 'uptime-tiers';
    select.dispatchEvent(new Event('change'));
    ($(el, '#open-template') as HTMLButtonElement).click();
    await waitUntil(() => el.source === expected, 'the template text', PATIENCE);
    await settle(el);
    expect(el.program?.inputs.map((i) => i.name)).to.include('availability');
    expect($(el, '[role=status]')!.textContent).to.contain('Uptime tiers');
  });

  it('reads a regional locale as its language: de-DE is German', async () => {
    const el = await fixture<CreditPlayground>(html`<credit-playground locale="de-DE" storage-key=${`playground-de-${Date.now()}`} ignore-hash></credit-playground>`);
    await el.ready;
    expect($(el, '#problems-heading')!.textContent).to.contain('Probleme');
  });

  it('keeps the values changed in the preview, and lets the others follow the rules as they are edited', async () => {
    const el = await mount({ source: RULES });
    const calculator = $(el, 'credit-calculator') as HTMLElement;
    const availability = [...calculator.shadowRoot!.querySelectorAll('[part~=field]')].find((f) => f.querySelector('label')?.textContent?.trim() === 'Availability')!.querySelector('input[part=input]') as HTMLInputElement;
    availability.focus();
    await sendKeys({ press: 'Control+A' });
    await sendKeys({ type: '99.2' });
    await settle(el);
    expect(credit(el)).to.equal('100.00');
    // The drafter changes the fee: the preview follows it, and keeps the 99.2 %.
    const at = el.source.indexOf('1000');
    el.editor!.dispatch({ changes: { from: at, to: at + 4, insert: '2000' } });
    await settle(el);
    await waitUntil(() => credit(el) === '200.00', `the new fee counts (credit ${credit(el)})`, PATIENCE);
  });

  it('says its last message again in the language switched to', async () => {
    const el = await mount({ source: RULES });
    ($(el, '#start-fresh') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[role=status]')!.textContent!.includes('Started a new, empty draft'), 'the message', PATIENCE);
    ($(el, '#ui-language') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($(el, '[role=status]')!.textContent).to.contain('Neuer, leerer Entwurf begonnen');
  });

  it('switches the interface to German', async () => {
    const el = await mount();
    ($(el, '#ui-language') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.getAttribute('locale')).to.equal('de');
    expect($(el, '#problems-heading')!.textContent).to.contain('Probleme');
    expect($(el, '.cm-content')!.getAttribute('aria-label')).to.equal('Quelltext der Gutschriftregeln');
  });

  it('is accessible', async () => {
    const el = await mount({ source: RULES });
    await expect(el).to.be.accessible();
  });
});

describe('<credit-playground> drafts', () => {
  it('keeps the draft across a reload', async () => {
    const key = `playground-reload-${Date.now()}`;
    const first = await mount({ key });
    await toEnd(first);
    await sendKeys({ type: '# checked with legal' });
    await settle(first);
    const text = first.source;
    expect(text).to.contain('# checked with legal');
    fixtureCleanup();

    const second = await mount({ key });
    expect(second.source).to.equal(text);
  });

  it('starts fresh with an empty document on request, and Ctrl+Z brings the old draft back', async () => {
    const key = `playground-fresh-${Date.now()}`;
    const el = await mount({ key, source: RULES });
    ($(el, '#start-fresh') as HTMLButtonElement).click();
    await waitUntil(() => el.source === '', 'an empty document', PATIENCE);
    await settle(el);
    expect($$(el, '.problem[data-severity=error], .problem[data-severity=warning]')).to.have.length(0);
    await sendKeys({ press: 'Control+z' });
    await settle(el);
    expect(el.source).to.equal(RULES);
  });

  it('reproduces the text exactly from a share link, in a fresh playground', async () => {
    const text = 'fee 1000 EUR monthly "Gebühr – „Basis“ 💶"\n\n# trailing spaces stay   \nif availability < 99.5% then 10%\n\n\n';
    const first = await mount({ source: text });
    const link = await first.shareLink();
    expect(link).to.match(/#rules=1\.[A-Za-z0-9_-]+$/);
    fixtureCleanup();

    const before = location.href;
    history.replaceState(null, '', new URL(link!).hash);
    try {
      const second = await mount({ readHash: true });
      expect(second.source).to.equal(text);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('a share link leaves the own draft saved until the shared one is edited', async () => {
    const key = `playground-link-${Date.now()}`;
    const own = RULES.replace('10%', '15%');
    localStorage.setItem(key, JSON.stringify({ format: 1, source: own }));
    const stored = () => (JSON.parse(localStorage.getItem(key)!) as { source: string }).source;
    const shared = await (await mount({ source: RULES })).shareLink();
    fixtureCleanup();
    const before = location.href;
    history.replaceState(null, '', new URL(shared!).hash);
    try {
      const el = await mount({ key, readHash: true });
      expect(el.source).to.equal(RULES);
      expect($(el, '[role=status]')!.textContent).to.contain('Your own draft stays saved');
      await settle(el);
      expect(stored(), 'the own draft, not overwritten by a link').to.equal(own);
      expect(location.hash, 'a reload opens the link again').to.match(/^#rules=/);
      await toEnd(el);
      await sendKeys({ type: '# edited' });
      await settle(el);
      expect(stored()).to.equal(`${RULES}# edited`);
      expect(location.hash, 'edited, the draft is the user\'s own: the link is done').to.equal('');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('saves the last edit when removed before its frame came', async () => {
    const key = `playground-removed-${Date.now()}`;
    const el = await mount({ key, source: RULES });
    el.editor!.dispatch({ changes: { from: el.editor!.state.doc.length, insert: '# last words\n' } });
    el.remove();
    expect((JSON.parse(localStorage.getItem(key)!) as { source: string }).source).to.equal(`${RULES}# last words\n`);
  });

  it('opens a share link pasted into the address bar of an open playground', async () => {
    const shared = await (await mount({ source: RULES })).shareLink();
    fixtureCleanup();
    const el = await mount({ readHash: true });
    const before = location.href;
    try {
      location.hash = new URL(shared!).hash;
      await waitUntil(() => el.source === RULES, 'the shared draft opens', PATIENCE);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  /** What another tab saving the draft looks like to this one. */
  const saveInOtherTab = (key: string, draft: { source: string; id?: string; after?: string }) =>
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: JSON.stringify({ format: 1, ...draft }), storageArea: localStorage }));
  const storedDraft = (key: string) => JSON.parse(localStorage.getItem(key)!) as { source: string; id: string; after?: string };

  it('follows a draft saved in another tab, and warns instead when it has edits of its own', async () => {
    const key = `playground-tabs-${Date.now()}`;
    localStorage.setItem(key, JSON.stringify({ format: 1, source: RULES }));
    const el = await mount({ key });
    const other = RULES.replace('10%', '12%');
    saveInOtherTab(key, { source: other });
    await settle(el);
    expect(el.source).to.equal(other);
    expect($(el, '[role=status]')!.textContent).to.contain('changed in another tab: this is that version');
    await toEnd(el);
    await sendKeys({ type: '# mine' });
    saveInOtherTab(key, { source: RULES.replace('10%', '14%') });
    await el.updateComplete;
    expect(el.source, 'the edits here stay').to.equal(`${other}# mine`);
    expect($(el, '[role=status]')!.textContent).to.contain('also changed in another tab');
  });

  it('keeps its edits once saved, too, when another tab saves a version without them', async () => {
    const key = `playground-tabs-saved-${Date.now()}`;
    const el = await mount({ key, source: RULES });
    await toEnd(el);
    await sendKeys({ type: '# mine' });
    await settle(el);
    expect(storedDraft(key).source, 'the edits are saved').to.equal(`${RULES}# mine`);
    saveInOtherTab(key, { source: RULES.replace('10%', '14%'), id: 'other-tab-1' });
    await settle(el);
    expect(el.source, 'the edits here stay').to.equal(`${RULES}# mine`);
    expect($(el, '[role=status]')!.textContent).to.contain('also changed in another tab');
  });

  it('follows another tab that carries on from its saved edits', async () => {
    const key = `playground-tabs-carry-${Date.now()}`;
    const el = await mount({ key, source: RULES });
    await toEnd(el);
    await sendKeys({ type: '# mine' });
    await settle(el);
    const mine = storedDraft(key);
    const theirs = `${mine.source}\n# theirs too\n`;
    saveInOtherTab(key, { source: theirs, id: 'other-tab-2', after: mine.id });
    await settle(el);
    expect(el.source).to.equal(theirs);
    expect($(el, '[role=status]')!.textContent).to.contain('changed in another tab: this is that version');
    // Edited further here (one key, so one save), the draft saved says it carries on from the other tab's.
    await toEnd(el);
    await sendKeys({ type: '#' });
    await settle(el);
    expect(storedDraft(key)).to.include({ source: `${theirs}#`, after: 'other-tab-2' });
  });

  it('takes a text set before it is on the page, over the stored draft', async () => {
    const el = document.createElement('credit-playground') as CreditPlayground;
    el.setAttribute('storage-key', `playground-early-${Date.now()}`);
    el.setAttribute('ignore-hash', '');
    el.source = RULES;
    document.body.append(el);
    try {
      await el.ready;
      await settle(el);
      expect(el.source).to.equal(RULES);
      expect(credit(el)).to.equal('100.00');
    } finally {
      el.remove();
    }
  });

  it('shows nothing of the previous document when a new one with errors replaces it', async () => {
    const el = await mount({ source: RULES });
    expect(el.program).to.exist;
    el.source = 'fee 500 EUR monthly\nif availability < then 10%\n';
    await settle(el);
    expect(el.program, 'no program of the previous document').to.equal(undefined);
    expect(Boolean($(el, 'credit-calculator'))).to.equal(false);
    ($(el, '#embed') as HTMLButtonElement).click();
    await settle(el);
    expect(($(el, 'dialog') as HTMLDialogElement).open, 'no embed code for rules with errors').to.equal(false);
    expect($(el, '[role=status]')!.textContent).to.contain('fix them to get the embed code');
  });

  it('says so when a share link is damaged, and keeps the draft', async () => {
    const before = location.href;
    history.replaceState(null, '', '#rules=1.not*base64');
    try {
      const el = await mount({ readHash: true });
      expect(el.source).to.equal(starterSource);
      expect($(el, '[role=status]')!.textContent).to.contain('could not be read: it is not a playground link, or it was cut off');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('offers the embed code in both forms', async () => {
    const el = await mount({ source: RULES });
    ($(el, '#embed') as HTMLButtonElement).click();
    await el.updateComplete;
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    await waitUntil(() => dialog.open, 'the dialog', PATIENCE);
    const [inline, src] = $$(el, 'dialog textarea') as HTMLTextAreaElement[];
    expect(inline.value).to.contain('<script type="text/credit-rules">');
    expect(inline.value).to.contain('    if availability < 99.5% then 10%');
    expect(src.value).to.contain('<credit-calculator src="credit-rules.credit"');
    dialog.close();
  });

  it('embeds, and downloads for embedding, the last version without errors, and says so', async () => {
    const el = await mount({ source: RULES });
    await toEnd(el);
    await sendKeys({ type: 'if availability <' });
    await settle(el);
    expect(el.stale).to.equal(true);
    ($(el, '#embed') as HTMLButtonElement).click();
    await settle(el);
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('embeds the last version without errors');
    const files: Blob[] = [];
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => (files.push(blob), 'blob:test');
    try {
      ($$(el, 'dialog .actions button').find((b) => b.textContent === 'Download .credit') as HTMLButtonElement).click();
    } finally {
      URL.createObjectURL = createObjectURL;
    }
    expect(files.length).to.equal(1);
    expect(await files[0].text()).to.equal(RULES);
    dialog.close();
  });

  it('fires playground-change after a user edit, not for a property change', async () => {
    const el = await mount({ source: RULES });
    let fired = 0;
    el.addEventListener('playground-change', () => fired++);
    el.source = RULES + '# set by the host\n';
    await settle(el);
    expect(fired).to.equal(0);
    await toEnd(el);
    const event = oneEvent(el, 'playground-change');
    await sendKeys({ type: '#' });
    expect((await event).detail.ok).to.equal(true);
  });
});
