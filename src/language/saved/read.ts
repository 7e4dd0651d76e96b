/**
 * A few readers for untrusted JSON, enough to describe the saved-program
 * format as a table (`shape.ts`). Each reader checks one value and returns a
 * fresh, typed copy of it, or stops at the first fault with where it is (a
 * JSON path such as `ast.statements[3].credit.kind`) and what is wrong. Only
 * own fields of plain objects are read, each once, and unknown fields are
 * faults: a `__proto__` or `constructor` key is reported, never followed.
 */

/** The first fault found; caught by `validateSaved`, never seen by its callers. */
export class Damaged extends Error {}

/** Reads `value`, found at the JSON path `at`. */
export type Reader<T> = (value: unknown, at: string) => T;

/** A field that may be absent (not `null`: the format never writes `null`). */
export interface Optional<T> {
  readonly optional: Reader<T>;
}

type Fields = Record<string, Reader<unknown> | Optional<unknown>>;
type Required<F extends Fields> = { -readonly [K in keyof F as F[K] extends Reader<unknown> ? K : never]: F[K] extends Reader<infer T> ? T : never };
type Maybe<F extends Fields> = { -readonly [K in keyof F as F[K] extends Optional<unknown> ? K : never]?: F[K] extends Optional<infer T> ? T : never };
export type ObjectOf<F extends Fields> = Required<F> & Maybe<F>;

export function fail(at: string, message: string): never {
  throw new Damaged(at ? `${at}: ${message}` : message);
}

/** A value as a message shows it: short, and never the whole of a hostile string. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (isPlainObject(value)) return 'an object';
  return typeof value === 'object' ? 'an object that is not plain data' : `a ${typeof value}`;
}

/** Fails with "expected …, got …", or "missing" when the field is not there. */
export function expected(at: string, what: string, value: unknown): never {
  return fail(at, value === undefined ? `missing; expected ${what}` : `expected ${what}, got ${show(value)}`);
}

export const child = (at: string, key: string | number) =>
  typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${key}` : key;

export const optional = <T>(reader: Reader<T>): Optional<T> => ({ optional: reader });

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** An object with exactly these fields (the optional ones may be absent), read in the order given. */
export function object<F extends Fields>(fields: F): Reader<ObjectOf<F>> {
  const entries = Object.entries(fields);
  return (value, at) => {
    if (!isPlainObject(value)) return expected(at, 'an object', value);
    for (const key of Object.keys(value)) if (!Object.hasOwn(fields, key)) fail(child(at, key), 'unknown field');
    const out: Record<string, unknown> = {};
    for (const [key, field] of entries) {
      const present = Object.hasOwn(value, key);
      if (typeof field !== 'function') {
        if (present) out[key] = field.optional(value[key], child(at, key));
      } else {
        out[key] = field(present ? value[key] : undefined, child(at, key));
      }
    }
    return out as ObjectOf<F>;
  };
}

/** Objects of several types, told apart by the string in `field` (`type` for the AST's nodes). */
export function variants<T>(field: string, readers: Readonly<Record<string, Reader<T>>>): Reader<T> {
  const tag = oneOf(...Object.keys(readers));
  return (value, at) => {
    if (!isPlainObject(value)) return expected(at, 'an object', value);
    return readers[tag(Object.hasOwn(value, field) ? value[field] : undefined, child(at, field))](value, at);
  };
}

/** Up to `max` items (a bound on the work a hostile file can ask for), at least `min`. */
export function array<T>(item: Reader<T>, max: number, min = 0): Reader<T[]> {
  return (value, at) => {
    if (!Array.isArray(value)) return expected(at, 'an array', value);
    if (value.length > max) fail(at, `${value.length} entries, more than the ${max} allowed`);
    if (value.length < min) fail(at, `${value.length} entries, fewer than the ${min} needed`);
    const out: T[] = [];
    for (let i = 0; i < value.length; i++) out.push(item(value[i], child(at, i)));
    return out;
  };
}

export function oneOf<T extends string>(...allowed: T[]): Reader<T> {
  const what = allowed.length === 1 ? JSON.stringify(allowed[0]) : `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
  return (value, at) => (typeof value === 'string' && (allowed as string[]).includes(value) ? (value as T) : expected(at, what, value));
}

/** A string of at most `max` characters that `pattern` matches whole (`what` names it in messages). */
export function text(max: number, pattern?: RegExp, what = 'a string'): Reader<string> {
  return (value, at) => {
    if (typeof value !== 'string') return expected(at, what, value);
    if (value.length > max) fail(at, `${value.length} characters, more than the ${max} allowed`);
    if (pattern && !pattern.test(value)) expected(at, what, value);
    return value;
  };
}

export const boolean: Reader<boolean> = (value, at) => (typeof value === 'boolean' ? value : expected(at, 'true or false', value));

/** A whole number from 0 to `max`. */
export function count(max: number): Reader<number> {
  return (value, at) => (Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= max
    ? (value as number)
    : expected(at, `a whole number from 0 to ${max}`, value));
}

/** Reads with `reader`, then checks what a field-by-field reading cannot see (`test` fails itself). */
export function refine<T>(reader: Reader<T>, test: (value: T, at: string) => void): Reader<T> {
  return (value, at) => {
    const out = reader(value, at);
    test(out, at);
    return out;
  };
}
