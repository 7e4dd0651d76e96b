/**
 * `credit-rules fmt` through the real CLI process (README, "Formatting"):
 * prints, checks (exit 1 listing the files not formatted) and rewrites in
 * place; a file with syntax errors is named with its errors and left alone.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/credit-rules.js', import.meta.url));
const MESSY = 'credit "Uptime":\n    if availability<99.9% then 10%\n    if availability < 99% then 30%\n';
const CANONICAL = 'credit "Uptime":\n  if availability < 99.9% then 10%\n  if availability < 99%   then 30%\n';
const BROKEN = 'if availability < then 10%\n';

let dir = '';
const path = (name: string) => join(dir, name);

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'credit-fmt-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('credit-rules fmt', () => {
  it('prints the formatted text and leaves the file alone', () => {
    writeFileSync(path('messy.credit'), MESSY);
    const run = cli('fmt', 'messy.credit');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, CANONICAL);
    assert.equal(readFileSync(path('messy.credit'), 'utf8'), MESSY);
  });

  it('--check lists the files that are not formatted and exits 1', () => {
    writeFileSync(path('messy.credit'), MESSY);
    writeFileSync(path('tidy.credit'), CANONICAL);
    const run = cli('fmt', '--check', 'tidy.credit', 'messy.credit');
    assert.equal(run.code, 1);
    assert.equal(run.stdout, 'messy.credit\n');
    assert.equal(cli('fmt', '--check', 'tidy.credit').code, 0);
  });

  it('--write rewrites the files that are not formatted and names them', () => {
    writeFileSync(path('messy.credit'), MESSY);
    writeFileSync(path('tidy.credit'), CANONICAL);
    const run = cli('fmt', '--write', 'messy.credit', 'tidy.credit');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'messy.credit\n');
    assert.equal(readFileSync(path('messy.credit'), 'utf8'), CANONICAL);
    assert.equal(cli('fmt', '--check', 'messy.credit').code, 0);
  });

  it('does not format a file with syntax errors: names it with its errors, exits 1, leaves it as it was', () => {
    writeFileSync(path('broken.credit'), BROKEN);
    writeFileSync(path('messy.credit'), MESSY);
    const run = cli('fmt', '--write', 'broken.credit', 'messy.credit');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^broken\.credit: not formatted: it has syntax errors\nbroken\.credit:1:19: error syntax-error: expected /);
    assert.equal(readFileSync(path('broken.credit'), 'utf8'), BROKEN);
    assert.equal(readFileSync(path('messy.credit'), 'utf8'), CANONICAL, 'the other files are still formatted');
  });

  it('is listed in --help and has its own usage', () => {
    assert.match(cli('--help').stdout, /credit-rules fmt \[--check \| --write\] FILE\.\.\./);
    const run = cli('fmt', '--help');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: credit-rules fmt/);
  });

  it('says what is wrong with the command in one line, exit 2', () => {
    for (const [args, message] of [
      [['fmt'], 'credit-rules: fmt needs at least one FILE (see credit-rules fmt --help)'],
      [['fmt', '--check', '--write', 'a.credit'], 'credit-rules: fmt takes --check or --write, not both'],
      [['fmt', 'missing.credit'], 'credit-rules: missing.credit: no such file'],
      [['fmt', '--json', 'a.credit'], 'credit-rules: fmt has no --json option (see credit-rules fmt --help)'],
    ] as const) {
      const run = cli(...args);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stderr, `${message}\n`);
    }
  });

  it('finds every shipped example already in the canonical layout (the files a user copies from)', () => {
    const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
    const files = readdirSync(examples).filter((f) => f.endsWith('.credit')).map((f) => join(examples, f));
    assert.ok(files.length >= 10, `${files.length} examples`);
    const run = cli('fmt', '--check', ...files);
    assert.equal(run.code, 0, `not formatted:\n${run.stdout}${run.stderr}`);
  });
});
