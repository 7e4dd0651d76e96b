/**
 * The shipped `examples/*.credit` programs, offered as starting points.
 * They are fetched from the site (`/examples/NAME.credit` by default), so
 * the playground always opens the same files the CLI tests run.
 */

export const templateIds = ['one-liner', 'uptime-tiers', 'support-sla', 'points', 'multi-metric', 'support-roi'] as const;
export type TemplateId = (typeof templateIds)[number];

/** The draft a first visit starts with: the smallest complete program. */
export const starterSource = 'if availability < 99.5% then 10% capped 20% yearly\n';

export type TemplateResult = { readonly ok: true; readonly source: string } | { readonly ok: false; readonly reason: string };

export async function fetchTemplate(base: string, id: string, signal?: AbortSignal): Promise<TemplateResult> {
  const url = new URL(`${encodeURIComponent(id)}.credit`, new URL(base.endsWith('/') ? base : `${base}/`, document.baseURI));
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    return { ok: false, reason: String((error as Error)?.message ?? error) };
  }
  if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
  const text = await response.text();
  // A single-page fallback answers unknown paths with HTML; that is no template.
  if (/^\s*</.test(text)) return { ok: false, reason: url.pathname };
  return { ok: true, source: text.replace(/\r\n?/g, '\n') };
}
