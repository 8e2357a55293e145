import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryReadOnly } from '../../cli/read-only-query.ts';
import { builtDataset } from '../built-dataset.ts';

const built = builtDataset();
const db = () => path.join(built.out, 'hashkpi.duckdb');

/** The sha256 of every file of the dataset: a query must leave all of them as they were. */
function datasetHashes(): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const file of readdirSync(built.out, { recursive: true }) as string[]) {
    const full = path.join(built.out, file);
    if (statSync(full).isFile()) hashes[file] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return hashes;
}

describe('hashkpi query can only read the tables and views of its database', () => {
  it.each([
    ['COPY TO over the database file', (out: string) => `COPY (SELECT 1) TO '${path.join(out, 'hashkpi.duckdb')}'`],
    ['COPY TO a CSV of the dataset', (out: string) => `COPY (SELECT 1 AS x) TO '${path.join(out, 'csv', 'facts.csv')}' (HEADER)`],
    ['COPY TO a new Parquet file', (out: string) => `COPY kpis TO '${path.join(out, 'copied.parquet')}' (FORMAT parquet)`],
    ['EXPORT DATABASE', (out: string) => `EXPORT DATABASE '${path.join(out, 'exported')}'`],
    ['ATTACH a new database file', (out: string) => `ATTACH '${path.join(out, 'attached.duckdb')}' AS other`],
    ['ATTACH the database again to write through it', (out: string) => `ATTACH '${path.join(out, 'hashkpi.duckdb')}' AS again; CREATE TABLE again.t AS SELECT 1`],
    ['read_text of a file outside the dataset', () => `SELECT * FROM read_text('/etc/hostname')`],
    ['read_csv of a CSV in the dataset', (out: string) => `SELECT * FROM read_csv('${path.join(out, 'csv', 'kpis.csv')}')`],
    ['a file name as a table', (out: string) => `SELECT * FROM '${path.join(out, 'csv', 'kpis.csv')}'`],
    ['glob', () => `SELECT * FROM glob('/etc/*')`],
    ['SET to turn external access on again', () => `SET enable_external_access = true`],
    ['SET to unlock the configuration', () => `SET lock_configuration = false`],
    ['INSTALL an extension', () => `INSTALL httpfs`],
    ['a write to a table', () => `DELETE FROM kpis`],
  ])('refuses %s and changes nothing', async (_way, sql) => {
    const before = datasetHashes();
    await expect(queryReadOnly(db(), sql(built.out))).rejects.toThrow(/^a query reads the tables and views of .*hashkpi\.duckdb only: it cannot write, change settings or open other files \(/);
    expect(datasetHashes()).toEqual(before);
    for (const made of ['copied.parquet', 'exported', 'attached.duckdb']) expect(existsSync(path.join(built.out, made)), made).toBe(false);
  });
});
