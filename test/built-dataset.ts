import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildDataset, type BuildSummary } from '../pipeline/run.ts';
import { sampleCorpus } from './paths.ts';

/**
 * Builds a corpus (the sample one by default) into a temporary folder before the tests of the
 * file or describe block that calls it, and removes it after; `out` is the dataset's folder.
 */
export function builtDataset(input = sampleCorpus): { readonly out: string; readonly summary: BuildSummary } {
  const built = { out: '', summary: undefined as unknown as BuildSummary };
  let tmp = '';
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-test-'));
    built.out = path.join(tmp, 'out');
    built.summary = await buildDataset({ input, out: built.out, jobs: 1, strict: false });
  }, 60_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  return built;
}
