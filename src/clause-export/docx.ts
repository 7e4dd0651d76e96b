/**
 * The clause as a Word document (.docx), in English or German: the heading,
 * the clauses as a numbered list (their lettered items as a sub-list), each
 * tier table as a real table, and the worked examples. The words are the
 * clause renderer's own: its text (`renderClause`) is read back into its
 * parts (`parts.ts`), so the document never says anything the text does not.
 * Runs in Node and in the browser alike (no Node API): it gives the bytes of
 * the file, for `fs.writeFile` or a `Blob` download.
 */
import {
  AlignmentType, BorderStyle, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { CheckedProgram } from '../language/checker/program.js';
import type { ExampleResult } from '../language/evaluate/examples.js';
import type { Lang } from '../language/render/format.js';
import { clauseParts, type ClauseParts } from './parts.js';

/** What the export needs of a program: the package entry's `Program` (from `compile` or `loadProgram`). */
export interface ExportableProgram {
  toJSON(): CheckedProgram;
  render(lang: Lang, examples?: readonly ExampleResult[]): string;
}

export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const HEADERS: Record<Lang, { tier: string; condition: string; credit: string; points: string }> = {
  en: { tier: 'Tier', condition: 'Condition', credit: 'Service credit', points: 'Service credit points' },
  de: { tier: 'Stufe', condition: 'Voraussetzung', credit: 'Gutschrift', points: 'Service-Credit-Punkte' },
};

/**
 * The clause of `program` as the bytes of a .docx file: the text `render`
 * gives, so its worked examples state what the rules compute (`examples`:
 * their results, when the caller has run them already).
 */
export async function clauseDocx(program: ExportableProgram, lang: Lang = 'en', examples?: readonly ExampleResult[]): Promise<Uint8Array> {
  const parts = clauseParts(program.render(lang, ...(examples ? [examples] : [])), program.toJSON(), lang);
  return new Uint8Array(await Packer.toArrayBuffer(document(parts, lang)));
}

const CLAUSES = 'clauses';
const ITEMS = 'items';

function document(parts: ClauseParts, lang: Lang): Document {
  const body: (Paragraph | Table)[] = [new Paragraph({ text: parts.heading, heading: HeadingLevel.HEADING_1 })];
  let list = 0; // each lettered list starts again at a
  for (const clause of parts.clauses) {
    body.push(new Paragraph({ children: [new TextRun(clause.text)], numbering: { reference: CLAUSES, level: 0 }, spacing: { before: 160, after: 80 } }));
    const instance = ++list;
    for (const part of clause.parts) {
      if (part.type === 'item') body.push(new Paragraph({ text: part.text, numbering: { reference: ITEMS, level: 0, instance } }));
      else if (part.type === 'text') body.push(new Paragraph({ text: part.text, indent: { left: 720 }, spacing: { before: 80 } }));
      else body.push(tierTable(part.rows, part.pool, lang));
    }
  }
  if (parts.examples) {
    const instance = ++list;
    body.push(
      new Paragraph({ text: parts.examples.heading, heading: HeadingLevel.HEADING_2, spacing: { before: 240 } }),
      new Paragraph({ text: parts.examples.intro, spacing: { after: 120 } }),
      ...parts.examples.items.map((text) => new Paragraph({ text, numbering: { reference: ITEMS, level: 0, instance } })),
    );
  }
  return new Document({
    title: parts.heading,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    numbering: {
      config: [
        { reference: CLAUSES, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 720 } } } }] },
        // As the text writes its items: "(a)" in English, "a)" in German.
        { reference: ITEMS, levels: [{ level: 0, format: LevelFormat.LOWER_LETTER, text: lang === 'de' ? '%1)' : '(%1)', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 1440, hanging: 720 } } } }] },
      ],
    },
    sections: [{ children: body }],
  });
}

function tierTable(rows: readonly { letter: string; condition: string; credit: string }[], pool: 'credit' | 'points', lang: Lang): Table {
  const words = HEADERS[lang];
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })], margins: { top: 60, bottom: 60, left: 100, right: 100 } });
  const header = new TableRow({ tableHeader: true, children: [words.tier, words.condition, pool === 'points' ? words.points : words.credit].map((h) => cell(h, true)) });
  return new Table({
    width: { size: 90, type: WidthType.PERCENTAGE },
    indent: { size: 720, type: WidthType.DXA },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [header, ...rows.map((r) => new TableRow({ children: [cell(r.letter), cell(r.condition), cell(r.credit)] }))],
  });
}
