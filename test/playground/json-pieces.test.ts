/**
 * The worker's answer in pieces (`json-pieces.ts`): read back, it is the same
 * data `JSON.stringify` would have carried, and for a draft at the limits no
 * piece is long enough to make its `JSON.parse` a long task.
 */
import { expect } from '@open-wc/testing';
import { compile } from '../../src/index.js';
import { PIECE } from '../../src/widget/compiled-answer.js';
import { fromPieces, toPieces, type JsonPieces } from '../../src/widget/json-pieces.js';
import { describe, it } from './mocha.js';

function read(pieces: JsonPieces): unknown {
  const steps = fromPieces(pieces);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const texts = (pieces: JsonPieces) => [pieces.value, ...pieces.groups.map((g) => g.items)];

describe('the compile worker’s answer in pieces', () => {
  it('reads back as the JSON of the data, whatever the text in it', () => {
    const data = {
      list: Array.from({ length: 23 }, (_, i) => ({ i, nested: Array.from({ length: 7 }, (_, j) => `${i}.${j}`) })),
      short: [1, 2],
      text: 'a "path" [] {"0": 1} \u2028',
      dated: new Date(0),
      gone: undefined,
      inner: { rows: Array.from({ length: 11 }, (_, i) => [i, `row ${i}`]) },
    };
    const pieces = toPieces(data, 5);
    expect(read(pieces)).to.deep.equal(JSON.parse(JSON.stringify(data)));
    // `list` in five groups, `inner.rows` in three; arrays inside a group's items travel with them.
    expect(pieces.groups.map((g) => g.path.join('.'))).to.deep.equal([...Array(5).fill('list'), ...Array(3).fill('inner.rows')]);
    expect(read(toPieces(Array.from({ length: 12 }, (_, i) => i), 5))).to.deep.equal(Array.from({ length: 12 }, (_, i) => i));
  });

  it('splits the warnings and the program of 4,990 tiers into pieces of about 100 kB', function (this: { timeout(ms: number): void }) {
    this.timeout(120_000);
    const source = `fee 1000 EUR monthly\ninput a: percent default 99% range 0%..100%\ncredit "Big" capped 50% yearly:\n${Array.from({ length: 4_990 }, (_, i) => `  if a < ${(i % 1000) / 10}% then ${i % 97}%`).join('\n')}\n`;
    const { diagnostics, program } = compile(source);
    for (const data of [diagnostics, program!.toJSON()]) {
      const pieces = toPieces(data, PIECE);
      const lengths = texts(pieces).map((t) => t.length);
      expect(lengths.reduce((a, b) => a + b)).to.be.above(1_500_000);
      expect(Math.max(...lengths)).to.be.below(150_000);
      expect(read(pieces)).to.deep.equal(JSON.parse(JSON.stringify(data)));
    }
  });
});
