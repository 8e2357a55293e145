export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; problem: 'empty' | 'binary' | 'undecodable'; message: string };

/**
 * Decodes a transcript file: UTF-8 with or without BOM, UTF-16 with BOM. The BOM is dropped
 * and nothing else is touched, so spans taken later point into exactly this text.
 */
export function decodeTranscript(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, problem: 'empty', message: 'the file is empty' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2), 'utf-16be');
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (body.includes(0)) {
    return { ok: false, problem: 'binary', message: 'the file holds NUL bytes: a binary file, or UTF-16 without a byte-order mark' };
  }
  return decodeWith('utf-8', body, hasBom ? 'utf-8-bom' : 'utf-8');
}

function decodeWith(label: 'utf-8' | 'utf-16le' | 'utf-16be', body: Uint8Array, encoding: Encoding): Decoded {
  try {
    const text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
    if (!text.trim()) return { ok: false, problem: 'empty', message: 'the file holds only white space' };
    const controls = text.match(/[\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
    if (controls > 0 && controls / text.length > 0.01) {
      return { ok: false, problem: 'binary', message: `the file decodes as ${encoding} but ${controls} control characters say it is binary` };
    }
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, problem: 'undecodable', message: `the bytes are not valid ${label.toUpperCase()}: save the file as UTF-8` };
  }
}
