/**
 * What leaves the playground: a file handed to the browser's downloads (the
 * draft as `.credit`, the versions as JSON, the clause as a Word document),
 * and text put on the clipboard. The Word writer (`clause-export/docx.ts`,
 * with the docx library) is loaded the first time a clause is saved.
 */
import type { ExampleResult, Program } from '../index.js';
import type { Lang } from './i18n.js';

/** Hands a file to the browser's downloads: a hidden link in `root`, clicked. */
export function saveFile(root: Node, name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  root.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The text as a `.credit` file. */
export function creditFile(text: string): Blob {
  return new Blob([text], { type: 'text/plain;charset=utf-8' });
}

/**
 * The clause as a Word document. The examples are asked for once the writer
 * has loaded: the idle time that loading gives may have worked them out.
 */
export async function clauseDocxFile(program: Program, lang: Lang, examples: () => readonly ExampleResult[] | undefined): Promise<Blob> {
  const { clauseDocx, DOCX_MIME_TYPE } = await import('../clause-export/docx.js');
  const bytes = await clauseDocx(program, lang, examples());
  return new Blob([bytes as BlobPart], { type: DOCX_MIME_TYPE });
}

/** Puts the text on the clipboard: whether it was taken (falsy where the page has no clipboard). */
export function toClipboard(text: string): Promise<boolean | undefined> {
  return navigator.clipboard?.writeText(text).then(() => true, () => false);
}
