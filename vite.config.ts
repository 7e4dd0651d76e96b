/**
 * Two jobs. `npm start`: the demo pages (root `demo/`), which also see the
 * project's `/src/` and `/examples/` so they run the widget from source and
 * load the shipped rules. `npm run build`: the embeddable widget as one ES
 * module, `dist/credit-calculator.js`, with the parser split into a chunk
 * that is only fetched when rules arrive as text — then the gzip sizes.
 * The build leaves out what the widget never runs (`trimDecimal`,
 * `widgetSkipsLints`) and minifies Lit's templates (`minifyTemplates`); the
 * budget tests are in test/widget/dist.node.test.ts.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

/** `/src/…` and `/examples/…` from the project root, although the demo is the server's root. */
function projectFolders(): Plugin {
  return {
    name: 'credit-rules:project-folders',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/(src|examples)\//.test(req.url)) req.url = `/@fs${join(here, req.url)}`;
        next();
      });
    },
  };
}

/**
 * Lit's templates are strings to a minifier. In css`` ones, collapse
 * whitespace and comments (only where it cannot change a selector's
 * meaning). In html`` and svg`` ones, a line break and the indentation around
 * it become one space, which HTML renders the same (the widget has no <pre>
 * or <textarea>); text inside `${…}` and in other template strings is kept.
 */
function minifyTemplates(): Plugin {
  return {
    name: 'credit-rules:minify-templates',
    apply: 'build',
    transform(code, id) {
      if (id.endsWith('.styles.ts')) {
        return code.replace(/css`([^`]*)`/g, (_, body: string) =>
          `css\`${body.replace(/\/\*[^]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};,])\s*/g, '$1').replace(/;}/g, '}')
            // After a colon a space never matters: `color: red`, `(min-width: 700px)`; `a :hover` keeps the one before.
            .replace(/: /g, ':').replace(/#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3\b/gi, '#$1$2$3').trim()}\``);
      }
      if (/[\\/]src[\\/]widget[\\/].*\.ts$/.test(id)) return collapseHtmlTemplates(code);
      return undefined;
    },
  };
}

/** Collapses line breaks in the static parts of html`…` and svg`…` templates (see above). */
function collapseHtmlTemplates(code: string): string {
  let out = '';
  let i = 0;
  // A template from just after its opening backtick; returns the index after its closing one.
  const template = (collapse: boolean): void => {
    let text = '';
    const flush = () => {
      out += collapse ? text.replace(/\s*\n\s*/g, ' ') : text;
      text = '';
    };
    while (i < code.length) {
      const c = code[i];
      if (c === '\\') {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (c === '`') {
        flush();
        out += c;
        i++;
        return;
      } else if (c === '$' && code[i + 1] === '{') {
        flush();
        out += '${';
        i += 2;
        expression();
      } else {
        text += c;
        i++;
      }
    }
    flush();
  };
  // JavaScript inside `${…}` up to its closing brace: strings and nested templates are skipped whole.
  const expression = (): void => {
    let depth = 0;
    while (i < code.length) {
      const c = code[i];
      if (c === '}' && depth === 0) {
        out += c;
        i++;
        return;
      }
      if (c === '{') depth++;
      if (c === '}') depth--;
      if (c === '`') {
        const tagged = /\b(html|svg)$/.test(code.slice(Math.max(0, i - 4), i));
        out += c;
        i++;
        template(tagged);
      } else if (c === '"' || c === "'") {
        const end = stringEnd(code, i);
        out += code.slice(i, end);
        i = end;
      } else {
        out += c;
        i++;
      }
    }
  };
  for (const m of code.matchAll(/\b(?:html|svg)`/g)) {
    if (m.index < i) continue; // inside a template already handled
    out += code.slice(i, m.index + m[0].length);
    i = m.index + m[0].length;
    template(true);
  }
  return out + code.slice(i);
}

function stringEnd(code: string, start: number): number {
  let i = start + 1;
  while (i < code.length && code[i] !== code[start]) i += code[i] === '\\' ? 2 : 1;
  return i + 1;
}

/**
 * decimal.js is one object with every method on its prototype, so no
 * minifier can drop what the language never calls: trigonometry, roots,
 * logarithms, powers, base conversion, fractions — a third of its gzip size.
 * All arithmetic, comparison, rounding and formatting stay. The methods below
 * become unused variables the minifier removes. Two checks make this safe to
 * keep: decimal.js's own remaining code must not call them (checked in its
 * source at build time), and neither may the language or the widget (checked
 * in each module as it is bundled) — either fails the build, not the widget.
 * Strings in other notations than plain decimal (hexadecimal, binary, octal,
 * `NaN`, `Infinity`, `1_000`) are read by decimal.js's `parseOther`, which is
 * cut to its first line: it throws "Invalid argument", as decimal.js does for
 * any string it cannot read. The language only ever passes plain decimal
 * strings (its literals and inputs pass a decimal-only syntax first), so the
 * widget reads every number exactly as the library does; the one call into a
 * trimmed method left in decimal.js (`Decimal.pow`, in `parseOther`) is dead.
 */
const UNUSED_DECIMAL_METHODS = [
  'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh',
  'sqrt', 'cbrt', 'exp', 'ln', 'log', 'pow', 'toBinary', 'toHex', 'toOctal', 'toFraction', 'toNearest',
  'clamp', 'sd', 'dp', 'isInt', 'isPos', 'toExponential', 'toSD', 'trunc', 'toNumber',
  'round', 'divToInt', 'isNaN',
];
/** The static functions kept on the constructor (with the rounding modes and `config`/`set`). */
const USED_DECIMAL_STATICS = ['clone', 'isDecimal', 'max', 'min'];
/** Calls inside decimal.js that may stay, because their caller is dead too (see above): `function → method`. */
const ALLOWED_DECIMAL_CALLS = ['parseOther → pow', 'toLessThanHalfPi → divToInt'];

function trimDecimal(): Plugin {
  const names = UNUSED_DECIMAL_METHODS.join('|');
  const called = new RegExp(`(?<!\\bMath|\\bconsole|\\bNumber)\\.(${names})\\(`);
  return {
    name: 'credit-rules:trim-decimal',
    apply: 'build',
    transform(code, id) {
      if (/[\\/]decimal\.js[\\/]decimal\.mjs$/.test(id)) {
        let removed = 0;
        const trimmed = code
          .replace(/^P\.(\w+)(?: = P\.(\w+))? = function/gm, (m, long: string, short?: string) =>
            UNUSED_DECIMAL_METHODS.includes(short ?? long) ? (removed++, `var unused_${short ?? long} = function`) : m)
          .replace(/^ {2}Decimal\.(\w+) = \1;.*$/gm, (m, name: string) => (USED_DECIMAL_STATICS.includes(name) ? m : ''))
          .replace(/^function parseOther\(x, str\) \{/m, (m) => (removed++, `${m} throw Error(invalidArgument + str);`));
        if (removed !== UNUSED_DECIMAL_METHODS.length + 1) this.error(`decimal.js changed: trimmed ${removed} of ${UNUSED_DECIMAL_METHODS.length + 1} functions`);
        for (const problem of decimalCallsIntoTrimmed(code, names)) {
          if (!ALLOWED_DECIMAL_CALLS.includes(problem)) this.error(`decimal.js: ${problem}(), which the widget build removes (see trimDecimal in vite.config.ts)`);
        }
        return { code: trimmed, map: null };
      }
      if (/[\\/]src[\\/](language|widget)[\\/].*\.ts$/.test(id)) {
        const method = called.exec(code)?.[1];
        const statik = [...code.matchAll(/\bDecimal\.(\w+)\(/g)].map((m) => m[1]).find((n) => !['set', 'config', ...USED_DECIMAL_STATICS].includes(n));
        const missing = method ?? (statik && `Decimal.${statik}`);
        if (missing) this.error(`${relative(here, id)} calls ${missing}(), which the widget build removes from decimal.js (see trimDecimal in vite.config.ts)`);
      }
      return undefined;
    },
  };
}

/**
 * Calls from decimal.js's kept code to a trimmed method, as "owner → method".
 * The file is cut at each top-level definition (`P.x = function`, `function x`);
 * trimmed methods, and static functions no longer assigned to the constructor,
 * are dead and not searched.
 */
function decimalCallsIntoTrimmed(source: string, names: string): string[] {
  const code = source.replace(/\/\*[^]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const statics = new Set([...code.matchAll(/^ {2}Decimal\.(\w+) = \1;/gm)].map((m) => m[1]));
  const dead = (owner: string) =>
    owner.startsWith('P.') ? UNUSED_DECIMAL_METHODS.includes(owner.slice(2)) : statics.has(owner) && !USED_DECIMAL_STATICS.includes(owner);
  const found: string[] = [];
  let owner = '';
  for (const line of code.split('\n')) {
    const method = /^P\.(\w+)(?: = P\.(\w+))? = function/.exec(line);
    const fn = /^ {0,2}function (\w+)/.exec(line);
    if (method) owner = `P.${method[2] ?? method[1]}`;
    else if (fn) owner = fn[1];
    if (dead(owner)) continue;
    for (const m of line.matchAll(new RegExp(`(?<!\\bMath)\\.(${names})\\(`, 'g'))) found.push(`${owner.replace(/^P\./, '')} → ${m[1]}`);
  }
  return found;
}

/**
 * The drafting lints (`checker/lints.ts`: unreachable tiers, caps that never
 * bind, unused names …) only produce warnings for the author of the rules. The
 * widget shows a calculator or, when the rules have errors, the errors — never
 * warnings — so its parser chunk is built without them (2 KB gzip): in the
 * bundle, rules compiled from text carry no drafting warnings in
 * `loadedProgram.diagnostics`. The CLI, the playground and the library lint as
 * before; `credit-rules check` is where an author sees them.
 */
function widgetSkipsLints(): Plugin {
  return {
    name: 'credit-rules:widget-skips-lints',
    apply: 'build',
    load(id) {
      if (/[\\/]src[\\/]language[\\/]checker[\\/]lints\.ts$/.test(id)) return 'export function lint() { return []; }';
      return undefined;
    },
  };
}

/** What each chunk loaded on demand is, by its name, for the size report. */
const ON_DEMAND: Record<string, string> = {
  compiler: 'the parser and checker: loaded only when rules arrive as text, never for a precompiled program',
};

/**
 * Prints, and records in dist/sizes.json, what a page downloads, gzipped at
 * level 9: the runtime (the entry and every chunk it imports statically —
 * everything the first view of a precompiled program needs), each chunk
 * loaded on demand and what it is, and each chunk's source modules by size
 * before minification (where the bytes go; for gzip per module, build with
 * `--sourcemap` and attribute the mappings).
 */
function sizes(): Plugin {
  let dist = resolve(here, 'dist');
  const modules: Record<string, Record<string, number>> = {};
  return {
    name: 'credit-rules:sizes',
    apply: 'build',
    configResolved(config) {
      dist = resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        modules[chunk.fileName] = Object.fromEntries(
          Object.entries(chunk.modules)
            .map(([id, m]) => [relative(here, id).replace(/^.*node_modules\//, ''), m.renderedLength] as const)
            .filter(([, length]) => length > 0)
            .sort((a, b) => b[1] - a[1]),
        );
      }
    },
    writeBundle() {
      const files = listFiles(dist).filter((f) => f.endsWith('.js'));
      const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
      const runtime = staticGraph(join(dist, 'credit-calculator.js'));
      const chunks = files.map((f) => {
        const file = relative(dist, f);
        const first = runtime.includes(f);
        const what = first ? 'first view' : Object.entries(ON_DEMAND).find(([prefix]) => file.startsWith(`chunks/${prefix}-`))?.[1] ?? 'not described: add it to ON_DEMAND';
        return { file, bytes: statSync(f).size, gzip: gz(f), loads: first ? 'runtime' : 'on demand', what };
      });
      const report = {
        runtime: chunks.filter((c) => c.loads === 'runtime').reduce((sum, c) => sum + c.gzip, 0),
        withParser: chunks.reduce((sum, c) => sum + c.gzip, 0),
        chunks,
        modules,
      };
      writeFileSync(join(dist, 'sizes.json'), `${JSON.stringify(report, null, 2)}\n`);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      for (const c of chunks) console.log(`  ${c.file.padEnd(32)} ${kb(c.bytes).padStart(9)}  gzip ${kb(c.gzip).padStart(8)}  ${c.loads}${c.loads === 'on demand' ? `: ${c.what}` : ''}`);
      console.log(`  runtime (precompiled program): ${kb(report.runtime)} gzip (budget 35 KB)`);
      console.log(`  runtime with parser:           ${kb(report.withParser)} gzip (budget 75 KB)`);
      console.log('  each chunk\'s modules, by size before minification: dist/sizes.json');
    },
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The entry and every chunk it imports statically: what loads before any rules are compiled. */
function staticGraph(entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']([^"']+)["']/g)) {
    staticGraph(resolve(dirname(entry), m[1]), seen);
  }
  return [...seen];
}

/** terser, Vite's other minifier: 0.6 KB (gzip) less than the default for the runtime with the parser. The bench builds the peers with it too. */
export const TERSER_OPTIONS = { module: true, compress: { passes: 3 }, format: { comments: false } };

export default defineConfig(({ command }) => ({
  root: command === 'serve' ? resolve(here, 'demo') : here,
  publicDir: false,
  server: { fs: { allow: [here] } },
  resolve: {
    alias: [
      // Chevrotain's prebundled module, as the browser tests load it: 0.4 KB gzip smaller than its sources.
      { find: /^chevrotain$/, replacement: resolve(here, 'node_modules/chevrotain/lib/chevrotain.mjs') },
      // Demo modules import the project's own source as `/src/…` (see projectFolders).
      { find: /^\/src\//, replacement: `${resolve(here, 'src')}/` },
    ],
  },
  plugins: [projectFolders(), minifyTemplates(), trimDecimal(), widgetSkipsLints(), sizes()],
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify: 'terser',
    terserOptions: TERSER_OPTIONS,
    reportCompressedSize: false,
    lib: {
      entry: {
        'credit-calculator': resolve(here, 'src/widget/credit-calculator.ts'),
        'credit-compare': resolve(here, 'src/widget/compare/credit-compare.ts'),
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      // The entry may export more than its own names: that lets the modules the
      // runtime shares with the parser chunk live in the entry (one request,
      // one gzip stream) instead of a third file.
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
}));
