/**
 * Getting a `Program` from what the host page gave: rules text, a child
 * `<script type="text/credit-rules">`, or a `src` URL holding either rules or
 * a precompiled program (JSON). The parser is imported lazily — only here,
 * only when text has to be compiled — so a page that ships a precompiled
 * program never downloads it. Nothing here throws: every failure comes back
 * as a `LoadFailure` the widget shows.
 */
import { loadProgram, type Diagnostic, type Program } from '../runtime.js';
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
    const { compile } = await import('../compiler.js');
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
    const text = await response.text().catch(() => undefined);
    if (text === undefined) return unreachable();
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{')) return loadJson(text, t);
    // An HTML page (a single-page app's fallback for an unknown path) is never rules.
    if (trimmed.startsWith('<')) return failure(t.wrongContent(url), t);
    return await compileText(text, t);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
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
 * indentation-sensitive, so the common indentation is removed.
 */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common)).join('\n') + '\n';
}
