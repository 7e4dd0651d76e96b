/**
 * The embed code the configurator hands out (`src/widget/embed/snippet.ts`),
 * read back the way a browser and a React build read it: the element's
 * attributes and rules come out exactly as chosen, whatever the rules text
 * holds, and only what differs from the defaults is written. That the code
 * renders the previewed calculator in a fresh page is `embed.node.test.ts`.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { transform } from 'esbuild';
import { DEFAULT_PANELS, embedSnippets, type EmbedOptions } from '../../src/widget/embed/snippet.js';

const RULES = `fee 890 EUR monthly "Monthly fee"
input availability: percent "Monthly uptime" default 99.95%

credit "Uptime":
  if availability < 99.9% then 10%
`;

const BASE: EmbedOptions = { id: 'sla', rules: RULES, panels: DEFAULT_PANELS, scriptUrl: 'https://cdn.example/credit-calculator.js' };

/** What a React build renders: the snippet's JSX compiled, its import replaced by a recorder. */
async function rendered(react: string): Promise<{ type: string; props: Record<string, unknown> }> {
  const { code } = await transform(react.replace(/^import .*$/m, ''), { loader: 'jsx', jsx: 'transform', jsxFactory: 'h', format: 'esm' });
  const module = `const CreditCalculator = 'CreditCalculator'; const h = (type, props) => ({ type, props });\n${code}`;
  const { SlaCalculator } = await import(`data:text/javascript;base64,${Buffer.from(module).toString('base64')}`);
  return SlaCalculator();
}

/** The rules a browser reads from the HTML snippet's child script, dedented as the widget does. */
function inlineRules(html: string): string {
  const text = /<script type="text\/credit-rules">\n([\s\S]*?)\n  <\/script>/.exec(html)![1];
  return `${text.split('\n').map((l) => l.replace(/^ {4}/, '')).join('\n')}\n`;
}

describe('embed code', () => {
  it('writes only what differs from the calculator\'s defaults', () => {
    const { html } = embedSnippets(BASE);
    assert.match(html, /^<script type="module" src="https:\/\/cdn\.example\/credit-calculator\.js"><\/script>\n<credit-calculator id="sla">\n  <script type="text\/credit-rules">\n/);
    assert.doesNotMatch(html, /<style>|panels=|inputs=|locale=|compact/);
    assert.equal(inlineRules(html), RULES);
  });

  it('writes the chosen panels, inputs, language, layout and look, light and dark', () => {
    const { html, npm } = embedSnippets({
      ...BASE, panels: 'chart  year chart', inputs: 'availability', locale: 'de', compact: true, downtime: true,
      theme: { '--credit-accent': '#aa3300', '--credit-radius': '0px', '--credit-font': 'Georgia, serif' },
      darkTheme: { '--credit-accent': '#ffb59a' },
    });
    assert.match(html, /<credit-calculator id="sla" panels="chart year" inputs="availability" locale="de" compact downtime>/);
    assert.match(html, /<style>\n#sla \{\n {2}--credit-accent: #aa3300;\n {2}--credit-radius: 0px;\n {2}--credit-font: Georgia, serif;\n\}\n@media \(prefers-color-scheme: dark\) \{\n {2}#sla \{\n {4}--credit-accent: #ffb59a;\n {2}\}\n\}\n<\/style>/);
    assert.match(npm, /^<!-- npm install credit-rules -->\n<script type="module">import 'credit-rules\/widget';<\/script>\n<style>/);
    assert.equal(npm.slice(npm.indexOf('<style>')), html.slice(html.indexOf('<style>')));
  });

  it('keeps rules that would end a script element intact, in the attribute instead', () => {
    const rules = `${RULES}# see </script><img src=x onerror=alert(1)> & "quotes"\n`;
    const { html } = embedSnippets({ ...BASE, rules });
    assert.doesNotMatch(html, /<script type="text\/credit-rules">/);
    const attribute = /rules="([^"]*)"/.exec(html)![1];
    assert.doesNotMatch(attribute, /[<>]/);
    const decoded = attribute.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    assert.equal(decoded, rules);
  });

  it('points at a precompiled program on the marketer\'s server instead of putting the rules in the page', () => {
    const { html, react } = embedSnippets({ ...BASE, src: '/credit/sla.json?v="1"' });
    assert.match(html, /<credit-calculator id="sla" src="\/credit\/sla\.json\?v=&quot;1&quot;"><\/credit-calculator>\n$/);
    assert.doesNotMatch(react, /const rules|rules=\{rules\}/);
  });

  it('gives React the same rules and attributes, whatever backticks, ${…} and backslashes the rules hold', async () => {
    const rules = `${RULES}# a \`code\` remark, a \${template} and a \\ backslash\n`;
    const { react } = embedSnippets({ ...BASE, rules, panels: 'chart', inputs: 'availability', locale: 'de', compact: true, theme: { '--credit-accent': '#aa3300' } });
    assert.match(react, /^\/\/ npm install credit-rules react react-dom\nimport \{ CreditCalculator \} from 'credit-rules\/react';\n/);
    const element = await rendered(react);
    assert.equal(element.type, 'CreditCalculator');
    assert.deepEqual(element.props, { id: 'sla', rules, panels: 'chart', inputs: 'availability', locale: 'de', compact: true });
    assert.match(react, /\/\* In your stylesheet:\n\n#sla \{\n {2}--credit-accent: #aa3300;\n\}\n\*\/\n$/);
  });

  it('drops what could end a declaration, a comment or the style element from a style value, and escapes the id in the selector', () => {
    const { html, react } = embedSnippets({ ...BASE, id: 'a.b', theme: { '--credit-font': 'x;}</style><script>alert(1)</script>*/', 'color': 'red' } });
    assert.match(html, /#a\\2e b \{\n {2}--credit-font: x\/stylescriptalert\(1\)\/script\/;\n\}/);
    assert.doesNotMatch(html, /color: red/);
    assert.equal(react.match(/\*\//g)?.length, 1, 'one comment, closed once');
  });
});
