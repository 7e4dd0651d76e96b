/**
 * A draft in a link: the source compressed with the browser's own
 * `CompressionStream('deflate-raw')`, base64url-encoded, in the URL's hash
 * (`#rules=1.<data>`), so it never reaches a server log. A link is
 * untrusted input: decoding checks the alphabet, the encoded length, the
 * decompressed size (stopping as soon as it is too big, so a small
 * "zip bomb" link cannot fill memory) and that the bytes are UTF-8.
 */
import type { ShareProblem } from './i18n.js';

const KEY = 'rules';
const VERSION = '1';

/** Longer links break in mail clients and chat tools long before browsers give up. */
export const MAX_LINK_DATA = 64_000;
/** Far more than any real set of credit rules. */
export const MAX_SOURCE_BYTES = 256_000;

type Transform = TransformStream<Uint8Array, Uint8Array>;

export type DecodeResult =
  | { readonly ok: true; readonly source: string }
  | { readonly ok: false; readonly reason: ShareProblem };

/** `#rules=1.…` for `source`, or undefined when the link would be too long. */
export async function encodeShare(source: string): Promise<string | undefined> {
  const bytes = new TextEncoder().encode(source);
  const compressed = await pipe(bytes, new CompressionStream('deflate-raw') as Transform, Infinity);
  if (!compressed) return undefined;
  const data = toBase64Url(compressed);
  return data.length > MAX_LINK_DATA ? undefined : `#${KEY}=${VERSION}.${data}`;
}

/** The hash's draft, undefined when the hash holds none, or why it could not be read. */
export async function decodeShare(hash: string): Promise<DecodeResult | undefined> {
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get(KEY);
  if (raw === null) return undefined;
  const dot = raw.indexOf('.');
  if (dot < 0 || raw.slice(0, dot) !== VERSION) return { ok: false, reason: 'version' };
  const data = raw.slice(dot + 1);
  if (data.length > MAX_LINK_DATA) return { ok: false, reason: 'too-large' };
  const compressed = fromBase64Url(data);
  if (!compressed) return { ok: false, reason: 'encoding' };
  const bytes = await pipe(compressed, new DecompressionStream('deflate-raw') as Transform, MAX_SOURCE_BYTES).catch(() => null);
  if (bytes === null) return { ok: false, reason: 'corrupt' };
  if (bytes === undefined) return { ok: false, reason: 'too-large' };
  try {
    return { ok: true, source: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'encoding' };
  }
}

/** `href` with its hash replaced by the share hash. */
export function withHash(href: string, hash: string): string {
  const url = new URL(href);
  url.hash = hash;
  return url.href;
}

/** Streams `bytes` through `transform`; undefined once the output passes `limit` bytes. */
async function pipe(bytes: Uint8Array, transform: Transform, limit: number): Promise<Uint8Array | undefined> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(data: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(data) || data.length % 4 === 1) return undefined;
  let binary: string;
  try {
    binary = atob(data.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
