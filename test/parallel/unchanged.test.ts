import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTranscriptFiles } from '../../pipeline/ingest/read-folder.ts';
import { processFiles } from '../../pipeline/parallel/process-files.ts';
import { unchangedSinceLastBuild } from '../../pipeline/parallel/unchanged.ts';
import { sampleCorpus } from '../paths.ts';

let tmp: string;
let input: string;
let cache: string;
let files: string[];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-unchanged-'));
  input = path.join(tmp, 'input');
  cache = path.join(tmp, 'cache');
  cpSync(sampleCorpus, input, { recursive: true });
  files = await listTranscriptFiles(input);
  await processFiles({ input, files, jobs: 1, cacheFrom: null, cacheTo: cache, pipelineVersion: 'test-1' });
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('unchangedSinceLastBuild', () => {
  it('is true for the same files, bytes and pipeline version', () => {
    expect(unchangedSinceLastBuild({ input, files, cacheFrom: cache, pipelineVersion: 'test-1' })).toBe(true);
  });

  it('is false for another pipeline version, a missing cache, a file fewer or more', () => {
    expect(unchangedSinceLastBuild({ input, files, cacheFrom: cache, pipelineVersion: 'test-2' })).toBe(false);
    expect(unchangedSinceLastBuild({ input, files, cacheFrom: path.join(tmp, 'none'), pipelineVersion: 'test-1' })).toBe(false);
    expect(unchangedSinceLastBuild({ input, files: files.slice(1), cacheFrom: cache, pipelineVersion: 'test-1' })).toBe(false);
    writeFileSync(path.join(input, 'zz-new.txt'), 'Operator: hello.\n');
    expect(unchangedSinceLastBuild({ input, files: [...files, 'zz-new.txt'], cacheFrom: cache, pipelineVersion: 'test-1' })).toBe(false);
  });

  it('is false when a file changed', () => {
    writeFileSync(path.join(input, files[0]), 'changed\n');
    expect(unchangedSinceLastBuild({ input, files, cacheFrom: cache, pipelineVersion: 'test-1' })).toBe(false);
  });
});
