import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

test('every diagnostic code of the catalogue is in the language reference table, and no other', () => {
  const catalogue = new Set([...(read('src/language/diagnostics.ts') + read('src/language/problems.ts')).matchAll(/(?:error|warning|info)\(\s*'([a-z-]+)'/g)].map((m) => m[1]));
  const documented = new Set([...read('docs/language.md').matchAll(/^\| `([a-z-]+)` \| (?:error|warning|info)/gm)].map((m) => m[1]));
  assert.ok(catalogue.size > 30, 'the catalogue was read');
  assert.deepEqual([...catalogue].filter((c) => !documented.has(c)).sort(), [], 'codes missing from docs/language.md');
  assert.deepEqual([...documented].filter((c) => !catalogue.has(c)).sort(), [], 'documented codes the catalogue does not have');
});
