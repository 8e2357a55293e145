import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTranscriptFiles, readTranscriptBytes } from '../../pipeline/ingest/read-folder.ts';
import { processFiles, type ProcessFilesOptions } from '../../pipeline/parallel/process-files.ts';
import { processTranscript, type DocumentRows } from '../../pipeline/process-transcript.ts';
import { fixtures, sampleCorpus } from '../paths.ts';

let tmp: string;
let input: string;
let files: string[];
let sequential: DocumentRows[];

// The sample corpus and the layout fixtures in one folder, as a build reads them.
beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-parallel-'));
  input = path.join(tmp, 'input');
  cpSync(sampleCorpus, path.join(input, 'transcripts'), { recursive: true });
  cpSync(path.join(fixtures, 'formats'), path.join(input, 'formats'), { recursive: true });
  files = await listTranscriptFiles(input);
  sequential = [];
  for (const file of files) sequential.push(processTranscript(file, await readTranscriptBytes(input, file)));
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (options: Partial<ProcessFilesOptions> = {}) =>
  processFiles({ input, files, jobs: 1, cacheFrom: null, cacheTo: null, minFilesForWorkers: 0, ...options });

describe('processFiles', () => {
  it('gives the rows of processTranscript called on each file in order, in this thread', async () => {
    const { rows, cacheHits } = await run({ jobs: 1 });
    expect(files.length).toBeGreaterThan(8);
    expect(rows).toEqual(sequential);
    expect(cacheHits).toBe(0);
  });

  it('gives the same rows with two workers, in files order', async () => {
    const progress: number[] = [];
    const { rows, stageTimes } = await run({ jobs: 2, onProgress: (done, total) => progress.push(done / total) });
    expect(rows).toEqual(sequential);
    expect(progress).toHaveLength(files.length);
    expect(progress.at(-1)).toBe(1);
    expect(stageTimes.process).toBeGreaterThan(0);
  }, 60_000);

  it('gives the same rows with more workers than files', async () => {
    const { rows } = await processFiles({ input, files: files.slice(0, 3), jobs: 8, cacheFrom: null, cacheTo: null, minFilesForWorkers: 0 });
    expect(rows).toEqual(sequential.slice(0, 3));
  }, 60_000);

  it.each([1, 2])('hands each file over in order with onDocument and keeps none (jobs %i), cold and with some files from the cache', async (jobs) => {
    const cache = (name: string) => path.join(tmp, `ordered-${jobs}-${name}`);
    const handed = (label: string, from: string | null, to: string | null, changed: number | null = null) => {
      const seen: { index: number; rows: DocumentRows }[] = [];
      return run({ jobs, cacheFrom: from, cacheTo: to, onDocument: (index, rows) => seen.push({ index, rows }) }).then((result) => {
        expect(result.rows.filter(Boolean), label).toEqual([]);
        expect(seen.map((s) => s.index), label).toEqual(files.map((_, i) => i));
        seen.forEach(({ index, rows }) => expect(rows, `${label}: ${files[index]}`).toEqual(index === changed ? expect.anything() : sequential[index]));
        return result;
      });
    };
    await handed('cold', null, cache('a'));
    // every file from the cache, then one file changed in the middle: the others wait for it as their bytes
    expect((await handed('all cached', cache('a'), cache('b'))).cacheHits).toBe(files.length);
    const middle = Math.floor(files.length / 2);
    const original = readFileSync(path.join(input, files[middle]));
    writeFileSync(path.join(input, files[middle]), Buffer.concat([original, Buffer.from('\nOperator: Thank you.\n')]));
    try {
      expect((await handed('one changed', cache('b'), cache('c'), middle)).cacheHits).toBe(files.length - 1);
    } finally {
      writeFileSync(path.join(input, files[middle]), original);
    }
  }, 60_000);

  it.each([1, 2])('reports a file that cannot be read as an unreadable row and goes on (jobs %i)', async (jobs) => {
    const result = await processFiles({ input, files: ['missing.txt', ...files], jobs, cacheFrom: null, cacheTo: null, minFilesForWorkers: 0 });
    expect(result.rows[0].ingest_errors).toEqual([
      expect.objectContaining({ source_path: 'missing.txt', problem: 'unreadable', severity: 'error', action: 'skipped', doc_id: null }),
    ]);
    expect(result.rows[0].ingest_errors[0].message).toMatch(/^missing\.txt: the file cannot be read \(ENOENT: no such file or directory\); skipped\.$/);
    expect(result.rows.slice(1)).toEqual(sequential);
  }, 60_000);
});

describe('the cache', () => {
  let cacheDir: string;
  let cacheOf: (build: string) => string;

  beforeAll(() => {
    cacheDir = path.join(tmp, 'cache');
    cacheOf = (build) => path.join(cacheDir, build);
  });

  it('reuses the rows of every unchanged file on a second build, in a worker build as in this one', async () => {
    const first = await run({ jobs: 2, cacheTo: cacheOf('1') });
    expect(first.cacheHits).toBe(0);
    const second = await run({ jobs: 2, cacheFrom: cacheOf('1'), cacheTo: cacheOf('2') });
    expect(second.cacheHits).toBe(files.length);
    expect(second.rows).toEqual(sequential);
    const third = await run({ jobs: 1, cacheFrom: cacheOf('2'), cacheTo: cacheOf('3') });
    expect(third.cacheHits).toBe(files.length);
    expect(third.rows).toEqual(sequential);
  }, 60_000);

  it('processes a changed file again and reuses the others', async () => {
    await run({ cacheTo: cacheOf('before-change') });
    const changed = files.find((f) => f.startsWith('transcripts/'))!;
    const file = path.join(input, changed);
    const original = readFileSync(file);
    try {
      writeFileSync(file, Buffer.concat([original, Buffer.from('\n')]));
      const { rows, cacheHits } = await run({ cacheFrom: cacheOf('before-change'), cacheTo: cacheOf('after-change') });
      expect(cacheHits).toBe(files.length - 1);
      const index = files.indexOf(changed);
      expect(rows[index]).toEqual(processTranscript(changed, new Uint8Array(readFileSync(file))));
      expect(rows[index].sha256).not.toBe(sequential[index].sha256);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('reuses nothing built by another pipeline version', async () => {
    await run({ cacheTo: cacheOf('v1'), pipelineVersion: 'test-1' });
    const same = await run({ cacheFrom: cacheOf('v1'), cacheTo: cacheOf('v1-again'), pipelineVersion: 'test-1' });
    expect(same.cacheHits).toBe(files.length);
    const bumped = await run({ cacheFrom: cacheOf('v1'), cacheTo: cacheOf('v2'), pipelineVersion: 'test-2' });
    expect(bumped.cacheHits).toBe(0);
    expect(bumped.rows).toEqual(sequential);
  });

  it('gives a renamed file its new source_path', async () => {
    const renamedInput = path.join(tmp, 'renamed-input');
    cpSync(input, renamedInput, { recursive: true });
    const before = await processFiles({ input: renamedInput, files, jobs: 1, cacheFrom: null, cacheTo: cacheOf('before-rename') });
    const old = 'formats/not-a-transcript.txt';
    const renamed = 'formats/renamed-not-a-transcript.txt';
    expect(before.rows[files.indexOf(old)].ingest_errors[0].source_path).toBe(old);
    renameSync(path.join(renamedInput, old), path.join(renamedInput, renamed));
    const renamedFiles = await listTranscriptFiles(renamedInput);
    const after = await processFiles({ input: renamedInput, files: renamedFiles, jobs: 1, cacheFrom: cacheOf('before-rename'), cacheTo: cacheOf('after-rename') });
    const rows = after.rows[renamedFiles.indexOf(renamed)];
    expect(after.cacheHits).toBe(files.length - 1);
    expect(rows.ingest_errors.map((e) => e.source_path)).toEqual([renamed]);
    expect(rows.ingest_errors[0].message).toContain(renamed);
    expect(rows.ingest_errors[0].message).not.toContain(old);
    expect(rows).toEqual(processTranscript(renamed, new Uint8Array(readFileSync(path.join(renamedInput, renamed)))));
  });

  it('starts afresh when the previous cache is missing or unreadable', async () => {
    const missing = await run({ cacheFrom: path.join(tmp, 'no-such-cache'), cacheTo: cacheOf('fresh') });
    expect(missing.cacheHits).toBe(0);
    const broken = cacheOf('broken');
    cpSync(cacheOf('fresh'), broken, { recursive: true });
    const [versionFolder] = readdirSync(broken);
    writeFileSync(path.join(broken, versionFolder, 'rows.v8'), 'not v8');
    const { rows, cacheHits } = await run({ cacheFrom: broken, cacheTo: cacheOf('after-broken') });
    expect(cacheHits).toBe(0);
    expect(rows).toEqual(sequential);
  });
});
