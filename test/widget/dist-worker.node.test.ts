/**
 * The standalone bundle's worker (`npm run build` first), in Chromium: a
 * page and `dist/` of one origin, under a strict Content Security Policy,
 * read large rules — text or a precompiled program — in the worker emitted
 * beside the entry, and never download the parser chunk; the same bundle
 * served from another origin (a CDN) cannot start a worker there, and
 * compiles on the page instead, without an error on the console.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright';
import { compile } from '../../src/compiler.js';
// @ts-expect-error: a plain JavaScript config module
import { chromePath, chromiumArgs } from '../../web-test-runner.config.mjs';
import { DEFAULT_CREDIT, largeRules } from './large-rules.js';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";
const text = largeRules();
const json = JSON.stringify(compile(text).program!.toJSON());
const page = (src: string, script: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>test</title></head><body><credit-calculator src="${src}"></credit-calculator><script type="module" src="${script}"></script></body></html>`;

/** The page's origin and the script's: the same server on two ports. */
function handler(cdn: () => string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url!, 'http://x').pathname;
    const send = (type: string, body: string | Buffer, headers: Record<string, string> = { 'content-security-policy': CSP }) => {
      res.writeHead(200, { 'content-type': type, ...headers });
      res.end(body);
    };
    if (path === '/text.html') return send('text/html', page('/large.credit', '/dist/credit-calculator.js'));
    if (path === '/json.html') return send('text/html', page('/large.json', '/dist/credit-calculator.js'));
    if (path === '/cdn.html') return send('text/html', page('/large.credit', `${cdn()}/dist/credit-calculator.js`), {});
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (path === '/large.credit') return send('text/plain', text);
    if (path === '/large.json') return send('application/json', json);
    const file = normalize(join(root, path));
    if (path.startsWith('/dist/') && file.startsWith(dist) && existsSync(file)) return send('text/javascript', readFileSync(file), { 'access-control-allow-origin': '*' });
    res.writeHead(404).end();
  };
}

describe('the built widget with large rules', () => {
  const servers: Server[] = [];
  let browser: Browser;
  let origin: string;
  let cdn: string;

  before(async () => {
    assert.ok(existsSync(join(dist, 'credit-calculator.js')), 'run `npm run build` first');
    const listen = async () => {
      const server = createServer(handler(() => cdn));
      servers.push(server);
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    };
    origin = await listen();
    cdn = (await listen()).replace('127.0.0.1', 'localhost');
    browser = await chromium.launch({ executablePath: chromePath(), args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    for (const server of servers) server.close();
  });

  /** Opens `path`, waits for the credit; what the page fetched, which workers it started, what its console said. */
  async function open(path: string) {
    const p = await browser.newPage();
    const requests: string[] = [];
    const workers: string[] = [];
    const log: string[] = [];
    p.on('request', (r) => requests.push(new URL(r.url()).pathname));
    p.on('worker', (w) => workers.push(new URL(w.url()).pathname));
    p.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && log.push(`${m.type()}: ${m.text()}`));
    p.on('pageerror', (e) => log.push(`pageerror: ${String(e)}`));
    await p.goto(origin + path);
    const shown = await p.waitForFunction(() => document.querySelector('credit-calculator')?.shadowRoot?.querySelector('[part=amount]')?.textContent?.trim(), undefined, { timeout: 120_000 });
    const credit = String(await shown.jsonValue()).replace(/\u00a0/g, ' ');
    await p.close();
    return { credit, requests, workers, log };
  }

  const parserChunk = (requests: string[]) => requests.filter((r) => r.startsWith('/dist/chunks/compiler-'));

  it('compiles large rules text in the worker beside the entry, without the parser chunk', async () => {
    const { credit, requests, workers, log } = await open('/text.html');
    assert.equal(credit, DEFAULT_CREDIT);
    assert.equal(workers.length, 1);
    assert.match(workers[0], /^\/dist\/chunks\/load-worker-[\w-]+\.js$/);
    assert.deepEqual(parserChunk(requests), []);
    assert.deepEqual(log, []);
  });

  it('reads a large precompiled program in the worker', async () => {
    const { credit, workers, log } = await open('/json.html');
    assert.equal(credit, DEFAULT_CREDIT);
    assert.equal(workers.length, 1);
    assert.deepEqual(log, []);
  });

  it('compiles on the page when the script comes from another origin, quietly', async () => {
    const { credit, requests, workers, log } = await open('/cdn.html');
    assert.equal(credit, DEFAULT_CREDIT);
    assert.deepEqual(workers, []);
    assert.equal(parserChunk(requests).length, 1);
    assert.deepEqual(log, []);
  });
});
