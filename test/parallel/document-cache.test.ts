import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CacheReader, CacheWriter } from '../../pipeline/parallel/document-cache.ts';
import { processFiles } from '../../pipeline/parallel/process-files.ts';
import { callParagraphs, transcriptOf } from '../call-paragraphs.ts';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-cache-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const version = 'cache-test';
const folderOf = (root: string) => path.join(root, encodeURIComponent(version));

/** A cache of two entries, `a.txt` then `b.txt`, in a folder of its own. */
function twoEntries(name: string): { root: string; a: Uint8Array; b: Uint8Array } {
  const root = path.join(tmp, name);
  const a = serialize({ value: 73_600_000 });
  const b = serialize({ value: 1_231 });
  const writer = CacheWriter.create(root, version);
  writer.append('a.txt', 'sha-a', a);
  writer.append('b.txt', 'sha-b', b);
  writer.close();
  return { root, a, b };
}

const readBoth = (root: string) => {
  const reader = CacheReader.open(root, version)!;
  try {
    return [reader.read('a.txt', 'sha-a'), reader.read('b.txt', 'sha-b')];
  } finally {
    reader.close();
  }
};

describe('the cache checks each entry', () => {
  it('reads back what was written', () => {
    const { root, a, b } = twoEntries('intact');
    expect(readBoth(root)).toEqual([new Uint8Array(a), new Uint8Array(b)]);
  });

  it('a changed byte of an entry is a miss; the other entry still reads', () => {
    const { root, a, b } = twoEntries('changed-byte');
    const pack = path.join(folderOf(root), 'rows.v8');
    const bytes = readFileSync(pack);
    bytes[a.length - 2] ^= 0x10; // inside the double of a
    writeFileSync(pack, bytes);
    expect(readBoth(root)).toEqual([null, new Uint8Array(b)]);
  });

  it.each([
    ['one byte longer', (length: number) => length + 1],
    ['one byte shorter', (length: number) => length - 1],
    ['negative', () => -5],
    ['beyond the pack', () => 1e15],
    ['not a number', () => 'x'],
    ['not an integer', () => 3.5],
  ])('a bad length (%s) is a miss, never an exception', (_, bad) => {
    const { root, b } = twoEntries(`bad-length-${_.replace(/\W/g, '-')}`);
    const indexFile = path.join(folderOf(root), 'index.json');
    const index = JSON.parse(readFileSync(indexFile, 'utf8'));
    index.entries[0][3] = bad(index.entries[0][3]);
    writeFileSync(indexFile, JSON.stringify(index));
    expect(readBoth(root)).toEqual([null, new Uint8Array(b)]);
  });

  it('an entry without a checksum (an older cache) or with a wrong one is a miss', () => {
    const { root } = twoEntries('no-checksum');
    const indexFile = path.join(folderOf(root), 'index.json');
    const index = JSON.parse(readFileSync(indexFile, 'utf8'));
    index.entries[0] = index.entries[0].slice(0, 4);
    index.entries[1][4] = '0'.repeat(64);
    writeFileSync(indexFile, JSON.stringify(index));
    expect(readBoth(root)).toEqual([null, null]);
  });
});

describe('a build from a damaged cache', () => {
  it('recomputes the damaged entry: a changed double in the pack never reaches the rows', async () => {
    const input = path.join(tmp, 'input');
    const files = ['ZQMN-2025Q1.wire.txt', 'ZQMN-2025Q2.wire.txt'];
    rmSync(input, { recursive: true, force: true });
    mkdirSync(input, { recursive: true });
    for (const [i, file] of files.entries()) {
      const text = transcriptOf(callParagraphs.slice(0, 8 + i), 'ZQMN', `Q${i + 1} 2025`);
      writeFileSync(path.join(input, file), text);
    }
    const run = (cacheFrom: string | null, cacheTo: string | null) =>
      processFiles({ input, files, jobs: 1, cacheFrom, cacheTo, pipelineVersion: version, minFilesForWorkers: 0 });
    const fresh = await run(null, path.join(tmp, 'build-1'));
    const revenue = fresh.rows[1].facts.find((f) => f.metric === 'revenue_total' && f.change_kind === null)!;
    expect(revenue.value).toBe(84_300_000);

    // 84.3 million as the double v8 wrote, changed to 89.3 million in place
    const pack = path.join(folderOf(path.join(tmp, 'build-1')), 'rows.v8');
    const bytes = readFileSync(pack);
    const find = Buffer.alloc(8);
    find.writeDoubleLE(84_300_000);
    const at = bytes.lastIndexOf(find);
    expect(at).toBeGreaterThan(0);
    bytes.writeDoubleLE(89_300_000, at);
    writeFileSync(pack, bytes);

    const again = await run(path.join(tmp, 'build-1'), path.join(tmp, 'build-2'));
    expect(again.cacheHits).toBe(1);
    expect(again.rows).toEqual(fresh.rows);
    // and the recomputed entry is written whole to the next cache
    const third = await run(path.join(tmp, 'build-2'), null);
    expect(third.cacheHits).toBe(2);
    expect(third.rows).toEqual(fresh.rows);

    // the same when the rows are handed over in order (a build's streaming): the damaged entry is processed again on its turn
    writeFileSync(pack, bytes);
    const handed: unknown[] = [];
    const streamed = await processFiles({ input, files, jobs: 1, cacheFrom: path.join(tmp, 'build-1'), cacheTo: path.join(tmp, 'build-3'), pipelineVersion: version, minFilesForWorkers: 0, onDocument: (index, rows) => handed.push([index, rows]) });
    expect(streamed.cacheHits).toBe(1);
    expect(handed).toEqual(fresh.rows.map((rows, index) => [index, rows]));
    const fourth = await run(path.join(tmp, 'build-3'), null);
    expect(fourth.cacheHits).toBe(2);
    expect(fourth.rows).toEqual(fresh.rows);
  });
});

describe('a rebuild extends the previous pack', () => {
  const packOf = (root: string) => path.join(folderOf(root), 'rows.v8');

  it('lists the entries of unchanged files where they are and writes only the changed one, leaving the previous pack as it was; mostly dead packs are written anew', () => {
    const first = path.join(tmp, 'extend-1');
    const a = serialize({ value: 1 });
    const b = serialize({ value: 2, text: 'x'.repeat(1000) });
    const w1 = CacheWriter.create(first, version);
    w1.append('a.txt', 'sha-a', a);
    w1.append('b.txt', 'sha-b', b);
    w1.close();
    const sizeBefore = statSync(packOf(first)).size;

    // b changed: a is listed again without its bytes, b's new bytes appended
    const second = path.join(tmp, 'extend-2');
    const previous = CacheReader.open(first, version)!;
    const w2 = CacheWriter.create(second, version, first);
    expect(w2.extendsPrevious).toBe(true);
    expect(previous.read('a.txt', 'sha-a')).toEqual(new Uint8Array(a));
    w2.reuse('a.txt', 'sha-a', previous.entry('a.txt', 'sha-a')!);
    const b2 = serialize({ value: 3, text: 'y'.repeat(10) });
    w2.append('b.txt', 'sha-b2', b2);
    w2.close();
    previous.close();
    // the first pack linked, never written to; the changed entry in a pack after it
    expect(statSync(packOf(second)).size).toBe(sizeBefore);
    expect(statSync(path.join(folderOf(second), 'rows-1.v8')).size).toBe(b2.length);
    expect(statSync(packOf(first)).ino).toBe(statSync(packOf(second)).ino);
    const reader = CacheReader.open(second, version)!;
    expect([reader.read('a.txt', 'sha-a'), reader.read('b.txt', 'sha-b2'), reader.read('b.txt', 'sha-b')]).toEqual([new Uint8Array(a), new Uint8Array(b2), null]);
    reader.close();
    // the first build's cache still reads as it was
    expect(readBoth(first)).toEqual([new Uint8Array(a), new Uint8Array(b)]);

    // a and b2 are live now, less than half the pack (b was long): the next build starts a new pack
    const third = path.join(tmp, 'extend-3');
    const w3 = CacheWriter.create(third, version, second);
    expect(w3.extendsPrevious).toBe(false);
    expect(() => w3.reuse('b.txt', 'sha-b2', { offset: 0, length: 1, checksum: '' })).toThrow(/cannot be reused/);
    w3.append('b.txt', 'sha-b2', b2);
    w3.close();
    expect(statSync(packOf(third)).size).toBe(b2.length);
  });
});

describe('rebuild after rebuild', () => {
  it('writes one pack anew once the linked packs are 16', () => {
    let root = path.join(tmp, 'many-0');
    const first = CacheWriter.create(root, version);
    first.append('b0.txt', 'sha-b', serialize({ value: 0 }));
    first.close();
    const files = ['b0.txt'];
    const extended: boolean[] = [];
    for (let build = 1; build <= 17; build++) {
      const reader = CacheReader.open(root, version)!;
      const next = path.join(tmp, `many-${build}`);
      const writer = CacheWriter.create(next, version, root);
      extended.push(writer.extendsPrevious);
      // every file kept, one added: every byte of the packs stays live
      for (const file of files) {
        if (writer.extendsPrevious) writer.reuse(file, 'sha-b', reader.entry(file, 'sha-b')!);
        else writer.append(file, 'sha-b', reader.read(file, 'sha-b')!);
      }
      files.push(`b${build}.txt`);
      writer.append(`b${build}.txt`, 'sha-b', serialize({ value: build }));
      writer.close();
      reader.close();
      root = next;
    }
    // the first build's one pack, then one more each build, until 16
    expect(extended).toEqual([...Array(15).fill(true), false, true]);
    const reader = CacheReader.open(root, version)!;
    expect(files.map((file) => reader.read(file, 'sha-b'))).toEqual(files.map((_, value) => new Uint8Array(serialize({ value }))));
    reader.close();
  });
});
