import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

const transcriptExtensions = new Set(['.txt', '.md']);

/** Every .txt and .md file under `root`, recursively, as /-separated relative paths in a stable order. */
export async function listTranscriptFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && transcriptExtensions.has(path.extname(e.name).toLowerCase()))
    .map((e) => path.relative(root, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)).split(path.sep).join('/'))
    .filter((p) => !p.split('/').some((part) => part.startsWith('.')));
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A file's bytes as a plain Uint8Array view. Read synchronously: a worker has nothing else to do
 * meanwhile, and fs/promises costs 5-10x more per small file.
 */
export function readTranscriptBytes(root: string, relativePath: string): Uint8Array {
  const buffer = readFileSync(path.join(root, relativePath));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
