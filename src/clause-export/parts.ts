/**
 * The clause text read back into its parts, for documents: the heading, the
 * numbered clauses with their lettered items, each tier table as rows
 * (letter, condition, credit), and the worked examples. The text is
 * `renderClause`'s, whose layout is fixed (a numbered clause, its lines
 * indented under it, a blank line after it); the tier tables are found from
 * the program's blocks and the clause's own intro phrases for them. A line
 * this reader does not recognise is kept as a paragraph, so nothing of the
 * text is ever lost.
 */
import type { Block } from '../language/ast.js';
import type { CheckedProgram } from '../language/checker/program.js';
import { phrasesFor, type Phrases } from '../language/render/clause.js';
import type { Lang } from '../language/render/format.js';

export interface TierRow {
  /** As the text writes it: "(a)", "a)". */
  readonly letter: string;
  readonly condition: string;
  readonly credit: string;
}

export type Part =
  | { readonly type: 'item'; readonly text: string }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'table'; readonly pool: 'credit' | 'points'; readonly rows: readonly TierRow[] };

export interface ClauseParts {
  readonly heading: string;
  readonly clauses: readonly { readonly text: string; readonly parts: readonly Part[] }[];
  readonly examples?: { readonly heading: string; readonly intro: string; readonly items: readonly string[] };
}

const INDENT = '   ';

export function clauseParts(text: string, program: CheckedProgram, lang: Lang): ClauseParts {
  const p = phrasesFor(program, lang);
  const item = lang === 'de' ? /^([a-z]+\)) (.*)$/s : /^(\([a-z]+\)) (.*)$/s;
  const lines = text.split('\n');
  const clauses: { text: string; parts: Part[] }[] = [];
  let examples: { heading: string; intro: string; items: string[] } | undefined;
  const blocks = program.ast.statements.filter((s): s is Block => s.type === 'block');
  const labels = [...program.inputs, ...program.values].flatMap((spec) => (spec.label?.includes(': ') ? [spec.label] : []));

  let i = 1;
  while (i < lines.length) {
    const line = lines[i];
    if (line === '') {
      i++;
      continue;
    }
    if (line === p.examplesHeading) {
      const rest = lines.slice(i + 1).filter((l) => l !== '');
      examples = { heading: line, intro: rest[0] ?? '', items: rest.slice(1).map((l) => item.exec(l)?.[2] ?? l) };
      break;
    }
    const numbered = /^\d+\. (.*)$/s.exec(line);
    const clause = { text: numbered ? numbered[1] : line, parts: [] as Part[] };
    clauses.push(clause);
    i++;
    const under: string[] = [];
    while (i < lines.length && lines[i].startsWith(INDENT)) under.push(lines[i++].slice(INDENT.length));
    const block = blocks[0];
    const tiers = block && clause.text.endsWith(tableIntro(p, block.pool)) ? block.rules.length : 0;
    if (tiers > 0 && under.slice(0, tiers).every((l) => item.test(l))) {
      blocks.shift();
      clause.parts.push({ type: 'table', pool: block.pool, rows: under.slice(0, tiers).map((l) => tierRow(item.exec(l)!, labels)) });
      under.splice(0, tiers);
    }
    for (const l of under) {
      const m = item.exec(l);
      clause.parts.push(m ? { type: 'item', text: m[2] } : { type: 'text', text: l });
    }
  }
  return { heading: lines[0], clauses, ...(examples ? { examples } : {}) };
}

/**
 * How the clause of a tier table ends, for a table of each period and a table
 * of each item of a list (`for each`) alike: the end their intro phrases share
 * ("…, the Customer receives a service credit according to the following tiers:").
 */
function tableIntro(p: Phrases, pool: 'credit' | 'points'): string {
  const [a, b] = [p.blockIntro(pool), p.eachIntro('', '', pool)];
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return a.slice(a.length - n);
}

/**
 * "(a) if the Uptime is below 99%: 10% of the monthly fee;" — its condition
 * and its credit, split at the first ": " that is not inside a label (labels
 * are masked first: "Uptime: core" may stand in either part).
 */
function tierRow([, letter, text]: RegExpExecArray, labels: readonly string[]): TierRow {
  const body = text.replace(/[;.]$/, '');
  let masked = body;
  for (const label of labels) masked = masked.replaceAll(label, '\u0000'.repeat(label.length));
  const colon = masked.indexOf(': ');
  return colon < 0 ? { letter, condition: '', credit: body } : { letter, condition: body.slice(0, colon), credit: body.slice(colon + 2) };
}
