/**
 * The Word export runs in the browser as in Node (the playground offers it
 * as a download): in Chromium, the rules are compiled, the .docx made as
 * bytes and as a Blob, unzipped, and its tier table read.
 */
import { expect } from '@open-wc/testing';
import { strFromU8, unzipSync } from 'fflate';
import { clauseDocx, DOCX_MIME_TYPE } from '../../../src/clause-export/docx.js';
import { compile } from '../../../src/index.js';
import { describe, it } from '../../playground/mocha.js';

const RULES = `fee 1000 EUR monthly
input availability: percent "Monthly uptime" default 99.95%
credit "Uptime":
  if availability < 99.9% then 10%
  if availability < 99% then 25%
`;

describe('the Word export in the browser', () => {
  it('makes a .docx whose tier table holds the clause\'s words, and a Blob to download', async () => {
    const { program } = compile(RULES);
    const bytes = await clauseDocx(program!, 'de');
    const blob = new Blob([bytes as BlobPart], { type: DOCX_MIME_TYPE });
    expect(blob.size).to.equal(bytes.length);
    const xml = strFromU8(unzipSync(new Uint8Array(await blob.arrayBuffer()))['word/document.xml']);
    const cells = [...xml.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map(([cell]) => [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replaceAll('\u00A0', ' '));
    expect(cells).to.deep.equal([
      'Stufe', 'Voraussetzung', 'Gutschrift',
      'a)', 'wenn der Wert „Monthly uptime“ unter 99,9 % liegt', '10 % der monatlichen Vergütung',
      'b)', 'wenn der Wert „Monthly uptime“ unter 99 % liegt', '25 % der monatlichen Vergütung',
    ]);
  });
});
