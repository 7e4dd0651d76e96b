/**
 * Where `credit-rules batch` writes (README, "Batch evaluation for billing"),
 * through the real CLI process: `--out OUT` is written whole or not at all and
 * never replaces what it should write into (a link, a FIFO, a device, a
 * read-only file); a run stopped by a signal leaves nothing behind; output
 * that cannot all be written — a reader gone away, a full disk — is an error.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/credit-rules.js', import.meta.url));
const LIB = fileURLToPath(new URL('../../lib/cli/main.js', import.meta.url));
const POINTS = fileURLToPath(new URL('../../examples/points.credit', import.meta.url));
const YEAR = fileURLToPath(new URL('./fixtures/points-year.csv', import.meta.url));
const HEADER = 'line,customer,month,currency,credit,percent_of_fee,cuts,error';

let dir = '';
const path = (name: string) => join(dir, name);
const read = (name: string) => readFileSync(path(name), 'utf8');
/** Files beside OUT that the batch left: none should be left, whatever happens. */
const leftovers = () => readdirSync(dir).filter((f) => f.includes('.partial'));

function cli(args: string[], cwd = dir): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A batch reading its CSV from a pipe that the test feeds: it runs until the test ends its input. */
function running(args: string[]) {
  // One thread: the parallel batch holds a small input back until it has a megabyte or its end.
  const child = spawn(process.execPath, [BIN, 'batch', POINTS, '--csv', '-', '--jobs', '1', ...args], { cwd: dir });
  const seen = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (text: string) => (seen.stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (seen.stderr += text));
  const exit = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  // Not left running when a test fails.
  after(() => void child.kill('SIGKILL'));
  /** Resolves once what the batch wrote to `stream` so far holds `text`. */
  const until = async (stream: 'stdout' | 'stderr', text: string) => {
    while (!seen[stream].includes(text)) {
      const ended = once(child[stream], 'end').then(() => assert.fail(`${stream} ended without "${text}": ${seen[stream]}`));
      await Promise.race([once(child[stream], 'data'), ended]);
    }
  };
  return { child, seen, exit, until };
}

/**
 * Linux's /dev/null (minor 3) or /dev/full (minor 7) as a node of our own
 * where we may make one (as root): a batch that wrongly replaced its OUT, as
 * root can, then replaces only that, never the machine's device.
 */
function device(name: string, minor: number): string {
  return spawnSync('mknod', [path(name), 'c', '1', String(minor)]).status === 0 ? path(name) : `/dev/${name}`;
}

before(() => {
  assert.ok(existsSync(LIB), 'lib/ is not built: run `npm run build:lib` first (the test script does)');
  dir = mkdtempSync(join(tmpdir(), 'credit-rules-out-'));
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('credit-rules batch --out: a regular file', () => {
  it('writes the output to OUT, nothing to stdout, and leaves no temporary file', () => {
    const run = cli(['batch', POINTS, '--csv', YEAR, '--out', 'credits.csv']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(read('credits.csv').split('\n')[0], HEADER);
    assert.equal(read('credits.csv').split('\n').length, 9);
    assert.deepEqual(leftovers(), []);
  });

  it('a file that cannot be used leaves OUT as it was', () => {
    writeFileSync(path('kept.csv'), 'before\n');
    writeFileSync(path('unknown.csv'), 'availabilty\n99%\n');
    const run = cli(['batch', POINTS, '--csv', 'unknown.csv', '--out', 'kept.csv']);
    assert.equal(run.code, 2);
    assert.equal(read('kept.csv'), 'before\n');
    assert.deepEqual(leftovers(), []);
  });

  it('OUT keeps its permissions', () => {
    writeFileSync(path('private.csv'), 'before\n');
    chmodSync(path('private.csv'), 0o640);
    const run = cli(['batch', POINTS, '--csv', YEAR, '--out', 'private.csv']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(statSync(path('private.csv')).mode & 0o777, 0o640);
    assert.match(read('private.csv'), /^line,/);
  });

  const refused: [sentence: string, make: () => string, message: RegExp][] = [
    ['a read-only OUT (even for root, who could replace it)', () => {
      writeFileSync(path('read-only.csv'), 'before\n');
      chmodSync(path('read-only.csv'), 0o444);
      return 'read-only.csv';
    }, /^credit-rules: read-only\.csv: is read-only; make it writable \(chmod u\+w\) or choose another --out$/],
    ['a directory', () => {
      mkdirSync(path('a-directory'));
      return 'a-directory';
    }, /^credit-rules: a-directory: is a directory$/],
    ['a file in a directory that does not exist', () => 'nowhere/out.csv', /^credit-rules: nowhere\/out\.csv: no such directory$/],
  ];
  for (const [sentence, make, message] of refused) {
    it(`${sentence} is an error, exit 2: nothing is written or replaced`, () => {
      const out = make();
      const before = existsSync(path(out)) && lstatSync(path(out)).isFile() ? read(out) : undefined;
      const run = cli(['batch', POINTS, '--csv', YEAR, '--out', out]);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr.trim(), message);
      if (before !== undefined) assert.equal(read(out), before);
      assert.deepEqual(leftovers(), []);
    });
  }
});

describe('credit-rules batch --out: every kind of OUT with every kind of input', () => {
  /** What OUT is before the run: made in a directory of its own; `writes` is the file the output goes to, unless refused. */
  const kinds: { name: string; make: (at: (name: string) => string) => string; writes?: string }[] = [
    { name: 'no file yet', make: () => 'out.csv', writes: 'out.csv' },
    { name: 'a regular file', make: (at) => (writeFileSync(at('out.csv'), 'before\n'), 'out.csv'), writes: 'out.csv' },
    { name: 'a link to a file', make: (at) => (writeFileSync(at('target.csv'), 'before\n'), symlinkSync('target.csv', at('out.csv')), 'out.csv'), writes: 'target.csv' },
    { name: 'a link to nothing yet', make: (at) => (symlinkSync('target.csv', at('out.csv')), 'out.csv'), writes: 'target.csv' },
    { name: 'a read-only file', make: (at) => (writeFileSync(at('out.csv'), 'before\n', { mode: 0o444 }), 'out.csv') },
    { name: 'a link to a read-only file', make: (at) => (writeFileSync(at('target.csv'), 'before\n', { mode: 0o444 }), symlinkSync('target.csv', at('out.csv')), 'out.csv') },
    { name: 'a directory', make: (at) => (mkdirSync(at('out.csv')), 'out.csv') },
    { name: 'a file in a missing directory', make: () => 'missing/out.csv' },
  ];
  const inputs: [name: string, csv: string, code: number][] = [
    ['a good file', 'customer,month,availability,late_incidents\nACME,1,98%,4\nACME,2,98%,4\n,,99%,1\n', 0],
    ['rows that fail', 'customer,month,availability,late_incidents\nACME,1,98%,4\nACME,3,98%,4\n,,banana,1\n', 1],
    ['a file that cannot be used', 'availabilty\n99%\n', 2],
  ];
  /** What each input gives on stdout. */
  const outputs: Record<string, string> = {};
  /** Every entry of a directory: its kind, and a link's target or a file's text. */
  const state = (at: string) => Object.fromEntries(readdirSync(at).sort().map((name) => {
    const stats = lstatSync(join(at, name));
    return [name, stats.isSymbolicLink() ? `link to ${readlinkSync(join(at, name))}` : stats.isDirectory() ? 'directory' : readFileSync(join(at, name), 'utf8')];
  }));

  for (const { name, make, writes } of kinds) {
    for (const [input, csv, code] of inputs) {
      it(`${name}, ${input}: ${writes ? `exit ${code}, ${code < 2 ? `the whole output in ${writes}` : 'nothing written'}` : 'exit 2, nothing written'}; no other file left`, () => {
        const at = mkdtempSync(join(dir, 'kind-'));
        writeFileSync(join(at, 'in.csv'), csv);
        const expected = (outputs[input] ??= cli(['batch', POINTS, '--csv', 'in.csv'], at).stdout);
        const out = make((file) => join(at, file));
        const before = state(at);
        const run = cli(['batch', POINTS, '--csv', 'in.csv', '--out', out], at);
        assert.equal(run.code, writes ? code : 2, run.stderr);
        assert.equal(run.stdout, '');
        const after = state(at);
        if (writes && code < 2) {
          assert.equal(after[writes], expected);
          assert.deepEqual({ ...after, [writes]: undefined }, { ...before, [writes]: undefined });
        } else {
          assert.deepEqual(after, before);
        }
      });
    }
  }
});

describe('credit-rules batch --out: what cannot be replaced is written into', () => {
  it('a symbolic link: its target gets the output, the link stays (also a link to a file not there yet)', () => {
    mkdirSync(path('data'));
    writeFileSync(path('data/target.csv'), 'before\n');
    symlinkSync('data/target.csv', path('link.csv'));
    symlinkSync('data/new.csv', path('dangling.csv'));
    for (const [link, target] of [['link.csv', 'data/target.csv'], ['dangling.csv', 'data/new.csv']]) {
      const run = cli(['batch', POINTS, '--csv', YEAR, '--out', link]);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(lstatSync(path(link)).isSymbolicLink(), `${link} is no longer a link`);
      assert.equal(readlinkSync(path(link)), target);
      assert.match(read(target), /^line,customer/);
    }
    assert.deepEqual(readdirSync(path('data')).filter((f) => f.includes('.partial')), []);
  });

  it('a FIFO: its reader gets the output, and it stays a FIFO', async () => {
    assert.equal(spawnSync('mkfifo', [path('pipe')]).status, 0);
    const reader = spawn('cat', [path('pipe')]);
    const got = (async () => {
      let text = '';
      for await (const chunk of reader.stdout) text += String(chunk);
      return text;
    })();
    try {
      const run = cli(['batch', POINTS, '--csv', YEAR, '--out', 'pipe']);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(lstatSync(path('pipe')).isFIFO(), 'the FIFO was replaced');
      assert.match(await got, /^line,customer[^]*\n8,,,EUR,/);
    } finally {
      reader.kill();
    }
  });

  it('a FIFO nobody reads, and a file that cannot be used: exit 2 at once, without waiting for a reader', () => {
    assert.equal(spawnSync('mkfifo', [path('unread')]).status, 0);
    writeFileSync(path('unknown-column.csv'), 'availabilty\n99%\n');
    const run = cli(['batch', POINTS, '--csv', 'unknown-column.csv', '--out', 'unread']);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /column "availabilty" is not an identifying column/);
    assert.ok(lstatSync(path('unread')).isFIFO());
  });

  it('a character device (a null device): written into, not replaced', () => {
    const out = device('null', 3);
    const run = cli(['batch', POINTS, '--csv', YEAR, '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.ok(lstatSync(out).isCharacterDevice(), `${out} was replaced`);
  });

  it('a full disk (a device that is always full) is an error, exit 2', { skip: !existsSync('/dev/full') }, () => {
    const out = device('full', 7);
    const run = cli(['batch', POINTS, '--csv', YEAR, '--out', out]);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, `credit-rules: ${out}: cannot be written (ENOSPC)\n`);
    assert.ok(lstatSync(out).isCharacterDevice(), `${out} was replaced`);
  });
});

describe('credit-rules batch: a run stopped or cut short', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stopped by ${signal} in the middle: OUT is as it was, and no temporary file is left`, async () => {
      writeFileSync(path('stopped.csv'), 'before\n');
      const batch = running(['--out', 'stopped.csv']);
      // A bad row's error on stderr: the batch is under way, its output file open.
      batch.child.stdin.write('customer,month,availability,late_incidents\nACME,1,98%,4\n,,banana,1\n');
      await batch.until('stderr', '<stdin>:3: error');
      const partial = leftovers();
      assert.equal(partial.length, 1);
      // Not OUT.<pid>.partial, which anyone could guess and plant a link at.
      assert.match(partial[0], /^stopped\.csv\.[0-9a-f]{16}\.partial$/);
      assert.doesNotMatch(partial[0], new RegExp(`\\.${batch.child.pid}\\.`));
      batch.child.kill(signal);
      const [code, stoppedBy] = await batch.exit;
      assert.deepEqual([code, stoppedBy], [null, signal]);
      assert.deepEqual(leftovers(), []);
      assert.equal(read('stopped.csv'), 'before\n');
    });
  }

  it('a reader that goes away (`batch … | head -1`): exit 2, one line on stderr', async () => {
    const batch = running([]);
    batch.child.stdin.write('customer,month,availability,late_incidents\nACME,1,98%,4\n,,99%,1\n');
    await batch.until('stdout', '\n3,');
    batch.child.stdout.destroy();
    // More rows, whose output has nowhere to go.
    batch.child.stdin.end(',,98%,4\n'.repeat(1000));
    const [code] = await batch.exit;
    assert.equal(code, 2);
    assert.equal(batch.seen.stderr, 'credit-rules: <stdout>: the reader went away before the output was complete (broken pipe)\n');
  });
});
