import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const fixtures = path.join(repoRoot, 'test', 'fixtures');
export const sampleCorpus = path.join(repoRoot, 'transcripts');
/** The real transcripts beside the project; tests that need them skip when absent. */
export const realCorpus = path.resolve(repoRoot, '..', 'shared', 'corpus');
export const hasRealCorpus = existsSync(realCorpus);
if (!hasRealCorpus) console.warn(`real corpus not found at ${realCorpus}: tests on real transcripts are skipped`);
