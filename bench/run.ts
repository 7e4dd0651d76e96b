/**
 * `npm run bench`: every figure of the benchmark in one run — compile time,
 * evaluation throughput, the peers with their exactness, bundle sizes, batch
 * rows per second, and the browser figures — printed as tables and written to
 * bench/results.json. Builds the library (`lib/`) and the widget (`dist/`)
 * first, so the figures are of the code as it is now.
 *
 *   npm run bench                      everything (a few minutes)
 *   npm run bench -- --quick           short runs, to check the harness
 *   npm run bench -- --no-browser      without Chromium
 *   npm run bench -- --only=peers,sizes   some sections (compile eval peers sizes batch sql browser)
 *   npm run bench -- --only=sql --sql-rows=10000000   billing in SQL on 10 M customer-months
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { FULL, QUICK, sink } from './harness.js';
import { root } from './programs.js';

const SECTIONS = ['compile', 'eval', 'peers', 'sizes', 'batch', 'sql', 'browser'] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const sqlRows = args.find((a) => a.startsWith('--sql-rows='))?.slice('--sql-rows='.length);
const unknown = args.filter((a) => !['--quick', '--no-browser'].includes(a) && !a.startsWith('--only=') && !a.startsWith('--sql-rows='));
if (unknown.length || only?.some((s) => !SECTIONS.includes(s as Section))) {
  console.error(`usage: npm run bench -- [--quick] [--no-browser] [--only=${SECTIONS.join(',')}] [--sql-rows=N]`);
  process.exit(2);
}
const wanted = (s: Section) => (only ? only.includes(s) : s !== 'browser' || !args.includes('--no-browser'));
const settings = quick ? QUICK : FULL;

const log = (text: string) => console.log(text);
const machine = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGB: Math.round(totalmem() / 2 ** 30),
  loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  quick,
};
log(`credit-rules benchmark — ${machine.date}, Node ${machine.node}, ${machine.cores} × ${machine.cpu}, load ${machine.loadAverage.join(' ')}${quick ? ' (quick: short runs, figures are rough)' : ''}`);

const npm = (script: string) => execFileSync('npm', ['run', '--silent', script], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
log('building lib/ (npm run build:lib) …');
npm('build:lib');

const results: Record<string, unknown> = { machine, settings };
const started = performance.now();

if (wanted('compile')) {
  results.compile = await (await import('./compile.js')).compileSection(settings, log);
  results.compileStages = (await import('./compile-stages.js')).compileStagesSection(settings, join(root, '.bench'), log);
}
if (wanted('eval')) results.evaluation = await (await import('./eval.js')).evalSection(settings, log);
if (wanted('peers')) results.peers = await (await import('./peers.js')).peersSection(settings, log);
if (wanted('sizes') || wanted('browser')) {
  log('\nbuilding dist/ (vite build) …');
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
if (wanted('sizes')) results.sizes = await (await import('./sizes.js')).sizesSection(log);
if (wanted('batch')) results.batch = await (await import('./batch.js')).batchSection(settings, quick, log);
if (wanted('sql')) results.sql = await (await import('./sql.js')).sqlSection(settings, quick, log, sqlRows ? Number(sqlRows) : undefined);
if (wanted('browser')) results.browser = await (await import('./browser.js')).browserSection(settings, log);

results.seconds = Math.round((performance.now() - started) / 1000);
results.sink = sink();
const file = join(root, 'bench/results.json');
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
log(`\nwrote bench/results.json (${results.seconds} s; sink ${results.sink})`);
