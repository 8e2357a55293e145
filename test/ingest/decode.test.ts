import { describe, expect, it } from 'vitest';
import { decodeTranscript } from '../../pipeline/ingest/decode.ts';

const utf16 = (s: string, bigEndian: boolean) => {
  const bytes = [bigEndian ? 0xfe : 0xff, bigEndian ? 0xff : 0xfe];
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    bytes.push(...(bigEndian ? [code >> 8, code & 0xff] : [code & 0xff, code >> 8]));
  }
  return new Uint8Array(bytes);
};

describe('decoding transcript files', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode('營收 $1 million'), '營收 $1 million', 'utf-8'],
    ['UTF-8 with BOM, BOM dropped', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Hi')]), 'Hi', 'utf-8-bom'],
    ['UTF-16 LE with BOM', utf16('Rev 萬', false), 'Rev 萬', 'utf-16le'],
    ['UTF-16 BE with BOM', utf16('Rev 萬', true), 'Rev 萬', 'utf-16be'],
    ['CRLF kept as is', new TextEncoder().encode('a\r\nb'), 'a\r\nb', 'utf-8'],
  ])('%s', (_name, bytes, text, encoding) => {
    expect(decodeTranscript(bytes)).toEqual({ ok: true, text, encoding });
  });

  it.each([
    ['an empty file', new Uint8Array(), 'empty'],
    ['white space only', new TextEncoder().encode(' \n\t\n'), 'empty'],
    ['NUL bytes', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]), 'binary'],
    ['invalid UTF-8', new Uint8Array([0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9]), 'undecodable'],
  ])('reports %s', (_name, bytes, problem) => {
    const decoded = decodeTranscript(bytes);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problem).toBe(problem);
  });
});
