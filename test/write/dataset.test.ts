import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, type BuildSummary } from '../../pipeline/run.ts';
import { kpiWideTable } from '../../pipeline/write/views.ts';
import { columnsOf } from '../../schemas/columns.ts';
import { outputTables } from '../../schemas/tables.ts';
import { fixtures } from '../paths.ts';
import { queryDuckDb, readArrowRows, readCsvRows } from '../read-dataset.ts';

const input = path.join(fixtures, 'formats');
let tmp: string;
let out: string;
let summary: BuildSummary;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-write-'));
  out = path.join(tmp, 'out');
  summary = await buildDataset({ input, out, jobs: 1, strict: false });
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the written dataset', () => {
  it('reads every fixture layout and reports the file that is not a transcript', () => {
    expect(summary.documents).toBe(readdirSync(input).filter((f) => f !== 'not-a-transcript.txt').length);
    const errors = readCsvRows(out, outputTables.find((t) => t.name === 'ingest_errors')!);
    expect(errors).toEqual([expect.objectContaining({ source_path: 'not-a-transcript.txt', problem: 'not_a_transcript', action: 'skipped' })]);
    expect(String(errors[0].message)).toContain('not-a-transcript.txt');
  });

  it.each(outputTables.map((t) => [t.name, t] as const))('%s has the same rows in CSV, Arrow and DuckDB', async (_name, table) => {
    const csv = readCsvRows(out, table);
    const arrow = readArrowRows(out, table);
    const names = columnsOf(table).map((c) => `"${c.name}"`).join(', ');
    const duck = await queryDuckDb(out, `SELECT ${names} FROM "${table.name}"`);
    expect(arrow).toEqual(csv);
    expect(duck).toEqual(csv);
    expect(csv.length).toBe(summary.rows[table.name]);
  });

  it('comments every DuckDB table and column', async () => {
    const missing = await queryDuckDb(out, `SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = 'hashkpi' AND (comment IS NULL OR comment = '')`);
    expect(missing).toEqual([]);
    const tables = await queryDuckDb(out, `SELECT table_name FROM duckdb_tables() WHERE comment IS NOT NULL ORDER BY table_name`);
    expect(tables.map((t) => t.table_name)).toEqual(outputTables.map((t) => t.name).sort());
  });

  it('declares the primary keys and DATE columns in DuckDB', async () => {
    const keys = await queryDuckDb(
      out,
      `SELECT table_name, constraint_column_names AS columns FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY' ORDER BY table_name`,
    );
    const declared = outputTables.filter((t) => t.primaryKey).map((t) => ({ table_name: t.name, columns: t.primaryKey }));
    expect(keys).toEqual(declared.sort((a, b) => a.table_name.localeCompare(b.table_name)));
    expect(keys.map((k) => k.table_name)).toEqual(expect.arrayContaining(['documents', 'facts', 'kpis', 'mentions']));
    const dates = await queryDuckDb(out, `SELECT table_name || '.' || column_name AS c FROM duckdb_columns() WHERE data_type = 'DATE' AND table_name IN (${outputTables.map((t) => `'${t.name}'`).join(', ')}) ORDER BY c`);
    expect(dates.map((d) => d.c)).toEqual(
      ['documents.call_date', 'documents.quarter_end', 'documents.quarter_start', 'facts.period_end', 'facts.period_start', 'kpis.period_end', 'kpis.period_start'],
    );
    const [wide] = await queryDuckDb(out, `SELECT data_type FROM duckdb_columns() WHERE table_name = 'kpi_wide' AND column_name = 'quarter_end'`);
    expect(wide.data_type).toBe('DATE');
  });

  it('has one NULL convention: no table holds an empty text, a missing value is NULL', async () => {
    for (const table of outputTables) {
      for (const column of columnsOf(table).filter((c) => c.kind === 'string')) {
        const [{ n }] = await queryDuckDb(out, `SELECT count(*)::INTEGER AS n FROM "${table.name}" WHERE "${column.name}" = ''`);
        expect(n, `${table.name}.${column.name}`).toBe(0);
      }
    }
    const [level] = await queryDuckDb(out, `SELECT count(*)::INTEGER AS n FROM kpis WHERE change_kind IS NULL AND entity IS NULL`);
    expect(level.n).toBeGreaterThan(0);
  });

  it('describes every CSV in datapackage.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(out, 'datapackage.json'), 'utf8'));
    expect(pkg.resources.map((r: { path: string }) => r.path)).toEqual([...outputTables, kpiWideTable].map((t) => `csv/${t.name}.csv`));
    for (const r of pkg.resources) expect(r.schema.fields.every((f: { description: string }) => f.description.length > 0)).toBe(true);
  });

  it('writes kpi_wide, one row per call, as CSV, Arrow and Parquet with the rows of the view', async () => {
    const view = await queryDuckDb(out, `SELECT * FROM kpi_wide ORDER BY ticker, call_period`);
    expect(view.length).toBeGreaterThan(0);
    expect(readCsvRows(out, kpiWideTable)).toEqual(view);
    expect(readArrowRows(out, kpiWideTable)).toEqual(view);
    const file = path.join(out, 'parquet', 'kpi_wide.parquet').replace(/'/g, "''");
    expect(await queryDuckDb(out, `SELECT * FROM read_parquet('${file}') ORDER BY ticker, call_period`)).toEqual(view);
  });

  it('writes CSV as UTF-8 with a BOM so a spreadsheet shows Chinese', () => {
    const bytes = readFileSync(path.join(out, 'csv', 'paragraphs.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('萬');
  });

  it('gives byte-identical CSV and Arrow files for the same input', async () => {
    const again = path.join(tmp, 'again');
    await buildDataset({ input, out: again, jobs: 1, strict: false });
    for (const sub of ['csv', 'arrow']) {
      for (const file of readdirSync(path.join(out, sub))) {
        expect(readFileSync(path.join(again, sub, file)).equals(readFileSync(path.join(out, sub, file))), `${sub}/${file}`).toBe(true);
      }
    }
  });

  it('leaves no staging folder behind and replaces the previous dataset whole', async () => {
    await buildDataset({ input, out, jobs: 1, strict: false });
    expect(readdirSync(tmp).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
  });
});
