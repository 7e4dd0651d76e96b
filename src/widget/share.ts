/**
 * A scenario in a link: input values in the page URL's query, each key
 * prefixed with the element's id (`sla.availability=99.2`), so two
 * calculators on one page keep their own. Months of a contract year are
 * joined with `~`. Values are plain decimal strings, as the rules read them.
 * `ID._terms` holds the fingerprint of the terms the link was made under (a
 * name cannot start with `_`, so no input is mistaken for it).
 */
export type Scenario = { values: Record<string, string>; year?: Record<string, string[]>; terms?: string };

const TERMS = '_terms';

/**
 * A short fingerprint of the terms: the rules without comments and spacing
 * (FNV-1a, 32 bits), so editing a comment keeps it and any change to the
 * rules themselves does not. A link or a quote carries it.
 */
export function termsFingerprint(source: string): string {
  const terms = source.replace(/("[^"\n]*")|#.*$/gm, (_, quoted?: string) => quoted ?? '').replace(/\s+/g, ' ').trim();
  let hash = 0x811c9dc5;
  for (let i = 0; i < terms.length; i++) hash = Math.imul(hash ^ terms.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

const MONTHS = '~';

export function readScenario(href: string, namespace: string): Scenario | undefined {
  let params: URLSearchParams;
  try {
    params = new URL(href).searchParams;
  } catch {
    return undefined;
  }
  const prefix = `${namespace}.`;
  // A link is anyone's text: no key of it (`__proto__`) may reach an object's prototype.
  const scenario: Scenario = { values: Object.create(null) as Record<string, string> };
  let found = false;
  for (const [key, value] of params) {
    if (!key.startsWith(prefix)) continue;
    found = true;
    const name = key.slice(prefix.length);
    if (name === TERMS) scenario.terms = value;
    else if (name.startsWith('year.')) (scenario.year ??= Object.create(null) as Record<string, string[]>)[name.slice(5)] = value.split(MONTHS).slice(0, 12);
    else scenario.values[name] = value;
  }
  return found ? scenario : undefined;
}

export function scenarioUrl(href: string, namespace: string, scenario: Scenario): string {
  const url = new URL(href);
  const prefix = `${namespace}.`;
  for (const key of [...url.searchParams.keys()]) if (key.startsWith(prefix)) url.searchParams.delete(key);
  for (const [name, value] of Object.entries(scenario.values)) url.searchParams.set(prefix + name, value);
  for (const [name, months] of Object.entries(scenario.year ?? {})) url.searchParams.set(`${prefix}year.${name}`, months.join(MONTHS));
  if (scenario.terms) url.searchParams.set(prefix + TERMS, scenario.terms);
  return url.href;
}
