/**
 * The clause's lines and their sources (`renderParts`), and drafting notes:
 * the lines joined are exactly the clause text; each line names the source
 * lines of what it states, so the playground can link a sentence to its
 * rules; `## …` lines reach the clause as the drafter wrote them, in both
 * languages and from a precompiled program, while `#` comments stay private.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compile, lineNumbers, loadProgram, type Program } from '../../src/index.js';
import { format } from '../../src/language/format/format.js';

function programOf(source: string): Program {
  const { program, diagnostics } = compile(source);
  assert.ok(program, diagnostics.map((d) => d.message).join('\n'));
  return program;
}

/** Each non-empty clause line, with the 1-based source lines it names. */
function linked(program: Program, lang: 'en' | 'de'): { text: string; lines: number[] }[] {
  const lineOf = lineNumbers(program.source);
  return program.renderParts(lang).filter((p) => p.text.trim() !== '').map((p) => ({
    text: p.text.trim().replaceAll('\u00A0', ' '),
    lines: [...new Set(p.spans.flatMap((s) => {
      const out: number[] = [];
      for (let l = lineOf(s.start); l <= lineOf(Math.max(s.start, s.end - 1)); l++) out.push(l);
      return out;
    }))].sort((a, b) => a - b),
  }));
}

const find = (lines: ReturnType<typeof linked>, start: string) => {
  const line = lines.find((l) => l.text.includes(start));
  assert.ok(line, `no line with “${start}” in:\n${lines.map((l) => l.text).join('\n')}`);
  return line;
};

const SLA = `fee 1000 EUR monthly
input availability: percent "Monthly uptime"

credit "Uptime":
  if availability < 99.9% then 10%
  if availability < 99% then 25%
claim within 30 days
example "Bad month": availability = 98% => credit 250 EUR
`;

describe('the clause line by line, with its sources', () => {
  test('the lines joined are exactly the clause text, in English and German', () => {
    for (const source of [SLA, `${SLA}cap 20% monthly\npay only if availability > 50%\n`]) {
      const program = programOf(source);
      for (const lang of ['en', 'de'] as const) assert.equal(program.renderParts(lang).map((p) => p.text).join(''), program.render(lang));
    }
  });

  test('a tier line names its own source line; the tier table’s intro names the block’s header', () => {
    for (const lang of ['en', 'de'] as const) {
      const lines = linked(programOf(SLA), lang);
      assert.deepEqual(find(lines, lang === 'en' ? 'below 99.9%' : '99,9').lines, [5]);
      assert.deepEqual(find(lines, lang === 'en' ? 'below 99%' : 'unter 99 %').lines, [6]);
      assert.deepEqual(find(lines, lang === 'en' ? 'according to the following tiers' : 'nach den folgenden Stufen').lines, [4]);
      assert.deepEqual(find(lines, lang === 'en' ? 'must claim' : 'geltend machen').lines, [7]);
      assert.deepEqual(find(lines, lang === 'en' ? 'monthly fee is' : 'Vergütung beträgt').lines, [1]);
      assert.deepEqual(find(lines, 'Bad month').lines, [8]);
    }
  });

  test('the heading and the blank lines name no source', () => {
    const parts = programOf(SLA).renderParts('en');
    assert.deepEqual(parts[0], { text: 'Service Credits\n', spans: [] });
    assert.ok(parts.filter((p) => p.text === '\n').every((p) => p.spans.length === 0));
  });
});

const NOTED = `## This Schedule forms part of the Agreement.
fee 1000 EUR monthly
## Measured by the Provider's monitoring service.
input availability: percent "Monthly uptime"

# private: check with finance before signing
## Scheduled maintenance announced 5 days ahead is not downtime.
##
## Emergency maintenance is.
credit "Uptime":
  if availability < 99.9% then 10%
  ## Tiers do not add up.
  if availability < 99% then 25%
### a banner, not a note ###
claim within 30 days
`;

describe('drafting notes (## …)', () => {
  test('stand in the clause as written, in their place, in English and in German alike', () => {
    for (const lang of ['en', 'de'] as const) {
      const text = programOf(NOTED).render(lang).replaceAll('\u00A0', ' ');
      const at = (s: string) => {
        const i = text.indexOf(s);
        assert.ok(i >= 0, `“${s}” is missing from:\n${text}`);
        return i;
      };
      const fee = at(lang === 'en' ? 'The monthly fee is' : 'Die monatliche Vergütung');
      // Above the fee: with the fee's clause; above an input: after its definition.
      assert.ok(fee < at('This Schedule forms part of the Agreement.'));
      assert.ok(at('Monthly uptime') < at("Measured by the Provider's monitoring service."));
      // Above a statement: a clause of its own before it, one line per paragraph.
      assert.match(text, /\n3\. Scheduled maintenance announced 5 days ahead is not downtime\.\n {3}Emergency maintenance is\.\n\n4\. Uptime\./);
      // Inside a tier table: after the table, which stays whole.
      assert.ok(at(lang === 'en' ? 'below 99%' : 'unter 99 %') < at('Tiers do not add up.'));
      assert.ok(!text.includes('private') && !text.includes('banner'), 'a # comment is private');
    }
  });

  test('a note names its own lines as its source', () => {
    const lines = linked(programOf(NOTED), 'en');
    assert.deepEqual(find(lines, 'Scheduled maintenance').lines, [7, 8, 9]);
    assert.deepEqual(find(lines, 'Tiers do not add up.').lines, [12]);
  });

  test('reach the clause of a precompiled program', () => {
    const saved = JSON.parse(JSON.stringify(programOf(NOTED).toJSON()));
    const { program } = loadProgram(saved);
    assert.ok(program);
    assert.match(program.render('de'), /Tiers do not add up\./);
  });

  test('fmt keeps them: the formatted text has the same clause', () => {
    const untidy = NOTED.replace('  ## Tiers do not add up.', '      ##   Tiers do not add up.   ').replace('fee 1000 EUR monthly', 'fee 1000   EUR monthly');
    const tidy = format(untidy).text;
    assert.ok(tidy !== undefined);
    assert.match(tidy, /\n {2}## {3}Tiers do not add up\.\n/);
    for (const lang of ['en', 'de'] as const) assert.equal(programOf(tidy).render(lang), programOf(NOTED).render(lang));
  });
});
