import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stale } from '../../scripts/generate-grammar.js';

test('the grammar files in grammar/ match the live parser (run `npm run grammar` to update)', () => {
  assert.deepEqual(stale(), []);
});
