import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

test('every diagnostic code of the catalogue is in the language reference table with its severity, and no other', () => {
  const table = new Map([...read('src/language/diagnostics.ts').matchAll(/^ {2}'([a-z-]+)': '(error|warning|info)';$/gm)].map((m) => [m[1], m[2]]));
  const documented = new Map([...read('docs/language.md').matchAll(/^\| `([a-z-]+)` \| (error|warning|info)/gm)].map((m) => [m[1], m[2]]));
  assert.ok(table.size > 30, 'the table of codes was read');
  assert.deepEqual(Object.fromEntries([...table].sort()), Object.fromEntries([...documented].sort()), 'docs/language.md and the table in diagnostics.ts differ');
});

test('every code of the table has a constructor in the catalogue', () => {
  const table = [...read('src/language/diagnostics.ts').matchAll(/^ {2}'([a-z-]+)': '(?:error|warning|info)';$/gm)].map((m) => m[1]);
  const constructed = new Set([...(read('src/language/diagnostics.ts') + read('src/language/problems.ts')).matchAll(/(?:error|warning|info)\(\s*'([a-z-]+)'/g)].map((m) => m[1]));
  assert.deepEqual(table.filter((code) => !constructed.has(code)), []);
});
