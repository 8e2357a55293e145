import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { columnsOf, type TableSpec } from '../schemas/columns.ts';

type Cell = string | number | boolean | null;

/** A table's rows read back from its CSV the way a user's tool would, typed by the schema. */
export function readCsvRows(out: string, table: TableSpec): Record<string, Cell>[] {
  const text = readFileSync(path.join(out, 'csv', `${table.name}.csv`), 'utf8');
  const records: Record<string, string>[] = parse(text, { columns: true, bom: true });
  const columns = columnsOf(table);
  return records.map((r) =>
    Object.fromEntries(
      columns.map(({ name, kind }) => {
        const v = r[name];
        if (v === '') return [name, kind === 'string' && !columns.find((c) => c.name === name)?.nullable ? '' : null];
        if (kind === 'integer' || kind === 'double') return [name, Number(v)];
        if (kind === 'boolean') return [name, v === 'true'];
        return [name, /^''*[=+\-@\t\r]/.test(v) ? v.slice(1) : v];
      }),
    ),
  );
}

/** A day read back from Arrow (milliseconds) or DuckDB (a Date), as the ISO text the CSV holds. */
export const isoDay = (v: unknown): string => new Date(v instanceof Date ? v.getTime() : Number(v)).toISOString().slice(0, 10);

export function readArrowRows(out: string, table: TableSpec): Record<string, Cell>[] {
  const t = tableFromIPC(readFileSync(path.join(out, 'arrow', `${table.name}.arrow`)));
  return t.toArray().map((row) =>
    Object.fromEntries(
      columnsOf(table).map(({ name, kind }) => {
        const v = (row.toJSON() as Record<string, Cell>)[name] ?? null;
        return [name, kind === 'date' && v !== null ? isoDay(v) : v];
      }),
    ),
  );
}

export async function queryDuckDb(out: string, sql: string): Promise<Record<string, Cell>[]> {
  const instance = await DuckDBInstance.create(path.join(out, 'hashkpi.duckdb'), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    // a DATE comes back as a Date at midnight UTC: compared as the ISO day the CSV holds
    return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? isoDay(v) : v]))) as Record<string, Cell>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
