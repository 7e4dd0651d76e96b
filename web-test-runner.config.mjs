/**
 * Browser tests of <credit-calculator> in real Chromium. The browser is found
 * in this order: $CHROME_PATH, Debian's /usr/bin/chromium, Playwright's own
 * download — so the same `npm test` runs on CI here and on a laptop.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromium } from 'playwright';

export function chromePath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {}
  throw new Error('No Chromium found: set CHROME_PATH, `apt-get install chromium`, or `npx playwright install chromium`.');
}

export const chromiumArgs = [
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--disable-gpu',
];

/**
 * Misbehaving servers for the widget's fault tests, under `/__faults/`:
 * `never` accepts the request and never answers; `slow?ms=…&body=…` answers
 * `body` as text after `ms`; `html` answers 200 with a web page, as a
 * single-page app does for any path; `huge?bytes=…&id=…` streams that many
 * bytes of rules text (with `declare` also as Content-Length), and
 * `sent?id=…` then says how many bytes it really sent, as JSON.
 */
const sent = new Map();

async function faults(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  if (!url.pathname.startsWith('/__faults/')) return next();
  const what = url.pathname.slice('/__faults/'.length);
  if (what === 'never') {
    await new Promise((resolve) => ctx.req.once('close', resolve));
    ctx.status = 204;
    return undefined;
  }
  if (what === 'slow') {
    await new Promise((resolve) => setTimeout(resolve, Number(url.searchParams.get('ms') ?? 0)));
    ctx.type = 'text/plain';
    ctx.body = url.searchParams.get('body') ?? '';
    return undefined;
  }
  if (what === 'huge') {
    const total = Number(url.searchParams.get('bytes'));
    const id = url.searchParams.get('id');
    const line = '# padding that no rules need, streamed until the reader stops\n';
    const chunk = Buffer.from(line.repeat(Math.ceil(65_536 / line.length)));
    const record = { bytes: 0 };
    sent.set(id, record);
    ctx.type = 'text/plain';
    if (url.searchParams.has('declare')) ctx.length = total;
    ctx.body = new Readable({
      read() {
        const size = Math.min(chunk.length, total - record.bytes);
        record.bytes += size;
        this.push(size > 0 ? chunk.subarray(0, size) : null);
      },
    });
    return undefined;
  }
  if (what === 'sent') {
    ctx.body = sent.get(url.searchParams.get('id')) ?? {};
    return undefined;
  }
  if (what === 'html') {
    ctx.type = 'text/html';
    ctx.body = '<!doctype html><html><head><title>App</title></head><body><div id="app"></div></body></html>';
    return undefined;
  }
  return next();
}

/** A port nobody listens on: a second test run on the same machine must not collide with the first (8000 is the default). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A module the source starts by address rather than by import (the
 * playground's worker: `new URL('./compile-worker.js', import.meta.url)`)
 * is asked for as `.js`; it is served from its `.ts` source, as imports are.
 */
function sourceByAddress(ctx, next) {
  const path = ctx.path;
  if (path.startsWith('/src/') && path.endsWith('.js')) {
    const source = fileURLToPath(new URL(`.${path.replace(/\.js$/, '.ts')}`, import.meta.url));
    if (existsSync(source)) ctx.url = ctx.url.replace(/\.js(?=$|\?)/, '.ts');
  }
  return next();
}

export default {
  port: await freePort(),
  files: ['test/widget/**/*.test.ts', 'test/playground/**/*.test.ts', 'test/export/browser/**/*.test.ts', '!test/widget/**/*.node.test.ts'],
  nodeResolve: true,
  middleware: [faults, sourceByAddress],
  concurrency: 2,
  testFramework: { config: { timeout: 30_000 } },
  // A file's tests together: those at the limits (six compiles of 4,990 tiers on the page in
  // large-rules-fallback.test.ts, 16 s at load 4) ran past the default two minutes once beside a
  // second test run. Each test keeps its own timeout, so one that hangs still fails on its own.
  testsFinishTimeout: 600_000,
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath: chromePath(), args: chromiumArgs } })],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)), target: 'es2022' }),
    {
      // Chevrotain's prebundled module instead of hundreds of lodash-es files.
      name: 'chevrotain-prebundled',
      resolveImport({ source }) {
        if (source === 'chevrotain') return '/node_modules/chevrotain/lib/chevrotain.mjs';
      },
    },
  ],
};
