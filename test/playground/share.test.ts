/**
 * Share links are untrusted input: they round-trip any text exactly, and a
 * damaged, foreign or oversized link is refused with a reason — never a
 * crash, never a half-read draft.
 */
import { expect } from '@open-wc/testing';
import { decodeShare, encodeShare, MAX_SOURCE_BYTES } from '../../src/playground/share.js';
import { describe, it } from './mocha.js';

async function deflate(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw') as TransformStream<Uint8Array, Uint8Array>);
  const compressed = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const b of compressed) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('share links', () => {
  const texts = [
    '',
    'if availability < 99.5% then 10% capped 20% yearly\n',
    'fee 1000 EUR monthly "Gebühr – „Basis“ 💶"\r\n\ttab\n   \n\n',
    'x'.repeat(50_000),
  ];
  for (const text of texts) {
    it(`round-trips ${JSON.stringify(text.slice(0, 24))}… (${text.length} characters) exactly`, async () => {
      const hash = await encodeShare(text);
      expect(hash).to.match(/^#rules=1\.[A-Za-z0-9_-]*$/);
      expect(await decodeShare(hash!)).to.deep.equal({ ok: true, source: text });
    });
  }

  it('ignores a hash without a draft', async () => {
    expect(await decodeShare('')).to.equal(undefined);
    expect(await decodeShare('#section-2')).to.equal(undefined);
  });

  const refused: [string, string | (() => Promise<string>), string][] = [
    ['an unknown version', '#rules=9.abc', 'version'],
    ['no version', '#rules=abc', 'version'],
    ['characters outside base64url', '#rules=1.ab+c/d', 'encoding'],
    ['bytes that are no deflate stream', '#rules=1.____', 'corrupt'],
    ['an over-long link', `#rules=1.${'A'.repeat(70_000)}`, 'too-large'],
    ['a small link that inflates past the limit', async () => `#rules=1.${await deflate(new Uint8Array(MAX_SOURCE_BYTES + 1).fill(65))}`, 'too-large'],
    ['bytes that are not UTF-8', async () => `#rules=1.${await deflate(new Uint8Array([0xff, 0xfe, 0x41]))}`, 'encoding'],
  ];
  for (const [what, hash, reason] of refused) {
    it(`refuses ${what}`, async () => {
      const result = await decodeShare(typeof hash === 'string' ? hash : await hash());
      expect(result).to.deep.equal({ ok: false, reason });
    });
  }
});
