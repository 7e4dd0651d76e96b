/**
 * Loading a saved program — the JSON of `credit-rules compile` or of
 * `Program.toJSON()` — from a file nobody vouches for. `validateSaved` checks
 * the format tag, then every field (`shape.ts`), then what the fields mean
 * together (`meaning.ts`), and returns either a fresh copy that evaluation can
 * trust as it trusts a freshly checked program, or one problem that says what
 * is wrong and where, as a JSON path. It never throws: a damaged or hostile
 * file is an answer, not a crash later in a widget.
 */
import { PROGRAM_FORMAT, type CheckedProgram } from '../checker/program.js';
import { finish } from '../plan/steps.js';
import { checkMeaning } from './meaning.js';
import { Damaged, fail, isPlainObject, show } from './read.js';
import { savedProgram, source } from './shape.js';

export type SavedReading = { readonly ok: true; readonly program: CheckedProgram } | { readonly ok: false; readonly problem: string };

const NOT_A_PROGRAM = 'this is not a precompiled credit-rules program';
const VERSION = /^credit-rules\/([1-9]\d{0,8})$/;
const CURRENT = Number(VERSION.exec(PROGRAM_FORMAT)![1]);
/**
 * Characters of JSON text, read before any other limit applies: twice the
 * most a program within the limits of rules text writes (its source, labels
 * and condition texts escaped, 20 000 nodes and the copies in `measure`).
 */
const MAX_TEXT = 32 * 1024 * 1024;

/**
 * Reads a saved program: the parsed JSON, or its text. The problem names the
 * first fault as a path and what is wrong, e.g.
 * `ast.statements[3].credit.kind: expected one of "percent", "money", …, got "dollars"`.
 */
export function validateSaved(json: unknown): SavedReading {
  return finish(validateSavedInSteps(json));
}

/** `validateSaved` in steps: a text is parsed as JSON in a step of its own, then read and checked. */
export function* validateSavedInSteps(json: unknown): Generator<void, SavedReading, void> {
  if (typeof json !== 'string') return readParsed(json);
  const parsed = parseSaved(json);
  if ('problem' in parsed) return parsed;
  yield;
  return readParsed(parsed.data);
}

/** A saved program's text parsed as JSON, or the problem `validateSaved` gives for it. */
function parseSaved(text: string): { readonly data: unknown } | { readonly ok: false; readonly problem: string } {
  return reading(() => ({ data: parse(text) }));
}

/** `validateSaved` for JSON already parsed. */
function readParsed(data: unknown): SavedReading {
  return reading(() => {
    checkFormat(data);
    // A snapshot of the top level, so that its source is the one the spans are measured against.
    const top = { ...data };
    const program = savedProgram(source(top.source, 'source').length)(top, '');
    checkMeaning(program);
    return { ok: true, program };
  });
}

/** What `read` finds, or the first fault it throws as a problem; never throws itself. */
function reading<T>(read: () => T): T | { readonly ok: false; readonly problem: string } {
  try {
    return read();
  } catch (error) {
    if (error instanceof Damaged) return { ok: false, problem: error.message };
    // Only a platform stack far smaller than the limits assume could overflow.
    if (error instanceof RangeError) return { ok: false, problem: `this program is too deeply nested to read here (${error.message})` };
    throw error;
  }
}

function parse(text: string): unknown {
  if (text.length > MAX_TEXT) fail('', `${NOT_A_PROGRAM}: ${text.length} characters of JSON, more than any program within the limits of rules text`);
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail('', `${NOT_A_PROGRAM}: it is not JSON (${String((error as Error).message).slice(0, 120)})`);
  }
}

/** A format tag this version reads; a newer one is told apart from one that was never ours. */
function checkFormat(data: unknown): asserts data is Record<string, unknown> {
  if (!isPlainObject(data)) fail('', `${NOT_A_PROGRAM}: expected a JSON object, got ${show(data)}`);
  const format = Object.hasOwn(data, 'format') ? data.format : undefined;
  if (format === PROGRAM_FORMAT) return;
  if (format === undefined) fail('', `${NOT_A_PROGRAM}: it has no "format"`);
  const version = typeof format === 'string' ? VERSION.exec(format) : null;
  if (version && Number(version[1]) > CURRENT) {
    fail('', `made by a newer credit-rules (format "${format}"); this version reads "${PROGRAM_FORMAT}"`);
  }
  fail('', `${NOT_A_PROGRAM}: its format is ${show(format)}; this version reads "${PROGRAM_FORMAT}"`);
}
