/**
 * Drafting in <credit-playground> as a lawyer does it, in real Chromium:
 * named versions kept across a reload, restored, exported and imported as a
 * file; templates opening as a new draft; undo after a reload; quick fixes
 * and hover documentation; long lines on a phone; and a whole session in
 * German. (The clause linked to its source lines: clause-links.test.ts.)
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { openLintPanel } from '@codemirror/lint';
import { emulateMedia, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { CreditPlayground } from '../../src/playground/credit-playground.js';
import { germanMessages } from '../../src/playground/diagnostics-de.js';
import { openVersions, readVersionsFile } from '../../src/playground/versions.js';
import { reservedForLater, wordDocs } from '../../src/playground/word-docs.js';
import { keywords } from '../../src/language-service.js';
import { starterSource } from '../../src/playground/templates.js';
import { $, $$, clauseInView, mount, PATIENCE, RULES, saveVersion, settle, toEnd, typeLines } from './helpers.js';
import { afterEach, describe, it } from './mocha.js';

afterEach(() => {
  fixtureCleanup();
});

const versionNames = (el: CreditPlayground) => $$(el, '.version-name').map((n) => n.textContent);

/** The file the playground handed to the browser's downloads by its next click on a link. */
function nextDownload(): Promise<{ name: string; text: string; bytes: Uint8Array }> {
  return new Promise((resolve) => {
    const create = URL.createObjectURL;
    let blob: Blob | undefined;
    URL.createObjectURL = (object: Blob | MediaSource) => {
      blob = object as Blob;
      return create.call(URL, object);
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
      const name = this.download;
      void Promise.all([blob!.text(), blob!.arrayBuffer()]).then(([text, buffer]) => resolve({ name, text, bytes: new Uint8Array(buffer) }));
    };
  });
}

/** One file of a zip archive (a .docx is one), read as a word processor would: central directory, then the stored or deflated data. */
async function unzipEntry(zip: Uint8Array, wanted: string): Promise<string> {
  const data = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && data.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const count = data.getUint16(end + 10, true);
  let at = data.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    const method = data.getUint16(at + 10, true);
    const size = data.getUint32(at + 20, true);
    const nameLength = data.getUint16(at + 28, true);
    const skip = nameLength + data.getUint16(at + 30, true) + data.getUint16(at + 32, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    const local = data.getUint32(at + 42, true);
    if (name === wanted) {
      const start = local + 30 + data.getUint16(local + 26, true) + data.getUint16(local + 28, true);
      const raw = zip.slice(start, start + size);
      if (method === 0) return new TextDecoder().decode(raw);
      const inflated = new Blob([raw]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      return new Response(inflated).text();
    }
    at += 46 + skip;
  }
  throw new Error(`${wanted} is not in the archive`);
}

/** Chooses a file in the file picker of `input`, as the browser does when a person picks one. */
function pickFile(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Points at an underlined mistake until its tooltip shows the fixes, and returns their buttons. */
async function fixesAt(el: CreditPlayground, offset: number): Promise<HTMLButtonElement[]> {
  await hoverAt(el, offset);
  await waitUntil(() => $$(el, '.cm-tooltip-lint .cm-diagnosticAction').length > 0, 'the fixes in the tooltip', PATIENCE);
  return $$(el, '.cm-tooltip-lint .cm-diagnosticAction') as HTMLButtonElement[];
}

/** Moves the mouse over the character at `offset` of the editor. */
async function hoverAt(el: CreditPlayground, offset: number): Promise<void> {
  const box = el.editor!.coordsAtPos(offset)!;
  await sendMouse({ type: 'move', position: [Math.round(box.left + 2), Math.round((box.top + box.bottom) / 2)] });
}


/** A person presses Ctrl+Z until the typed line is gone (CodeMirror groups quick typing into one step or a few). */
async function undoToTheStart(el: CreditPlayground): Promise<void> {
  ($(el, '.cm-content') as HTMLElement).focus();
  for (let i = 0; i < 5 && el.source !== RULES; i++) {
    await sendKeys({ press: 'Control+z' });
    await settle(el);
  }
  expect(el.source).to.equal(RULES);
}
describe('versions of a draft', () => {
  it('saves named versions, keeps them across a reload, and restores one (Ctrl+Z undoes the restore)', async () => {
    const key = `versions-${Date.now()}`;
    const first = await mount({ key, source: RULES });
    ($(first, '#draft-name') as HTMLInputElement).focus();
    await sendKeys({ type: 'ACME support' });
    await sendKeys({ press: 'Tab' });
    await saveVersion(first, 'Sent to ACME');
    expect($(first, '[role=status]')!.textContent).to.contain('Saved the version “Sent to ACME”');
    await toEnd(first);
    await typeLines(first, 'if availability < 99% then 20%');
    await saveVersion(first, 'Their counter-offer');
    expect(versionNames(first)).to.deep.equal(['Their counter-offer', 'Sent to ACME']);
    fixtureCleanup();

    const second = await mount({ key });
    await waitUntil(() => $$(second, '.version').length === 2, 'both versions after the reload', PATIENCE);
    expect(versionNames(second)).to.deep.equal(['Their counter-offer', 'Sent to ACME']);
    expect($$(second, '.version-draft').map((d) => d.textContent)).to.deep.equal(['ACME support', 'ACME support']);
    expect(($(second, '#draft-name') as HTMLInputElement).value).to.equal('ACME support');
    const edited = second.source;

    const restore = $$(second, '.version').find((v) => v.textContent!.includes('Sent to ACME'))!.querySelector('.restore') as HTMLButtonElement;
    expect(restore.getAttribute('aria-label')).to.equal('Restore “Sent to ACME” of “ACME support”');
    restore.click();
    await settle(second);
    expect(second.source).to.equal(RULES);
    expect($(second, '[role=status]')!.textContent).to.contain('Restored the version “Sent to ACME”');
    await sendKeys({ press: 'Control+z' });
    await settle(second);
    expect(second.source).to.equal(edited);
  });

  it('opens a template as a new draft and keeps the previous one as a version', async () => {
    const el = await mount({ source: RULES });
    const select = $(el, '#template') as HTMLSelectElement;
    select.value = 'uptime-tiers';
    select.dispatchEvent(new Event('change'));
    ($(el, '#open-template') as HTMLButtonElement).click();
    await waitUntil(() => el.source !== RULES, 'the template', PATIENCE);
    await settle(el);
    expect(($(el, '#draft-name') as HTMLInputElement).value).to.equal('Uptime tiers');
    expect(versionNames(el)).to.deep.equal(['Before “Uptime tiers”']);
    expect($(el, '[role=status]')!.textContent).to.contain('as a new draft');
    ($(el, '.version .restore') as HTMLButtonElement).click();
    await settle(el);
    expect(el.source).to.equal(RULES);
  });

  it('exports the versions to a file and imports them into another playground; a second import adds nothing', async () => {
    const first = await mount({ source: RULES });
    await saveVersion(first, 'Draft for legal');
    const download = nextDownload();
    ($(first, '#export-versions') as HTMLButtonElement).click();
    const file = await download;
    expect(file.name).to.equal('credit-rules-versions.json');
    expect(JSON.parse(file.text).versions[0]).to.include({ name: 'Draft for legal', source: RULES });
    fixtureCleanup();

    const second = await mount();
    pickFile($(second, '#import-versions') as HTMLInputElement, new File([file.text], file.name, { type: 'application/json' }));
    await waitUntil(() => versionNames(second).includes('Draft for legal'), 'the imported version', PATIENCE);
    expect($(second, '[role=status]')!.textContent).to.equal('Imported 1 version.');
    pickFile($(second, '#import-versions') as HTMLInputElement, new File([file.text], file.name, { type: 'application/json' }));
    await waitUntil(() => $(second, '[role=status]')!.textContent!.includes('already here'), 'the second import', PATIENCE);
    expect($(second, '[role=status]')!.textContent).to.equal('Imported 0 versions; 1 was already here.');
    expect(versionNames(second)).to.deep.equal(['Draft for legal']);
  });

  it('refuses a damaged versions file with a clear message and keeps every version', async () => {
    const el = await mount({ source: RULES });
    await saveVersion(el, 'Mine');
    const damaged = JSON.stringify({ format: 'credit-rules-versions', version: 1, versions: [{ draft: 'A', name: 'ok', source: 'x', saved: '2026-12-01T10:00:00Z' }, { draft: 'A', name: 'bad', saved: '2026-12-01T10:00:00Z' }] });
    pickFile($(el, '#import-versions') as HTMLInputElement, new File([damaged], 'versions.json'));
    await waitUntil(() => $(el, '[role=status]')!.textContent!.includes('not imported'), 'the refusal', PATIENCE);
    expect($(el, '[role=status]')!.textContent).to.equal('“versions.json” was not imported: entry 2 has no valid “source”. Nothing was changed.');
    expect(versionNames(el)).to.deep.equal(['Mine']);

    pickFile($(el, '#import-versions') as HTMLInputElement, new File(['fee 1000 EUR monthly'], 'rules.credit'));
    await waitUntil(() => $(el, '[role=status]')!.textContent!.includes('rules.credit'), 'the second refusal', PATIENCE);
    expect($(el, '[role=status]')!.textContent).to.contain('it is not a versions file (it is not JSON)');
    expect(versionNames(el)).to.deep.equal(['Mine']);
  });

  it('reads every problem of a versions file', () => {
    expect(readVersionsFile('{"format":"other","versions":[]}')).to.deep.equal({ ok: false, problem: { kind: 'not-versions' } });
    expect(readVersionsFile('{"format":"credit-rules-versions","version":9,"versions":[]}')).to.deep.equal({ ok: false, problem: { kind: 'newer', version: 9 } });
    expect(readVersionsFile('{"format":"credit-rules-versions","version":1,"versions":[{"draft":"a","name":"b","source":"c","saved":"yesterday"}]}'))
      .to.deep.equal({ ok: false, problem: { kind: 'bad-entry', index: 1, field: 'saved' } });
  });

  it('says so when the browser keeps no data, and keeps versions for the visit', async () => {
    const open = Object.getOwnPropertyDescriptor(IDBFactory.prototype, 'open')!;
    Object.defineProperty(IDBFactory.prototype, 'open', { configurable: true, value: () => { throw new DOMException('denied', 'SecurityError'); } });
    try {
      const el = await mount({ source: RULES });
      await waitUntil(() => $(el, '#store-problem'), 'the message about storage', PATIENCE);
      expect($(el, '#store-problem')!.textContent).to.contain('IndexedDB is unavailable');
      expect($(el, '#store-problem')!.textContent).to.contain('export them to keep them');
      await saveVersion(el, 'Kept in memory');
    } finally {
      Object.defineProperty(IDBFactory.prototype, 'open', open);
    }
    expect((await openVersions('none', null)).problem).to.equal('unavailable');
  });

  it('says so when an older copy of the page in another tab blocks the saved versions', async () => {
    const open = Object.getOwnPropertyDescriptor(IDBFactory.prototype, 'open')!;
    // What the browser does while another tab holds the database open at an older version.
    Object.defineProperty(IDBFactory.prototype, 'open', {
      configurable: true,
      value: () => {
        const request = {} as IDBOpenDBRequest;
        setTimeout(() => request.onblocked?.(new Event('blocked') as IDBVersionChangeEvent));
        return request;
      },
    });
    try {
      const el = await mount({ source: RULES });
      await waitUntil(() => $(el, '#store-problem'), 'the message about storage', PATIENCE);
      expect($(el, '#store-problem')!.textContent).to.contain('locked by an older copy of this page in another tab; close it and reload');
    } finally {
      Object.defineProperty(IDBFactory.prototype, 'open', open);
    }
  });
});

describe('format and the clause as a Word document', () => {
  it('formats the draft with the button and with Shift+Alt+F; Ctrl+Z undoes it', async () => {
    const messy = 'fee   1000 EUR monthly\ninput availability : percent default 99%\ncredit "Uptime":\n    if availability<99.9% then 10%\n    if availability < 99% then 25%\n';
    const el = await mount({ source: messy });
    ($(el, '#format') as HTMLButtonElement).click();
    await settle(el);
    expect(el.source).not.to.equal(messy);
    expect(el.source).to.contain('fee 1000 EUR monthly\n');
    expect(el.source).to.contain('  if availability < 99.9% then 10%');
    expect($(el, '[role=status]')!.textContent).to.equal('Formatted: one layout, the same meaning. Ctrl+Z undoes it.');
    const formatted = el.source;
    ($(el, '.cm-content') as HTMLElement).focus();
    await sendKeys({ press: 'Control+z' });
    await settle(el);
    expect(el.source).to.equal(messy);
    await sendKeys({ press: 'Shift+Alt+f' });
    await settle(el);
    expect(el.source).to.equal(formatted);
    ($(el, '#format') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($(el, '[role=status]')!.textContent).to.equal('The rules are already formatted.');
  });

  it('does not format text with syntax errors, and says why', async () => {
    const broken = 'if availability < then 10%\n';
    const el = await mount({ source: broken });
    ($(el, '#format') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.source).to.equal(broken);
    expect($(el, '[role=status]')!.textContent).to.equal('The rules have syntax errors: fix them, then format.');
  });

  it('downloads the clause as a .docx that holds the tier table, in German too', async () => {
    const el = await mount({ source: starterSource });
    ($(el, '#clause-de') as HTMLButtonElement).click();
    await waitUntil(() => clauseInView(el) && $(el, '.clause')?.getAttribute('lang') === 'de', 'the German clause', PATIENCE);
    const download = nextDownload();
    ($(el, '#download-docx') as HTMLButtonElement).click();
    const file = await download;
    expect(file.name).to.equal('credit-rules-de.docx');
    const xml = await unzipEntry(file.bytes, 'word/document.xml');
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const rows = [...doc.getElementsByTagNameNS(W, 'tbl')[0].getElementsByTagNameNS(W, 'tr')]
      .map((row) => [...row.getElementsByTagNameNS(W, 'tc')].map((cell) => cell.textContent!.replace(/\s/g, ' ')));  // the clause keeps numbers and units together with no-break spaces
    expect(rows.length, 'a header and three tiers').to.equal(4);
    expect(rows.map((r) => r.join(' | ')).join('\n')).to.contain('99,9 %');
    expect(doc.documentElement.textContent).to.contain('Gutschrift');
    expect($(el, '[role=status]')!.textContent).to.equal('Saved the clause as credit-rules-de.docx.');
  });
});

describe('comparing versions in words and money', () => {
  it('states the changed terms in words and the money each range of values costs', async () => {
    const el = await mount({ source: RULES });
    await saveVersion(el, 'Signed');
    el.source = RULES.replace('99.5%', '99.9%');
    await settle(el);
    ($(el, '#compare') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '.compare .terms li'), 'the changed terms', PATIENCE);
    expect($$(el, '.compare .terms li').map((li) => li.textContent!).join('\n')).to.contain('99.9');
    const rows = $$(el, '.compare table.money tbody tr').map((row) => [...row.children].map((cell) => cell.textContent!.trim().replace(/\s/g, ' ')));
    expect(rows).to.deep.equal([['from 99.5% to below 99.9%', '0.00 EUR', '100.00 EUR', '+100.00 EUR']]);
  });
});

describe('undo, wrapping and the first screen', () => {
  it('keeps the undo history across a reload', async () => {
    const key = `undo-${Date.now()}`;
    const first = await mount({ key, source: RULES });
    await toEnd(first);
    await typeLines(first, 'if availability < 98% then 30%');
    await new Promise((r) => requestIdleCallback(() => r(undefined), { timeout: 1000 }));
    fixtureCleanup();

    const second = await mount({ key });
    expect(second.source).to.contain('then 30%');
    await undoToTheStart(second);
  });

  it('keeps the undo history when the page is left without the playground being removed (a real reload)', async () => {
    const key = `undo-leave-${Date.now()}`;
    const first = await mount({ key, source: RULES });
    await toEnd(first);
    await typeLines(first, 'if availability < 98% then 30%');
    await new Promise((r) => requestIdleCallback(() => r(undefined), { timeout: 1000 }));
    // A reload fires pagehide; the element stays in the page being left.
    dispatchEvent(new PageTransitionEvent('pagehide'));

    const second = await mount({ key });
    expect(second.source).to.contain('then 30%');
    await undoToTheStart(second);
  });

  it('wraps long lines, so a phone shows them whole', async () => {
    await setViewport({ width: 375, height: 740 });
    try {
      const long = `if availability < 99.5% and availability >= 99.0% and not (availability < 98.0%) then 10% capped 20% yearly # a long line a phone must show whole\n`;
      const el = await mount({ source: long });
      const scroller = $(el, '.cm-scroller')!;
      expect(scroller.scrollWidth, 'nothing to scroll sideways').to.be.at.most(scroller.clientWidth + 1);
      const line = $(el, '.cm-line')!;
      const height = parseFloat(getComputedStyle(line).lineHeight);
      expect(line.getBoundingClientRect().height, 'the line takes several rows').to.be.above(height * 1.5);
      expect(el.getBoundingClientRect().width).to.be.at.most(375);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('hover documentation and quick fixes', () => {
  it('documents every word of the language in English and German', () => {
    const documented = new Set(Object.keys(wordDocs));
    const missing = keywords.filter((word) => !documented.has(word) && !reservedForLater.includes(word));
    expect(missing, 'keywords without documentation').to.deep.equal([]);
    for (const word of ['min', 'max', 'round', 'floor', 'ceil', 'else', 'pay', 'only', 'claim', 'business', 'months', 'after', 'incident', 'payout', 'to', 'period', 'list', 'for', 'each', 'count', 'sum', 'de']) {
      expect(wordDocs[word], word).to.exist;
    }
    for (const [word, entry] of Object.entries(wordDocs)) {
      expect(entry.en.text, `${word} in English`).not.to.equal('');
      expect(entry.de.text, `${word} in German`).not.to.equal(entry.en.text);
    }
  });

  it('explains a keyword on hover, in the interface’s language', async () => {
    const el = await mount({ source: 'if availability < 99.5% then 10% capped 20% yearly\n' });
    await hoverAt(el, 'if availability < 99.5% then 10% cap'.length);
    await waitUntil(() => $(el, '.cr-doc'), 'the documentation of `capped`', PATIENCE);
    expect($(el, '.cr-doc')!.textContent).to.contain('A limit on one rule or one block');
    await sendMouse({ type: 'move', position: [0, 0] });
    await waitUntil(() => !$(el, '.cr-doc'), 'the tooltip closes', PATIENCE);

    ($(el, '#ui-language') as HTMLButtonElement).click();
    await el.updateComplete;
    await hoverAt(el, 'if availability < 99.5% then 10% capped 20% ye'.length);
    await waitUntil(() => $(el, '.cr-doc'), 'the documentation of `yearly`', PATIENCE);
    expect($(el, '.cr-doc')!.textContent).to.contain('Je Vertragsjahr');
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('offers the missing unit on a bare number, and writes it on a click', async () => {
    const el = await mount({ source: 'input response: duration "First response" default 1h\n' });
    await toEnd(el);
    await sendKeys({ type: 'if response > 4 then 10%' });
    await settle(el);
    await waitUntil(() => $(el, '.problem[data-code=kind-mismatch]'), 'the mistake', PATIENCE);
    const fixes = await fixesAt(el, el.source.indexOf('> 4') + 2);
    expect(fixes.map((b) => b.textContent)).to.include.members(['Write 4h', 'Write 4min']);
    fixes.find((b) => b.textContent === 'Write 4h')!.click();
    await settle(el);
    expect(el.source).to.equal('input response: duration "First response" default 1h\nif response > 4h then 10%');
    expect($$(el, '.problem[data-severity=error]')).to.have.length(0);
  });

  it('indents a rule right after a block into a tier, on a click (rule-after-block)', async () => {
    const block = 'input availability: percent default 99%\ncredit "Uptime":\n  if availability < 99.9% then 10%\n  if availability < 99% then 20%\n';
    const el = await mount({ source: block });
    await toEnd(el);
    await sendKeys({ press: 'Home' });
    await sendKeys({ type: 'if availability < 95% then 50%' });
    await sendKeys({ press: 'Escape' });
    await settle(el);
    await waitUntil(() => $(el, '.problem[data-code=rule-after-block]'), 'the warning', PATIENCE);
    const fixes = await fixesAt(el, el.source.indexOf('if availability < 95%') + 4);
    fixes.find((b) => b.textContent === 'Indent it as a tier of the block')!.click();
    await settle(el);
    expect(el.source).to.equal(`${block}  if availability < 95% then 50%`);
    expect($$(el, '.problem[data-severity=warning]')).to.have.length(0);
  });

  it('closes a one-value gap between two tiers, on a click (tier-gap)', async () => {
    const el = await mount({ source: 'input availability: percent default 99% range 90%..100%\ncredit "Uptime":\n  if 99.0% < availability and availability < 99.9% then 10%\n  if availability < 99.0% then 20%\n' });
    await waitUntil(() => $(el, '.problem[data-code=tier-gap]'), 'the warning', PATIENCE);
    // Wherever the checker underlines the gap, the fix is offered there.
    const underline = el.editor!.posAtDOM($(el, '.cm-lintRange-warning')!);
    const fixes = await fixesAt(el, underline + 4);
    const fix = fixes.find((b) => b.textContent!.startsWith('Let a tier pay at exactly 99%'))!;
    expect(fix.textContent).to.equal('Let a tier pay at exactly 99% (write <=)');
    fix.click();
    await settle(el);
    expect(el.source).to.satisfy((text: string) => text.includes('if 99.0% <= availability and') || text.includes('if availability <= 99.0% then 20%'));
    expect($$(el, '.problem[data-severity=warning]')).to.have.length(0);
  });

  it('offers the name the checker suggests, and puts it in on a click', async () => {
    const el = await mount({ source: RULES });
    await toEnd(el);
    await sendKeys({ type: 'if availabilty < 98% then 20%' });
    await settle(el);
    const fixes = await fixesAt(el, el.source.indexOf('availabilty') + 3);
    expect(fixes.map((b) => b.textContent)).to.include('Replace with availability');
    fixes.find((b) => b.textContent === 'Replace with availability')!.click();
    await settle(el);
    expect(el.source).to.equal(`${RULES}if availability < 98% then 20%`);
  });
});

describe('a German session', () => {
  it('has every diagnostic code’s message in German', async () => {
    const reference = await (await fetch('/docs/language.md')).text();
    const codes = [...reference.matchAll(/^\| `([a-z-]+)` \| (?:error|warning|info)/gm)].map((m) => m[1]);
    expect(codes.length).to.be.above(40);
    expect(codes.filter((code) => !(code in germanMessages)), 'codes without a German message').to.deep.equal([]);
  });

  it('speaks German throughout: actions, problems, underlines, search and lint panels', async () => {
    const el = await mount({ source: RULES, locale: 'de' });
    await toEnd(el);
    await typeLines(el, 'if availabilty < 98% then 20%', 'if availability < 97% then 4');
    await waitUntil(() => clauseInView(el) && $(el, '.clause'), 'the clause', PATIENCE);
    ($(el, '.cm-content') as HTMLElement).focus();
    await sendKeys({ press: 'Control+f' });
    await waitUntil(() => $(el, '.cm-search'), 'the search panel', PATIENCE);
    // The lint panel's shortcut (Ctrl+Shift+M) is the browser's own in Chromium; the command is what it runs.
    openLintPanel(el.editor!);
    await waitUntil(() => $(el, '.cm-panel-lint'), 'the lint panel', PATIENCE);
    await settle(el);

    const problems = $$(el, '.problem .message').map((m) => m.textContent!);
    expect(problems.join('\n')).to.contain('ist nicht definiert. Meinten Sie `availability`?');
    expect($(el, '.cm-search')!.textContent).to.contain('alle ersetzen');
    expect($(el, '.cm-search input[name=search]')!.getAttribute('placeholder')).to.equal('Suchen');
    expect($(el, '.cm-panel-lint ul')!.getAttribute('aria-label')).to.equal('Probleme');

    // Everything a person reads, except the rules themselves and stable codes, is German.
    const root = document.createElement('div');
    for (const child of el.shadowRoot!.children) root.append(child.cloneNode(true));
    for (const skip of root.querySelectorAll('.cm-content, .cm-gutters, .code, .cm-diagnosticSource, credit-calculator, [lang=en]')) skip.remove();
    const labels = [...root.querySelectorAll('[aria-label], [placeholder], [title]')]
      .flatMap((n) => ['aria-label', 'placeholder', 'title'].map((a) => n.getAttribute(a) ?? ''));
    const text = `${root.textContent} ${labels.join(' ')}`;
    const english = /\b(the|is|not|defined|error|errors|warning|line|column|find|replace|next|previous|close|save|restore|versions|draft|problems|preview|examples|clause|template|open|share|download|did you mean|undefined|unknown|expected|passed|failed)\b/i;
    expect(english.exec(text)?.[0], `an English word in: ${text.slice(Math.max(0, (english.exec(text)?.index ?? 0) - 60), (english.exec(text)?.index ?? 0) + 60)}`).to.equal(undefined);
  });
});

describe('comparing two versions', () => {
  it('compares a saved version with the draft as it stands: both credit curves in one chart', async () => {
    const el = await mount({ source: RULES });
    await saveVersion(el, 'Signed');
    await toEnd(el);
    await typeLines(el, 'if availability < 99% then 20%');
    expect(($(el, '#compare-older') as HTMLSelectElement).selectedOptions[0].textContent).to.contain('Signed');
    expect(($(el, '#compare-newer') as HTMLSelectElement).selectedOptions[0].textContent).to.equal('The draft as it stands');
    ($(el, '#compare') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '.compare'), 'the comparison', PATIENCE);
    expect($(el, '#compare-heading')!.textContent).to.contain('“Signed” → “The draft as it stands”');
    const chart = $(el, '.compare credit-compare')!;
    expect([...chart.querySelectorAll('script')].map((s) => s.dataset.plan)).to.deep.equal(['Signed', 'The draft as it stands']);
    await waitUntil(() => chart.shadowRoot?.querySelector('svg'), 'both curves', { timeout: 20_000 });
    ($(el, '.close-compare') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(Boolean($(el, '.compare'))).to.equal(false);
  });

  it('says why two versions cannot be compared', async () => {
    const el = await mount({ source: RULES });
    await saveVersion(el, 'Good');
    ($(el, '#compare-newer') as HTMLSelectElement).value = ($(el, '#compare-older') as HTMLSelectElement).value;
    ($(el, '#compare') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[role=status]')!.textContent === 'Choose two different versions.', 'the message', PATIENCE);
    await toEnd(el);
    await typeLines(el, 'if availabilty < 99% then 20%');
    ($(el, '#compare-newer') as HTMLSelectElement).value = 'draft';
    ($(el, '#compare') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[role=status]')!.textContent!.includes('has errors'), 'the message', PATIENCE);
    expect($(el, '[role=status]')!.textContent).to.equal('“The draft as it stands” has errors, so it cannot be compared. Restore it and fix them first.');
    expect(Boolean($(el, '.compare'))).to.equal(false);
  });
});

describe('printing the clause', () => {
  it('prints the clause alone, in the language chosen for it', async () => {
    const el = await mount({ source: RULES });
    ($(el, '#clause-de') as HTMLButtonElement).click();
    await waitUntil(() => clauseInView(el) && $(el, '.clause')?.getAttribute('lang') === 'de', 'the German clause', PATIENCE);
    expect(($(el, '#print-clause') as HTMLButtonElement).textContent).to.equal('Print or save as PDF');
    await emulateMedia({ media: 'print' });
    try {
      const shown = (selector: string) => getComputedStyle($(el, selector)!).display !== 'none';
      for (const hidden of ['.toolbar', '.editor-pane', '.problems', '.versions', '.preview', '.examples', '#print-clause', '.clause-toggle']) {
        expect(shown(hidden), `${hidden} is not printed`).to.equal(false);
      }
      expect(shown('.clause')).to.equal(true);
      expect($(el, '.clause')!.textContent).to.contain('Gutschrift');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});
