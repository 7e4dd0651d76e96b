/**
 * Generates the grammar reference in `grammar/` from the live parser:
 * `grammar.ebnf` (the rules as text), `diagrams.html` (railroad diagrams) and
 * `cst.d.ts` (the types of the concrete syntax tree). `npm run grammar`
 * writes them; the test suite fails when a checked-in file is stale. The
 * parser is built here with Chevrotain's grammar checks on (ambiguity, left
 * recursion …), which the shipped parser skips: a grammar mistake fails here.
 */
import { createSyntaxDiagramsCode, generateCstDts, type ISerializedGast } from 'chevrotain';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CreditRulesParser } from '../src/language/parser.js';

// Chevrotain 13's grammar checks and CST types call Object.groupBy (Node ≥ 22);
// this development script also runs on the Node 20 of CI machines, in its own process.
(Object as { groupBy?: unknown }).groupBy ??= <T>(items: Iterable<T>, key: (item: T, i: number) => PropertyKey) => {
  const groups: Record<PropertyKey, T[]> = Object.create(null);
  let i = 0;
  for (const item of items) (groups[key(item, i++)] ??= []).push(item);
  return groups;
};

type Gast = ISerializedGast & { name?: string; label?: string; definition?: Gast[]; separator?: Gast; pattern?: string };

const root = fileURLToPath(new URL('../grammar/', import.meta.url));

function terminal(t: Gast): string {
  return t.label && /^`.*`$/.test(t.label) ? `"${t.label.slice(1, -1)}"` : (t.name ?? '?');
}

function ebnf(node: Gast): string {
  const seq = (items: Gast[] = []) => items.map(ebnf).join(' ');
  switch (node.type) {
    case 'NonTerminal': return node.name ?? '?';
    case 'Terminal': return terminal(node);
    case 'Alternative': return seq(node.definition);
    case 'Alternation': return `( ${(node.definition ?? []).map(ebnf).join(' | ')} )`;
    case 'Option': return `[ ${seq(node.definition)} ]`;
    case 'Repetition': return `{ ${seq(node.definition)} }`;
    case 'RepetitionMandatory': return `${seq(node.definition)} { ${seq(node.definition)} }`;
    case 'RepetitionWithSeparator': return `[ ${seq(node.definition)} { ${terminal(node.separator as Gast)} ${seq(node.definition)} } ]`;
    case 'RepetitionMandatoryWithSeparator': return `${seq(node.definition)} { ${terminal(node.separator as Gast)} ${seq(node.definition)} }`;
    default: return seq(node.definition);
  }
}

export function generate(): Record<string, string> {
  const parser = new CreditRulesParser({ validate: true });
  const productions = parser.getSerializedGastProductions() as Gast[];
  const rules = productions.map((rule) => `${rule.name} =\n    ${ebnf({ ...rule, type: 'Alternative' } as Gast).replace(/\s+/g, ' ').trim()} ;`);
  const header = '(* Generated from src/language/parser.ts by `npm run grammar`. Do not edit.\n   Terminals in quotes are keywords and punctuation; the others are token types of\n   src/language/tokens.ts. Newline, Indent and Dedent come from the layout pass of lexer.ts. *)\n\n';
  return {
    'grammar.ebnf': header + rules.join('\n\n') + '\n',
    'diagrams.html': createSyntaxDiagramsCode(productions),
    'cst.d.ts': '// Generated from src/language/parser.ts by `npm run grammar`. Do not edit.\n' + generateCstDts(parser.getGAstProductions()),
  };
}

export function stale(): string[] {
  return Object.entries(generate()).flatMap(([file, text]) => {
    try {
      return readFileSync(root + file, 'utf8') === text ? [] : [file];
    } catch {
      return [file];
    }
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [file, text] of Object.entries(generate())) writeFileSync(root + file, text);
  console.log(`wrote ${Object.keys(generate()).map((f) => `grammar/${f}`).join(', ')}`);
}
