/**
 * Getting a `Program` from what the host page gave: rules text, a child
 * `<script type="text/credit-rules">`, or a `src` URL holding either rules or
 * a precompiled program (JSON). The parser is imported lazily — only here,
 * only when text has to be compiled — so a page that ships a precompiled
 * program never downloads it. Nothing here throws: every failure comes back
 * as a `LoadFailure` the widget shows.
 */
import { loadProgram, type Program } from '../language/program.js';
import type { Diagnostic } from '../language/diagnostics.js';
import { LIMITS } from '../language/limits.js';
import type { Strings } from './i18n.js';

export type Loaded =
  | { readonly ok: true; readonly program: Program; readonly warnings: readonly Diagnostic[] }
  | LoadFailure;

export interface LoadFailure {
  readonly ok: false;
  /** `load`: the rules could not be fetched or read; `compile`: they have errors. */
  readonly kind: 'load' | 'compile';
  readonly message: string;
  readonly diagnostics: readonly Diagnostic[];
}

export async function compileText(source: string, t: Strings): Promise<Loaded> {
  try {
    const { compile } = await import('../language/compile.js');
    return settle(compile(source), 'compile', t);
  } catch (error) {
    // A missing parser chunk (a deployment that forgot a file) is a load failure, not a crash.
    return { ok: false, kind: 'load', message: t.loadFailed(String((error as Error)?.message ?? error)), diagnostics: [] };
  }
}

export function loadJson(json: unknown, t: Strings): Loaded {
  return settle(loadProgram(json), 'compile', t);
}

/** How long `src` may take, by default, before the widget gives up and says so. */
export const DEFAULT_TIMEOUT = 10_000;

/**
 * The most bytes `src` may send. A precompiled program of the largest rules
 * the limits allow is under 3 MB; rules text stops far earlier, at the
 * language's length limit.
 */
export const MAX_DOWNLOAD = 8_000_000;

/**
 * Fetches `src` and reads it as a precompiled program (JSON) or rules text.
 * Gives up after `timeout` ms (headers and body together). When `signal`
 * aborts (the element was removed, or other rules replaced these), the
 * result is a failure the caller is expected to ignore.
 */
export async function fetchRules(url: string, t: Strings, signal?: AbortSignal, timeout = DEFAULT_TIMEOUT): Promise<Loaded> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const unreachable = () => failure(timedOut ? t.timedOut(url, Math.round(timeout / 100) / 10) : t.network(url), t);
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
    } catch {
      return unreachable();
    }
    if (!response.ok) return failure(t.httpStatus(url, response.status), t);
    const tooLarge = () => failure(t.tooLarge(url, MAX_DOWNLOAD / 1_000_000), t);
    if (Number(response.headers.get('content-length')) > MAX_DOWNLOAD) {
      void response.body?.cancel().catch(() => undefined);
      return tooLarge();
    }
    const body = await readBody(response).catch(() => undefined);
    if (body === undefined) return unreachable();
    if (body === 'too large') return tooLarge();
    if (body.kind === 'program') return loadJson(body.text, t);
    // An HTML page (a single-page app's fallback for an unknown path) is never rules.
    if (body.kind === 'page') return failure(t.wrongContent(url), t);
    // Rules cut short at the length limit are still over it: the language says so (`limit-exceeded`).
    return await compileText(body.text, t);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}

/**
 * The body as it arrives, read only as far as it can be used: rules text up
 * to one character past the language's length limit, a program up to
 * `MAX_DOWNLOAD` bytes, a web page up to its first `<`. The rest is never
 * downloaded: the reader is cancelled. What it is shows in its first
 * character that is not blank.
 */
async function readBody(response: Response): Promise<{ kind: 'rules' | 'program' | 'page'; text: string } | 'too large'> {
  const reader = response.body?.getReader();
  if (!reader) return { kind: 'rules', text: '' };
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  let chars = 0;
  let kind: 'rules' | 'program' | 'page' | undefined;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const part = done ? decoder.decode() : decoder.decode(value, { stream: true });
      parts.push(part);
      chars += part.length;
      bytes += value?.byteLength ?? 0;
      kind ??= kindOf(part);
      if (done || kind === 'page') break;
      if (kind === 'program' ? bytes > MAX_DOWNLOAD : chars > LIMITS.sourceLength) break;
    }
  } finally {
    // Stops the download when not all was read; nothing is left to cancel otherwise.
    void reader.cancel().catch(() => undefined);
  }
  if (kind === 'program' && bytes > MAX_DOWNLOAD) return 'too large';
  const text = parts.join('');
  return { kind: kind ?? 'rules', text: kind === 'rules' ? text.slice(0, LIMITS.sourceLength + 1) : text };
}

/** What a body is, from its first character that is not blank; undefined while there is none yet. */
function kindOf(part: string): 'rules' | 'program' | 'page' | undefined {
  const first = /\S/.exec(part)?.[0];
  return first === undefined ? undefined : first === '{' ? 'program' : first === '<' ? 'page' : 'rules';
}

function failure(what: string, t: Strings): LoadFailure {
  return { ok: false, kind: 'load', message: t.loadFailed(what), diagnostics: [] };
}

function settle(result: { diagnostics: readonly Diagnostic[]; program?: Program }, kind: 'compile', t: Strings): Loaded {
  if (result.program) return { ok: true, program: result.program, warnings: result.diagnostics.filter((d) => d.severity !== 'info') };
  return { ok: false, kind, message: t.rulesProblem, diagnostics: result.diagnostics };
}

/**
 * Rules written inside HTML are indented with the markup; the language is
 * indentation-sensitive, so the common indentation is removed. A text over
 * the language's limits even without its indentation is handed back as it
 * is, for the language to refuse with `limit-exceeded`: a script of a
 * million lines costs no more than reading until that shows.
 */
export function dedent(text: string): string {
  if (beyondLimits(text)) return text;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && !lines[first].trim()) first++;
  while (last >= first && !lines[last].trim()) last--;
  // A loop, not Math.min(...indents): spreading thousands of arguments overflows the stack.
  let common = Infinity;
  for (let i = first; i <= last; i++) {
    if (lines[i].trim()) common = Math.min(common, /^[ \t]*/.exec(lines[i])![0].length);
  }
  const kept: string[] = [];
  for (let i = first; i <= last; i++) kept.push(lines[i].slice(common));
  return kept.join('\n') + '\n';
}

/**
 * Whether `text`, dedented, would certainly be over the language's length or
 * line limit. Counts what dedenting cannot remove (characters that are not
 * blank, and the line breaks between them) and stops as soon as either is
 * over: a lower bound, so rules that fit once dedented are never refused.
 */
function beyondLimits(text: string): boolean {
  let chars = 0;
  let lines = 1;
  /** Line breaks since the last character that is not blank: they count once more text follows. */
  let breaks = 0;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      breaks++;
      continue;
    }
    if (c <= 32 || (c >= 0x7f && BLANK.test(text[i]))) continue;
    if (started) {
      lines += breaks;
      chars += breaks;
    }
    started = true;
    breaks = 0;
    if (++chars > LIMITS.sourceLength || lines > LIMITS.lines) return true;
  }
  return false;
}

const BLANK = /\s/;
