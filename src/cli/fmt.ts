/**
 * `credit-rules fmt [--check | --write] FILE...`: the canonical layout of
 * rules files (`format` in src/language/format/). Without an option the
 * formatted text is printed; `--check` lists the files that are not
 * formatted and exits 1 if there are any; `--write` rewrites them in place,
 * whole or not at all (a temporary file renamed over the old one).
 */
import { format } from '../language/format/format.js';
import type { CommandContext } from './context.js';
import { writeWhole } from './write-file.js';

export interface FmtOptions {
  readonly check: boolean;
  readonly write: boolean;
}

export async function fmt(files: readonly string[], { check, write }: FmtOptions, context: CommandContext): Promise<number> {
  let failed = false;
  for (const file of files) {
    const source = context.read(file);
    const result = format(source);
    if (result.text === undefined) {
      context.err(`${file}: not formatted: it has syntax errors`);
      for (const d of result.diagnostics) context.err(context.diagnostic(file, d));
      failed = true;
      continue;
    }
    if (check) {
      if (result.changed) {
        context.out(file);
        failed = true;
      }
    } else if (write) {
      if (!result.changed) continue;
      await writeWhole(file, result.text, context);
      context.out(file);
    } else {
      context.out(result.text.replace(/\n$/, ''));
    }
  }
  return failed ? 1 : 0;
}

