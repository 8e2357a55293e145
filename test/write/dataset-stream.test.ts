import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { speakers } from '../../schemas/index.ts';
import { outputTables } from '../../schemas/tables.ts';
import { rowsPerBatch, writeArrow } from '../../pipeline/write/arrow.ts';
import { writeCsv } from '../../pipeline/write/csv.ts';
import { DatasetStream } from '../../pipeline/write/dataset-stream.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-stream-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const roles = ['executive', 'analyst', 'operator', 'investor_relations'];
function speakerRows(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    doc_id: `doc-${Math.floor(i / 7)}`,
    speaker_index: i % 7,
    name: i % 11 === 0 ? '=cmd, "quoted"' : `Speaker 陳 ${i}`,
    title: i % 3 === 0 ? null : i % 5 === 0 ? '' : 'Chief Financial Officer',
    organization: i % 4 === 0 ? null : 'Kestrel\nRidge',
    role: roles[i % 4],
    turns: i % 13,
  }));
}

/** The rows in parts of uneven sizes, as documents bring them. */
function inParts(rows: Record<string, unknown>[]): Record<string, unknown>[][] {
  const parts: Record<string, unknown>[][] = [];
  for (let i = 0, size = 1; i < rows.length; i += size, size = (size * 7) % 4099 || 1) parts.push(rows.slice(i, i + size));
  return parts;
}

describe('DatasetStream', () => {
  // none, one row, one batch exactly, one row past it, several batches
  it.each([0, 1, rowsPerBatch, rowsPerBatch + 1, 2 * rowsPerBatch + 12_345])('writes %i rows a part at a time byte for byte as writeCsv and writeArrow write them at once', async (count) => {
    const rows = speakerRows(count);
    const whole = path.join(tmp, `whole-${count}`);
    const streamed = path.join(tmp, `streamed-${count}`);
    mkdirSync(whole);
    for (const dir of [streamed, path.join(streamed, 'csv'), path.join(streamed, 'arrow')]) mkdirSync(dir);
    await writeCsv(path.join(whole, 'speakers.csv'), speakers, rows);
    await writeArrow(path.join(whole, 'speakers.arrow'), speakers, rows);
    // every table open, as a build has them (the views need them all), rows only for one
    const stream = await DatasetStream.open(streamed, outputTables);
    for (const part of inParts(rows)) stream.add('speakers', part);
    await stream.close();
    expect(stream.counts().find(({ table }) => table === speakers)?.rows).toBe(count);
    expect(readFileSync(path.join(streamed, 'csv', 'speakers.csv')).equals(readFileSync(path.join(whole, 'speakers.csv')))).toBe(true);
    expect(readFileSync(path.join(streamed, 'arrow', 'speakers.arrow')).equals(readFileSync(path.join(whole, 'speakers.arrow')))).toBe(true);
  }, 60_000);

  it('refuses rows of a table it has not opened, naming the tables it has', async () => {
    const dir = path.join(tmp, 'unknown');
    for (const d of [dir, path.join(dir, 'csv'), path.join(dir, 'arrow')]) mkdirSync(d);
    const stream = await DatasetStream.open(dir, [speakers]);
    expect(() => stream.add('facts', [{}])).toThrow(/no table facts is open; expected one of speakers$/);
    stream.abandon();
  });
});
