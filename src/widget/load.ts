/**
 * Getting a `Program` from what the host page gave: rules text, a child
 * `<script type="text/credit-rules">`, or a `src` URL holding either rules or
 * a precompiled program (JSON). The parser is imported lazily — only here,
 * only when text has to be compiled — so a page that ships a precompiled
 * program never downloads it. Large rules are read in a worker when the
 * caller gives one (`background-load.ts`), smaller ones here. Nothing here
 * throws: every failure comes back as a `LoadFailure` the widget shows.
 */
import { isServer } from 'lit';
import { LIMITS, loadProgram, type Diagnostic, type Program } from '../runtime.js';
import type { BackgroundLoader } from './background-load.js';
import type { Strings } from './i18n.js';
import { nextTask } from './idle.js';

export type Loaded =
  | { readonly ok: true; readonly program: Program }
  | LoadFailure;

export interface LoadFailure {
  readonly ok: false;
  /** `load`: the rules could not be fetched or read; `compile`: they have errors. */
  readonly kind: 'load' | 'compile';
  readonly message: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Rules texts at least this long are compiled in a worker (the widget's
 * large rules, the playground's large drafts). Below it a compile stays
 * well under a long task's 50 ms (13,500 characters, 300 lines: about 13 ms
 * in Chromium, `npm run bench`), and starting a worker would cost more than
 * it saves.
 */
export const BACKGROUND_LENGTH = 20_000;

/**
 * Programs (JSON) of at least this many characters are read in the worker.
 * Reading and verifying one takes about 70 ms per MB in Chromium (the
 * 2.4 MB of a 4,990-tier block: 150–170 ms), so below 200 kB it stays near
 * 15 ms, and on a phone a few times slower still under a long task's 50 ms;
 * there a worker's start (its script is the parser's size) would cost more
 * than it saves. (A program compiled from `BACKGROUND_LENGTH` characters of
 * tiers is about 290 kB: programs just under it are read on the page.)
 */
export const BACKGROUND_JSON = 200_000;

/**
 * Compiles rules text: in `background`'s worker when the text is long, here
 * otherwise. Work replaced by newer rules ends as a failure the caller is
 * expected to ignore.
 */
export async function compileText(source: string, t: Strings, background?: BackgroundLoader): Promise<Loaded> {
  try {
    if (background && source.length >= BACKGROUND_LENGTH) return settle(await background.run({ rules: source }), 'compile', t);
    const compiler = await import('../compiler.js');
    // A page's first compile loads the parser's module, builds the parser, then runs code the engine
    // has not compiled yet: together a task of 0.1–0.3 s, so each part has a task of its own.
    if (!isServer && !compiler.parserReady()) {
      await nextTask();
      compiler.prepareParser();
      await nextTask();
    }
    return settle(compiler.compile(source), 'compile', t);
  } catch (error) {
    // A missing parser chunk (a deployment that forgot a file) is a load failure, not a crash.
    return thrown(error, t);
  }
}

export function loadJson(json: unknown, t: Strings): Loaded {
  return settle(loadProgram(json), 'compile', t);
}

/** Reads a program's JSON text: in `background`'s worker when it is large, here otherwise. */
async function loadJsonText(text: string, t: Strings, background?: BackgroundLoader): Promise<Loaded> {
  if (!background || text.length < BACKGROUND_JSON) return loadJson(text, t);
  try {
    return settle(await background.run({ program: text }), 'compile', t);
  } catch (error) {
    return thrown(error, t);
  }
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
 * result is a failure the caller is expected to ignore. Large rules are read
 * in `background`'s worker, when given.
 */
export async function fetchRules(url: string, t: Strings, signal?: AbortSignal, timeout = DEFAULT_TIMEOUT, background?: BackgroundLoader): Promise<Loaded> {
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
    const tooLarge = () => failure(t.tooLarge(url, MAX_DOWNLOAD / 1e6), t);
    if (Number(response.headers.get('content-length')) > MAX_DOWNLOAD) {
      void response.body?.cancel().catch(() => undefined);
      return tooLarge();
    }
    const text = await readBody(response).catch(() => null);
    if (text === null) return unreachable();
    if (text === undefined) return tooLarge();
    // Rules replaced, or the element removed, while the body came: they are not compiled or read.
    if (signal?.aborted) return unreachable();
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{')) return await loadJsonText(text, t, background);
    // An HTML page (a single-page app's fallback for an unknown path) is never rules.
    if (trimmed.startsWith('<')) return failure(t.wrongContent(url), t);
    // Rules cut short past the length limit are still over it: the language says so (`limit-exceeded`).
    return await compileText(text, t, background);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}

/**
 * The body, read only as far as it can be used: rules text until it is past
 * the language's length limit, a program (JSON) up to `MAX_DOWNLOAD` bytes;
 * then the rest is not downloaded. Undefined when a program is larger.
 */
async function readBody(response: Response): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  /** Whether it is a program: known from the first character that is not blank. */
  let program: boolean | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    const part = decoder.decode(value, { stream: true });
    program ??= /\S/.test(part) ? part.trimStart().startsWith('{') : undefined;
    text += part;
    if (bytes > MAX_DOWNLOAD || (!program && text.length > LIMITS.sourceLength)) {
      void reader.cancel().catch(() => undefined);
      return bytes > MAX_DOWNLOAD ? undefined : text;
    }
  }
}

function thrown(error: unknown, t: Strings): LoadFailure {
  return failure(String((error as Error)?.message ?? error), t);
}

function failure(what: string, t: Strings): LoadFailure {
  return { ok: false, kind: 'load', message: t.loadFailed(what), diagnostics: [] };
}

function settle(result: { diagnostics: readonly Diagnostic[]; program?: Program }, kind: 'compile', t: Strings): Loaded {
  if (result.program) return { ok: true, program: result.program };
  return { ok: false, kind, message: t.rulesProblem, diagnostics: result.diagnostics };
}

/**
 * Rules written inside HTML are indented with the markup; the language is
 * indentation-sensitive, so the common indentation is removed. Lines are
 * split no further than the line limit: a text with more is left as it is
 * for the language to refuse (`limit-exceeded`), without dedenting it.
 */
export function dedent(text: string): string {
  const lines = text.replace(/^\s*\n/, '').trimEnd().split(/\r\n?|\n/, LIMITS.lines + 1);
  if (lines.length > LIMITS.lines) return text;
  // A loop, not Math.min(...indents): spreading thousands of arguments overflows the stack.
  let common = Infinity;
  for (const line of lines) if (line.trim()) common = Math.min(common, /^[ \t]*/.exec(line)![0].length);
  return lines.map((line) => line.slice(common)).join('\n') + '\n';
}
