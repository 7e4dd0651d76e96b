/**
 * The editor's highlighting and completion come from the language's own
 * lexer and reserved words; these tables pin what a drafter sees.
 */
import { expect } from '@open-wc/testing';
import { usableKeywords } from '../../src/playground/completion.js';
import { embedInline, embedSrc, inlineSafe } from '../../src/playground/embed.js';
import { tokenizeLine } from '../../src/playground/language-support.js';
import { describe, it } from './mocha.js';

const styles = (line: string) => tokenizeLine(line).map((t) => `${line.slice(t.from, t.to)}:${t.style}`);

describe('highlighting by the language’s lexer', () => {
  const cases: [string, string[]][] = [
    ['if availability < 99.5% then 10% capped 20% yearly', [
      'if:controlKeyword', 'availability:variableName', '<:compareOperator', '99.5:number', '%:number', 'then:controlKeyword',
      '10:number', '%:number', 'capped:keyword', '20:number', '%:number', 'yearly:modifier',
    ]],
    ['input t: duration "P1 # not a comment" default 30min # a comment', [
      'input:definitionKeyword', 't:variableName.definition', '::punctuation', 'duration:typeName', '"P1 # not a comment":string',
      'default:keyword', '30:number', 'min:unit', '# a comment:lineComment',
    ]],
    ['fee 1_200 EUR monthly', ['fee:keyword', '1_200:number', 'EUR:unit', 'monthly:modifier']],
    // `when` is reserved for a later version: a keyword, marked as one that cannot be written yet.
    ['let x = 5m ? when', ['let:definitionKeyword', 'x:variableName.definition', '=:definitionOperator', '5m:invalid', '?:invalid', 'when:keyword invalid']],
    ['# only a comment', ['# only a comment:lineComment']],
    ['  if capped_total > 1 then 2 points', ['if:controlKeyword', 'capped_total:variableName', '>:compareOperator', '1:number', 'then:controlKeyword', '2:number', 'points:keyword']],
  ];
  for (const [line, expected] of cases) {
    it(`colours ${JSON.stringify(line)}`, () => {
      expect(styles(line)).to.deep.equal(expected);
    });
  }
});

describe('completion words', () => {
  it('offers every usable reserved word, the words and functions of version 2, and none reserved for later', () => {
    expect(usableKeywords).to.include.members(['if', 'then', 'else', 'capped', 'per', 'monthly', 'percent', 'example', 'claim']);
    expect(usableKeywords).to.include.members(['min', 'max', 'round', 'floor', 'ceil', 'pay', 'only', 'payout', 'business', 'months', 'incident']);
    expect(usableKeywords).to.not.include.members(['when', 'each', 'import']);
  });
});

describe('embed code', () => {
  const options = { widgetSrc: 'https://cdn.example/credit-calculator.js', locale: 'de' };
  it('puts the rules, indented, into a text/credit-rules script', () => {
    expect(embedInline('if a < 1% then 2%\n\ncap 5% yearly\n', options)).to.equal(
      '<script type="module" src="https://cdn.example/credit-calculator.js"></script>\n'
      + '<credit-calculator locale="de">\n  <script type="text/credit-rules">\n    if a < 1% then 2%\n\n    cap 5% yearly\n  </script>\n</credit-calculator>\n',
    );
  });
  it('refuses the inline form for text that would end the script early', () => {
    expect(inlineSafe('fee 1 EUR monthly "</SCRIPT>"')).to.equal(false);
    expect(inlineSafe('fee 1 EUR monthly "<!-- x"')).to.equal(false);
    expect(inlineSafe('if a < 1% then 2%')).to.equal(true);
  });
  it('escapes the file name in the src form', () => {
    expect(embedSrc('a"b.credit', options)).to.contain('src="a&quot;b.credit"');
  });
});
