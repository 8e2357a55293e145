import { DuckDBInstance } from '@duckdb/node-api';
import { columnsOf, type TableSpec } from '../../schemas/columns.ts';

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A view's rows read out of the DuckDB file, typed like a table's rows (a DATE as ISO yyyy-mm-dd text). */
export async function readView(duckDbFile: string, table: TableSpec): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(duckDbFile, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const columns = columnsOf(table).map((c) => (c.kind === 'date' ? `strftime(${quoteIdent(c.name)}, '%Y-%m-%d') AS ${quoteIdent(c.name)}` : quoteIdent(c.name)));
    const order = table.key.map(quoteIdent).join(', ');
    return (await connection.runAndReadAll(`SELECT ${columns.join(', ')} FROM ${quoteIdent(table.name)} ORDER BY ${order}`)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
