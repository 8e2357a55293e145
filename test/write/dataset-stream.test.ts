import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { speakers } from '../../schemas/index.ts';
import { outputTables } from '../../schemas/tables.ts';
import { rowsPerBatch, tableToArrow, writeArrow } from '../../pipeline/write/arrow.ts';
import { writeCsv } from '../../pipeline/write/csv.ts';
import { DatasetStream } from '../../pipeline/write/dataset-stream.ts';
import { encodeRows } from '../../pipeline/write/encoded-document.ts';
import { queryDuckDb, readArrowRows, readCsvRows } from '../read-dataset.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-stream-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const roles = ['executive', 'analyst', 'operator', 'investor_relations'];
// text a spreadsheet would run, text that begins with apostrophes, quotes, commas and line breaks
const names = ['=cmd, "quoted"', "'=already guarded?", "''+2", "'plain", '-5 and\r\nmore', 'Speaker 陳'];
function speakerRows(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    doc_id: `doc-${Math.floor(i / 7)}`,
    speaker_index: i % 7,
    name: i % 11 === 0 ? names[(i / 11) % names.length] : `Speaker 陳 ${i}`,
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

function streamedDir(name: string): string {
  const dir = path.join(tmp, name);
  for (const d of [dir, path.join(dir, 'csv'), path.join(dir, 'arrow')]) mkdirSync(d);
  return dir;
}

describe('DatasetStream', () => {
  // none, one row, one batch exactly, one row past it, several batches
  it.each([0, 1, rowsPerBatch, rowsPerBatch + 1, 2 * rowsPerBatch + 12_345])(
    'writes %i rows a document at a time: the CSV byte for byte as writeCsv writes them at once, the same rows in Arrow and DuckDB',
    async (count) => {
      const rows = speakerRows(count);
      const whole = path.join(tmp, `whole-${count}`);
      mkdirSync(whole);
      await writeCsv(path.join(whole, 'speakers.csv'), speakers, rows);
      await writeArrow(path.join(whole, 'speakers.arrow'), speakers, rows);
      // every table open, as a build has them (the views need them all), rows only for one
      const streamed = streamedDir(`streamed-${count}`);
      const stream = DatasetStream.open(streamed, outputTables);
      const parts = inParts(rows);
      for (const part of parts) stream.add(encodeRows(speakers, part));
      await stream.close();
      expect(stream.counts().find(({ table }) => table === speakers)?.rows).toBe(count);
      expect(readFileSync(path.join(streamed, 'csv', 'speakers.csv')).equals(readFileSync(path.join(whole, 'speakers.csv')))).toBe(true);
      // a record batch per document (a part), cut at rowsPerBatch
      const arrow = tableFromIPC(readFileSync(path.join(streamed, 'arrow', 'speakers.arrow')));
      expect(arrow.batches.length).toBe(Math.max(1, parts.reduce((n, part) => n + Math.ceil(part.length / rowsPerBatch), 0)));
      const csvRows = readCsvRows(streamed, speakers);
      expect(readArrowRows(streamed, speakers)).toEqual(csvRows);
      expect(await queryDuckDb(streamed, `SELECT * FROM speakers`)).toEqual(csvRows);
      expect(csvRows.length).toBe(count);
      if (count > 0 && count < 200) expect(csvRows.map((r) => r.name)).toEqual(rows.map((r) => r.name));
    },
    60_000,
  );

  it("writes one part byte for byte as apache-arrow's own writer writes its rows", async () => {
    const rows = speakerRows(rowsPerBatch + 5);
    const dir = streamedDir('one-part');
    const stream = DatasetStream.open(dir, outputTables);
    stream.add(encodeRows(speakers, rows));
    await stream.close();
    const own = Buffer.from(tableToIPC(tableToArrow(speakers, rows), 'file'));
    expect(readFileSync(path.join(dir, 'arrow', 'speakers.arrow')).equals(own)).toBe(true);
    await writeArrow(path.join(tmp, 'one-part.arrow'), speakers, rows);
    expect(readFileSync(path.join(tmp, 'one-part.arrow')).equals(own)).toBe(true);
  });

  it('loads into DuckDB a line longer than its default limit of 2 MB', async () => {
    const rows = speakerRows(3);
    rows[1].name = 'Kestrel, "long" 陳 '.repeat(200_000); // 3.6 MB of UTF-8
    const dir = streamedDir('long-line');
    const stream = DatasetStream.open(dir, outputTables);
    stream.add(encodeRows(speakers, rows));
    await stream.close();
    const names = await queryDuckDb(dir, `SELECT name FROM speakers ORDER BY speaker_index`);
    expect(names.map((r) => r.name)).toEqual(rows.map((r) => r.name));
  }, 60_000);

  it('refuses rows of a table it has not opened, naming the tables it has', () => {
    const stream = DatasetStream.open(streamedDir('unknown'), [speakers]);
    expect(() => stream.add({ table: 'facts', rows: 1, csv: new Uint8Array(), longestLineBytes: 0, arrow: { bytes: new Uint8Array(), blocks: [] } })).toThrow(/no table facts is open; expected one of speakers$/);
    stream.abandon();
  });
});
