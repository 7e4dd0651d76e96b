/**
 * The embed code for a configured `<credit-calculator>`, as the embed
 * configurator (`demo/embed.html`) hands it to a marketer: a `<script>` tag
 * for any page, the npm import for an app with a bundler, and a React
 * component. Pure text from options, no DOM, so what is copied is tested in
 * Node and, pasted into a fresh page, in Chromium. Every value is escaped for
 * the place it lands in (HTML text, an attribute, a CSS value, a JavaScript
 * string), so no rules text or option can break out of it.
 */

/** What the marketer chose. Only what differs from the calculator's defaults is written out. */
export interface EmbedOptions {
  /** The element's id: the prefix of its values in shared links. */
  readonly id: string;
  /** The rules as text, put into the page; or, with `src`, left out. */
  readonly rules: string;
  /** URL of the rules or of a precompiled program (JSON) on the marketer's server, instead of inline rules. */
  readonly src?: string;
  /** Space-separated panel names, or `all`. */
  readonly panels: string;
  /** Space-separated names of the inputs with a field; empty or missing for all. */
  readonly inputs?: string;
  /** `en`, `de`, or empty to follow the page's `lang`. */
  readonly locale?: string;
  readonly compact?: boolean;
  /** Availability asked for as minutes of downtime. */
  readonly downtime?: boolean;
  /** Custom properties (`--credit-accent` …) by name: the light look. */
  readonly theme?: Readonly<Record<string, string>>;
  /** Custom properties for `prefers-color-scheme: dark`. */
  readonly darkTheme?: Readonly<Record<string, string>>;
  /** Where `<script>` users load the standalone bundle from. */
  readonly scriptUrl: string;
}

export interface Snippets {
  /** A `<script type="module">` tag, the styles, and the element: paste into any HTML page. */
  readonly html: string;
  /** For an app with a bundler: the package's import (or put it in the app's entry module), the styles and the element. */
  readonly npm: string;
  /** A React component rendering the calculator (`credit-rules/react`), and its styles. */
  readonly react: string;
}

/** The panels the calculator shows when `panels` is not set. */
export const DEFAULT_PANELS = 'breakdown outputs why chart examples';

export function embedSnippets(options: EmbedOptions): Snippets {
  const css = styles(options);
  const element = elementHtml(options);
  const style = css ? `<style>\n${css}</style>\n` : '';
  return {
    html: `<script type="module" src="${attribute(options.scriptUrl)}"></script>\n${style}${element}`,
    // The bare import is resolved by the app's bundler (Vite and Parcel resolve it in an HTML page too).
    npm: `<!-- npm install credit-rules -->\n<script type="module">import 'credit-rules/widget';</script>\n${style}${element}`,
    react: reactComponent(options, css),
  };
}

/** The element with its attributes and, inline, its rules. */
function elementHtml(options: EmbedOptions): string {
  const attributes = elementAttributes(options).map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${attribute(value)}"`)).join('');
  if (options.src) return `<credit-calculator${attributes}></credit-calculator>\n`;
  // A script's text ends at the first `</script` (and misreads `<!--`): such rules go into the attribute instead.
  if (/<\/script|<!--/i.test(options.rules)) return `<credit-calculator${attributes} rules="${attribute(options.rules)}"></credit-calculator>\n`;
  const rules = options.rules.trim().split('\n').map((line) => (line.trim() ? `    ${line}` : '')).join('\n');
  return `<credit-calculator${attributes}>\n  <script type="text/credit-rules">\n${rules}\n  </script>\n</credit-calculator>\n`;
}

/** The attributes that differ from the defaults, in a stable order. */
function elementAttributes(options: EmbedOptions): [string, string | true][] {
  const attributes: [string, string | true][] = [['id', options.id]];
  if (options.src) attributes.push(['src', options.src]);
  if (normal(options.panels) !== DEFAULT_PANELS) attributes.push(['panels', normal(options.panels)]);
  if (options.inputs && normal(options.inputs)) attributes.push(['inputs', normal(options.inputs)]);
  if (options.locale) attributes.push(['locale', options.locale]);
  if (options.compact) attributes.push(['compact', true]);
  if (options.downtime) attributes.push(['downtime', true]);
  return attributes;
}

function styles(options: EmbedOptions): string {
  const block = (selector: string, theme: Readonly<Record<string, string>> | undefined, indent: string) => {
    const declarations = Object.entries(theme ?? {}).filter(([name, value]) => /^--credit-[a-z-]+$/.test(name) && value.trim());
    if (!declarations.length) return '';
    return `${indent}${selector} {\n${declarations.map(([name, value]) => `${indent}  ${name}: ${cssValue(value)};\n`).join('')}${indent}}\n`;
  };
  const selector = `#${cssIdent(options.id)}`;
  const dark = block(selector, options.darkTheme, '  ');
  return block(selector, options.theme, '') + (dark ? `@media (prefers-color-scheme: dark) {\n${dark}}\n` : '');
}

function reactComponent(options: EmbedOptions, css: string): string {
  const props = elementAttributes(options).map(([name, value]) => (value === true ? ` ${name}` : ` ${name}=${JSON.stringify(value)}`));
  if (!options.src) props.splice(1, 0, ' rules={rules}');
  const lines = [
    "// npm install credit-rules react react-dom",
    "import { CreditCalculator } from 'credit-rules/react';",
    '',
    ...(options.src ? [] : [`const rules = ${template(options.rules.trim() + '\n')};`, '']),
    'export function SlaCalculator() {',
    `  return <CreditCalculator${props.join('')} />;`,
    '}',
  ];
  if (css) lines.push('', '/* In your stylesheet:', '', `${css}*/`);
  return `${lines.join('\n')}\n`;
}

/** Space-separated words, once each, in one line. */
function normal(words: string): string {
  return [...new Set(words.trim().split(/\s+/).filter(Boolean))].join(' ');
}

/** Text for a double-quoted HTML attribute. */
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A JavaScript template literal holding `text` exactly. */
function template(text: string): string {
  return `\`${text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}

/** A CSS value from a colour picker, a length or a font list: anything that could end the declaration, a comment or the style element is dropped. */
function cssValue(value: string): string {
  return value.replace(/[;{}<>\\*]/g, '').trim();
}

function cssIdent(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `);
}
