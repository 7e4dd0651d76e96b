/**
 * `eval --set NAME=VALUE`: one value, a year of values (`99.5%,98%`), a list
 * input's items in brackets, or a year of lists — as strings, for the
 * language's reader to read.
 */
import { UsageError } from './context.js';

export function valuesOf(sets: readonly string[], warn: (line: string) => void): Record<string, string | string[] | string[][]> {
  const values: Record<string, string | string[] | string[][]> = {};
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set needs NAME=VALUE, not "${set}"`);
    const name = set.slice(0, eq).trim();
    const value = set.slice(eq + 1).trim();
    if (value.startsWith('[')) {
      values[name] = bracketed(name, value);
      continue;
    }
    if (!value.includes(',')) {
      values[name] = value;
      continue;
    }
    const items = value.split(',').map((v) => v.trim());
    warnDecimalComma(name, items, warn);
    values[name] = items;
  }
  return values;
}

/**
 * `--set outages=[10min,2h]`: a list input's items (or a year of values);
 * `[[10min],[],[2h]]`: a year of a list input's items, one list a period.
 */
function bracketed(name: string, value: string): string[] | string[][] {
  const bad = (why: string) => new UsageError(`--set ${name}=${value}: ${why}; write items in brackets, such as [10min,2h], or a year of lists, such as [[10min],[],[2h]]`);
  if (!value.endsWith(']')) throw bad('a `[` without its closing `]`');
  const inner = value.slice(1, -1).trim();
  if (!inner.includes('[')) {
    if (inner.includes(']')) throw bad('a `]` without its opening `[`');
    return inner === '' ? [] : inner.split(',').map((v) => v.trim());
  }
  const lists: string[][] = [];
  const pattern = /\s*\[([^[\]]*)\]\s*(,|$)/y;
  let at = 0;
  while (at < inner.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(inner);
    if (!match) throw bad('lists nest one level deep, separated by commas');
    lists.push(match[1].trim() === '' ? [] : match[1].split(',').map((v) => v.trim()));
    at = pattern.lastIndex;
  }
  return lists;
}

/**
 * `--set availability=99,5%` is a year of two months, 99 and 5 %, though
 * whoever wrote it most likely meant 99.5 % with a German decimal comma: a
 * warning names the option, and what to write for the decimal.
 */
function warnDecimalComma(name: string, items: readonly string[], warn: (line: string) => void): void {
  for (let i = 0; i + 1 < items.length; i++) {
    if (!/^[0-9]+$/.test(items[i]) || !/^[0-9]+\s*[^0-9\s.]/.test(items[i + 1])) continue;
    const decimal = [...items.slice(0, i), `${items[i]}.${items[i + 1]}`, ...items.slice(i + 2)].join(',');
    warn(`credit-rules: warning: --set ${name}=${items.join(',')} is a list of ${items.length} months (${items.join(', ')}), one value each; for a decimal, write a point: --set ${name}=${decimal}`);
    return;
  }
}
