/**
 * The `credit-rules` command in a real process (bin/credit-rules.js over
 * lib/, built by the test script), run in a scratch folder removed after the
 * file's tests; and the uptime rules with a monthly and a yearly cap that the
 * SQL and DuckDB batch tests run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/credit-rules.js', import.meta.url));

export const RULES = `fee 1_000 EUR monthly
input availability: percent default 99.9% range 0%..100%
credit "Uptime" capped 50% monthly:
  if availability < 99.9% then 10%
  if availability < 99% then 25%
  if availability < 95% then 100%
cap 60% yearly
`;

export interface Scratch {
  readonly dir: string;
  /** Runs the command with `args` in the folder: exit code, stdout, stderr. */
  run(args: readonly string[], env?: NodeJS.ProcessEnv): { code: number | null; out: string; err: string };
  /** Writes `text` to `name` in the folder; its path. */
  file(name: string, text: string): string;
}

export function scratch(prefix: string): Scratch {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    run(args, env = process.env) {
      const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000, env });
      return { code: result.status, out: result.stdout, err: result.stderr };
    },
    file(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}
