/**
 * The standalone widget bundle (`npm run build` first): its size budgets, in
 * bytes of `gzip -9`, and the bundle in Chromium on pages served the way real
 * sites serve them — a strict Content Security Policy, a precompiled program
 * that must not pull in the parser, the module loaded twice — and every
 * shipped example computed by the bundle itself as the library computes it.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, normalize, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright';
import { compile } from '../../src/index.js';
// @ts-expect-error: a plain JavaScript config module
import { chromePath, chromiumArgs } from '../../web-test-runner.config.mjs';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');
const KiB = 1024;

const rules = readFileSync(join(root, 'test/widget/fixtures/uptime.credit'), 'utf8');
const indented = rules.split('\n').map((l) => `      ${l}`).join('\n');
const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>test</title></head><body>${body}</body></html>`;
const shipped = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.credit'));
const pages: Record<string, string> = {
  // Each shipped program twice: as rules text (the parser chunk) and precompiled (the runtime alone).
  '/examples.html': page(`${shipped.map((f) => `
    <credit-calculator data-file="${f}" data-as="text" src="/examples/${f}"></credit-calculator>
    <credit-calculator data-file="${f}" data-as="json" src="/examples/${f}.json"></credit-calculator>`).join('')}
    <script type="module" src="/dist/credit-calculator.js"></script>`),
  '/csp.html': page(`
    <credit-calculator id="inline"><script type="text/credit-rules">\n${indented}\n    </script></credit-calculator>
    <credit-calculator id="json" src="/rules.json"></credit-calculator>
    <script type="module" src="/dist/credit-calculator.js"></script>`),
  '/precompiled.html': page(`<credit-calculator src="/rules.json"></credit-calculator><script type="module" src="/dist/credit-calculator.js"></script>`),
  // The same calculator with its rules as text: the parser's page.
  '/text.html': page(`<credit-calculator><script type="text/credit-rules">\n${indented}\n    </script></credit-calculator><script type="module" src="/dist/credit-calculator.js"></script>`),
  // Two plans under the same strict policy: one inline, one by src.
  '/compare.html': page(`
    <credit-compare id="plans">
      <script type="text/credit-rules" data-plan="Standard" src="/examples/uptime-tiers.credit"></script>
      <script type="text/credit-rules" data-plan="Inline">\n${indented}\n    </script>
    </credit-compare>
    <script type="module" src="/dist/credit-compare.js"></script>`),
  '/many.html': page(`<div id="many"></div><script type="module" src="/dist/credit-calculator.js"></script>`),
  '/twice.html': page(`<credit-calculator src="/rules.json"></credit-calculator>
    <script type="module" src="/dist/credit-calculator.js"></script><script type="module" src="/dist/credit-calculator.js?copy"></script>`),
  '/breakdown.html': page(`<credit-calculator panels="breakdown" src="/rules.json"></credit-calculator><script type="module" src="/dist/credit-calculator.js"></script>`),
};
pages['/breakdown-de.html'] = pages['/breakdown.html'].replace('lang="en"', 'lang="de"');
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";

function serve(): Server {
  const json = JSON.stringify(compile(rules).program!.toJSON());
  return createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    const send = (type: string, body: string | Buffer) => {
      res.writeHead(200, { 'content-type': type, 'content-security-policy': CSP });
      res.end(body);
    };
    if (pages[path]) return send('text/html', pages[path]);
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (path === '/rules.json') return send('application/json', json);
    const example = /^\/examples\/([\w-]+\.credit)(\.json)?$/.exec(path);
    if (example && shipped.includes(example[1])) {
      const text = readFileSync(join(root, 'examples', example[1]), 'utf8');
      return example[2] ? send('application/json', JSON.stringify(compile(text).program!.toJSON())) : send('text/plain', text);
    }
    const file = normalize(join(root, path));
    if (path.startsWith('/dist/') && file.startsWith(dist) && existsSync(file)) return send('text/javascript', readFileSync(file));
    res.writeHead(404).end();
  });
}

/** The entry and every chunk it imports statically, as the size report counts them (vite.config.ts). */
function staticGraph(entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  for (const m of readFileSync(entry, 'utf8').matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']([^"']+)["']/g)) {
    staticGraph(join(dirname(entry), m[1]), seen);
  }
  return [...seen];
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

describe('the built widget', () => {
  let server: Server;
  let browser: Browser;
  let origin: string;

  before(async () => {
    assert.ok(existsSync(join(dist, 'credit-calculator.js')), 'run `npm run build` first');
    server = serve();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: chromePath(), args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(path: string, prepare?: (p: Page) => Promise<unknown>) {
    const p: Page = await browser.newPage();
    await prepare?.(p);
    const log: { type: string; text: string }[] = [];
    const requests: string[] = [];
    p.on('console', (m) => log.push({ type: m.type(), text: m.text() }));
    p.on('pageerror', (e) => log.push({ type: 'pageerror', text: String(e) }));
    p.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await p.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await p.goto(origin + path);
    return { page: p, log, requests };
  }

  const total = (p: Page, id?: string) =>
    p.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('[part=amount]')?.textContent, id ? `#${id}` : 'credit-calculator')
      .then((h) => h.jsonValue() as Promise<string>);

  /**
   * What a page loads before the user does anything, as Chromium fetched it:
   * the default first view of `path` (every default panel, the chart traced),
   * until the network is idle — the entry, its static imports, and any chunk
   * the first render imports dynamically. A chunk fired at once counts.
   */
  async function firstView(path: string): Promise<string[]> {
    const { page: p, requests } = await open(path);
    await total(p);
    await p.waitForFunction(() => document.querySelector('credit-calculator')?.shadowRoot?.querySelector('[part=chart-svg]'));
    await p.waitForLoadState('networkidle');
    await p.close();
    return [...new Set(requests.filter((r) => r.startsWith('/dist/') && r.endsWith('.js')).map((r) => join(root, r)))].sort();
  }
  const described = (label: string, loaded: readonly string[]) => {
    const size = loaded.reduce((s, f) => s + gz(f), 0);
    console.log(`${label} ${(size / KiB).toFixed(1)} KiB gzip -9: ${loaded.map((f) => `${relative(dist, f)} ${(gz(f) / KiB).toFixed(1)} KiB`).join(', ')}`);
    return size;
  };
  const compilerChunk = () => files(join(dist, 'chunks')).filter((f) => relative(dist, f).startsWith('chunks/compiler-'));

  // The size report of `npm run build` (dist/sizes.json) counts the runtime as the entry and
  // its static imports, and "with the parser" as those and the parser chunk: true only while
  // the first view imports nothing more. Pinned here, in the browser.
  it('loads, for the first view of a precompiled program, only the entry and its static imports', async () => {
    assert.deepEqual(await firstView('/precompiled.html'), staticGraph(join(dist, 'credit-calculator.js')).sort());
  });

  it('loads, for the first view of rules as text, only those and the parser chunk', async () => {
    assert.deepEqual(await firstView('/text.html'), [...staticGraph(join(dist, 'credit-calculator.js')), ...compilerChunk()].sort());
  });

  // Issues 3 and 17. "Runtime": everything a page with a precompiled program loads before the
  // user does anything (above). "With the parser": the same for rules as text. Chunks loaded
  // only on the user's request would count in neither; there are none today. Sizes are bytes of
  // `gzip -9`; KiB = 1024 bytes.
  //
  // Both budgets are `todo`: the calculator measures 61.8 KiB (runtime) and 106.0 KiB (with the
  // parser), 2026-12-07, language version 2. Where the bytes go (`npm run bench -- --only=sizes`:
  // each part's code, found by the source map, cut out of the minified file and the rest gzipped
  // again; the parts add up to about the whole): the runtime is decimal.js 12.4 KiB (it cannot be
  // tree-shaken: every method sits on one prototype), Lit 5.5, the language 19.3 (evaluator,
  // plan, run and trace 10.3; the saved-program reader 5.2; AST, decimals, formats, limits 3.6),
  // the "why" in words 3.4 (render/why.ts), the widget 18.5 (element, panels, form, chart 12.8;
  // styles 3.2; its words in English and German 2.5). What the default first view (breakdown,
  // why in words, chart with downtime, examples) never shows measures little: the German words
  // of widget and "why" 1.8 KiB, the year, share and print panels 0.9 (each cut out and measured;
  // loaded on demand, the panels save 0.5). decimal.js, Lit, the widget and the words without
  // those are 37.1 KiB before any of the language's runtime: 35 KiB cannot hold that view,
  // however the code is split. The parser chunk (44.1) is chevrotain 27.5, the checker 5.0 (its
  // drafting warnings, 4.5, are left out: `credit-rules/compiler` does not lint), the parser, AST
  // builder, lexer, tokens and messages 11.0: with a 35 KiB runtime the parser's page would still
  // load 79.1. The build is minified as far as maintained tools go (terser; Lit's
  // template and CSS minifier; terser's unsafe options or oxc save 0.1 KiB at most).
  const OVER_BUDGET = 'over budget without the build hacks removed in issue 17; see the comment above';

  it('keeps the runtime for a precompiled program within 35 KiB gzip -9', { todo: OVER_BUDGET }, async () => {
    const size = described('runtime', await firstView('/precompiled.html'));
    assert.ok(size <= 35 * KiB, `runtime is ${(size / KiB).toFixed(1)} KiB gzip -9`);
  });

  it('keeps the runtime with the parser within 80 KiB gzip -9', { todo: OVER_BUDGET }, async () => {
    const size = described('with parser', await firstView('/text.html'));
    assert.ok(size <= 80 * KiB, `runtime with parser is ${(size / KiB).toFixed(1)} KiB gzip -9`);
  });

  it('adds at most 8 KiB gzip -9 for <credit-compare>, which shares the calculator\'s runtime', () => {
    const own = gz(join(dist, 'credit-compare.js'));
    assert.deepEqual(staticGraph(join(dist, 'credit-compare.js')).map((f) => relative(dist, f)), ['credit-compare.js', 'credit-calculator.js']);
    assert.ok(own <= 8 * KiB, `credit-compare.js is ${(own / KiB).toFixed(1)} KiB gzip -9`);
  });

  it('compares plans on a page whose policy is script-src \'self\', with no violation', async () => {
    const { page: p, log } = await open('/compare.html');
    const rows = await p.waitForFunction(() => {
      const cells = [...(document.querySelector('#plans')?.shadowRoot?.querySelectorAll('[part=plans] tbody th') ?? [])];
      return cells.length === 2 && cells.map((c) => c.textContent!.trim());
    }, undefined, { timeout: 20_000 }).then((h) => h.jsonValue());
    assert.deepEqual(rows, ['Standard', 'Inline']);
    const problems = log.filter((l) => l.type === 'error' || l.type === 'pageerror' || /Content.Security|CSP/i.test(l.text));
    assert.deepEqual(problems, []);
    await p.close();
  });

  it('computes every example of every shipped program as the library does, from rules text and precompiled', async () => {
    const { page: p, log } = await open('/examples.html');
    await p.waitForFunction(() => [...document.querySelectorAll('credit-calculator')].every((el) => (el as unknown as { loadedProgram?: unknown }).loadedProgram || el.shadowRoot?.querySelector('[part=problems]')), undefined, { timeout: 20_000 });
    type Outcome = { credit?: unknown; outputs?: unknown; diagnostics?: unknown };
    // The bundle against the library: every example's inputs, evaluated in both.
    const results = await p.evaluate(() =>
      [...document.querySelectorAll('credit-calculator')].map((el) => {
        type Evaluation = { ok: boolean; result?: { credit: unknown; outputs: unknown }; diagnostics: { message: string }[] };
        const program = (el as unknown as { loadedProgram?: { examples: { inputs: unknown }[]; evaluate(v: unknown): Evaluation } }).loadedProgram;
        const outcomes = (program?.examples ?? []).map((e): Outcome => {
          const r = program!.evaluate(e.inputs);
          return r.ok ? { credit: r.result!.credit, outputs: r.result!.outputs } : { diagnostics: r.diagnostics.map((d) => d.message) };
        });
        return { file: (el as HTMLElement).dataset.file!, as: (el as HTMLElement).dataset.as!, loaded: !!program, outcomes };
      }));
    assert.equal(results.length, shipped.length * 2);
    for (const r of results) {
      assert.ok(r.loaded, `${r.file} (${r.as}) loads`);
      const library = compile(readFileSync(join(root, 'examples', r.file), 'utf8')).program!;
      assert.ok(library.runExamples().every((e) => e.passed), `${r.file}: the library passes its examples`);
      const expected = library.examples.map((e): Outcome => {
        const x = library.evaluate(e.inputs);
        return x.ok ? { credit: x.result.credit, outputs: x.result.outputs } : { diagnostics: x.diagnostics.map((d) => d.message) };
      });
      assert.ok(expected.length > 0, `${r.file} has examples`);
      assert.deepEqual(r.outcomes, expected, `${r.file} (${r.as})`);
    }
    assert.deepEqual(log.filter((l) => l.type === 'pageerror' || l.type === 'error'), []);
    await p.close();
  });

  it('holds no eval and no new Function', () => {
    for (const f of files(dist).filter((f) => f.endsWith('.js'))) assert.doesNotMatch(readFileSync(f, 'utf8'), /\beval\(|new Function\b/, f);
  });

  it("works on a page whose policy is script-src 'self', with no violation", async () => {
    const { page: p, log } = await open('/csp.html');
    assert.equal(await total(p, 'inline'), '0.00\u00a0EUR');
    assert.equal(await total(p, 'json'), '0.00\u00a0EUR');
    const problems = log.filter((l) => l.type === 'error' || l.type === 'pageerror' || /Content.Security|CSP/i.test(l.text));
    assert.deepEqual(problems, []);
    await p.close();
  });

  it('never fetches the parser for a precompiled program', async () => {
    const { page: p, requests } = await open('/precompiled.html');
    assert.equal(await total(p), '0.00\u00a0EUR');
    assert.deepEqual(requests.filter((r) => r.includes('/chunks/compiler-')), []);
    await p.close();
  });

  it('renders 100 instances of a precompiled program, and answers input on one of them (figures printed)', async () => {
    const { page: p, log } = await open('/many.html');
    // Plain JavaScript as text: tsx would wrap named functions in a helper the page does not have.
    const figures = (await p.evaluate(`(async () => {
      await customElements.whenDefined('credit-calculator');
      const host = document.getElementById('many');
      const started = performance.now();
      for (let i = 0; i < 100; i++) host.insertAdjacentHTML('beforeend', '<credit-calculator id="c' + i + '" src="/rules.json"></credit-calculator>');
      const els = [...host.children];
      const amounts = () => els.map((el) => el.shadowRoot?.querySelector('[part=amount]')?.textContent);
      while (amounts().some((a) => !a)) await new Promise((r) => setTimeout(r, 5));
      const allRendered = performance.now() - started;
      const input = els[57].shadowRoot.querySelector('#f1');
      const typed = performance.now();
      input.value = '99.4';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await els[57].updateComplete;
      const inputToResult = performance.now() - typed;
      return { allRendered, inputToResult, amount: amounts()[57], neighbour: amounts()[58] };
    })()`)) as { allRendered: number; inputToResult: number; amount: string; neighbour: string };
    console.log(`[100 instances, built bundle] all rendered in ${figures.allRendered.toFixed(0)} ms; input → result on one of them in ${figures.inputToResult.toFixed(1)} ms`);
    assert.equal(figures.amount, '250.00\u00a0EUR');
    assert.equal(figures.neighbour, '0.00\u00a0EUR');
    assert.deepEqual(log.filter((l) => l.type === 'pageerror' || l.type === 'error'), []);
    await p.close();
  });

  it('says so, and keeps the page free of errors, when the parser chunk cannot be loaded', async () => {
    // A deployment that forgot a file: rules as text need the parser chunk, which answers 404.
    const { page: p, log } = await open('/csp.html', (page) => page.route('**/chunks/compiler-*', (route) => route.fulfill({ status: 404 })));
    assert.equal(await total(p, 'json'), '0.00\u00a0EUR', 'a precompiled program does not need the chunk');
    const problem = await p.waitForFunction(() => document.querySelector('#inline')?.shadowRoot?.querySelector('[part=problems]')?.textContent)
      .then((h) => h.jsonValue() as Promise<string>);
    assert.match(problem, /could not be loaded/);
    assert.deepEqual(log.filter((l) => l.type === 'pageerror'), []);
    await p.close();
  });

  it('reads the tier that applies in words, in English and on a German page, apart from “applies”', async () => {
    // The minifier drops whitespace at the end of a template: the amount once read "APPLIES250.00 EUR".
    const winner = async (path: string, typed: string) => {
      const { page: p } = await open(path);
      try {
        await p.getByRole('textbox', { name: 'Monthly availability' }).click();
        await p.keyboard.press('Control+A');
        await p.keyboard.type(typed);
        // The tier below 99.5% applies from the “99” typed on.
        const tier = p.locator('credit-calculator .tier[data-winner]');
        await tier.waitFor();
        return (await tier.evaluate((li) => li.textContent!)).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
      } finally {
        await p.close();
      }
    };
    assert.equal(await winner('/breakdown.html', '99.4'), 'Your value for “Monthly availability” is below 99.5% applies 250.00 EUR');
    assert.equal(await winner('/breakdown-de.html', '99,4'), 'Ihr Wert für „Monthly availability“ liegt unter 99,5 % gilt 250,00 EUR');
  });

  it('warns, and keeps working, when the bundle is loaded twice', async () => {
    const { page: p, log } = await open('/twice.html');
    assert.equal(await total(p), '0.00\u00a0EUR');
    await p.waitForTimeout(100);
    assert.ok(log.some((l) => l.type === 'warning' && l.text.includes('already-defined')), JSON.stringify(log));
    assert.deepEqual(log.filter((l) => l.type === 'pageerror' || l.type === 'error'), []);
    await p.close();
  });
});
