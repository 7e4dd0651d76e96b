/**
 * The package as users get it: `npm pack` (which builds everything it ships),
 * the tarball installed from scratch into small apps under test/consumers/ —
 * Node (library, runtime, server-side import, CLI), TypeScript (`bundler` and
 * `node16`), Vite, React 19, Vue 3, the playground, and a plain HTML page
 * loading the bundle from another origin, as from a CDN — each built with its
 * own tools and driven in Chromium like a person: the credit shows, typing
 * changes it, the app hears `credit-change`. The apps' other dependencies come from the npm
 * registry, so this is what the README's snippets do on a fresh machine.
 * publint and arethetypeswrong check the tarball's entries and types.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright';
// @ts-expect-error: a plain JavaScript config module
import { chromePath, chromiumArgs } from '../../web-test-runner.config.mjs';

const root = new URL('../../', import.meta.url).pathname;
const fixtures = join(root, 'test/consumers');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
const work = mkdtempSync(join(tmpdir(), 'credit-rules-consumers-'));
const tarball = join(work, `credit-rules-${version}.tgz`);

/** Runs a command to its end; rejects with its output when it fails. */
function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, npm_config_update_notifier: 'false' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} in ${cwd} exited ${code}:\n${output}`))));
  });
}

/** A fixture copied out of the repository, with the tarball and its own dependencies installed. */
async function install(name: string): Promise<string> {
  const dir = join(work, name);
  cpSync(join(fixtures, name), dir, { recursive: true });
  await run('npm', ['install', '--no-audit', '--no-fund', tarball], dir);
  return dir;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** Serves a folder; `rewrite` edits HTML on the way, `cors` lets other origins load the files. */
async function serve(dir: string, options: { cors?: boolean; rewrite?: (html: string) => string } = {}): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const body = type === 'text/html' && options.rewrite ? options.rewrite(readFileSync(file, 'utf8')) : readFileSync(file);
    res.writeHead(200, { 'content-type': type, ...(options.cors ? { 'access-control-allow-origin': '*' } : {}) });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('the packed package in consumer apps', { timeout: 15 * 60_000 }, () => {
  let browser: Browser;
  const servers: Server[] = [];
  const installed = new Map<string, Promise<string>>();
  const ready = (name: string) => installed.get(name)!;

  before(async () => {
    await run('npm', ['pack', '--pack-destination', work], root);
    // Two installs at a time: each mostly waits on the registry and the disk.
    const lanes = [Promise.resolve(), Promise.resolve()];
    ['node', 'typescript', 'html', 'vite', 'react', 'vue', 'playground'].forEach((name, i) => {
      const done = lanes[i % 2].then(() => install(name));
      lanes[i % 2] = done.then(() => undefined, () => undefined);
      installed.set(name, done);
    });
    browser = await chromium.launch({ executablePath: chromePath(), args: chromiumArgs });
  });
  after(async () => {
    await Promise.allSettled([...installed.values()]);
    await browser?.close();
    for (const s of servers) s.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('ships what it documents: lib/, dist/, types, the manifest, LICENSE and CHANGELOG', async () => {
    const files = (await run('tar', ['-tzf', tarball], work)).split('\n');
    for (const f of ['package/dist/credit-calculator.js', 'package/lib/index.d.ts', 'package/lib/runtime.js', 'package/lib/compiler.js', 'package/lib/language-service.d.ts', 'package/lib/widget/credit-calculator.d.ts',
      'package/lib/react.d.ts', 'package/lib/react-playground.d.ts', 'package/lib/vue.d.ts', 'package/custom-elements.json', 'package/LICENSE', 'package/CHANGELOG.md']) {
      assert.ok(files.includes(f), `${f} is in the tarball`);
    }
  });

  it("the README shows the apps' code as it runs", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    // A file's snippet is all of it, or what follows a line `// As in the README:`.
    for (const file of ['vite/main.js', 'react/src/Sla.jsx', 'vue/src/App.vue', 'typescript/src/readme-library.ts', 'playground/src/Drafting.tsx']) {
      const snippet = readFileSync(join(fixtures, file), 'utf8').split('// As in the README:\n').at(-1)!.trim();
      assert.ok(readme.includes(snippet), `README shows test/consumers/${file} as it is`);
    }
  });

  it('passes publint and arethetypeswrong (ESM only)', async () => {
    await run('tar', ['-xzf', tarball, '-C', work], work);
    await run(join(root, 'node_modules/.bin/publint'), ['--strict', '--pack', 'false', join(work, 'package')], work);
    await run(join(root, 'node_modules/.bin/attw'), [tarball, '--profile', 'esm-only'], work);
  });

  it('Node: compiles, loads a precompiled program, imports and renders the widget on a server, and runs the CLI', async () => {
    const dir = await ready('node');
    assert.match(await run('node', ['main.js'], dir), /node consumer: ok/);
    assert.match(await run('node', ['ssr.js'], dir), /server render: ok/);
    const bin = join(dir, 'node_modules/.bin/credit-rules');
    assert.equal((await run(bin, ['--version'], dir)).trim(), version);
    const example = join(dir, 'node_modules/credit-rules/examples/one-liner.credit');
    assert.match(await run(bin, ['eval', example, '--set', 'availability=99.2%', '--set', 'fee=1000 EUR'], dir), /Credit: 100\.00 EUR/);
  });

  it('TypeScript: the snippets type-check with moduleResolution bundler and node16', async () => {
    const dir = await ready('typescript');
    await run('npm', ['run', 'build'], dir);
  });

  /** Opens an app, checks the first credit, types a new availability and checks what the page and the app show. */
  async function drive(url: string, expected: { before: string; after: string }): Promise<Page> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(url);
    const amount = page.locator('credit-calculator [part=amount]');
    await amount.filter({ hasText: expected.before }).waitFor();
    const input = page.getByRole('textbox', { name: 'Monthly uptime' });
    await input.click();
    await input.press('Control+A');
    await input.pressSequentially('99.2');
    await amount.filter({ hasText: expected.after }).waitFor();
    assert.equal(await input.inputValue(), '99.2', 'the field keeps what was typed');
    // The app's own listener wrote the event's amount.
    await page.locator('#credit').filter({ hasText: expected.after }).waitFor();
    assert.deepEqual(errors, []);
    return page;
  }

  /** An app built once and served; its origin. */
  const builds = new Map<string, Promise<string>>();
  function built(name: string): Promise<string> {
    if (!builds.has(name)) builds.set(name, build(name));
    return builds.get(name)!;
  }

  async function build(name: string): Promise<string> {
    const dir = await ready(name);
    await run('npm', ['run', 'build'], dir);
    // What the app ships, as the npm modules end up in it (printed: the budgets are the standalone bundle's).
    const js = readdirSync(join(dir, 'dist/assets')).filter((f) => f.endsWith('.js'));
    const gzip = js.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, 'dist/assets', f)), { level: 9 }).length, 0);
    console.log(`${name} app: ${js.length} JavaScript files, ${(gzip / 1024).toFixed(1)} KiB gzip -9 in all`);
    const { server, origin } = await serve(join(dir, 'dist'));
    servers.push(server);
    return origin;
  }

  it('Vite: a Lit app imports credit-rules/widget, with one copy of Lit', async () => {
    const page = await drive(`${await built('vite')}/`, { before: '0.00', after: '222.50' });
    assert.equal(await page.evaluate(() => (globalThis as { litHtmlVersions?: string[] }).litHtmlVersions?.length), 1);
    await page.close();
  });

  it('React 19: <CreditCalculator> from credit-rules/react, with an inline values object', async () => {
    await (await drive(`${await built('react')}/`, { before: '0.00', after: '222.50' })).close();
  });

  it('Vue 3: <credit-calculator> after importing credit-rules/vue', async () => {
    await (await drive(`${await built('vue')}/`, { before: '0.00', after: '222.50' })).close();
  });

  /** Opens a playground page, replaces the starter rules by typing, and waits for the preview's credit. */
  async function draft(url: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    const editor = page.locator('credit-playground .cm-content');
    await editor.filter({ hasText: 'availability' }).waitFor();
    await editor.click();
    await page.keyboard.press('Control+A');
    for (const line of ['fee 1000 EUR monthly', 'input availability: percent "Availability" default 99%', 'if availability < 99.5% then 10%']) {
      await page.keyboard.type(line);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
    }
    await page.locator('credit-playground credit-calculator [part=amount]').filter({ hasText: '100.00' }).waitFor();
    return { page, errors };
  }

  it('the playground: credit-rules/playground in a Vite app that installs the editor packages, and imported on a server', async () => {
    const { page, errors } = await draft(`${await built('playground')}/`);
    assert.deepEqual(errors, []);
    await page.close();
    assert.match(await run('node', ['server.js'], await ready('playground')), /server import: ok/);
  });

  it('React 19: <CreditPlayground> from credit-rules/react/playground, type-checked, and the app hears each edit', async () => {
    // The same app's second page (built, and its TSX type-checked, with the first).
    const { page, errors } = await draft(`${await built('playground')}/react.html`);
    await page.locator('#status').filter({ hasText: 'ok: if availability < 99.5% then 10%' }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('plain HTML: the standalone bundle from another origin, as from a CDN', async () => {
    const dir = await ready('html');
    const cdn = await serve(join(dir, 'node_modules'), { cors: true });
    const site = await serve(dir, { rewrite: (html) => html.replace('CDN/', `${cdn.origin}/`) });
    servers.push(cdn.server, site.server);
    await (await drive(`${site.origin}/`, { before: '0.00', after: '222.50' })).close();
  });
});
