/**
 * The calculator's form as data: what each field shows and the value it
 * holds, read from what a person types, a host gives, a link or an example
 * carries — and the contract year's periods. Pure functions over plain
 * records (no DOM, no Lit), so they are tested in Node; the element keeps the
 * state and renders it. Values are decimal strings in the input's unit, as
 * the rules read them; the evaluation through the program's public API is
 * what checks them against the rules (ranges, kinds).
 */
import { formatNumber, type InputInfo, type InputValue, type InputValues } from '../runtime.js';
import { decimalsOf, isAvailability } from './chart.js';
import { availabilityFromDowntime, downtimeFromAvailability } from './downtime.js';
import type { Formats } from './formats.js';
import { parseNumber } from './i18n.js';
import { fieldValue, MAX_VALUE_LENGTH, tooLong } from './values.js';

export interface Field {
  /** What the field shows: the user's own text while they type. */
  text: string;
  /** The last valid value, as a decimal string in the input's unit ("true"/"false" for switches). */
  value?: string;
  error?: string;
}

/** How fields read and write: the language's formats, and whether availability is entered as minutes of downtime. */
export interface FormContext {
  readonly formats: Formats;
  readonly downtime: boolean;
}

/** Whether this input's field asks for minutes of downtime (the element's `downtime`). */
export function asDowntime(input: InputInfo, ctx: FormContext): boolean {
  return ctx.downtime && isAvailability(input);
}

/** A value as its field shows it: "99,5" in German, minutes when entered as downtime. */
export function display(input: InputInfo, value: string, ctx: FormContext): string {
  if (input.kind === 'boolean') return value;
  return formatNumber(asDowntime(input, ctx) ? downtimeFromAvailability(value) : value, ctx.formats.lang);
}

/** A field from a value the page, a link or an example gives (`99.5`, `"99.5%"`, `true`). */
export function givenField(input: InputInfo, raw: InputValue | undefined, ctx: FormContext): Field {
  if (raw !== undefined && raw !== null && tooLong(raw)) return { text: String(raw), error: ctx.formats.t.tooLong(MAX_VALUE_LENGTH) };
  const value = fieldValue(input, raw);
  return { text: value === undefined ? '' : display(input, value, ctx), ...(value !== undefined ? { value } : {}) };
}

/** A field as the user typed it: its value (minutes of downtime read as the availability they mean), or what is wrong with it. */
export function typedField(input: InputInfo, text: string, ctx: FormContext): Field {
  const t = ctx.formats.t;
  if (tooLong(text)) return { text, error: t.tooLong(MAX_VALUE_LENGTH) };
  const value = parseNumber(text, ctx.formats.lang);
  if (value === undefined) return { text, error: notANumber(ctx) };
  return { text, value: asDowntime(input, ctx) ? availabilityFromDowntime(value) : value };
}

/** A valid value written anew the way this language writes it; a field being corrected stays as typed. */
export function reformatted(input: InputInfo, f: Field, ctx: FormContext): Field {
  return f.value !== undefined && !f.error ? { ...f, text: display(input, f.value, ctx) } : f;
}

/** A field holding `value`, shown the way this language writes it. */
export function valueField(input: InputInfo, value: string, ctx: FormContext): Field {
  return { text: display(input, value, ctx), value };
}

/**
 * A list input's field: its rows as typed (`text`, a JSON array) and, when
 * every row reads, their values (`value`, a JSON array too, so share links
 * and events carry it as one string); empty rows are left out.
 */
export function listField(input: InputInfo, rows: readonly string[], ctx: FormContext): Field {
  const text = JSON.stringify(rows);
  const values: string[] = [];
  for (const row of rows) {
    if (row.trim() === '') continue;
    // A value with its unit (`2h`, in the field's unit), else a number as this language writes it (`2,5`).
    const typed = typedField(input, row, ctx);
    const value = fieldValue(input, row.trim()) ?? typed.value;
    if (value === undefined) return { text, error: typed.error ?? notANumber(ctx) };
    values.push(value);
  }
  return { text, value: JSON.stringify(values) };
}

/** A list field's rows as typed. */
export function rowsOf(f: Field | undefined): string[] {
  try {
    const rows: unknown = JSON.parse(f?.text ?? '[]');
    return Array.isArray(rows) ? rows.map(String) : [];
  } catch {
    return [];
  }
}

/** The value the arrow keys step to: the input's step (a minute of downtime when entered as such), within its range. */
export function stepped(input: InputInfo, value: string, up: boolean, ctx: FormContext): string {
  if (asDowntime(input, ctx)) {
    // A minute more downtime is less availability: the arrows step the minutes shown.
    const minutes = Math.max(0, Math.round(Number(downtimeFromAvailability(value)) + (up ? 1 : -1)));
    return availabilityFromDowntime(String(minutes));
  }
  const decimals = decimalsOf(input);
  const step = Number(input.step ?? 10 ** -Math.min(decimals, 2)) * (up ? 1 : -1);
  let next = Number(value) + step;
  if (input.range) next = Math.min(Math.max(next, Number(input.range.min)), Number(input.range.max));
  return String(Number(next.toFixed(decimals)));
}

/** A slider's position as the input's value, to the input's decimals. */
export function sliderValue(input: InputInfo, raw: string): string {
  return String(Number(Number(raw).toFixed(decimalsOf(input))));
}

/** "Allowed: 90 % to 100 %." when the value lies outside the input's range; undefined within it. */
export function rangeMessage(input: InputInfo, value: string | undefined, ctx: FormContext): string | undefined {
  const range = input.range ?? (input.kind === 'percent' ? { min: '0', max: '100' } : undefined);
  if (!range || value === undefined) return undefined;
  if (Number(value) >= Number(range.min) && Number(value) <= Number(range.max)) return undefined;
  const { formats } = ctx;
  const [lo, hi] = asDowntime(input, ctx)
    ? [range.max, range.min].map((v) => `${formatNumber(downtimeFromAvailability(v), formats.lang)}\u00a0${formats.t.minutes}`)
    : [range.min, range.max].map((v) => formats.inputValue(input, v));
  return formats.lang === 'de' ? `Erlaubt: ${lo} bis ${hi}.` : `Allowed: ${lo} to ${hi}.`;
}

/**
 * A host that mirrors `credit-change` back into `values` hands over what a field
 * or month already holds: the held one stays, with its text as typed ("99." on
 * the way to "99.5").
 */
export function kept(held: Field | undefined, given: Field): Field {
  return held && !held.error && held.value === given.value ? held : given;
}

/** The fields without the messages an evaluation gave them; a field that does not read keeps its own, and a field without a message stays the same object (the form draws again only what changed). */
export function clearChecked(fields: Record<string, Field>): Record<string, Field> {
  const checked = (f: Field) => f.value !== undefined && f.error !== undefined;
  // The same record when none has such a message: a form of thousands of inputs is not copied on every key press.
  if (!Object.values(fields).some(checked)) return fields;
  return Object.fromEntries(Object.entries(fields).map(([n, f]) => [n, checked(f) ? { text: f.text, value: f.value } : f]));
}

/** Whether a field does not read: the form cannot be computed until it is corrected. */
export function blocked(fields: Record<string, Field>): boolean {
  return Object.values(fields).some((f) => f.value === undefined && f.error);
}

/** The valid values of the fields, by input name. */
export function currentValues(fields: Record<string, Field>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, f] of Object.entries(fields)) if (f.value !== undefined) values[name] = f.value;
  return values;
}

/** The form's values as the rules take them: a list input's items as a list. */
export function givenValues(values: Readonly<Record<string, string>>, inputs: readonly InputInfo[]): InputValues {
  const lists = inputs.filter((i) => i.list && values[i.name] !== undefined);
  if (lists.length === 0) return values;
  const given: Record<string, string | string[]> = { ...values };
  for (const input of lists) given[input.name] = rowsOf({ text: values[input.name] });
  return given;
}

/** A year's periods per input; those not given repeat the last given one, or the field's current value. */
export function yearFields(inputs: readonly InputInfo[], periods: number, lists: Record<string, readonly string[]>, fields: Record<string, Field>, ctx: FormContext): Record<string, Field[]> {
  const year: Record<string, Field[]> = {};
  for (const input of inputs) {
    const given = lists[input.name];
    year[input.name] = Array.from({ length: periods }, (_, m) => {
      const raw = given?.length ? given[Math.min(m, given.length - 1)] : fields[input.name]?.value;
      return givenField(input, raw, ctx);
    });
  }
  return year;
}

function notANumber(ctx: FormContext): string {
  return ctx.formats.t.notANumber(ctx.formats.lang === 'de' ? '99,5' : '99.5');
}
