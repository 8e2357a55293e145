import { readdir, readFile } from 'node:fs/promises';
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

export async function readTranscriptBytes(root: string, relativePath: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path.join(root, relativePath)));
}
