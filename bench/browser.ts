/**
 * Browser figures in Chromium (Playwright; found as the browser tests find it,
 * web-test-runner.config.mjs): `dist/` and a production build of the
 * playground served by a small node http server, like
 * test/widget/dist.node.test.ts does.
 *
 * - load: navigation start → the first credit shown, for a precompiled
 *   program (JSON) and for inline rules text (which fetches the parser); a
 *   fresh browser context (empty cache) per sample.
 * - input: a real key press in the first number field → the new credit in the
 *   shadow DOM (a MutationObserver sees it), and → the next frame.
 * - 100 instances on one page: navigation start → all 100 show a credit; then
 *   input → result on one of them.
 * - playground: a key press in the editor of a 300-line program → the compile
 *   (`performance.measure('credit-playground:compile')`), the diagnostics
 *   (`playground-change`, fired right after them), and the preview rendered.
 * - playground at the limits: key presses in a 4,990-tier program, kept as
 *   a draft in local storage as a visitor's is — in a comment, and in a
 *   tier's credit (a new program: the preview evaluates it) → its
 *   diagnostics shown, and the tasks over 50 ms the main thread ran from the
 *   key press until the panes settled (Long Tasks API): the longest, and
 *   their count. Compiled in the worker and, side by side, on the page
 *   (`Worker` removed, as before); the previous run's figures
 *   (bench/results.json) stand beside this run's.
 * - widget at the limits, loading: the 4,990-tier program with every panel,
 *   from `src` as a precompiled program (JSON) and as rules text, with the
 *   widget's worker and without (`Worker` removed) → the first credit shown,
 *   and the tasks over 50 ms from navigation start until the widget's
 *   idle-time work is done.
 * - widget at the limits: the 4,990-tier program (precompiled) with every
 *   panel; key presses in the form's field (a month) and in March of the
 *   year panel (an edited year) → the new credit shown, and the tasks over
 *   50 ms the main thread ran from the key press until the widget's
 *   idle-time work was done (Long Tasks API). The same for 4,990 tiers that
 *   are no tier table (they pay now a share of the fee, now an amount), most
 *   of which apply: every tier's amount is worked out.
 *
 * Times are read inside the page (`performance.now()`, the key event's
 * `timeStamp`), so Playwright's own round trips do not count.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { compile, type InputInfo } from '../lib/index.js';
import { duration, median, quantile, table, type Settings } from './harness.js';
import { generateProgram } from '../test/fixtures/programs.js';
import { example, root } from './programs.js';
import { bundleLibrary } from './sizes.js';

const PROGRAM = 'uptime-tiers.credit';
const INSTANCES = 100;
const PLAYGROUND_LINES = 300;
const LARGE_TIERS = 4_990;
const LARGE_PRESSES = 10;
/** The inputs of the form of many inputs. */
const MANY_INPUTS = 3_500;
const LOAD_NAMES: Record<LoadWay, string> = {
  json: '`src`, a precompiled program (JSON)',
  text: '`src`, rules text',
  'json-page': '`src`, JSON, without a worker (`Worker` removed)',
  'text-page': '`src`, rules text, without a worker',
};
const dist = join(root, 'dist');
const playgroundDir = join(root, '.bench/playground');

export interface Distribution {
  readonly median: number;
  readonly p95: number;
  readonly samples: number;
}

export interface LargeFigures {
  readonly diagnosticsMs: Distribution;
  readonly longestTaskMs: Distribution;
  /** Tasks over 50 ms per key press. */
  readonly longTasks?: Distribution;
  /** Their time added up, per key press. */
  readonly longTaskTotalMs?: Distribution;
}

/** The widget with the 4,990-tier program: key press → the new credit shown, and the main thread's long tasks until its idle-time work is done. */
export interface WidgetLargeFigures {
  readonly shownMs: Distribution;
  readonly longestTaskMs: Distribution;
  readonly longTasks: Distribution;
  readonly longTaskTotalMs: Distribution;
}

/** The widget loading the 4,990-tier program: navigation start → the first credit shown, and the main thread's long tasks until its idle-time work is done. */
export interface WidgetLoadFigures {
  readonly shownMs: Distribution;
  readonly longestTaskMs: Distribution;
  readonly longTasks: Distribution;
}

/** How the large widget's rules arrive: `src` JSON or text, with the widget's worker or on the page. */
export type LoadWay = 'json' | 'text' | 'json-page' | 'text-page';
const LOAD_WAYS: readonly LoadWay[] = ['json', 'text', 'json-page', 'text-page'];

/** The widget with a form of many inputs: loading, and key presses in its second field. */
interface ManyInputsFigures {
  readonly loadMs: Distribution;
  readonly loadLongestTaskMs: Distribution;
  readonly month: WidgetLargeFigures;
}

export type BrowserFigures =
  | { readonly available: false; readonly reason: string }
  | {
    readonly available: true;
    readonly chromium: string;
    readonly loadPrecompiledMs: Distribution;
    readonly loadInlineMs: Distribution;
    /** The longest task (0: none over 50 ms) from navigation start until the page is quiet after the first credit. */
    readonly loadPrecompiledLongestTaskMs?: Distribution;
    readonly loadInlineLongestTaskMs?: Distribution;
    readonly inputMs: Distribution;
    readonly inputFrameMs: Distribution;
    readonly manyRenderedMs: Distribution;
    readonly manyInputMs: Distribution;
    readonly playgroundCompileMs: Distribution;
    readonly playgroundDiagnosticsMs: Distribution;
    readonly playgroundPreviewMs: Distribution;
    /** The 4,990-tier program: key press → diagnostics, and the main thread's long tasks, with the worker and without, typed into a comment and into a tier. */
    readonly large: Readonly<Record<'worker' | 'page', LargeFigures>>;
    readonly largeTier?: Readonly<Record<'worker' | 'page', LargeFigures>>;
    /** The widget with the 4,990-tier program and every panel: typed into the form (a month) and into the year panel (a year). */
    readonly largeWidget?: Readonly<Record<'month' | 'year', WidgetLargeFigures>>;
    /** The same with 4,990 tiers that are no tier table. */
    readonly largeWidgetNonTable?: Readonly<Record<'month' | 'year', WidgetLargeFigures>>;
    /** The widget loading the 4,990-tier program with every panel, four ways. */
    readonly largeWidgetLoad?: Readonly<Record<LoadWay, WidgetLoadFigures>>;
    /** The widget with a form of 3,500 inputs (precompiled): loading, and key presses in its second field. */
    readonly manyInputs?: ManyInputsFigures;
  };

/** Fails with a clear message instead of hanging when the page never answers. */
async function within<T>(what: string, promise: Promise<T>, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`browser: timed out after ${ms / 1000} s: ${what}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function distribution(values: readonly number[]): Distribution {
  return { median: median(values), p95: quantile(values, 0.95), samples: values.length };
}

/** Measures inside the page: installed before any other script. */
const PROBE = `
const loadTasks = [];
new PerformanceObserver((list) => loadTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
window.__bench = {
  /**
   * Resolves once the calculator \`selector\` shows a credit and its idle-time
   * work is done: when it was shown, and every long task since navigation start.
   */
  async loaded(selector) {
    const el = document.querySelector(selector);
    await new Promise((resolve) => {
      const check = () => (el.shadowRoot?.querySelector('[part=amount]')?.textContent ? resolve() : setTimeout(check, 1));
      check();
    });
    const shown = performance.now();
    await el.updateComplete;
    for (let i = 0; i < 40; i++) await this.idle();
    await new Promise((r) => setTimeout(r, 100));
    return { shown, longest: Math.max(0, ...loadTasks.map((t) => t.duration)), count: loadTasks.length };
  },
  /** The longest task since navigation start (0: none over 50 ms), once the page has been quiet a moment. */
  async longestTask() {
    await new Promise((r) => setTimeout(r, 300));
    return Math.max(0, ...loadTasks.map((t) => t.duration));
  },
  /** Resolves with performance.now() once \`count\` calculators show a credit (polled every few ms). */
  rendered(count) {
    return new Promise((resolve) => {
      const check = () => {
        const all = document.querySelectorAll('credit-calculator');
        let shown = 0;
        for (const el of all) if (el.shadowRoot?.querySelector('[part=amount]')?.textContent) shown++;
        if (shown >= count) resolve(performance.now());
        else setTimeout(check, 1);
      };
      check();
    });
  },
  /** Arms one measurement: the next keydown → the credit of \`selector\` changes → the next frame. */
  armInput(selector) {
    const el = document.querySelector(selector);
    const amount = () => el.shadowRoot.querySelector('[part=amount]')?.textContent;
    const before = amount();
    let keydown;
    addEventListener('keydown', (e) => { keydown = e.timeStamp; }, { capture: true, once: true });
    this.done = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (amount() === before) return;
        const updated = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => resolve({ updated: updated - keydown, frame: performance.now() - keydown }));
      });
      observer.observe(el.shadowRoot, { subtree: true, childList: true, characterData: true });
    });
  },
  /** Arms one playground measurement: keydown → compiled (measure) → playground-change → preview rendered. */
  armPlayground() {
    const pg = document.querySelector('credit-playground');
    let keydown;
    addEventListener('keydown', (e) => { keydown = e.timeStamp; }, { capture: true, once: true });
    this.done = new Promise((resolve) => {
      pg.addEventListener('playground-change', async () => {
        const diagnostics = performance.now();
        const m = performance.getEntriesByName('credit-playground:compile', 'measure').at(-1);
        await pg.updateComplete;
        const calc = pg.shadowRoot.querySelector('credit-calculator');
        if (calc) await calc.updateComplete;
        const preview = performance.now();
        resolve({ compile: m.duration, diagnostics: diagnostics - keydown, preview: preview - keydown });
      }, { once: true });
    });
  },
  /**
   * Arms one measurement in a large playground: keydown → diagnostics
   * (\`playground-change\`) → the panes and their idle-time work settled, with
   * every long task (over 50 ms) the main thread ran meanwhile.
   */
  armLarge() {
    const pg = document.querySelector('credit-playground');
    const watch = this.longTasksFromKeydown();
    this.done = new Promise((resolve) => {
      pg.addEventListener('playground-change', async () => {
        const diagnostics = watch.sinceKeydown();
        await pg.updateComplete;
        await pg.shadowRoot.querySelector('credit-calculator')?.updateComplete;
        await this.idle();
        await this.idle();
        resolve({ diagnostics, ...(await watch.settled()) });
      }, { once: true });
    });
  },
  /**
   * Arms one measurement in a large widget: keydown → the text of \`shown\`
   * (in its shadow root) changes → its idle-time work done (as many idle
   * periods as a year has months, and more), with every long task meanwhile.
   */
  armWidget(selector, shown) {
    const el = document.querySelector(selector);
    const text = () => el.shadowRoot.querySelector(shown)?.textContent;
    const before = text();
    const watch = this.longTasksFromKeydown();
    this.done = new Promise((resolve) => {
      const changed = new MutationObserver(async () => {
        if (text() === before) return;
        const shown = watch.sinceKeydown();
        changed.disconnect();
        await el.updateComplete;
        for (let i = 0; i < 40; i++) await this.idle();
        resolve({ shown, ...(await watch.settled()) });
      });
      changed.observe(el.shadowRoot, { subtree: true, childList: true, characterData: true });
    });
  },
  /**
   * The long tasks (over 50 ms) from the next key press on: \`sinceKeydown()\`
   * is the time since it; \`settled()\`, once the work measured is done, the
   * longest, how many and their time.
   */
  longTasksFromKeydown() {
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    let keydown;
    addEventListener('keydown', (e) => { keydown = e.timeStamp; }, { capture: true, once: true });
    return {
      sinceKeydown: () => performance.now() - keydown,
      settled: async () => {
        // Long tasks are reported after they end: one more task lets the last of them in.
        await new Promise((r) => setTimeout(r, 100));
        tasks.push(...observer.takeRecords());
        observer.disconnect();
        const since = tasks.filter((t) => t.startTime + t.duration >= keydown);
        return { longest: Math.max(0, ...since.map((t) => t.duration)), count: since.length, total: since.reduce((sum, t) => sum + t.duration, 0) };
      },
    };
  },
  idle: () => new Promise((r) => requestIdleCallback(r)),
};`;

const page = (body: string, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><script>${PROBE}</script>${head}</head><body>${body}</body></html>`;
const widget = '<script type="module" src="/dist/credit-calculator.js"></script>';
/** A month with a credit due (the 30 % tier), so a changed fee changes the credit. */
const VALUES = `values='{"availability":"98.5"}'`;

function pages(rules: string, playgroundEntry: string): Record<string, string> {
  const inline = `<script type="text/credit-rules">\n${rules}\n</script>`;
  const many = Array.from({ length: INSTANCES }, (_, i) => `<credit-calculator id="c${i + 1}" src="/rules.json" ${VALUES} compact></credit-calculator>`).join('\n');
  return {
    '/precompiled.html': page(`<credit-calculator id="c1" src="/rules.json" ${VALUES}></credit-calculator>${widget}`),
    '/inline.html': page(`<credit-calculator id="c1" ${VALUES}>${inline}</credit-calculator>${widget}`),
    '/many.html': page(`${many}${widget}`),
    '/playground.html': page(`<credit-playground storage-key="" ignore-hash templates-base="/examples/"></credit-playground><script type="module" src="/playground/${playgroundEntry}"></script>`),
    // As before the worker: without \`Worker\`, the playground compiles on the page.
    '/playground-on-page.html': page(`<script>delete window.Worker;</script><credit-playground storage-key="" ignore-hash templates-base="/examples/"></credit-playground><script type="module" src="/playground/${playgroundEntry}"></script>`),
    // At the limits, the draft is kept in local storage, as a visitor's is.
    '/large.html': page(`<credit-playground storage-key="bench-large-draft" ignore-hash templates-base="/examples/"></credit-playground><script type="module" src="/playground/${playgroundEntry}"></script>`),
    ...Object.fromEntries(LOAD_WAYS.map((way) => [`/large-widget-${way}.html`, page(
      `${way.endsWith('page') ? '<script>delete window.Worker;</script>' : ''}<credit-calculator id="big" src="/large.${way.startsWith('json') ? 'json' : 'credit'}" panels="all" values='{"a":"99.85"}'></credit-calculator>${widget}`)])),
    '/many-inputs.html': page(`<credit-calculator id="big" src="/many-inputs.json" values='{"a":"99.85"}'></credit-calculator>${widget}`),
    '/large-widget.html': page(`<credit-calculator id="big" src="/large.json" panels="all" values='{"a":"99.85"}'></credit-calculator>${widget}`),
    '/large-widget-non-table.html': page(`<credit-calculator id="big" src="/large-non-table.json" panels="all" values='{"a":"99.85"}'></credit-calculator>${widget}`),
    '/large-on-page.html': page(`<script>delete window.Worker;</script><credit-playground storage-key="bench-large-draft" ignore-hash templates-base="/examples/"></credit-playground><script type="module" src="/playground/${playgroundEntry}"></script>`),
  };
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.credit': 'text/plain', '.css': 'text/css' };

function serve(html: Record<string, string>, json: string, largeJson: string, largeText: string, nonTableJson: string, manyInputsJson: string): Server {
  return createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    const send = (type: string, body: string | Buffer) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (html[path]) return send('text/html', html[path]);
    if (path === '/rules.json') return send('application/json', json);
    if (path === '/large.json') return send('application/json', largeJson);
    if (path === '/large-non-table.json') return send('application/json', nonTableJson);
    if (path === '/many-inputs.json') return send('application/json', manyInputsJson);
    if (path === '/large.credit') return send('text/plain', largeText);
    // The playground's worker is emitted into assets/, addressed from the origin's root.
    for (const [prefix, dir] of [['/dist/', dist], ['/playground/', playgroundDir], ['/assets/', join(playgroundDir, 'assets')], ['/examples/', join(root, 'examples')]] as const) {
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (path.startsWith(prefix) && file.startsWith(dir) && existsSync(file)) return send(TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    }
    res.writeHead(404).end();
  });
}

/** A production build of the playground component (what `npm start` serves, minified). */
async function buildPlayground(): Promise<string> {
  await bundleLibrary(join(root, 'src/playground/credit-playground.ts'), playgroundDir, 'credit-playground.js');
  return 'credit-playground.js';
}

async function findChromium(): Promise<{ path: string; args: string[] } | string> {
  try {
    // @ts-expect-error: a plain JavaScript config module
    const config = (await import('../web-test-runner.config.mjs')) as { chromePath(): string; chromiumArgs: string[] };
    return { path: config.chromePath(), args: config.chromiumArgs };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Puts a known value into the first number field of `#id` and returns how to
 * change it with one key press so that the credit changes: the character at
 * `index` alternates between two digits. The pages set availability to 98.5 %
 * (the 30 % tier), so a fee of 1,000 ↔ 2,000 USD changes the credit, as does
 * availability 99.5 % (10 %) ↔ 98.5 % (30 %).
 */
async function prepareField(p: Page, id: string, first: InputInfo): Promise<{ index: number; digits: [string, string] }> {
  const field = p.locator(`#${id} input[part=input]`).first();
  await field.click();
  await p.keyboard.press('ControlOrMeta+A');
  if (first.kind === 'money') {
    await p.keyboard.type('1000');
    return { index: 0, digits: ['2', '1'] };
  }
  if (first.kind === 'percent') {
    await p.keyboard.type('99.5');
    return { index: 1, digits: ['8', '9'] };
  }
  throw new Error(`the first field of ${PROGRAM} is a ${first.kind}; the bench knows how to change money and percent fields`);
}

async function inputChanges(p: Page, id: string, first: InputInfo, changes: number): Promise<{ updated: number[]; frame: number[] }> {
  const { index, digits } = await prepareField(p, id, first);
  const field = p.locator(`#${id} input[part=input]`).first();
  const updated: number[] = [];
  const frame: number[] = [];
  for (let k = 0; k < changes + 3; k++) {
    // Selecting is not the change being timed; the key press is.
    await field.evaluate((el: HTMLInputElement, i) => el.setSelectionRange(i, i + 1), index);
    await p.evaluate((sel) => (window as any).__bench.armInput(sel), `#${id}`);
    await p.keyboard.press(digits[k % 2]);
    const t = await within(`the credit of #${id} after a key press`, p.evaluate(() => (window as any).__bench.done as Promise<{ updated: number; frame: number }>));
    if (k >= 3) { // the first changes warm up the page's code
      updated.push(t.updated);
      frame.push(t.frame);
    }
  }
  return { updated, frame };
}

/** The 4,990-tier program, a comment line at its end to type into. */
const largeSource = () => `fee 1000 EUR monthly
input a: percent default 99% range 0%..100%
credit "Big" capped 50% yearly:
${Array.from({ length: LARGE_TIERS }, (_, i) => `  if a < ${(i % 1000) / 10}% then ${i % 97}%`).join('\n')}
# typed: `;

/**
 * A form of 3,500 inputs, about what the widget's 20,000 elements allow: the
 * fee, an availability the rules pay on, and 3,498 percentages, the last of
 * which the rules read too.
 */
const manyInputsSource = () => `fee 1000 EUR monthly
input a: percent "Availability" default 99% range 0%..100%
${Array.from({ length: MANY_INPUTS - 2 }, (_, i) => `input x${i}: percent "Value ${i}" default 50%`).join('\n')}
credit "Availability":
  if a < 99.9% then 10%
  if a < 99% then 25%
if x${MANY_INPUTS - 3} < 40% then 5%
`;

/**
 * 4,990 tiers that are no tier table: they pay now a share of the fee, now
 * the same amount in EUR. At 99.85 % every tier applies (the first pays
 * most: 13 %), at 99.95 % three in thirteen (3 %): `credit()` works out what
 * each that applies pays.
 */
const nonTableSource = () => `fee 1000 EUR monthly
input a: percent default 99% range 0%..100%
credit "Big" capped 50% yearly:
${Array.from({ length: LARGE_TIERS }, (_, i) => `  if a < ${(99.86 + (i % 13) * 0.01).toFixed(2)}% then ${i % 2 ? `${13 - (i % 13)}%` : `${(13 - (i % 13)) * 10} EUR`}`).join('\n')}
`;

/**
 * Key presses into the large program on `path`: key press → diagnostics, and
 * the main thread's long tasks until the panes settle. `into: 'comment'`
 * types letters into the comment at its end; `'tier'` types a digit into the
 * credit of its second tier and deletes it again (each press a new program,
 * which the preview evaluates).
 */
async function largePlayground(p: Page, origin: string, path: string, into: 'comment' | 'tier'): Promise<LargeFigures> {
  await p.goto(origin + path);
  await p.waitForFunction(() => customElements.get('credit-playground'), undefined, { timeout: 20_000 });
  await within('the large playground ready', p.evaluate(async ([source, tier]) => {
    const pg = document.querySelector('credit-playground') as any;
    await pg.ready;
    pg.source = source;
    // Drawn first, so that a check still under way shows as busy: without a worker it takes several idle tasks,
    // and a key press before it ends could make the text the draft restored from local storage again.
    await pg.updateComplete;
    while (pg.source !== source || pg.diagnostics.length < 1000 || pg.shadowRoot.querySelector('[aria-busy=true]')) await new Promise((r) => setTimeout(r, 20));
    // Before the `%` of line 5's credit, or at the end.
    pg.editor.dispatch({ selection: { anchor: tier ? pg.editor.state.doc.line(5).to - 1 : source.length } });
  }, [largeSource(), into === 'tier'] as const), 120_000);
  await p.locator('credit-playground .cm-content').focus();
  const diagnostics: number[] = [];
  const longest: number[] = [];
  const count: number[] = [];
  const total: number[] = [];
  for (let k = 0; k < LARGE_PRESSES + 1; k++) {
    await p.evaluate(() => (window as any).__bench.armLarge());
    await p.keyboard.press(into === 'tier' ? (k % 2 ? 'Backspace' : '5') : String.fromCharCode(97 + (k % 26)));
    const t = await within(`${path}: the large playground after a key press`, p.evaluate(() => (window as any).__bench.done as Promise<{ diagnostics: number; longest: number; count: number; total: number }>), 120_000);
    if (k >= 1) {
      diagnostics.push(t.diagnostics);
      longest.push(t.longest);
      count.push(t.count);
      total.push(t.total);
    }
  }
  return { diagnosticsMs: distribution(diagnostics), longestTaskMs: distribution(longest), longTasks: distribution(count), longTaskTotalMs: distribution(total) };
}

/**
 * Key presses in the widget showing the 4,990-tier program with every panel:
 * `'month'` changes the form's field (99.85 % ↔ 99.95 %: 89 % of the fee ↔
 * nothing, the tiers of this block pay), `'year'` March in the
 * year panel; each → the new credit (the month's, or March's in the year), and the
 * long tasks until the widget's idle-time work is done. `formField`: which of
 * the form's fields is typed into (0, the first: the fee).
 */
async function largeWidget(p: Page, origin: string, into: 'month' | 'year', path = '/large-widget.html', formField = 0): Promise<WidgetLargeFigures> {
  await p.goto(origin + path);
  await within('the large widget shown', p.evaluate(() => (window as any).__bench.rendered(1) as Promise<number>), 120_000);
  const field = into === 'month' ? p.locator('#big input[part=input]').nth(formField) : p.locator('#big [part~=year] input[aria-label$=", Mar"]');
  await field.click();
  await p.keyboard.press('ControlOrMeta+A');
  await p.keyboard.type('99.85');
  // March's credit: the year's total may not move, its yearly cap reached.
  const shown = into === 'month' ? '[part=amount]' : '.year tbody tr:nth-child(3) td';
  const figures = { shown: [] as number[], longest: [] as number[], count: [] as number[], total: [] as number[] };
  for (let k = 0; k < LARGE_PRESSES + 1; k++) {
    await field.evaluate((el: HTMLInputElement) => el.setSelectionRange(3, 4));
    await p.evaluate(([sel, what]) => (window as any).__bench.armWidget(sel, what), ['#big', shown] as const);
    await p.keyboard.press(k % 2 ? '8' : '9');
    const t = await within(`the large widget after a key press in the ${into}`, p.evaluate(() => (window as any).__bench.done as Promise<{ shown: number; longest: number; count: number; total: number }>), 120_000);
    if (k >= 1) {
      figures.shown.push(t.shown);
      figures.longest.push(t.longest);
      figures.count.push(t.count);
      figures.total.push(t.total);
    }
  }
  return { shownMs: distribution(figures.shown), longestTaskMs: distribution(figures.longest), longTasks: distribution(figures.count), longTaskTotalMs: distribution(figures.total) };
}

/** The large widget loading, `samples` times, each in a fresh context (empty cache): navigation start → credit shown, and the long tasks until its idle work is done. */
async function largeWidgetLoad(browser: Browser, origin: string, way: LoadWay, samples: number): Promise<WidgetLoadFigures> {
  const figures = { shown: [] as number[], longest: [] as number[], count: [] as number[] };
  for (let s = 0; s < samples; s++) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(`${origin}/large-widget-${way}.html`);
    const t = await within(`the large widget loaded (${way})`, p.evaluate(() => (window as any).__bench.loaded('#big') as Promise<{ shown: number; longest: number; count: number }>), 120_000);
    figures.shown.push(t.shown);
    figures.longest.push(t.longest);
    figures.count.push(t.count);
    await context.close();
  }
  return { shownMs: distribution(figures.shown), longestTaskMs: distribution(figures.longest), longTasks: distribution(figures.count) };
}

/** The large playground's figures of the last run (bench/results.json), to print beside this run's. */
function previousLarge(): { large?: Record<'worker' | 'page', LargeFigures>; largeTier?: Record<'worker' | 'page', LargeFigures>; largeWidget?: Record<'month' | 'year', WidgetLargeFigures>; largeWidgetNonTable?: Record<'month' | 'year', WidgetLargeFigures>; largeWidgetLoad?: Record<LoadWay, WidgetLoadFigures>; manyInputs?: ManyInputsFigures; date?: string } {
  try {
    const results = JSON.parse(readFileSync(join(root, 'bench/results.json'), 'utf8')) as { machine?: { date?: string }; browser?: { large?: Record<'worker' | 'page', LargeFigures>; largeTier?: Record<'worker' | 'page', LargeFigures>; largeWidget?: Record<'month' | 'year', WidgetLargeFigures>; largeWidgetNonTable?: Record<'month' | 'year', WidgetLargeFigures>; largeWidgetLoad?: Record<LoadWay, WidgetLoadFigures>; manyInputs?: ManyInputsFigures } };
    return { ...results.browser, date: results.machine?.date };
  } catch {
    return {};
  }
}

/** Navigation start → `count` credits shown, and the longest task meanwhile and shortly after, `samples` times, each in a fresh context (empty cache). */
async function loadTimes(browser: Browser, origin: string, path: string, count: number, samples: number): Promise<{ times: number[]; longest: number[] }> {
  const times: number[] = [];
  const longest: number[] = [];
  for (let s = 0; s < samples; s++) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(origin + path);
    times.push(await within(`${path}: ${count} credit(s) shown`, p.evaluate((n) => (window as any).__bench.rendered(n) as Promise<number>, count)));
    longest.push(await p.evaluate(() => (window as any).__bench.longestTask() as Promise<number>));
    await context.close();
  }
  return { times, longest };
}

export async function browserSection(settings: Settings, log: (text: string) => void): Promise<BrowserFigures> {
  const found = await findChromium();
  if (typeof found === 'string') {
    log(`\nBrowser: not available (${found})`);
    return { available: false, reason: found };
  }
  if (!existsSync(join(dist, 'credit-calculator.js'))) return { available: false, reason: 'dist/ is not built' };
  const rules = example(PROGRAM);
  const program = compile(rules).program!;
  const json = JSON.stringify(program.toJSON());
  const first = program.inputs[0];
  const entry = await buildPlayground();
  // Each key press adds a letter to a label (inside its closing quote), or to a comment line when no line ends in a label.
  const generated = generateProgram(PLAYGROUND_LINES);
  const labelled = generated.split('\n').findIndex((l) => /^[a-z].*"$/.test(l));
  const playgroundSource = labelled >= 0 ? generated : `# typed into: \n${generated}`;
  const typedLine = labelled >= 0 ? labelled + 1 : 1;
  const typedText = playgroundSource.split('\n')[typedLine - 1];
  const typedColumn = labelled >= 0 ? typedText.length : typedText.length + 1;

  const largeJson = JSON.stringify(compile(largeSource()).program!.toJSON());
  const server = serve(pages(rules, entry), json, largeJson, largeSource(), JSON.stringify(compile(nonTableSource()).program!.toJSON()), JSON.stringify(compile(manyInputsSource()).program!.toJSON()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: found.path, args: found.args });
  const samples = settings.coldRuns;
  const changes = Math.max(30, settings.runs * 6);
  try {
    const step = (what: string) => process.stderr.write(`  browser: ${what}\n`);
    step('load, precompiled');
    const loadPrecompiled = await loadTimes(browser, origin, '/precompiled.html', 1, samples);
    step('load, inline rules');
    const loadInline = await loadTimes(browser, origin, '/inline.html', 1, samples);
    step(`load, ${INSTANCES} instances`);
    const manyRendered = await loadTimes(browser, origin, '/many.html', INSTANCES, samples);

    const p = await browser.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    step('input → result');
    await p.goto(`${origin}/precompiled.html`);
    await within('precompiled page shown', p.evaluate(() => (window as any).__bench.rendered(1)));
    const input = await inputChanges(p, 'c1', first, changes);

    step(`input → result with ${INSTANCES} instances`);
    await p.goto(`${origin}/many.html`);
    await within('many page shown', p.evaluate((n) => (window as any).__bench.rendered(n), INSTANCES));
    const manyInput = await inputChanges(p, `c${INSTANCES / 2}`, first, changes);

    step(`playground, ${PLAYGROUND_LINES} lines`);
    await p.goto(`${origin}/playground.html`);
    await p.waitForFunction(() => customElements.get('credit-playground'), undefined, { timeout: 20_000 });
    await within('the playground ready', p.evaluate(async (source) => {
      const pg = document.querySelector('credit-playground') as any;
      await pg.ready;
      pg.source = source;
      await pg.updateComplete;
    }, playgroundSource));
    await p.evaluate(([line, column]) => (document.querySelector('credit-playground') as any).jumpTo(line, column), [typedLine, typedColumn]);
    await p.locator('credit-playground .cm-content').focus();
    const pgCompile: number[] = [];
    const pgDiagnostics: number[] = [];
    const pgPreview: number[] = [];
    for (let k = 0; k < changes + 3; k++) {
      await p.evaluate(() => (window as any).__bench.armPlayground());
      await p.keyboard.press(String.fromCharCode(97 + (k % 26)));
      const t = await within('the playground after a key press', p.evaluate(() => (window as any).__bench.done as Promise<{ compile: number; diagnostics: number; preview: number }>));
      if (k >= 3) {
        pgCompile.push(t.compile);
        pgDiagnostics.push(t.diagnostics);
        pgPreview.push(t.preview);
      }
    }
    const typed = await p.evaluate((line) => (document.querySelector('credit-playground') as any).source.split('\n')[line - 1] as string, typedLine);
    if (typed.length !== typedText.length + changes + 3) throw new Error(`the playground's text did not receive the key presses: ${typed}`);
    step(`playground, ${LARGE_TIERS.toLocaleString('en')} tiers, compiled in the worker and on the page`);
    const previous = previousLarge();
    const large = { worker: await largePlayground(p, origin, '/large.html', 'comment'), page: await largePlayground(p, origin, '/large-on-page.html', 'comment') };
    const largeTier = { worker: await largePlayground(p, origin, '/large.html', 'tier'), page: await largePlayground(p, origin, '/large-on-page.html', 'tier') };
    step(`widget, ${LARGE_TIERS.toLocaleString('en')} tiers, every panel: the form's month and the year panel`);
    const largeWidgetFigures = { month: await largeWidget(p, origin, 'month'), year: await largeWidget(p, origin, 'year') };
    step(`widget, ${LARGE_TIERS.toLocaleString('en')} tiers that are no tier table, every panel: the form's month and the year panel`);
    const nonTable = '/large-widget-non-table.html';
    // The form's second field, its availability: the first is the fee, which does not change which tier pays most.
    const largeWidgetNonTable = { month: await largeWidget(p, origin, 'month', nonTable, 1), year: await largeWidget(p, origin, 'year', nonTable) };
    step(`widget, ${LARGE_TIERS.toLocaleString('en')} tiers, every panel: loading, from JSON and from text, with the worker and on the page`);
    const largeWidgetLoadFigures = {} as Record<LoadWay, WidgetLoadFigures>;
    for (const way of LOAD_WAYS) largeWidgetLoadFigures[way] = await largeWidgetLoad(browser, origin, way, samples);
    step(`widget, a form of ${MANY_INPUTS.toLocaleString('en')} inputs: loading, and key presses in its second field`);
    const manyInputsLoad = await loadTimes(browser, origin, '/many-inputs.html', 1, samples);
    const manyInputs = { loadMs: distribution(manyInputsLoad.times), loadLongestTaskMs: distribution(manyInputsLoad.longest), month: await largeWidget(p, origin, 'month', '/many-inputs.html', 1) };
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

    const figures: BrowserFigures = {
      available: true,
      chromium: browser.version(),
      loadPrecompiledMs: distribution(loadPrecompiled.times),
      loadPrecompiledLongestTaskMs: distribution(loadPrecompiled.longest),
      loadInlineMs: distribution(loadInline.times),
      loadInlineLongestTaskMs: distribution(loadInline.longest),
      inputMs: distribution(input.updated),
      inputFrameMs: distribution(input.frame),
      manyRenderedMs: distribution(manyRendered.times),
      manyInputMs: distribution(manyInput.updated),
      playgroundCompileMs: distribution(pgCompile),
      playgroundDiagnosticsMs: distribution(pgDiagnostics),
      playgroundPreviewMs: distribution(pgPreview),
      large,
      largeTier,
      largeWidget: largeWidgetFigures,
      largeWidgetNonTable,
      largeWidgetLoad: largeWidgetLoadFigures,
      manyInputs,
    };
    const row = (what: string, d: Distribution) => [what, duration(d.median), duration(d.p95), String(d.samples)];
    log(table(`Browser: Chromium ${figures.chromium}, ${PROGRAM}, dist/ served by node http (times measured in the page)`, ['figure', 'median', 'p95', 'samples'], [
      row('load → first credit shown, precompiled JSON (from navigation start)', figures.loadPrecompiledMs),
      row('load → first credit shown, inline rules text (fetches the parser)', figures.loadInlineMs),
      row('load, precompiled JSON: longest task (0: none over 50 ms)', figures.loadPrecompiledLongestTaskMs!),
      row('load, inline rules text: longest task (0: none over 50 ms)', figures.loadInlineLongestTaskMs!),
      row('key press in the first number field → new credit in the DOM', figures.inputMs),
      row('key press → next frame after the new credit', figures.inputFrameMs),
      row(`${INSTANCES} instances: load → all show a credit`, figures.manyRenderedMs),
      row(`${INSTANCES} instances: key press in one → its new credit`, figures.manyInputMs),
      row(`playground, ${PLAYGROUND_LINES} lines: compile (performance.measure)`, figures.playgroundCompileMs),
      row(`playground, ${PLAYGROUND_LINES} lines: key press → diagnostics shown`, figures.playgroundDiagnosticsMs),
      row(`playground, ${PLAYGROUND_LINES} lines: key press → preview rendered`, figures.playgroundPreviewMs),
    ]));
    const tiers = `${LARGE_TIERS.toLocaleString('en')} tiers`;
    const was = (figures?: LargeFigures, pick?: (f: LargeFigures) => Distribution | undefined, what: 'median' | 'p95' = 'median') => {
      const d = figures && pick?.(figures);
      return d ? (pick === count ? d[what].toFixed(1) : duration(d[what])) : '—';
    };
    const count = (f: LargeFigures) => f.longTasks;
    const rows = (name: string, now: Record<'worker' | 'page', LargeFigures>, before?: Record<'worker' | 'page', LargeFigures>) => {
      const line = (what: string, pick: (f: LargeFigures) => Distribution | undefined, q: 'median' | 'p95' = 'median') =>
        [`${tiers}, ${name}: ${what}`, was(now.worker, pick, q), was(before?.worker, pick, q), was(now.page, pick, q), was(before?.page, pick, q), String(now.worker.diagnosticsMs.samples)];
      return [
        line('key press → diagnostics shown (median)', (f) => f.diagnosticsMs),
        line('longest main-thread task until the panes settle (median)', (f) => f.longestTaskMs),
        line('longest main-thread task (p95)', (f) => f.longestTaskMs, 'p95'),
        line('tasks over 50 ms per key press (median)', count),
        line('tasks over 50 ms per key press (p95)', count, 'p95'),
        line('time in tasks over 50 ms per key press (median)', (f) => f.longTaskTotalMs),
        line('time in tasks over 50 ms per key press (p95)', (f) => f.longTaskTotalMs, 'p95'),
      ];
    };
    log(table(`Playground at the limits (${tiers} in one block, kept in local storage): key presses into a comment and into a tier's credit, compiled in the worker and, as before it, on the page; "previous" is the last bench/results.json${previous.date ? ` (${previous.date.slice(0, 16)})` : ''}`,
      ['figure', 'worker', 'worker, previous', 'on the page', 'on the page, previous', 'samples'], [
        ...rows('a comment', large, previous.large),
        ...rows("a tier's credit", largeTier, previous.largeTier),
      ]));
    const widgetRows = (name: string, f: WidgetLargeFigures, before?: WidgetLargeFigures, size = tiers) => {
      const line = (what: string, pick: (f: WidgetLargeFigures) => Distribution, q: 'median' | 'p95', show = duration) =>
        [`${size}, ${name}: ${what}`, show(pick(f)[q]), before ? show(pick(before)[q]) : '—', String(pick(f).samples)];
      const many = (n: number) => n.toFixed(1);
      return [
        line('key press → new credit shown (median)', (x) => x.shownMs, 'median'),
        line('longest task over 50 ms until idle work is done, 0 if none (median)', (x) => x.longestTaskMs, 'median'),
        line('longest task over 50 ms (p95)', (x) => x.longestTaskMs, 'p95'),
        line('tasks over 50 ms per key press (median)', (x) => x.longTasks, 'median', many),
        line('tasks over 50 ms per key press (p95)', (x) => x.longTasks, 'p95', many),
      ];
    };
    log(table(`Widget at the limits (${tiers} in one block, precompiled, every panel): key presses in the form's field and in March of the year panel; "previous" is the last bench/results.json`,
      ['figure', 'now', 'previous', 'samples'], [
        ...widgetRows("the form's month", largeWidgetFigures.month, previous.largeWidget?.month),
        ...widgetRows('a month of the year panel', largeWidgetFigures.year, previous.largeWidget?.year),
      ]));
    log(table(`Widget at the limits, no tier table (${tiers} in one block paying now a share, now an amount, most of them applying; precompiled, every panel): key presses in the form's field and in March of the year panel; "previous" is the last bench/results.json`,
      ['figure', 'now', 'previous', 'samples'], [
        ...widgetRows("the form's month", largeWidgetNonTable.month, previous.largeWidgetNonTable?.month),
        ...widgetRows('a month of the year panel', largeWidgetNonTable.year, previous.largeWidgetNonTable?.year),
      ]));
    const loadRows = LOAD_WAYS.map((way) => {
      const now = largeWidgetLoadFigures[way];
      const before = previous.largeWidgetLoad?.[way];
      const pair = (pick: (f: WidgetLoadFigures) => Distribution, q: 'median' | 'p95', show = duration) => [show(pick(now)[q]), before ? show(pick(before)[q]) : '—'];
      return [LOAD_NAMES[way], ...pair((f) => f.shownMs, 'median'), ...pair((f) => f.longestTaskMs, 'median'), ...pair((f) => f.longestTaskMs, 'p95'), ...pair((f) => f.longTasks, 'median', (n) => n.toFixed(1)), String(now.shownMs.samples)];
    });
    log(table(`Widget at the limits, loading (${tiers} in one block, every panel): navigation start → first credit shown, and the tasks over 50 ms until its idle-time work is done; "previous" is the last bench/results.json`,
      ['rules', 'shown (median)', 'previous', 'longest task (median)', 'previous', 'longest task (p95)', 'previous', 'tasks over 50 ms (median)', 'previous', 'samples'], loadRows));
    const inputs = `${MANY_INPUTS.toLocaleString('en')} inputs`;
    const loadLine = (what: string, pick: (f: ManyInputsFigures) => Distribution, q: 'median' | 'p95') =>
      [`${inputs}: ${what}`, duration(pick(manyInputs)[q]), previous.manyInputs ? duration(pick(previous.manyInputs)[q]) : '—', String(pick(manyInputs).samples)];
    log(table(`Widget with a form of ${inputs} (precompiled, the default panels; a field drawn 50 at a time in idle tasks): loading, and key presses in its second field; "previous" is the last bench/results.json`,
      ['figure', 'now', 'previous', 'samples'], [
        loadLine('load → first credit shown (median)', (f) => f.loadMs, 'median'),
        loadLine('load: longest task, 0 if none over 50 ms (median)', (f) => f.loadLongestTaskMs, 'median'),
        loadLine('load: longest task (p95)', (f) => f.loadLongestTaskMs, 'p95'),
        ...widgetRows("the form's second field", manyInputs.month, previous.manyInputs?.month, inputs),
      ]));
    return figures;
  } finally {
    await browser.close();
    server.close();
  }
}
