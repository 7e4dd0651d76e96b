/**
 * The shipped `examples/*.credit` programs, offered as starting points.
 * They are fetched from the site (`/examples/NAME.credit` by default), so
 * the playground always opens the same files the CLI tests run.
 */

export const templateIds = ['one-liner', 'uptime-tiers', 'support-sla', 'points', 'multi-metric', 'support-roi'] as const;
export type TemplateId = (typeof templateIds)[number];

/**
 * The draft a first visit starts with: a short, complete uptime clause with
 * values that make sense together, so the first screen shows no warning (the
 * yearly cap can bind: three months at 50 % exceed 20 % of the year's fee)
 * and a preview with a value in every field. Its labels carry German
 * translations, so a German page shows German labels.
 */
export const starterSource = `# Service credits for monthly uptime
fee 1000 EUR monthly "Monthly fee" de "Monatsgebühr"
input availability: percent "Monthly uptime" de "Monatliche Verfügbarkeit" default 99.5% range 90%..100% step 0.01%

credit "Uptime" de "Verfügbarkeit":
  if availability < 99.9% then 10%
  if availability < 99.0% then 25%
  if availability < 95.0% then 50%

cap 20% yearly
claim within 30 days

example "Longer outage" de "Längerer Ausfall": availability = 98.5% => credit 25%
`;

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
