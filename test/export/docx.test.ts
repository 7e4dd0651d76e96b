/**
 * The clause as a Word document (src/clause-export/docx.ts), opened as Word
 * opens it: the .docx is unzipped and `word/document.xml` read — the tier
 * table is a real table with the clause's words in its cells, the clauses
 * are a numbered list, the worked examples are there, in English and German.
 * And `credit-rules render FILE --docx OUT` through the real CLI process.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { compile } from '../../src/index.js';
import { clauseDocx } from '../../src/clause-export/docx.js';
import { rules } from '../helpers.js';

const BIN = fileURLToPath(new URL('../../bin/credit-rules.js', import.meta.url));
const example = (name: string) => readFileSync(fileURLToPath(new URL(`../../examples/${name}`, import.meta.url)), 'utf8');

/** The text of an element's `<w:t>` runs. */
const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join('');
const unescape = (s: string) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');

/** A .docx read back: its tables as rows of cell texts, its paragraphs (outside tables) with their list and style. */
function read(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  assert.ok(files['[Content_Types].xml'] && files['word/numbering.xml'], 'a Word package with numbering');
  const xml = strFromU8(files['word/document.xml']);
  const tables = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map(([table]) =>
    [...table.matchAll(/<w:tr(?: [^>]*)?>.*?<\/w:tr>/gs)].map(([row]) => [...row.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map(([cell]) => text(cell).replaceAll('\u00A0', ' '))));
  const paragraphs = [...xml.replace(/<w:tbl>.*?<\/w:tbl>/gs, '').matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map(([p]) => ({
    text: text(p).replaceAll('\u00A0', ' '),
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1],
    list: /<w:numId w:val="(\d+)"/.exec(p)?.[1],
  }));
  return { tables, paragraphs };
}

async function docx(source: string, lang: 'en' | 'de' = 'en') {
  const { program, diagnostics } = compile(source);
  assert.ok(program, JSON.stringify(diagnostics));
  return read(await clauseDocx(program, lang));
}

describe('the clause as a Word document', () => {
  it('has the tier table as a table, its cells in the words of the clause', async () => {
    const { tables } = await docx(example('uptime-tiers.credit'));
    assert.deepEqual(tables, [[
      ['Tier', 'Condition', 'Service credit'],
      ['(a)', 'if the Monthly Uptime Percentage is below 99.99%', '10% of the monthly fee'],
      ['(b)', 'if the Monthly Uptime Percentage is below 99.0%', '30% of the monthly fee'],
      ['(c)', 'if the Monthly Uptime Percentage is below 95.0%', '100% of the monthly fee'],
    ]]);
  });

  it('in German', async () => {
    const { tables, paragraphs } = await docx(example('uptime-tiers.credit'), 'de');
    assert.deepEqual(tables[0].slice(0, 2), [
      ['Stufe', 'Voraussetzung', 'Gutschrift'],
      ['a)', 'wenn der Wert „Monthly Uptime Percentage“ unter 99,99 % liegt', '10 % der monatlichen Vergütung'],
    ]);
    assert.equal(paragraphs[0].text, 'Gutschriften bei Unterschreitung der Service Levels');
    assert.ok(paragraphs.some((p) => p.text === 'Berechnungsbeispiele'));
  });

  it('has a heading, the clauses as one numbered list, what follows a table, and the worked examples', async () => {
    const { paragraphs } = await docx(example('uptime-tiers.credit'));
    assert.deepEqual(paragraphs[0], { text: 'Service Credits', style: 'Heading1', list: undefined });
    const clauses = paragraphs.filter((p) => /^(The monthly fee|In this section|Region availability)/.test(p.text));
    assert.equal(clauses.length, 3);
    assert.equal(new Set(clauses.map((p) => p.list)).size, 1, 'one numbered list');
    assert.ok(paragraphs.some((p) => p.text.startsWith('If the conditions of more than one tier are met, only the highest service credit applies.')));
    const heading = paragraphs.findIndex((p) => p.text === 'Worked examples');
    assert.equal(paragraphs[heading].style, 'Heading2');
    const examples = paragraphs.slice(heading + 2);
    assert.equal(examples.length, compile(example('uptime-tiers.credit')).program!.examples.length);
    assert.match(examples[3].text, /^“99\.99% boundary: just below”: .* Result: a service credit of 100\.00 USD \(10% of the monthly fee\) for the month\.$/);
    assert.ok(examples.every((p) => p.list !== undefined && p.list === examples[0].list));
  });

  it('a points table, several tables, and a condition whose label holds a colon', async () => {
    const source = rules`
      fee 1000 EUR monthly
      input a: percent "Uptime: core" default 100%
      input b: duration default 0h
      points "P":
        if a < 99% then 1 point
        if a < 95% then 3 points
      credit "Support":
        if b > 4h then 50 EUR
      point = 10 EUR
    `;
    const { tables } = await docx(source);
    assert.deepEqual(tables.map((t) => t[0][2]), ['Service credit points', 'Service credit']);
    assert.deepEqual(tables[0][1], ['(a)', 'if the Uptime: core is below 99%', '1 service credit point']);
    assert.deepEqual(tables[1][1], ['(a)', 'if the b exceeds 4 hours', '50.00 EUR']);
  });

  it('a table applied to each item of a list (`for each`)', async () => {
    const { tables } = await docx(example('support-per-ticket.credit'));
    assert.deepEqual(tables, [[
      ['Tier', 'Condition', 'Service credit'],
      ['(a)', 'if the response exceeds 1 hour', '2% of the monthly fee'],
      ['(b)', 'if the response exceeds 4 hours', '5% of the monthly fee'],
      ['(c)', 'if the response exceeds 8 hours', '10% of the monthly fee'],
    ]]);
  });

  it('carries drafting notes as written, in both languages, and keeps the tier table whole', async () => {
    const source = `fee 1000 EUR monthly
input availability: percent
## Scheduled maintenance is not downtime.
credit "Uptime":
  if availability < 99.9% then 10%
  ## Tiers do not add up.
  if availability < 99% then 25%
`;
    for (const lang of ['en', 'de'] as const) {
      const { tables, paragraphs } = await docx(source, lang);
      const texts = paragraphs.map((p) => p.text);
      assert.ok(texts.includes('Scheduled maintenance is not downtime.'), texts.join('\n'));
      assert.ok(texts.includes('Tiers do not add up.'), texts.join('\n'));
      assert.equal(tables.length, 1);
      assert.equal(tables[0].length, 3, 'the header and both tiers');
    }
  });

  it('rules without a tier table have none, and lose no clause', async () => {
    const { tables, paragraphs } = await docx('if availability < 99.5% then 10% capped 20% yearly\n');
    assert.deepEqual(tables, []);
    assert.ok(paragraphs.some((p) => p.text.startsWith('If the availability in a month is below 99.5%, the Customer receives a service credit of 10% of the monthly fee')));
  });
});

describe('credit-rules render FILE --docx OUT', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'credit-docx-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });

  it('writes the Word document, in German with --lang de', () => {
    const run = cli('render', fileURLToPath(new URL('../../examples/uptime-tiers.credit', import.meta.url)), '--docx', 'clause.docx', '--lang', 'de');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    const { tables } = read(readFileSync(join(dir, 'clause.docx')));
    assert.deepEqual(tables[0][3], ['c)', 'wenn der Wert „Monthly Uptime Percentage“ unter 95,0 % liegt', '100 % der monatlichen Vergütung']);
  });

  it('an example that expects other than the rules compute: the document states what they compute, and exit 1 names it', () => {
    const rulesFile = join(dir, 'wrong.credit');
    writeFileSync(rulesFile, 'if availability < 99.5% then 10%\nexample "Wrong": availability = 99%, fee = 1000 EUR => credit 50 EUR\n');
    const run = cli('render', rulesFile, '--docx', 'wrong.docx');
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^example "Wrong" \(line 2\) expects credit 50 EUR, but the rules compute /);
    const { paragraphs } = read(readFileSync(join(dir, 'wrong.docx')));
    assert.ok(paragraphs.some((p) => /^“Wrong”: .*100\.00 EUR/.test(p.text)), 'the worked example states the computed 100.00 EUR');
  });

  it('an OUT that cannot be written: one clear line, exit 2', () => {
    const run = cli('render', fileURLToPath(new URL('../../examples/one-liner.credit', import.meta.url)), '--docx', dir);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, `credit-rules: ${dir}: is a directory\n`);
  });
});
