import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { buildDataset } from '../../pipeline/run.ts';
import { duckDbDocumentsFile } from '../../pipeline/write/dataset-stream.ts';
import { columnsOf } from '../../schemas/columns.ts';
import { outputTables } from '../../schemas/tables.ts';
import { queryDuckDb } from '../read-dataset.ts';

let tmp: string;
let input: string;
let files: string[];
const incremental = () => path.join(tmp, 'incremental');
const cold = () => path.join(tmp, 'cold');

/** Every file under a folder, relative and sorted. */
const filesOf = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(path.join(dir, f)).isFile()).sort();

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-incremental-'));
  input = path.join(tmp, 'input');
  generateCorpus(24, input);
  files = filesOf(input);
  await buildDataset({ input, out: incremental(), jobs: 1, strict: false });
  // a call edited, one removed, one copied under another name, one new: then the same dataset again and from nothing
  appendFileSync(path.join(input, files[3]), '\nOperator: Thank you. Revenue for the quarter was $12.5 million. This concludes the call.\n');
  rmSync(path.join(input, files[7]));
  copyFileSync(path.join(input, files[11]), path.join(input, `${files[11]}.copy.txt`));
  writeFileSync(path.join(input, 'ZZZQ-2026Q1.txt'), readFileSync(path.join(input, files[15]), 'utf8').replace(/\$(\d)/g, '$$9$1'));
  await buildDataset({ input, out: incremental(), jobs: 2, strict: false });
  await buildDataset({ input, out: cold(), jobs: 1, strict: false });
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a build after a few files changed', () => {
  it('writes CSV and Arrow files byte for byte as a build from nothing', () => {
    const written = filesOf(path.join(cold(), 'csv')).map((f) => `csv/${f}`).concat(filesOf(path.join(cold(), 'arrow')).map((f) => `arrow/${f}`));
    expect(written.length).toBe(2 * (outputTables.length + 1));
    for (const file of written) expect(readFileSync(path.join(incremental(), file)).equals(readFileSync(path.join(cold(), file))), file).toBe(true);
  });

  it('updates the previous DuckDB file to the same rows as a build from nothing, and says which documents it holds', async () => {
    for (const table of outputTables) {
      const columns = columnsOf(table).map((c) => `"${c.name}"`).join(', ');
      const sql = `SELECT ${columns} FROM "${table.name}" ORDER BY ${columns}`;
      expect(await queryDuckDb(incremental(), sql), table.name).toEqual(await queryDuckDb(cold(), sql));
    }
    const views = `SELECT count(*) AS n FROM kpi_wide`;
    expect(await queryDuckDb(incremental(), views)).toEqual(await queryDuckDb(cold(), views));
    const held = JSON.parse(readFileSync(path.join(incremental(), duckDbDocumentsFile), 'utf8'));
    const documents = await queryDuckDb(cold(), `SELECT source_path, doc_id FROM documents ORDER BY source_path`);
    expect([...held.documents].sort()).toEqual(documents.map((d) => [d.source_path, d.doc_id]));
    expect(held).toEqual(JSON.parse(readFileSync(path.join(cold(), duckDbDocumentsFile), 'utf8')));
  });

  it('writes the same report, drawing again only the charts whose points changed', () => {
    expect(readFileSync(path.join(incremental(), 'report.html')).equals(readFileSync(path.join(cold(), 'report.html')))).toBe(true);
    const charts = (out: string) => Object.keys(JSON.parse(readFileSync(path.join(out, 'cache', 'report-charts.json'), 'utf8')).charts).sort();
    expect(charts(incremental())).toEqual(charts(cold()));
    expect(charts(cold()).length).toBeGreaterThan(0);
  });

  it('leaves none of its working files in the dataset', () => {
    for (const out of [incremental(), cold()]) {
      expect(existsSync(path.join(out, '.kpi-facts.v8'))).toBe(false);
      expect(existsSync(path.join(out, '.duckdb-new-rows'))).toBe(false);
    }
  });
});
